package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
	"playbook/generator/render"
)

// answersFile is answers.json decoded.
type answersFile struct {
	Version int `json:"version"`
	Answers []struct {
		ID, URL, Anchor, Type, Question string
		Text                            string `json:"answer_text"`
		HTML                            string `json:"answer_html"`
		PageTitle                       string `json:"page_title"`
		Kind                            string
	} `json:"answers"`
}

// answersSchema compiles schema/answers.schema.json with format checks on.
func answersSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(filepath.Join("..", "..", "schema", "answers.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validAnswers validates answers.json against the schema and decodes it.
func validAnswers(t *testing.T, data []byte) answersFile {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("answers.json is not JSON: %v", err)
	}
	if err := answersSchema(t).Validate(inst); err != nil {
		t.Fatalf("answers.json does not follow schema/answers.schema.json: %v", err)
	}
	var f answersFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestAnswersOfTheExampleSite builds the example site and checks its
// answers.json against the schema and against the pages: one entry per
// FAQ question and per best answer that is not an include, each with a
// unique id whose anchor is on its page.
func TestAnswersOfTheExampleSite(t *testing.T) {
	opts := pipeline.Options{Source: "../..", Dest: filepath.Join(t.TempDir(), "public"), Minify: true,
		BaseURL: "https://playbook.example.com/", Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	res, err := pipeline.Build(context.Background(), opts)
	if err != nil || res.Failed(false) {
		t.Fatalf("build: %v %v", err, res.Problems)
	}
	data, err := os.ReadFile(filepath.Join(opts.Dest, render.AnswersFile))
	if err != nil {
		t.Fatal(err)
	}
	f := validAnswers(t, data)
	want := 0
	for _, p := range res.Site.Content {
		want += len(p.Doc.Outline.FAQs)
		for _, a := range p.Doc.Outline.Answers {
			if a.Include == "" {
				want++
			}
		}
	}
	if len(f.Answers) != want || want < 40 {
		t.Fatalf("%d entries, want %d (every FAQ question and best answer)", len(f.Answers), want)
	}
	seen := map[string]bool{}
	for _, a := range f.Answers {
		if seen[a.ID] {
			t.Errorf("id %s twice", a.ID)
		}
		seen[a.ID] = true
		page := strings.TrimPrefix(strings.SplitN(a.URL, "#", 2)[0], "https://playbook.example.com/")
		html, err := os.ReadFile(filepath.Join(opts.Dest, filepath.FromSlash(page), "index.html"))
		if err != nil {
			t.Errorf("%s: no page: %v", a.ID, err)
			continue
		}
		if a.Anchor != "" && !bytes.Contains(html, []byte(`id="`+a.Anchor+`"`)) {
			t.Errorf("%s: the page has no element with id %q", a.ID, a.Anchor)
		}
		if strings.Contains(a.HTML, `href="/`) {
			t.Errorf("%s: a relative link in answer_html: %s", a.ID, a.HTML)
		}
	}
}

// TestAnswersKeepToAllowedHTML: hostile answers reach answers.json as the
// page shows them, reduced to the allowed tags.
func TestAnswersKeepToAllowedHTML(t *testing.T) {
	s := sitetest.New(t, hostileSite+page("content/faq/a.md", "A", "## Is it safe?\n\nYes <script>alert(1)</script> it is. <!-- hidden --> See [more](/b/#x).\n\n<div>raw</div>\n")+
		page("content/b.md", "B", "## X\n\n::: answer\nA literal `</script>` and <b>bold</b> stay inert.\n:::\n"))
	for _, unsafe := range []bool{false, true} {
		opts := s.Options()
		opts.Unsafe = unsafe
		res := s.Build(opts)
		if res.Failed(false) {
			t.Fatalf("build: %v", res.Problems)
		}
		data := []byte(s.Read(render.AnswersFile))
		f := validAnswers(t, data)
		if len(f.Answers) != 2 {
			t.Fatalf("%d entries, want 2:\n%s", len(f.Answers), data)
		}
		for _, a := range f.Answers {
			for _, bad := range []string{"<script", "hidden", "<!--", "raw"} {
				if unsafe && bad == "raw" {
					continue // the page shows the div, and a div is an allowed tag
				}
				if strings.Contains(a.HTML, bad) || strings.Contains(a.Text, bad) {
					t.Errorf("unsafe=%v: %s holds %q: %q / %q", unsafe, a.ID, bad, a.HTML, a.Text)
				}
			}
		}
		if !strings.Contains(f.Answers[1].HTML, `<a href="https://example.com/b/#x">more</a>`) {
			t.Errorf("the link is not absolute: %s", f.Answers[1].HTML)
		}
		if bytes.Contains(bytes.ToLower(data), []byte("</script")) {
			t.Error("answers.json holds </script unescaped")
		}
	}
}
