package model

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/markdown"
)

// replaceSite is a small site with every link Replace must keep: a section
// with neighbours, tags and stages, an answer two pages include (one
// deriving its description from it), a workflow with verticals, a draft and
// a section list page.
var replaceSite = map[string]string{
	"content/guides/_index.md": "---\ntitle: Guides\ndescription: All guides.\n---\nIntro.\n",
	"content/guides/a.md":      "---\ntitle: A\ndescription: First.\nweight: 1\ntags: [ltv]\nstage: activation\n---\nSee [b](/guides/b/).\n",
	"content/guides/b.md":      "---\ntitle: B\nweight: 2\ntags: [ltv, retention]\n---\n::: answer what-is-ltv\n:::\n",
	"content/guides/c.md":      "---\ntitle: C\ndescription: Third.\nweight: 3\n---\n::: answer what-is-ltv\n:::\n",
	"content/guides/draft.md":  "---\ntitle: Draft\ndescription: Not yet.\ndraft: true\n---\nSoon.\n",
	"content/answers/what-is-ltv.md": "---\ntitle: What is LTV?\ntags: [ltv]\n---\n::: answer\n" +
		strings.Repeat("Lifetime value is what a customer is worth over the whole relationship. ", 4) + "\n:::\n",
	"content/workflows/win-back.md": "---\ntitle: Win back\ndescription: A workflow.\nverticals: [saas]\n---\n```prompt\nWrite to [NAME].\n```\n",
	"content/verticals/medspa.md":   "---\ntitle: Medspa\ndescription: A vertical.\nworkflow: win-back\n---\nBody.\n",
	"content/verticals/saas.md":     "---\ntitle: SaaS\ndescription: Another.\n---\nBody.\n",
}

func TestReplaceMatchesAssemble(t *testing.T) {
	longAnswer := strings.Repeat("Seven words make up this short sentence. ", 10) // 70 words, short sentences
	tests := []struct {
		name, file, src string
		touched         int // pages Replace reports, when it swaps
	}{
		{"guide body", "content/guides/a.md", "---\ntitle: A\ndescription: First.\nweight: 1\ntags: [ltv]\nstage: activation\n---\nSee [c](/guides/c/) now.\n", 1},
		{"included answer", "content/answers/what-is-ltv.md", "---\ntitle: What is LTV?\ntags: [ltv]\n---\n::: answer\nShort now.\n:::\n", 3},
		{"answer too long", "content/answers/what-is-ltv.md", "---\ntitle: What is LTV?\ntags: [ltv]\n---\n::: answer\n" + longAnswer + "\n:::\n", 3},
		{"answer gone", "content/answers/what-is-ltv.md", "---\ntitle: What is LTV?\ntags: [ltv]\n---\nNo answer block.\n", 3},
		{"missing include", "content/guides/b.md", "---\ntitle: B\nweight: 2\ntags: [ltv, retention]\n---\n::: answer no-such-answer\n:::\n", 1},
		{"own best answer", "content/guides/b.md", "---\ntitle: B\nweight: 2\ntags: [ltv, retention]\n---\n::: answer\nB's own answer.\n:::\n", 1},
		{"workflow prompt", "content/workflows/win-back.md", "---\ntitle: Win back\ndescription: A workflow.\nverticals: [saas]\n---\n```prompt\nWrite to [NAME] about [OFFER].\n```\n", 1},
		{"vertical body", "content/verticals/medspa.md", "---\ntitle: Medspa\ndescription: A vertical.\nworkflow: win-back\n---\nNew body.\n", 1},
		{"listed vertical body", "content/verticals/saas.md", "---\ntitle: SaaS\ndescription: Another.\n---\nNew body.\n", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, eng := replaceEnv()
			site, _ := Assemble(cfg, parseSite(t, cfg, eng, replaceSite), Options{})
			next := page(t, cfg, eng, tt.file, tt.src)
			touched, ok := site.Replace(site.Lookup(next.URL), next)
			if !ok {
				t.Fatal("Replace refused a body edit")
			}
			if len(touched) != tt.touched || touched[0] != next {
				t.Errorf("touched %d pages (first %v), want %d starting with the new page", len(touched), touched[0].File, tt.touched)
			}
			want, wantProbs := Assemble(cfg, parseSite(t, cfg, eng, edited(tt.file, tt.src)), Options{})
			if got, want := describeSite(t, site), describeSite(t, want); got != want {
				t.Errorf("site after Replace differs from Assemble:\n got: %s\nwant: %s", got, want)
			}
			if got, want := sortedProblems(site.Problems()), sortedProblems(wantProbs); !slices.Equal(got, want) {
				t.Errorf("problems differ\n got: %q\nwant: %q", got, want)
			}
		})
	}
}

func TestReplaceRefuses(t *testing.T) {
	tests := []struct{ name, file, src string }{
		{"title", "content/guides/a.md", "---\ntitle: A2\ndescription: First.\nweight: 1\ntags: [ltv]\nstage: activation\n---\nSee [b](/guides/b/).\n"},
		{"tags", "content/guides/a.md", "---\ntitle: A\ndescription: First.\nweight: 1\ntags: [ltv, new]\nstage: activation\n---\nSee [b](/guides/b/).\n"},
		{"front matter moved down a line", "content/guides/a.md", "---\n\ntitle: A\ndescription: First.\nweight: 1\ntags: [ltv]\nstage: activation\n---\nSee [b](/guides/b/).\n"},
		{"workflow's verticals", "content/workflows/win-back.md", "---\ntitle: Win back\ndescription: A workflow.\nverticals: [saas, medspa]\n---\n```prompt\nWrite to [NAME].\n```\n"},
		{"draft left out", "content/guides/draft.md", "---\ntitle: Draft\ndescription: Not yet.\ndraft: true\n---\nSooner.\n"},
		{"list page", "content/guides/_index.md", "---\ntitle: Guides\ndescription: All guides.\n---\nNew intro.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, eng := replaceEnv()
			pages := parseSite(t, cfg, eng, replaceSite)
			site, _ := Assemble(cfg, pages, Options{})
			before, beforeProbs := describeSite(t, site), sortedProblems(site.Problems())
			old := pages[slices.IndexFunc(pages, func(p *Page) bool { return p.File == tt.file })]
			if _, ok := site.Replace(old, page(t, cfg, eng, tt.file, tt.src)); ok {
				t.Fatal("Replace took an edit that needs Assemble")
			}
			if describeSite(t, site) != before || !slices.Equal(sortedProblems(site.Problems()), beforeProbs) {
				t.Error("a refused Replace changed the site")
			}
		})
	}
}

