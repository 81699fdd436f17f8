package diag

import (
	"strings"
	"testing"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Errorf("content/a.md", 3, 5, "close it with a line ':::'", "unclosed block %q", "faq"),
			`content/a.md:3:5: error: unclosed block "faq" — close it with a line ':::'`},
		{Warnf("content/a.md", 0, 0, "", "missing description"), "content/a.md: warning: missing description"},
		{Errorf("content/a.md", 7, 0, "", "x"), "content/a.md:7: error: x"},
		{Errorf("", 0, 0, "", "x"), "site: error: x"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestSortAndCount(t *testing.T) {
	l := List{
		Warnf("b.md", 1, 1, "", "w"),
		Errorf("a.md", 9, 1, "", "e2"),
		Errorf("a.md", 2, 1, "", "e1"),
	}
	l.Sort()
	if l[0].Msg != "e1" || l[1].Msg != "e2" || l[2].Msg != "w" {
		t.Fatalf("bad order: %v", l)
	}
	if e, w := l.Count(); e != 2 || w != 1 {
		t.Fatalf("count = %d,%d", e, w)
	}
	if !(List{Warnf("a", 0, 0, "", "w")}).HasErrors(true) || (List{Warnf("a", 0, 0, "", "w")}).HasErrors(false) {
		t.Fatal("strict handling wrong")
	}
}

func TestLineCol(t *testing.T) {
	src := []byte("ab\ncd\n\nef")
	tests := []struct{ off, line, col int }{
		{0, 1, 1}, {1, 1, 2}, {3, 2, 1}, {4, 2, 2}, {7, 4, 1}, {9, 4, 3}, {99, 4, 3}, {-1, 1, 1},
	}
	for _, tt := range tests {
		if l, c := LineCol(src, tt.off); l != tt.line || c != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func TestShift(t *testing.T) {
	p := Errorf("", 2, 3, "", "x").Shift("content/a.md", 4)
	if p.File != "content/a.md" || p.Line != 6 || p.Col != 3 {
		t.Fatalf("got %+v", p)
	}
	if q := Errorf("", 0, 0, "", "x").Shift("f", 4); q.Line != 0 {
		t.Fatalf("unknown line must stay unknown, got %d", q.Line)
	}
}

// TestSortPutsCausesFirst: the site config, then templates, then
// content, then the rest, whatever the names' alphabetical order.
func TestSortPutsCausesFirst(t *testing.T) {
	l := List{
		Errorf("static/x.css", 0, 0, "", "s"),
		Errorf("content/a.md", 3, 1, "", "c"),
		Errorf("layouts (page /tags/)", 0, 0, "", "l2"),
		Errorf("content/a.md", 1, 1, "", "c0"),
		Errorf("layouts/partials/x.html", 2, 0, "", "l1"),
		Errorf("site.yaml", 4, 1, "", "y"),
		Errorf("", 0, 0, "", "site"),
		Errorf("site.toml", 1, 1, "", "t"),
	}
	l.Sort()
	var got []string
	for _, p := range l {
		got = append(got, p.Msg)
	}
	want := []string{"site", "t", "y", "l2", "l1", "c0", "c", "s"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order %q, want %q", got, want)
	}
}
