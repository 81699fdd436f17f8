package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// collect generates a corpus in memory.
func collect(t *testing.T, o options) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	if _, err := generate(o, func(path string, data []byte) error {
		if _, dup := files[path]; dup {
			return fmt.Errorf("%s emitted twice", path)
		}
		files[path] = data
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return files
}

// pageFiles returns the page files of a corpus (not site.yaml, not _index.md).
func pageFiles(files map[string][]byte) map[string][]byte {
	out := map[string][]byte{}
	for p, d := range files {
		if strings.HasPrefix(p, "content/") && !strings.HasSuffix(p, "/_index.md") {
			out[p] = d
		}
	}
	return out
}

// splitPage returns a page's front matter and body.
func splitPage(t *testing.T, path string, data []byte) (string, string) {
	t.Helper()
	parts := strings.SplitN(string(data), "---\n", 3)
	if len(parts) != 3 || parts[0] != "" {
		t.Fatalf("%s: no YAML front matter", path)
	}
	return parts[1], parts[2]
}

func TestDeterministic(t *testing.T) {
	o := options{pages: 300, sections: 10, seed: 7}
	a, b := collect(t, o), collect(t, o)
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("same options produced different corpora")
	}
	if len(a) != 1+1+10+300 {
		t.Errorf("got %d files, want site.yaml + home + 10 sections + 300 pages", len(a))
	}
	o.seed = 8
	c := collect(t, o)
	if maps.EqualFunc(a, c, bytes.Equal) {
		t.Error("seeds 7 and 8 produced the same corpus")
	}
}

func TestWordCounts(t *testing.T) {
	for _, seed := range []uint64{1, 42, 1 << 40} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			lo, hi := maxWords, 0
			for path, data := range pageFiles(collect(t, options{pages: 600, sections: 12, seed: seed})) {
				_, body := splitPage(t, path, data)
				n := countWords(body)
				if n < minWords || n > maxWords {
					t.Errorf("%s: %d words, want %d..%d", path, n, minWords, maxWords)
				}
				lo, hi = min(lo, n), max(hi, n)
			}
			// The spread shows the target is random, not one fixed size.
			if hi-lo < 300 {
				t.Errorf("word counts span only %d..%d", lo, hi)
			}
		})
	}
}

var linkRE = regexp.MustCompile(`\]\(([^)]*)\)`)

func TestLinksResolve(t *testing.T) {
	files := collect(t, options{pages: 1000, sections: 10, seed: 42})
	urls := map[string]bool{"/": true}
	for path := range files {
		if rest, ok := strings.CutPrefix(path, "content/"); ok {
			u := "/" + strings.TrimSuffix(strings.TrimSuffix(rest, ".md"), "_index") + "/"
			urls[strings.Replace(u, "//", "/", 1)] = true
		}
	}
	links := 0
	for path, data := range pageFiles(files) {
		for _, m := range linkRE.FindAllSubmatch(data, -1) {
			links++
			if u := string(m[1]); !urls[u] {
				t.Errorf("%s: link %q resolves to no page", path, u)
			}
		}
	}
	if links < 3*1000 {
		t.Errorf("only %d internal links in 1000 pages, want at least 3 per page", links)
	}
}

func TestBlocks(t *testing.T) {
	pages := pageFiles(collect(t, options{pages: 1000, sections: 10, seed: 3}))
	var faqs, answers int
	for path, data := range pages {
		_, body := splitPage(t, path, data)
		if strings.Contains(body, "\n::: faq\n") {
			faqs++
			checkFAQ(t, path, body)
		}
		if strings.Contains(body, "\n::: answer\n") {
			answers++
			checkAnswer(t, path, body)
		}
		if opens, closes := strings.Count(body, "\n::: "), strings.Count(body, "\n:::\n"); opens != closes {
			t.Errorf("%s: %d blocks opened, %d closed", path, opens, closes)
		}
	}
	for name, n := range map[string]int{"faq": faqs, "answer": answers} {
		if share := float64(n) / float64(len(pages)); share < 0.24 || share > 0.36 {
			t.Errorf("%s blocks on %.0f%% of pages, want about 30%%", name, share*100)
		}
	}
}

// blockBody returns the paragraphs between "::: name" and the next ":::".
func blockBody(body, name string) []string {
	_, rest, _ := strings.Cut(body, "\n::: "+name+"\n\n")
	inner, _, _ := strings.Cut(rest, "\n:::\n")
	return strings.Split(strings.TrimSpace(inner), "\n\n")
}

