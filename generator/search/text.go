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
	var b strings.Builder
	n := 0 // letters in b
	flush := func() {
		if n > 0 && n <= maxWordLen {
			fn(b.String())
		}
		b.Reset()
		n = 0
	}
	for _, r := range text {
		switch {
		case r == '\'' || r == '’':
			continue
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
				b.WriteRune(r)
				n++
				continue
			}
			flush()
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			r = unicode.ToLower(r)
			if f, ok := foldMap[r]; ok {
				r = f
			}
			b.WriteRune(r)
			n++
		default:
			flush()
		}
	}
	flush()
}

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

// Terms are the index terms of text: its words without stop words,
// stemmed.
func Terms(text string) []string {
	var out []string
	EachWord(text, func(w string) {
		if !stopWords[w] {
			out = append(out, Stem(w))
		}
	})
	return out
}
