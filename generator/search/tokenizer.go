package search

import "sync"

// tokenizer turns text into terms, remembering the stems it made (a site
// uses a few thousand words many times over), with buffers reused from
// one part to the next. A term is known by a number (its index in names),
// so counting a part's terms needs no map.
type tokenizer struct {
	stems map[string]int32 // word -> term number, -1 for a stop word
	ids   map[string]int32 // term -> its number
	names []string         // the terms by number
	out   []int32
	buf   []byte
	// counts are the current part's term frequencies by field, a row per
	// term in order; row has each term's row+1, 0 when the part has
	// none yet.
	counts [][fields]float32
	order  []int32
	row    []int32
}

var tokenizers = sync.Pool{New: func() any {
	return &tokenizer{stems: map[string]int32{}, ids: map[string]int32{}}
}}

func getTokenizer() *tokenizer { return tokenizers.Get().(*tokenizer) }

func putTokenizer(t *tokenizer) {
	if len(t.stems) > 1<<16 {
		clear(t.stems)
		clear(t.ids)
		t.names, t.row = t.names[:0], t.row[:0]
	}
	tokenizers.Put(t)
}

// terms returns the numbers of the index terms of text (Terms); the slice
// is reused by the next call.
func (t *tokenizer) terms(text string) []int32 {
	t.out = t.out[:0]
	t.buf = eachWord(text, t.buf, func(w []byte) {
		id, ok := t.stems[string(w)]
		if !ok {
			word := string(w)
			id = -1
			if !stopWords[word] {
				id = t.id(Stem(word))
			}
			t.stems[word] = id
		}
		if id >= 0 {
			t.out = append(t.out, id)
		}
	})
	return t.out
}

// id is the number of term, given one if it has none.
func (t *tokenizer) id(term string) int32 {
	id, ok := t.ids[term]
	if !ok {
		id = int32(len(t.names))
		t.ids[term] = id
		t.names = append(t.names, term)
		t.row = append(t.row, 0)
	}
	return id
}

// reset starts counting a new part.
func (t *tokenizer) reset() {
	for _, id := range t.order {
		t.row[id] = 0
	}
	t.counts = t.counts[:0]
	t.order = t.order[:0]
}

// count adds terms to the current part's field.
func (t *tokenizer) count(terms []int32, field int) {
	for _, id := range terms {
		r := t.row[id]
		if r == 0 {
			t.counts = append(t.counts, [fields]float32{})
			t.order = append(t.order, id)
			r = int32(len(t.counts))
			t.row[id] = r
		}
		t.counts[r-1][field]++
	}
}
