package markdown

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestNoAutolinkParserBuildsTheSameHTML checks the shortcut Parse takes
// for sources without an autolink start: on every CommonMark spec example,
// goldmark's extension examples, the container spec and the example site,
// with the autolink starts taken out, both parsers give the same HTML.
func TestNoAutolinkParserBuildsTheSameHTML(t *testing.T) {
	inputs := markdownCorpus(t)
	if len(inputs) < 700 {
		t.Fatalf("only %d inputs; the corpus sources moved?", len(inputs))
	}
	e := New(Options{})
	for i, src := range inputs {
		src = withoutAutolinkStarts(src)
		full, short := renderWith(t, e, e.md.Parser(), src), renderWith(t, e, e.noAutolink, src)
		if !sameHTML(full, short) {
			t.Errorf("input %d %q:\nwith autolinks:    %q\nwithout autolinks: %q", i, src, full, short)
		}
	}
}

// TestAutolinksStillWork guards mayAutolink against dropping a start: each
// source here has an autolink, so Parse must use the full parser.
func TestAutolinksStillWork(t *testing.T) {
	e := New(Options{})
	for _, src := range []string{"see www.example.com", "at https://example.com/x", "old http://example.com", "ftp://files.example.com/a", "mail ann@example.com"} {
		var buf bytes.Buffer
		if err := e.Render(&buf, e.Parse([]byte(src), false)); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), "<a href=") {
			t.Errorf("%q rendered without a link: %s", src, buf.String())
		}
	}
}

// FuzzNoAutolinkParser compares the two parsers on sources mayAutolink
// lets through.
func FuzzNoAutolinkParser(f *testing.F) {
	addSeeds(f)
	f.Add("a *b* _c_ ~d~ (e) `f` [g](/h) ![i](j.png) <k@l> www")
	e := fuzzEngine
	f.Fuzz(func(t *testing.T, src string) {
		if mayAutolink([]byte(src)) {
			return
		}
		if full, short := renderWith(t, e, e.md.Parser(), src), renderWith(t, e, e.noAutolink, src); !sameHTML(full, short) {
			t.Fatalf("with autolinks: %q\nwithout:        %q", full, short)
		}
	})
}

func renderWith(t *testing.T, e *Engine, p parser.Parser, src string) string {
	t.Helper()
	b := normalize([]byte(src))
	root := p.Parse(text.NewReader(b))
	var buf bytes.Buffer
	if err := e.md.Renderer().Render(&buf, b, root); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// spacesAtLineEnd are the spaces and tabs that end a line of a
// paragraph. CommonMark drops them (spec examples 633 and 648); goldmark's
// autolink parser splits text at every space and keeps some, so there only
// the parser without it follows the spec. Browsers show neither.
var spacesAtLineEnd = regexp.MustCompile(`[ \t]+(<br>|\n)`)

func sameHTML(a, b string) bool {
	return a == b || spacesAtLineEnd.ReplaceAllString(a, "$1") == spacesAtLineEnd.ReplaceAllString(b, "$1")
}

var autolinkStartRe = regexp.MustCompile(`@|www\.|https?:|ftp:`)

func withoutAutolinkStarts(src string) string {
	return autolinkStartRe.ReplaceAllStringFunc(src, func(m string) string { return strings.ReplaceAll(m, ":", "-")[:len(m)-1] + "_" })
}

// markdownCorpus gathers Markdown inputs: goldmark's copy of the
// CommonMark spec examples and its extension test cases, the container
// spec and every page of the example site.
func markdownCorpus(t *testing.T) []string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	if err != nil {
		t.Fatalf("go list goldmark: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	var spec []struct{ Markdown string }
	if b, err := os.ReadFile(filepath.Join(dir, "_test", "spec.json")); err != nil {
		t.Fatal(err)
	} else if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	var inputs []string
	for _, ex := range spec {
		inputs = append(inputs, ex.Markdown)
	}
	exts, _ := filepath.Glob(filepath.Join(dir, "extension", "_test", "*.txt"))
	for _, p := range append(exts, filepath.Join(dir, "_test", "extra.txt")) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range strings.Split(string(b), "//= = = = = = = = = = = = = = = = = = = = = = = =//") {
			if parts := strings.Split(c, "//- - - - - - - - -//\n"); len(parts) == 3 {
				inputs = append(inputs, parts[1])
			}
		}
	}
	inputs = append(inputs, specInputs(t)...)
	err = filepath.WalkDir(filepath.Join("..", "..", "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		inputs = append(inputs, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return inputs
}

// containsAutolinkStart is mayAutolink as first written, the reference.
func containsAutolinkStart(src []byte) bool {
	for _, s := range []string{"@", "www.", "http:", "https:", "ftp:"} {
		if bytes.Contains(src, []byte(s)) {
			return true
		}
	}
	return false
}

func TestMayAutolink(t *testing.T) {
	for _, src := range []string{"", "plain text.", "a@b", "www.x", "xwww.", "ww.w", "www", ".www", "http:", "https:", "ftp:",
		"htt:", "ttp:", "ftp", ":ftp", "tp:", "http", "a: b. c", "www..", "::", "hTTp:", "end with www.", "https//x", "s:"} {
		if got, want := mayAutolink([]byte(src)), containsAutolinkStart([]byte(src)); got != want {
			t.Errorf("mayAutolink(%q) = %v, want %v", src, got, want)
		}
	}
}

func FuzzMayAutolink(f *testing.F) {
	for _, s := range []string{"www.", "https:", "a.b:c", "ftp:x@y", "wwww.", "httpss:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if got, want := mayAutolink([]byte(src)), containsAutolinkStart([]byte(src)); got != want {
			t.Fatalf("mayAutolink(%q) = %v, want %v", src, got, want)
		}
	})
}
