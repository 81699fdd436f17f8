package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"playbook/generator/incremental"
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

// TestAnswersOfALargeSite: past AnswersSplit entries, each section also
// gets its own answers.json, listed from the root file, which still holds
// every entry; serve's engine gives the same files.
func TestAnswersOfALargeSite(t *testing.T) {
	var files strings.Builder
	files.WriteString("-- site.yaml --\ntitle: T\nbase_url: https://example.com/\n")
	for _, sec := range []string{"faq", "guides"} {
		for i := range 2 {
			var body strings.Builder
			for q := range render.AnswersSplit/4 + 1 {
				fmt.Fprintf(&body, "## Question %d?\n\nAnswer %d.\n\n", q, q)
			}
			if sec == "guides" {
				body.Reset()
				body.WriteString("::: faq\n")
				for q := range render.AnswersSplit/4 + 1 {
					fmt.Fprintf(&body, "### Question %d?\nAnswer %d.\n", q, q)
				}
				body.WriteString(":::\n")
			}
			files.WriteString(page(fmt.Sprintf("content/%s/p%d.md", sec, i), fmt.Sprintf("%s %d", sec, i), body.String()))
		}
	}
	files.WriteString(page("content/root.md", "Root", "## Alone?\n\n::: answer\nYes.\n:::\n"))
	s := sitetest.New(t, files.String())
	opts := s.Options()
	res := s.Build(opts)
	if res.Failed(false) {
		t.Fatalf("build: %v", res.Problems[:min(3, len(res.Problems))])
	}
	root := validAnswers(t, []byte(s.Read(render.AnswersFile)))
	if n := 4*(render.AnswersSplit/4+1) + 1; len(root.Answers) != n {
		t.Fatalf("root file: %d entries, want %d", len(root.Answers), n)
	}
	s.AssertFileContent(render.AnswersFile, `"sections":[{"file":"https://example.com/faq/answers.json","title":"Faq","url":"https://example.com/faq/"},{"file":"https://example.com/guides/answers.json"`)
	for _, sec := range []string{"faq", "guides"} {
		data := s.Read(sec + "/answers.json")
		f := validAnswers(t, []byte(data))
		if len(f.Answers) != 2*(render.AnswersSplit/4+1) {
			t.Errorf("%s/answers.json: %d entries", sec, len(f.Answers))
		}
		for _, a := range f.Answers {
			if !strings.HasPrefix(a.URL, "https://example.com/"+sec+"/") {
				t.Errorf("%s/answers.json holds %s", sec, a.URL)
			}
		}
	}
	live, err := incremental.NewLive(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	up, err := live.Build(context.Background())
	if err != nil || up.Output == nil {
		t.Fatalf("serve build: %v", err)
	}
	for _, f := range []string{render.AnswersFile, "faq/answers.json", "guides/answers.json"} {
		if got, _ := up.Output.Get(f); string(got) != s.Read(f) {
			t.Errorf("serve's %s differs from build's", f)
		}
	}
}
