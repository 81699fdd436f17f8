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
		checkAppendWords(t, text)
	}
}

func checkAppendWords(t *testing.T, text string) {
	t.Helper()
	b, n := appendWords(nil, []byte(text), 0)
	want := strings.Fields(text)
	want = want[:min(len(want), maxPartWords)]
	if string(b) != strings.Join(want, " ") || n != len(want) {
		t.Errorf("appendWords(%.30q) = %.30q, %d; want %.30q, %d", text, b, n, strings.Join(want, " "), len(want))
	}
	// Appended to a section's words, a space apart, up to the cap.
	b, n = appendWords([]byte("first"), []byte(text), 1)
	want = append([]string{"first"}, strings.Fields(text)...)
	want = want[:min(len(want), maxPartWords)]
	if string(b) != strings.Join(want, " ") || n != len(want) {
		t.Errorf("appendWords(first, %.30q) = %.30q, %d; want %.30q, %d", text, b, n, strings.Join(want, " "), len(want))
	}
}

// TestSpaces checks appendWords splits at every white space character,
// and nothing else.
func TestSpaces(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		checkAppendWords(t, "a"+string(r)+"b  c"+string(r))
		if r <= 0x3000 { // at each place in eight bytes read at once
			for n := range 10 {
				checkAppendWords(t, strings.Repeat("é", n%3)+strings.Repeat("x", n)+string(r)+"abcdefghijklmnopq"+string(r)+"rst")
			}
		}
	}
}

func FuzzAppendWords(f *testing.F) {
	f.Add("  a  b\t\n c \u00a0d")
	f.Fuzz(checkAppendWords)
}
