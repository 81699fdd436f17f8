package search

import (
	"sync"
	"unicode/utf8"
)

// tokenizer turns text into terms, remembering the stems it made (a site
// uses a few thousand words many times over), with buffers reused from
// one part to the next. A term is known by a number (its index in names),
// so counting a part's terms needs no map.
type tokenizer struct {
	words wordTable        // word -> term number, -1 for a stop word
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
	// builder is the Builder whose term numbers slots holds (its gen):
	// slots[id] is term id's index in Builder.list, -1 when not known yet,
	// so adding a page's results needs no map either.
	builder uint64
	slots   []int32
	// recs and scores are the page's results being made, reused when the
	// builder does not keep them.
	recs   []scored
	scores []termScore
}

var tokenizers = sync.Pool{New: func() any { return newTokenizer() }}

func newTokenizer() *tokenizer { return &tokenizer{ids: map[string]int32{}} }

func getTokenizer() *tokenizer { return tokenizers.Get().(*tokenizer) }

// maxTokenizerWords bounds the words a tokenizer remembers: past it, it
// starts afresh (a site with a large vocabulary).
const maxTokenizerWords = 1 << 16

func putTokenizer(t *tokenizer) {
	if t.words.len() > maxTokenizerWords {
		t.words.reset()
		clear(t.ids)
		t.names, t.row, t.slots = t.names[:0], t.row[:0], t.slots[:0]
	}
	clear(t.recs) // they hold the page's display data
	t.recs = t.recs[:0]
	tokenizers.Put(t)
}

// terms returns the numbers of the index terms of text (Terms); the slice
// is reused by the next call. A word of lower-case letters and digits
// between ASCII separators, most words, is looked up where it stands;
// others are normalised by scanWord first, as eachWord does.
func (t *tokenizer) terms(text string) []int32 {
	t.out = t.out[:0]
	for i := 0; i < len(text); {
		if byteKind[text[i]] == separator {
			i++
			continue
		}
		j := i
		for j < len(text) && byteKind[text[j]] == plain {
			j++
		}
		if j > i && (j == len(text) || byteKind[text[j]] == separator) {
			if j-i <= maxWordLen {
				t.word(t.wordID(text[i:j], wordHash(text, i, j)))
			}
			i = j
			continue
		}
		var n int
		t.buf, n, i = scanWord(text, i, t.buf[:0])
		if n > 0 && n <= maxWordLen {
			t.word(wordID(t, t.buf, wordHash(t.buf, 0, len(t.buf))))
		}
	}
	return t.out
}

// The kinds of byte in text, for terms' fast path.
const (
	separator = iota // an ASCII byte that ends a word
	plain            // a-z, 0-9
	other            // A-Z, an apostrophe, a byte of a UTF-8 sequence
)

var byteKind = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf || c == '\'' || 'A' <= c && c <= 'Z':
			t[c] = other
		case wordByte[c] != 0:
			t[c] = plain
		}
	}
	return t
}()

// word adds a word's term number to out, unless it is a stop word's.
func (t *tokenizer) word(id int32) {
	if id >= 0 {
		t.out = append(t.out, id)
	}
}

func (t *tokenizer) wordID(w string, h uint32) int32 { return wordID(t, w, h) }

// wordID is the term number of normalised word w, whose hash is h: -1 for
// a stop word.
func wordID[W string | []byte](t *tokenizer, w W, h uint32) int32 {
	if id, ok := lookupWord(&t.words, w, h); ok {
		return id
	}
	word := string(w)
	id := int32(-1)
	if !stopWords[word] {
		id = t.id(Stem(word))
	}
	putWord(&t.words, w, h, id)
	return id
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

// wordTable maps normalised words to term numbers: a hash table with open
// addressing whose keys live in one byte slice, looked up with the word's
// bytes as eachWord gives them (a Go map would want a string, and hash
// it again).
type wordTable struct {
	slots []wordSlot // a power of two of them, at most half used
	keys  []byte
	n     int
}

type wordSlot struct {
	hash uint32 // 0: empty (a hash of 0 is taken for 1)
	off  uint32 // the word is keys[off:off+size]
	size uint32
	id   int32
}

func (m *wordTable) len() int { return m.n }

func (m *wordTable) reset() {
	clear(m.slots)
	m.keys = m.keys[:0]
	m.n = 0
}

// lookupWord returns the number of word w, whose hash is h.
func lookupWord[W string | []byte](m *wordTable, w W, h uint32) (int32, bool) {
	if len(m.slots) == 0 {
		return 0, false
	}
	h = max(h, 1)
	mask := uint32(len(m.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &m.slots[i]
		if s.hash == 0 {
			return 0, false
		}
		if s.hash == h && int(s.size) == len(w) && string(m.keys[s.off:s.off+s.size]) == string(w) {
			return s.id, true
		}
	}
}

// putWord adds word w, not in the table, with hash h and number id.
func putWord[W string | []byte](m *wordTable, w W, h uint32, id int32) {
	if 2*(m.n+1) > len(m.slots) {
		m.grow()
	}
	m.insert(wordSlot{hash: max(h, 1), off: uint32(len(m.keys)), size: uint32(len(w)), id: id})
	m.keys = append(m.keys, w...)
	m.n++
}

func (m *wordTable) insert(s wordSlot) {
	mask := uint32(len(m.slots) - 1)
	i := s.hash & mask
	for m.slots[i].hash != 0 {
		i = (i + 1) & mask
	}
	m.slots[i] = s
}

func (m *wordTable) grow() {
	old := m.slots
	m.slots = make([]wordSlot, max(1024, 2*len(old)))
	for _, s := range old {
		if s.hash != 0 {
			m.insert(s)
		}
	}
}

// wordHash hashes the word text[i:j] eight bytes at a time, reading past
// j when text has room (masked off): most words are one or two loads,
// with no call and no loop over their bytes.
func wordHash[W string | []byte](text W, i, j int) uint32 {
	const k = 0x9E3779B97F4A7C15
	h := uint64(j-i) * k
	for ; i+8 <= j; i += 8 {
		h = (h ^ load64(text, i)) * k
		h ^= h >> 29
	}
	if n := j - i; n > 0 {
		var tail uint64
		if i+8 <= len(text) {
			tail = load64(text, i) & (1<<(8*n) - 1)
		} else {
			for m := range n {
				tail |= uint64(text[i+m]) << (8 * m)
			}
		}
		h = (h ^ tail) * k
	}
	h ^= h >> 32
	return uint32(h)
}

// load64 is text[i:i+8] as a little-endian number.
func load64[W string | []byte](text W, i int) uint64 {
	_ = text[i+7]
	return uint64(text[i]) | uint64(text[i+1])<<8 | uint64(text[i+2])<<16 | uint64(text[i+3])<<24 |
		uint64(text[i+4])<<32 | uint64(text[i+5])<<40 | uint64(text[i+6])<<48 | uint64(text[i+7])<<56
}