func checkAnswer(t *testing.T, path, body string) {
	t.Helper()
	paras := blockBody(body, "answer")
	if n := countWords(paras[0]); n < answerMinWords || n > answerMaxWords {
		t.Errorf("%s: best answer has %d words, want 40..60: %q", path, n, paras[0])
	}
	if len(paras) != 3 || !strings.HasPrefix(paras[1], "Proof: ") || !strings.HasPrefix(paras[2], "Next step: ") {
		t.Errorf("%s: answer block is not answer, Proof:, Next step: %q", path, paras)
	}
}

func checkFAQ(t *testing.T, path, body string) {
	t.Helper()
	paras := blockBody(body, "faq")
	if len(paras) < 6 || len(paras)%2 != 0 {
		t.Fatalf("%s: faq block has %d paragraphs, want question/answer pairs", path, len(paras))
	}
	for i := 0; i < len(paras); i += 2 {
		if !strings.HasPrefix(paras[i], "### ") || !strings.HasSuffix(paras[i], "?") {
			t.Errorf("%s: faq item %d is not a ### question: %q", path, i/2, paras[i])
		}
		if countWords(paras[i+1]) < 10 {
			t.Errorf("%s: question %q has no real answer", path, paras[i])
		}
	}
}

func TestFrontMatter(t *testing.T) {
	for path, data := range pageFiles(collect(t, options{pages: 200, sections: 10, seed: 5})) {
		fm, _ := splitPage(t, path, data)
		var m struct {
			Title, Description, Date, Type, Stage string
			Tags                                  []string
		}
		if err := yaml.Unmarshal([]byte(fm), &m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if m.Title == "" || m.Description == "" || len(m.Tags) < 2 || m.Type != "guide" || m.Stage == "" {
			t.Errorf("%s: incomplete front matter %+v", path, m)
		}
		if !regexp.MustCompile(`^20(19|2[0-4])-\d\d-\d\d$`).MatchString(m.Date) {
			t.Errorf("%s: date %q is not an ISO 8601 day in 2019..2024", path, m.Date)
		}
	}
}

func TestSiteYAML(t *testing.T) {
	var cfg struct {
		Title    string
		BaseURL  string `yaml:"base_url"`
		Language string
	}
	if err := yaml.Unmarshal([]byte(siteYAML), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Title == "" || cfg.BaseURL != "https://bench.example.com/" || cfg.Language != "en" {
		t.Errorf("site.yaml = %+v", cfg)
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The A/B Test Playbook: 5 Steps to Double Signups", "the-a-b-test-playbook-5-steps-to-double-signups"},
		{"  Account-based   Marketing!  ", "account-based-marketing"},
		{"Café -- 2024", "caf-2024"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := slugify(tt.in); got != tt.want {
				t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUniqueSlug(t *testing.T) {
	seen := map[string]bool{}
	long := strings.Repeat("ab-", 30)
	got := []string{
		uniqueSlug(seen, "seo", "launch"),
		uniqueSlug(seen, "seo", "launch"),
		uniqueSlug(seen, "brand", "launch"),
		uniqueSlug(seen, "seo", "launch"),
		uniqueSlug(seen, "seo", long),
	}
	want := []string{"launch", "launch-2", "launch", "launch-3", strings.Repeat("ab-", 20)[:59]}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("call %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "c")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no pages", []string{"--out", out}, 2},
		{"no out", []string{"--pages", "3"}, 2},
		{"bad sections", []string{"--pages", "3", "--sections", "13", "--out", out}, 2},
		{"stray arg", []string{"--pages", "3", "--out", out, "extra"}, 2},
		{"fresh dir", []string{"--pages", "5", "--sections", "2", "--out", out}, 0},
		{"rerun over own corpus", []string{"--pages", "3", "--sections", "1", "--out", out}, 0},
		{"foreign dir", []string{"--pages", "3", "--out", dir}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(tt.args, &stdout, &stderr); got != tt.want {
				t.Errorf("exit %d, want %d; stderr %s", got, tt.want, stderr.String())
			}
		})
	}
	// The rerun replaced the 2-section corpus: only its 3 pages remain.
	pages, _ := filepath.Glob(filepath.Join(out, "content", "*", "*.md"))
	if len(pages) != 3+1 {
		t.Errorf("after rerun: %d .md files in sections, want 3 pages + 1 _index.md: %v", len(pages), pages)
	}
	if _, err := os.Stat(filepath.Join(out, "site.yaml")); err != nil {
		t.Error(err)
	}
}

func BenchmarkGenerate(b *testing.B) {
	o := options{pages: 100, sections: 10, seed: 42}
	discard := func(string, []byte) error { return nil }
	for b.Loop() {
		if _, err := generate(o, discard); err != nil {
			b.Fatal(err)
		}
	}
}
