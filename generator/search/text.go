package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldFrom and foldTo fold accented Latin letters to ASCII, letter by
// letter (search.js holds the same two strings).
const (
	foldFrom = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿ"
	foldTo   = "aaaaaaceeeeiiiinoooooouuuuyy"
)

var foldMap = func() map[rune]rune {
	m := map[rune]rune{}
	to := []rune(foldTo)
	for i, r := range []rune(foldFrom) {
		m[r] = to[i]
	}
	return m
}()

// maxWordLen is the longest word indexed; longer runs (hashes, base64)
// are skipped.
const maxWordLen = 32

// Words splits text into normalised words: lower case, accents folded,
// apostrophes dropped ("don't" is "dont"), split at anything that is not
// a letter or a digit. Words longer than maxWordLen are left out.
func Words(text string) []string {
	var out []string
	EachWord(text, func(w string) { out = append(out, w) })
	return out
}

// EachWord calls fn with each normalised word of text, as Words returns
// them, without collecting them.
func EachWord(text string, fn func(w string)) {
	eachWord(text, nil, func(w []byte) { fn(string(w)) })
}

// eachWord calls fn with each normalised word of text, in buf's memory:
// fn must copy what it keeps. It returns buf for the next call.
func eachWord(text string, buf []byte, fn func(w []byte)) []byte {
	for i := 0; i < len(text); {
		var n int
		buf, n, i = scanWord(text, i, buf[:0])
		if n > 0 && n <= maxWordLen {
			fn(buf)
		}
	}
	return buf
}

// scanWord appends to w the normalised word of text that starts at i
// (empty when text[i:] starts with what ends a word), and returns it, how
// many letters it has and the index after what ended it.
func scanWord(text string, i int, w []byte) ([]byte, int, int) {
	n := 0 // letters in w
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf { // ASCII, most of the text: no decoding
			i++
			if l := wordByte[c]; l != 0 {
				w = append(w, l)
				n++
			} else if c != '\'' {
				return w, n, i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == '’':
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			r = unicode.ToLower(r)
			if f, ok := foldMap[r]; ok {
				r = f
			}
			w = utf8.AppendRune(w, r)
			n++
		default:
			return w, n, i
		}
	}
	return w, n, i
}

// wordByte is an ASCII letter or digit in a word (lower case), 0 for
// what is not.
var wordByte = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// stopWords are not indexed: they are in most results and say little of
// any ("how do I calculate LTV" searches for "calculate LTV").
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(StopWordList) {
		m[w] = true
	}
	return m
}()

// StopWordList is the words left out of the index and of queries
// (search.js holds the same list).
const StopWordList = "a an and are as at be but by can could do does for from had has have how i if in into is it its " +
	"me my of on or our should that the their them then there these they this to vs versus was we were what when where " +
	"which who why will with would you your"

// IsStopWord reports whether w, normalised, is left out of the index.
func IsStopWord(w string) bool { return stopWords[w] }