func replaceEnv() (*config.Site, *markdown.Engine) {
	return &config.Site{Title: "T", BaseURL: "https://x.com/", Params: map[string]any{}}, markdown.New(markdown.Options{})
}

func edited(file, src string) map[string]string {
	files := maps.Clone(replaceSite)
	files[file] = src
	return files
}

func parseSite(t *testing.T, cfg *config.Site, eng *markdown.Engine, files map[string]string) []*Page {
	t.Helper()
	var pages []*Page
	for _, f := range slices.Sorted(maps.Keys(files)) {
		s, _ := load.Split(f, []byte(files[f]))
		p, _ := NewPage(cfg, s, eng)
		pages = append(pages, p)
	}
	return pages
}

// describeSite writes out everything Assemble derives, by URL, and fails
// the test if a link points at a page the site does not hold (a page
// Replace left behind).
func describeSite(t *testing.T, s *Site) string {
	t.Helper()
	held := map[*Page]bool{}
	for _, p := range s.Pages {
		held[p] = true
	}
	url := func(p *Page) string {
		if p != nil && !held[p] {
			t.Errorf("a link points at %s (%p), which the site does not hold", p.URL, p)
		}
		if p == nil {
			return "-"
		}
		return p.URL
	}
	urls := func(ps []*Page) string {
		var out []string
		for _, p := range ps {
			out = append(out, url(p))
		}
		return strings.Join(out, ",")
	}
	var b strings.Builder
	for _, p := range s.Pages {
		fmt.Fprintf(&b, "%s kind=%s title=%q desc=%q perma=%s prev=%s next=%s crumbs=%v lists=[%s] verticals=[%s]",
			url(p), p.Kind, p.Title, p.Description, p.Permalink, url(p.Prev), url(p.Next), p.Breadcrumbs(), urls(p.Pages), urls(p.Verticals))
		if p.Section != nil {
			fmt.Fprintf(&b, " section=%q [%s]", p.Section.Dir, urls(p.Section.Pages))
		}
		if p.Vertical != nil {
			fmt.Fprintf(&b, " workflow=%s", url(p.Vertical.Workflow))
		}
		b.WriteString("\n")
	}
	for _, tax := range s.Taxonomies {
		for _, term := range tax.Terms {
			fmt.Fprintf(&b, "term %s/%s [%s]\n", tax.Name, term.Slug, urls(term.Pages))
		}
	}
	for _, slug := range slices.Sorted(maps.Keys(s.Answers)) {
		fmt.Fprintf(&b, "answer %s=%s\n", slug, url(s.Answers[slug]))
	}
	for _, slug := range slices.Sorted(maps.Keys(s.Workflows)) {
		fmt.Fprintf(&b, "workflow %s=%s\n", slug, url(s.Workflows[slug]))
	}
	for _, key := range slices.Sorted(maps.Keys(s.ByURL)) {
		fmt.Fprintf(&b, "url %s=%s\n", key, url(s.ByURL[key]))
	}
	fmt.Fprintf(&b, "verticals [%s] content [%s] home %s\n", urls(s.Verticals), urls(s.Content), url(s.Home))
	return b.String()
}

func sortedProblems(l diag.List) []string {
	var out []string
	for _, p := range l {
		out = append(out, p.String())
	}
	slices.Sort(out)
	return out
}

// FuzzReplace swaps a fuzzed body into one page of replaceSite (pick
// chooses which, its front matter kept) and checks that whenever Replace
// takes the edit, the site and its problems are what Assemble makes of
// the edited files.
func FuzzReplace(f *testing.F) {
	files := slices.Sorted(maps.Keys(replaceSite))
	f.Fuzz(func(t *testing.T, pick uint8, body string) {
		file := files[int(pick)%len(files)]
		orig := replaceSite[file]
		end := strings.Index(orig[3:], "\n---\n") + 3 + len("\n---\n")
		src := orig[:end] + body
		cfg, eng := replaceEnv()
		site, _ := Assemble(cfg, parseSite(t, cfg, eng, replaceSite), Options{})
		s, _ := load.Split(file, []byte(src))
		if s == nil {
			return
		}
		next, _ := NewPage(cfg, s, eng)
		i := slices.IndexFunc(site.Pages, func(p *Page) bool { return p.File == file })
		if i < 0 {
			return // a draft: not in the site
		}
		if _, ok := site.Replace(site.Pages[i], next); !ok {
			return
		}
		want, wantProbs := Assemble(cfg, parseSite(t, cfg, eng, edited(file, src)), Options{})
		if got, want := describeSite(t, site), describeSite(t, want); got != want {
			t.Fatalf("site after Replace differs from Assemble:\n got: %s\nwant: %s", got, want)
		}
		if got, want := sortedProblems(site.Problems()), sortedProblems(wantProbs); !slices.Equal(got, want) {
			t.Fatalf("problems differ\n got: %q\nwant: %q", got, want)
		}
	})
}
