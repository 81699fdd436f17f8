package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProblemsLeadToTheirCause runs check on sites with one mistake each
// and compares every line printed before the summary: the cause, once,
// first, at its file and line.
func TestProblemsLeadToTheirCause(t *testing.T) {
	const cfg = "title: T\nbase_url: https://example.com/\ndescription: d\n"
	const guide = "---\ntitle: A\ndescription: \"An example page used by the command tests.\"\ndate: 2026-10-01\n---\nHello.\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // the problem lines, in order (prefixes)
	}{
		{"no site.yaml: one error, not one per page", map[string]string{
			"content/guides/a.md": guide,
		}, []string{"site.yaml: error: the site has no site.yaml or site.toml"}},
		{"a tab in site.yaml", map[string]string{
			"site.yaml":           cfg + "menu:\n\t- { name: G, url: /guides/ }\n",
			"content/guides/a.md": guide,
		}, []string{"site.yaml:5:1: error: invalid YAML: a tab character cannot indent or start YAML — indent with spaces"}},
		{"a key written twice in site.yaml", map[string]string{
			"site.yaml":           cfg + "\ntitle: U\n",
			"content/guides/a.md": guide,
		}, []string{`site.yaml:5:1: error: invalid YAML: the key "title" is written twice: first on line 1, again here`}},
		{"a key written twice in front matter counts lines from the file's start", map[string]string{
			"site.yaml":           cfg,
			"content/guides/a.md": "---\ntitle: A\ndescription: d\ntitle: B\n---\nHello.\n",
		}, []string{`content/guides/a.md:4:1: error: invalid YAML: the key "title" is written twice: first on line 2, again here`}},
		{"a menu typo is at its line of site.yaml", map[string]string{
			"site.yaml":           cfg + "menu:\n  - { name: Guides, url: /guides/ }\n  - { name: FAQ, url: /faqs/ }\n",
			"content/guides/a.md": guide,
			"content/faq/b.md":    "---\ntitle: B\ndescription: \"An example page used by the command tests.\"\n---\n## Why?\n\nBecause.\n",
		}, []string{`site.yaml:6:18: error: broken menu link "/faqs/" (FAQ): no page or file is published at /faqs/`}},
		{"config, then templates, then content", map[string]string{
			"site.yaml":                    cfg + "language: [en]\n",
			"layouts/partials/footer.html": "<footer>{{ .Nope }</footer>\n",
			"content/guides/a.md":          "---\ntitle: A\ndescription: d\n---\n::: nope\n:::\n",
		}, []string{
			"site.yaml:4:1: error: language must be text",
			"layouts/partials/footer.html:1: error: template error",
			`content/guides/a.md:5:1: error: unknown block "nope"`,
		}},
		{"a duplicate URL is at the slug: line", map[string]string{
			"site.yaml":           cfg,
			"content/guides/a.md": guide,
			"content/guides/b.md": "---\ntitle: B\ndescription: d\nslug: a\n---\nHi.\n",
		}, []string{"content/guides/b.md:4:1: error: the page's URL /guides/a/ is already used by content/guides/a.md"}},
		{"raw HTML left out is a warning at its line", map[string]string{
			"site.yaml":           cfg,
			"content/guides/a.md": "---\ntitle: A\ndescription: \"An example page used by the command tests.\"\n---\nHello.\n\n<div class=\"x\">Hi</div>\n",
		}, []string{`content/guides/a.md:7:1: warning: raw HTML "<div class=\"x\">Hi</div>" is left out of the page — write it in Markdown, or set unsafe_html: true in site.yaml`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, errOut := run(t, "check", "--strict", "--source", writeSite(t, tt.files))
			lines := strings.Split(strings.TrimSpace(errOut), "\n")
			problems := lines[:len(lines)-1] // the last line is the summary
			if len(problems) != len(tt.want) {
				t.Fatalf("%d problems, want %d:\n%s", len(problems), len(tt.want), errOut)
			}
			for i, want := range tt.want {
				if !strings.HasPrefix(problems[i], want) {
					t.Errorf("problem %d:\n got %s\nwant %s…", i+1, problems[i], want)
				}
			}
		})
	}
}

