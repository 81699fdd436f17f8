package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzQueryWords feeds visitors' queries to the normaliser and stemmer:
// they never panic, words hold no space, no ASCII capital, no apostrophe,
// and a stem is never longer than its word.
func FuzzQueryWords(f *testing.F) {
	for _, s := range []string{"how do I calculate ltv", "Cross-sell vs. up-sell", "don't", "ÀÉÎ café", "", "   ", "a b c",
		"calcualte", strings.Repeat("x", 40), "\xff\xfe", "ties ponies caresses", "日本語", "1234 b2b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, w := range QueryWords(q) {
			if w.Raw == "" || strings.ContainsAny(w.Raw, " '’ABCDEFGHIJKLMNOPQRSTUVWXYZ") || !utf8.ValidString(w.Raw) {
				t.Errorf("word %q of %q", w.Raw, q)
			}
			if len(w.Stem) > len(w.Raw) || w.Stem == "" {
				t.Errorf("stem %q of %q", w.Stem, w.Raw)
			}
			if IsStopWord(w.Raw) {
				t.Errorf("stop word %q kept", w.Raw)
			}
			_ = OneEdit(w.Stem, w.Raw)
		}
	})
}
