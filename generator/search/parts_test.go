package search

import (
	"strings"
	"testing"
	"unicode"
)

// TestAppendWords checks the section text's word split is strings.Fields's,
// capped at maxPartWords.
func TestAppendWords(t *testing.T) {
	long := strings.Repeat("w ", maxPartWords+5)
	for _, text := range []string{"", "  ", "one", " two  words ", "tab\tnew\nline\r\vff\f", "nbsp\u00a0em\u2003space", "bad \xff byte", "a b  c d\te f\u3000g", "one spaced words", " one spaced ", "x\u2028y", "x\u0085y", "x\u205fy", long, "x" + long, strings.TrimSpace(long)} {
		var b strings.Builder
		n := appendWords(&b, text, 0)
		want := strings.Fields(text)
		want = want[:min(len(want), maxPartWords)]
		if b.String() != strings.Join(want, " ") || n != len(want) {
			t.Errorf("appendWords(%.30q) = %.30q, %d; want %.30q, %d", text, b.String(), n, strings.Join(want, " "), len(want))
		}
	}
}

// TestOtherSpaces checks oneSpaced knows every white space character.
func TestOtherSpaces(t *testing.T) {
	n := 0
	for r := rune(0x80); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			n++
			if oneSpaced("a" + string(r) + "b") {
				t.Errorf("oneSpaced takes %U for a word's letter", r)
			}
		}
	}
	if n != len(otherSpaces) {
		t.Errorf("%d white space characters beyond ASCII, otherSpaces has %d", n, len(otherSpaces))
	}
}