// TestSuggestsTheCloseIntendedValue checks the "did you mean" of each kind
// of unknown value a user can type.
func TestSuggestsTheCloseIntendedValue(t *testing.T) {
	const cfg = "title: T\nbase_url: https://example.com/\ndescription: d\n"
	page := func(front, body string) string {
		return "---\ntitle: A\ndescription: \"An example page used by the command tests.\"\n" + front + "---\n" + body
	}
	tests := []struct {
		name  string
		files map[string]string
		want  string // a line of the output
	}{
		{"a broken link: the closest published URL", map[string]string{
			"content/guides/grow-ltv.md": page("", "Hello.\n"),
			"content/guides/b.md":        page("", "See [it](/guides/grow-lvt/).\n"),
		}, `content/guides/b.md:5:5: error: broken link "/guides/grow-lvt/": no page or file is published at /guides/grow-lvt/ — did you mean "/guides/grow-ltv/"?`},
		{"a broken anchor: the closest id on the target page", map[string]string{
			"content/guides/a.md": page("", "## Pick a metric\n\nText.\n"),
			"content/guides/b.md": page("", "See [it](/guides/a/#pick-a-metirc).\n"),
		}, `has no element with id "pick-a-metirc" — did you mean "#pick-a-metric"?`},
		{"an unknown block", map[string]string{
			"content/guides/a.md": page("", "::: stpes\n### One\n:::\n"),
		}, `content/guides/a.md:5:1: error: unknown block "stpes" — did you mean "steps"?`},
		{"an unknown kind", map[string]string{
			"content/guides/a.md": page("type: gudie\n", "Hello.\n"),
		}, `content/guides/a.md:4:1: error: type "gudie" is not known — did you mean "guide"?`},
		{"an unknown stage", map[string]string{
			"content/guides/a.md": page("stage: expanson\n", "Hello.\n"),
		}, `content/guides/a.md:4:1: error: stage "expanson" is not known — did you mean "expansion"?`},
		{"a misspelt front matter field", map[string]string{
			"content/guides/a.md": page("tgas: [x]\n", "Hello.\n"),
		}, `content/guides/a.md:4:1: warning: unknown field "tgas" — did you mean "tags"?`},
		{"a misspelt setting", map[string]string{
			"site.yaml":           cfg + "langauge: en\n",
			"content/guides/a.md": page("", "Hello.\n"),
		}, `site.yaml:4:1: warning: unknown field "langauge" — did you mean "language"?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := tt.files["site.yaml"]; !ok {
				tt.files["site.yaml"] = cfg
			}
			_, _, errOut := run(t, "check", "--source", writeSite(t, tt.files))
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("output lacks %s\n%s", tt.want, errOut)
			}
		})
	}
	for _, c := range []struct{ args, want string }{
		{"new gude x", `unknown KIND "gude"; did you mean "guide"?`},
		{"chek", `unknown command "chek"; did you mean "check"?`},
	} {
		if code, _, errOut := run(t, strings.Fields(c.args)...); code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stderr lacks %s:\n%s", c.args, code, c.want, errOut)
		}
	}
	// Unknown fields that are not near a known one stay silent (Hugo's,
	// a template's own), and so do near ones whose known field is set.
	_, _, errOut := run(t, "check", "--strict", "--source", writeSite(t, map[string]string{
		"site.yaml":           cfg,
		"content/guides/a.md": page("categories: [x]\ncustom_note: hi\ntag: x\ntags: [y]\n", "Hello.\n"),
	}))
	if strings.Contains(errOut, "unknown field") {
		t.Errorf("a legitimate unknown field was questioned:\n%s", errOut)
	}
}

// TestLinkedContentFolderBuilds is the monorepo layout: content/ is a
// symlink to a folder elsewhere.
func TestLinkedContentFolderBuilds(t *testing.T) {
	mono := writeSite(t, map[string]string{"docs/guides/a.md": goodSite["content/guides/a.md"]})
	site := writeSite(t, map[string]string{"site.yaml": goodSite["site.yaml"]})
	if err := os.Symlink(filepath.Join(mono, "docs"), filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := run(t, "check", "--strict", "--source", site); code != 0 || !strings.Contains(out, "1 guide") {
		t.Fatalf("check: exit %d\n%s%s", code, out, errOut)
	}
}
