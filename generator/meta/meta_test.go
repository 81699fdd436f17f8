package meta

import (
	"strings"
	"testing"
	"time"
)

func TestDecodeYAMLTypes(t *testing.T) {
	src := "title: Hello\ndate: 2026-10-02\ntags: [a, b]\nweight: 3\ndraft: true\nmetrics:\n  - name: ARPU\n    before: 42\n"
	m, probs := DecodeYAML("content/a.md", []byte(src), 1)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	r := NewReader(m)
	if got := r.String("title"); got != "Hello" {
		t.Errorf("title = %q", got)
	}
	if d, ok := r.Time("date"); !ok || !d.Equal(time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("date = %v %v", d, ok)
	}
	if got := r.Strings("tags"); strings.Join(got, ",") != "a,b" {
		t.Errorf("tags = %v", got)
	}
	if r.Int("weight") != 3 || !r.Bool("draft") {
		t.Errorf("weight/draft wrong")
	}
	if p := m.Pos("metrics[0].before"); p.Line != 9 || p.Col != 5 {
		t.Errorf("metrics[0].before at %v, want 9:5", p)
	}
	if len(r.Problems) != 0 {
		t.Errorf("unexpected problems %v", r.Problems)
	}
}

func TestReaderErrors(t *testing.T) {
	src := "title: [x]\ntags: solo\ndate: yesterday\nweight: 1.5\nstage: growth\n"
	m, probs := DecodeYAML("content/a.md", []byte(src), 1)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	r := NewReader(m)
	r.String("title")
	r.Strings("tags")
	r.Time("date")
	r.Int("weight")
	r.OneOf("stage", "activation", "adoption")
	want := []string{
		"content/a.md:2:1: error: title must be text, found a list",
		"content/a.md:3:1: error: tags must be a list, found the text \"solo\"",
		"content/a.md:4:1: error: date must be an ISO 8601 date",
		"content/a.md:5:1: error: weight must be a whole number, found 1.5",
		"content/a.md:6:1: error: stage \"growth\" is not known — use one of: activation, adoption",
	}
	if len(r.Problems) != len(want) {
		t.Fatalf("got %d problems: %v", len(r.Problems), r.Problems)
	}
	for i, w := range want {
		if !strings.HasPrefix(r.Problems[i].String(), w) {
			t.Errorf("problem %d = %q, want prefix %q", i, r.Problems[i], w)
		}
	}
}

func TestDecodeYAMLSyntaxError(t *testing.T) {
	_, probs := DecodeYAML("site.yaml", []byte("title: a\n  bad: : x\n"), 0)
	if len(probs) != 1 || probs[0].Line != 2 || !strings.Contains(probs[0].Msg, "invalid YAML") {
		t.Fatalf("got %v", probs)
	}
	_, probs = DecodeYAML("a.md", []byte("- a\n- b\n"), 1)
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "must be a mapping") || probs[0].Line != 2 {
		t.Fatalf("list front matter: got %v", probs)
	}
}

func TestDecodeTOML(t *testing.T) {
	src := "title = \"Hi\"\ndate = 2026-10-02\ntags = \"solo\"\n"
	m, probs := DecodeTOML("content/a.md", []byte(src), 1)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	r := NewReader(m)
	if d, ok := r.Time("date"); !ok || d.Year() != 2026 {
		t.Errorf("date = %v", d)
	}
	r.Strings("tags")
	if len(r.Problems) != 1 || r.Problems[0].Line != 4 {
		t.Fatalf("want tags error at line 4, got %v", r.Problems)
	}
	_, probs = DecodeTOML("a.md", []byte("title = \n"), 1)
	if len(probs) != 1 || probs[0].Line != 2 {
		t.Fatalf("syntax: %v", probs)
	}
}

func TestTOMLKeyLines(t *testing.T) {
	src := "title = \"Hi\"\n\"my key\" = 1\n  'lit' = 2\nn.dotted = 3\n[table]\ntitle = 4\n"
	m, probs := DecodeTOML("a.md", []byte(src), 1)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	for key, line := range map[string]int{"title": 2, "my key": 3, "lit": 4, "n": 2, "table": 2, "absent": 2} {
		if got := m.Pos(key).Line; got != line {
			t.Errorf("%s at line %d, want %d", key, got, line)
		}
	}
}

func FuzzDecodeYAML(f *testing.F) {
	f.Add("title: x\ntags: [a]\n")
	f.Add("- a\n")
	f.Add("a: &x [1]\nb: *x\n")
	f.Add("\ufefftitle: x")
	f.Fuzz(func(t *testing.T, src string) {
		m, _ := DecodeYAML("f.md", []byte(src), 1)
		r := NewReader(m)
		for k := range m.Values {
			r.String(k)
			r.Strings(k)
			r.Time(k)
			r.Float(k)
			r.Mappings(k)
		}
	})
}

func FuzzDecodeTOML(f *testing.F) {
	f.Add("title = \"x\"\n")
	f.Add("[a]\nb = 1\n")
	f.Fuzz(func(t *testing.T, src string) {
		m, _ := DecodeTOML("f.md", []byte(src), 1)
		r := NewReader(m)
		for k := range m.Values {
			r.String(k)
			r.Strings(k)
			r.Time(k)
		}
	})
}
