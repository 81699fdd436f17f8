package search

import "sync"

// tokenizer turns text into terms, remembering the stems it made: a site
// uses a few thousand words many times over.
type tokenizer struct {
	stems map[string]string
	out   []string
}

var tokenizers = sync.Pool{New: func() any { return &tokenizer{stems: map[string]string{}} }}

func getTokenizer() *tokenizer { return tokenizers.Get().(*tokenizer) }

func putTokenizer(t *tokenizer) {
	if len(t.stems) > 1<<16 {
		clear(t.stems)
	}
	tokenizers.Put(t)
}

// terms returns the index terms of text (Terms); the slice is reused by
// the next call.
func (t *tokenizer) terms(text string) []string {
	t.out = t.out[:0]
	EachWord(text, func(w string) {
		if stopWords[w] {
			return
		}
		s, ok := t.stems[w]
		if !ok {
			s = Stem(w)
			t.stems[w] = s
		}
		t.out = append(t.out, s)
	})
	return t.out
}
