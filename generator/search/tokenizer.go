package search

import "sync"

// tokenizer turns text into terms, remembering the stems it made (a site
// uses a few thousand words many times over), with buffers reused from
// one part to the next.
type tokenizer struct {
	stems map[string]string
	out   []string
	buf   []byte
	// counts are the current part's term frequencies by field; index
	// maps a term to its row.
	counts [][fields]float32
	index  map[string]int32
	order  []string // terms in index order
}

var tokenizers = sync.Pool{New: func() any {
	return &tokenizer{stems: map[string]string{}, index: map[string]int32{}}
}}

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
	t.buf = eachWord(text, t.buf, func(w []byte) {
		s, ok := t.stems[string(w)]
		if !ok {
			word := string(w)
			s = ""
			if !stopWords[word] {
				s = Stem(word)
			}
			t.stems[word] = s
		}
		if s != "" {
			t.out = append(t.out, s)
		}
	})
	return t.out
}

// reset starts counting a new part.
func (t *tokenizer) reset() {
	clear(t.index)
	t.counts = t.counts[:0]
	t.order = t.order[:0]
}

// count adds terms to the current part's field.
func (t *tokenizer) count(terms []string, field int) {
	for _, term := range terms {
		i, ok := t.index[term]
		if !ok {
			i = int32(len(t.counts))
			t.index[term] = i
			t.counts = append(t.counts, [fields]float32{})
			t.order = append(t.order, term)
		}
		t.counts[i][field]++
	}
}
