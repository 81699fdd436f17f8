package meta

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	yamlast "github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"playbook/generator/diag"
)

// mergeChain is the front matter whose merge keys double at every link:
// b21 took go-yaml 9.4 s, b29 did not finish.
func mergeChain(n int) string {
	var b strings.Builder
	b.WriteString("title: A\nb0: &b0 {k0: 0}\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "b%d: &b%d {<<: [*b%d, *b%d], k%d: 1}\n", i, i, i-1, i-1, i)
	}
	return b.String()
}

func keys(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

func TestCheckYAML(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // "" when within budget
	}{
		{"plain front matter", "title: A\ntags: [a, b]\nsources:\n  - title: X\n    url: https://x.y/\n", ""},
		{"text that looks like syntax", "title: \"a: b *c [d\"\ndescription: Use *this*, not [that] {or: this}\nnote: 'it''s *x*'\n", ""},
		{"block scalar is text", "body: |\n  *a *b *c *d *e *f *g *h *i *j *k *l *m *n *o *p *q *r\n  - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n" +
			strings.Repeat("  k: 1\n", MaxKeys+1) + "title: A\n", ""},
		{"comments are skipped", "# *a *b\ntitle: A # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n", ""},
		{"aliases at the limit", "a: &a 1\n" + strings.Repeat("- *a\n", MaxAliases), ""},
		{"aliases in an anchored list", "a: &a [x]\nb: &b [" + strings.Repeat("*a, ", 20) + "]\n", "2:72: the front matter uses more than 16 aliases (*name)"},
		{"aliases after a tag", "a: &a x\nb: !!seq [" + strings.Repeat("*a, ", 20) + "]\n", "2:75: the front matter uses more than 16 aliases (*name)"},
		{"merge-key chain", mergeChain(29), "11:15: the front matter uses more than 16 aliases (*name)"},
		{"flow nesting", "x: " + strings.Repeat("{a: ", 10_000) + "1" + strings.Repeat("}", 10_000), "1:128: the front matter nests values more than 32 levels deep"},
		{"flow nesting over lines", "x: " + strings.Repeat("[\n", 40) + "1", "32:1: the front matter nests values more than 32 levels deep"},
		{"block nesting", keys(40, strings.Repeat(" ", 0)+"%[1]d:\n"), ""},
		{"indented nesting", indented(40), "33:33: the front matter nests values more than 32 levels deep"},
		{"item markers", strings.Repeat("- ", 40) + "x\n", "1:1: the front matter nests values more than 32 levels deep"},
		{"keys at the limit", keys(MaxKeys, "k%d: 1\n"), ""},
		{"too many keys", keys(20_000, "k%d: 1\n"), "2001:6: the front matter has more than 2000 keys"},
		{"too many flow keys", "x: {" + keys(3000, "k%d: 1, ") + "}", "1:18890: the front matter has more than 2000 keys"},
		{"too big", "title: " + strings.Repeat("x", MaxBytes), "1:1: the front matter is over the 256 KB limit (256 KB)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if p := CheckYAML([]byte(tt.src), "the front matter"); p != nil {
				got = fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func indented(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	return b.String()
}

func TestCheckTOML(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"plain front matter", "title = \"A\"\ntags = [\"a\", \"b\"]\n[extra]\nn.m = 1.5\nlist = [1.5, 2.5, {a = 1}]\n", ""},
		{"strings are text", "a = \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\nb = '''\n" + strings.Repeat("x.", 100) + " = \n'''\n", ""},
		{"dotted key", strings.Repeat("a.", 20_000) + "a = 1\n", "1:64: the front matter has a dotted key of more than 32 parts"},
		{"dotted table header", "[" + strings.Repeat("a.", 40) + "a]\n", "1:65: the front matter has a dotted key of more than 32 parts"},
		{"inline tables", "x = " + strings.Repeat("{a = ", 10_000) + "1" + strings.Repeat("}", 10_000), "1:165: the front matter nests values more than 32 levels deep"},
		{"arrays", "x = " + strings.Repeat("[", 40) + strings.Repeat("]", 40), "1:37: the front matter nests values more than 32 levels deep"},
		{"keys at the limit", keys(MaxKeys, "k%d = 1\n"), ""},
		{"too many keys", keys(10_000, "\"k %d\" = 1\n"), "2001:10: the front matter has more than 2000 keys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if p := CheckTOML([]byte(tt.src), "the front matter"); p != nil {
				got = fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestExampleSiteWithinBudget: every front matter of the example site and
// its config pass the budgets with room to spare.
func TestExampleSiteWithinBudget(t *testing.T) {
	files, _ := filepath.Glob("../../content/*/*.md")
	files = append(files, "../../site.yaml")
	if len(files) < 10 {
		t.Fatalf("found only %d files of the example site", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if p := CheckYAML(src, f); p != nil {
			t.Errorf("%s: %v", f, p)
		}
	}
}

// TestCheckExpansion: the parsed-tree guard catches what the alias count
// would let through (here with the count lifted out of the way).
func TestCheckExpansion(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 6; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	f, err := parser.ParseBytes([]byte(b.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	p := CheckExpansion(f.Docs[0].Body, "the front matter")
	if p == nil || p.Line != 6 || p.Col != 10 {
		t.Fatalf("got %v, want a problem at 6:10", p)
	}
	if p := CheckExpansion(f.Docs[0].Body.(*yamlast.MappingNode).Values[0], "x"); p != nil {
		t.Errorf("one anchor of 10 values: %v", p)
	}
}

// FuzzBudgets: the budget scans never panic, place their problems inside
// the text, and what they accept decodes within the expansion bound.
func FuzzBudgets(f *testing.F) {
	f.Add(mergeChain(29))
	f.Add("x: " + strings.Repeat("{a: ", 200) + "1" + strings.Repeat("}", 200))
	f.Add(indented(40))
	f.Add(keys(3000, "k%d: 1\n"))
	f.Add("a: &a [x]\nb: &b [" + strings.Repeat("*a, ", 20) + "]\n")
	f.Add("body: |\n  *a *b\n  [[[[\nt: 'it''s'\n")
	f.Add(strings.Repeat("a.", 40) + "a = 1\n")
	f.Add("x = " + strings.Repeat("{a = ", 40) + "1" + strings.Repeat("}", 40))
	f.Add("b = '''\n[[[[\n'''\nc = \"\\\"[\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.Count(src, "\n") + 1
		for _, p := range []*diag.Problem{CheckYAML([]byte(src), "x"), CheckTOML([]byte(src), "x")} {
			if p != nil && (p.Line < 1 || p.Line > lines || p.Col < 1 || p.Msg == "") {
				t.Fatalf("bad problem %+v for %d lines", *p, lines)
			}
		}
		m, _ := DecodeYAML("f.md", []byte(src), 1)
		if n := countValues(m.Values); n > MaxExpanded+MaxKeys {
			t.Fatalf("accepted front matter decodes to %d values", n)
		}
		DecodeTOML("f.md", []byte(src), 1)
	})
}

func countValues(v any) int {
	n := 1
	switch t := v.(type) {
	case map[string]any:
		for _, x := range t {
			n += countValues(x)
		}
	case []any:
		for _, x := range t {
			n += countValues(x)
		}
	}
	return n
}
