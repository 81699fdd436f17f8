package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
)

// TestHugoSite builds testdata/hugo-site, laid out as a Hugo site: a
// section without _index.md, one whose _index.md has no title, a headless
// section and a headless bundle, cascade, build options, shortcodes, ref
// and relref links and a Zola page. Its only problems are the warnings of
// its unsupported shortcodes.
func TestHugoSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	res, err := pipeline.Build(context.Background(), pipeline.Options{
		Source: "testdata/hugo-site", Dest: dest, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	sitetest.AssertProblems(t, res,
		`content/docs/getting-started/configure.md:11:1: warning: Hugo shortcode "figure" is not supported; it is left out of the page — write a Markdown image instead`,
		`content/docs/getting-started/install.md:9:1: warning: Hugo shortcode "note" is not supported; it is left out of the page — write a callout block instead: ::: note`,
		`content/docs/getting-started/install.md:16:1: warning: Hugo shortcode "tip" is not supported`,
	)
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dest, name))
		if err != nil {
			t.Fatalf("output %s: %v", name, err)
		}
		return string(b)
	}
	exists := func(name string) bool {
		_, err := os.Stat(filepath.Join(dest, name))
		return err == nil
	}
	install := read("docs/getting-started/install/index.html")
	for _, want := range []string{
		`<li><a href="/docs/">Docs</a></li>`,                                                                            // no _index.md: the folder's name
		`<li><a href="/docs/getting-started/">Getting Started</a></li>`,                                                 // _index.md without title
		`<a href="/docs/getting-started/configure/#options">the options</a>`,                                            // ref, relative, with anchor
		`<a href="/docs/reference/cli/">the CLI reference</a>`,                                                          // relref from content/
		"<p>You need a 64-bit system.</p>",                                                                              // a shortcode's content stays
		"<code>{{&lt; note &gt;}}</code>",                                                                               // the escaped form is text
		`data-answer="shared-answer"><p class="answer-label">Best answer</p><p class="answer-direct">The tool installs`, // included from a headless section
	} {
		if !strings.Contains(install, want) {
			t.Errorf("install page lacks %s", want)
		}
	}
	if strings.Contains(strings.ReplaceAll(install, "{{&lt; note &gt;}}", ""), "{{") || strings.Contains(install, "answer-source") {
		t.Error("install page shows a shortcode, or links to the unpublished answer")
	}
	twin := read("docs/getting-started/install/index.html.md")
	if strings.Contains(twin, "{{< /note") || !strings.Contains(twin, "[the options](/docs/getting-started/configure/#options)") {
		t.Errorf("twin keeps a shortcode or an unresolved ref:\n%s", twin)
	}
	for _, gone := range []string{"snippets/index.html", "snippets/shared-answer/index.html", "headless-bundle/index.html",
		"headless-bundle/data.txt", "blog/never/index.html"} {
		if exists(gone) {
			t.Errorf("%s is published", gone)
		}
	}
	if !exists("blog/unlisted/index.html") {
		t.Error("a build: {list: never} page is not published")
	}
	for _, list := range []string{"blog/index.html", "sitemap.xml", "llms.txt"} {
		if body := read(list); strings.Contains(body, "/blog/never/") || strings.Contains(body, "/snippets/") {
			t.Errorf("%s lists an unpublished page", list)
		}
	}
	if strings.Contains(read("blog/index.html"), "/blog/unlisted/") {
		t.Error("the blog list shows the unlisted page")
	}
	if cli := read("tags/cli/index.html"); !strings.Contains(cli, "/docs/reference/cli/") {
		t.Error("Zola [taxonomies] tags were not read")
	}
	cli := res.Site.Lookup("/docs/reference/cli/")
	if cli == nil || cli.Params["toc"] != true || cli.Params["banner"] != "reference" {
		t.Errorf("cli page params = %v: want [extra] toc and the cascaded banner", cli.Params)
	}
	if p := res.Site.Lookup("/docs/getting-started/install/"); p == nil || p.Params["author"] != "Docs Team" {
		t.Error("cascade did not reach install.md")
	}
}

// TestEveryProblemNamesAFile builds the Hugo fixture with mistakes added
// (content errors, a section whose _index.md has an empty title, a layout
// that fails while rendering list pages) and checks that each problem
// names the file to edit, with a line for content files, and that the
// template error is reported once.
func TestEveryProblemNamesAFile(t *testing.T) {
	dir := t.TempDir()
	sitetest.CopyTree(t, "testdata/hugo-site", dir)
	for name, body := range map[string]string{
		"content/docs/broken.md":        "---\ndescription: no title here\n---\n\n::: fqa\n:::\n\n[gone](/nowhere/) and [^nope].\n",
		"content/untitled/_index.md":    "---\ntitle: \"\"\n---\n",
		"content/untitled/deep/page.md": "---\ntitle: Deep\ndescription: A page under two sections, one untitled and one without _index.md at all.\n---\n\nText.\n",
		"layouts/section.html":          "{{ define \"main\" }}\n<h1>{{ .Page.Title }}</h1>\n{{ .Page.NoSuchField }}\n{{ end }}\n",
	} {
		if err := sitetest.WriteTreeFile(dir, name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	res, err := pipeline.Build(context.Background(), pipeline.Options{Source: dir, Dest: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) == 0 {
		t.Fatal("no problems reported")
	}
	templateErrors := 0
	for _, p := range res.Problems {
		switch {
		case p.File == "" || strings.HasPrefix(p.File, "layouts ("):
			t.Errorf("problem without a file to edit: %s", p)
		case strings.HasPrefix(p.File, "content/") && p.Line == 0:
			t.Errorf("content problem without a line: %s", p)
		case p.File == "layouts/section.html":
			templateErrors++
			if p.Line != 3 {
				t.Errorf("template error not at its line: %s", p)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, p.File)); err != nil && p.File != "site.yaml" {
			t.Errorf("problem names a file the site does not have: %s", p)
		}
	}
	if templateErrors != 1 {
		t.Errorf("the section template's error was reported %d times, want once", templateErrors)
	}
	for _, p := range res.Problems {
		t.Log(p)
	}
}
