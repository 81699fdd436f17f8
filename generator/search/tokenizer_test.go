package search

import (
	"strings"
	"testing"
)

// checkTerms checks the tokenizer's terms of text are those Words, the
// stop words and Stem make: its fast path for plain words and its word
// table change nothing.
func checkTerms(t *testing.T, tok *tokenizer, text string) {
	t.Helper()
	var want []string
	for _, w := range Words(text) {
		if !IsStopWord(w) {
			want = append(want, Stem(w))
		}
	}
	var got []string
	for _, id := range tok.terms(text) {
		got = append(got, tok.names[id])
	}
	if strings.Join(got, " ") != strings.Join(want, " ") || len(got) != len(want) {
		t.Errorf("terms(%q) = %q, want %q", text, got, want)
	}
}

func TestTokenizerTerms(t *testing.T) {
	tok := newTokenizer()
	long := strings.Repeat("x", maxWordLen)
	for _, text := range []string{"", " ", "a", "How do I calculate LTV?", "don't stop", "rock'n'roll", "café Crème brûlée",
		"cross-sell vs. up-sell", "it’s ’’ '' x", long, long + "y", long + "É", "ÉÉ" + long[2:], "b2b 2024 ab12cd", "a\x00b\xffc",
		"end.", "Ünïcödé—dash…", "tab\tnew\nline", "日本語 テキスト", "upper CASE Mixed", "calculating calculated calculates"} {
		checkTerms(t, tok, text)
		checkTerms(t, tok, text) // again: from the word table
	}
}

func FuzzTokenizerTerms(f *testing.F) {
	for _, s := range []string{"How do I calculate LTV?", "don't", "ÀÉÎ café", "\xff\xfe", "a'b’c", strings.Repeat("x", 40)} {
		f.Add(s)
	}
	tok := newTokenizer()
	f.Fuzz(func(t *testing.T, text string) { checkTerms(t, tok, text) })
}
