package load

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/adrg/frontmatter"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		title    string
		body     string
		bodyLine int
		problem  string
	}{
		{"yaml", "---\ntitle: A\n---\nbody\n", "A", "body\n", 3, ""},
		{"toml", "+++\ntitle = \"B\"\n+++\n\nbody\n", "B", "\nbody\n", 3, ""},
		{"leading blank lines and BOM", "\ufeff\n---\ntitle: C\n---\nx", "C", "x", 4, ""},
		{"crlf", "---\r\ntitle: D\r\n---\r\nbody\r\n", "D", "body\r\n", 3, ""},
		{"none", "# just markdown\n", "", "# just markdown\n", 0, ""},
		{"unclosed", "---\ntitle: A\nbody\n", "", "", 0, "content/a.md:1:1: error: front matter opened with --- is never closed"},
		{"list front matter", "---\n- a\n---\n", "", "", 0, "content/a.md:2:1: error: front matter must be a mapping"},
		{"yaml error line", "---\ntitle: A\nx: [\n---\n", "", "", 0, "content/a.md:"},
		{"invalid utf8", "---\ntitle: A\n---\nok \xff\n", "", "", 0, "content/a.md:4:4: error: the file is not valid UTF-8"},
		{"nul", "---\ntitle: A\n---\na\x00", "", "", 0, "content/a.md:4:2: error: the file contains a NUL byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, probs := Split("content/a.md", []byte(tt.src))
			if tt.problem != "" {
				if len(probs) != 1 || !strings.HasPrefix(probs[0].String(), tt.problem) {
					t.Fatalf("problems = %v, want %q", probs, tt.problem)
				}
				return
			}
			if len(probs) != 0 {
				t.Fatalf("problems: %v", probs)
			}
			if got, _ := s.Front.Values["title"].(string); got != tt.title {
				t.Errorf("title = %q, want %q", got, tt.title)
			}
			if string(s.Body) != tt.body || s.BodyLine != tt.bodyLine {
				t.Errorf("body = %q line %d, want %q line %d", s.Body, s.BodyLine, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestFrontMatterErrorLine(t *testing.T) {
	_, probs := Split("content/a.md", []byte("---\ntitle: A\ntags: 5\nweight: [\n---\n"))
	if len(probs) != 1 || probs[0].Line < 4 {
		t.Fatalf("want a YAML error at line >= 4, got %v", probs)
	}
}

func TestWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"content/_index.md":            {Data: []byte("x")},
		"content/guides/a.md":          {Data: []byte("x")},
		"content/guides/ltv/index.md":  {Data: []byte("x")},
		"content/guides/ltv/chart.png": {Data: []byte("x")},
		"content/guides/.a.md.swp":     {Data: []byte("x")},
		"content/guides/a.md~":         {Data: []byte("x")},
		"content/.git/config":          {Data: []byte("x")},
	}
	files, probs := Walk(fsys)
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	want := []string{"content/_index.md", "content/guides/a.md", "content/guides/ltv/index.md"}
	if !slices.Equal(files.Pages, want) || !slices.Equal(files.Other, []string{"content/guides/ltv/chart.png"}) {
		t.Fatalf("got %+v", files)
	}
}

func TestReadTooLarge(t *testing.T) {
	fsys := fstest.MapFS{"content/big.md": {Data: make([]byte, MaxPageBytes+1)}}
	_, probs := Read(fsys, "content/big.md")
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "over the 8 MB limit") {
		t.Fatalf("got %v", probs)
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": false, ".a.md.swp": true, "a.md~": true, "#a.md#": true, ".#a.md": true, "4913": true, "a.tmp": true, "img.png": false,
	} {
		if Ignored(name) != want {
			t.Errorf("Ignored(%q) = %v", name, !want)
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"---\ntitle: A\n---\nbody", "+++\ntitle = 1\n+++\n", "---\n", "\ufeff---\n- x\n---", "---\r\na: b\r\n---\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		s, _ := Split("content/f.md", []byte(src))
		if s == nil {
			return
		}
		if s.BodyLine < 0 {
			t.Fatal("negative body line")
		}
		// The body is what adrg/frontmatter returns when it reads the
		// whole file, and the lines before it are counted.
		text := strings.TrimPrefix(src, "\ufeff")
		noop := func([]byte, any) error { return nil }
		want, err := frontmatter.Parse(strings.NewReader(text), nil,
			frontmatter.NewFormat("---", "---", noop), frontmatter.NewFormat("+++", "+++", noop))
		if err != nil {
			t.Fatalf("the reference split failed where Split did not: %v", err)
		}
		if string(s.Body) != string(want) {
			t.Fatalf("body %q, want %q", s.Body, want)
		}
		if n := strings.Count(text[:len(text)-len(want)], "\n"); s.BodyLine != n {
			t.Fatalf("body line %d, want %d", s.BodyLine, n)
		}
	})
}
