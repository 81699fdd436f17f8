package search

import (
	"strings"
	"testing"
)

// TestAppendWords checks the section text's word split is strings.Fields's,
// capped at maxPartWords.
func TestAppendWords(t *testing.T) {
	long := strings.Repeat("w ", maxPartWords+5)
	for _, text := range []string{"", "  ", "one", " two  words ", "tab\tnew\nline\r\vff\f", "nbsp\u00a0em\u2003space", "bad \xff byte", "a b  c d\te f\u3000g", long, "x" + long} {
		var b strings.Builder
		n := appendWords(&b, text, 0)
		want := strings.Fields(text)
		want = want[:min(len(want), maxPartWords)]
		if b.String() != strings.Join(want, " ") || n != len(want) {
			t.Errorf("appendWords(%.30q) = %.30q, %d; want %.30q, %d", text, b.String(), n, strings.Join(want, " "), len(want))
		}
	}
}
