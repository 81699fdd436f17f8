package model

import (
	"bytes"
	"net/url"
	"path"
	"strings"
	"testing"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/markdown"
)

// fuzzEngine is shared: building goldmark per input would dominate the run.
var fuzzEngine = markdown.New(markdown.Options{})

var fuzzConfig, _ = config.Parse("site.yaml", []byte("title: Fuzz\nbase_url: https://example.com/docs/\n"))

// fuzzFolders are where a fuzzed page may live: each kind's folder, the
// root, a nested section, and list and bundle files.
var fuzzFolders = []string{
	"content/guides/p.md", "content/faq/p.md", "content/answers/p.md", "content/workflows/p.md",
	"content/verticals/p.md", "content/calculators/p.md", "content/p.md", "content/guides/deep/er/p.md",
	"content/guides/_index.md", "content/_index.md", "content/guides/b/index.md", "content/index.md",
}

// FuzzNewPage reads one content file, as the build does, into a page and a
// one-page site: it must not panic, every problem must point inside the
// file, and the URL must be a clean path that cannot climb out of the site.
func FuzzNewPage(f *testing.F) {
	f.Fuzz(func(t *testing.T, where uint8, src []byte) {
		file := fuzzFolders[int(where)%len(fuzzFolders)]
		s, probs := load.Split(file, src)
		if s == nil {
			return
		}
		p, pageProbs := NewPage(fuzzConfig, s, fuzzEngine)
		assertInside(t, file, src, append(probs, pageProbs...))
		assertCleanURL(t, p.URL)
		if p.Kind == KindWorkflow && p.Workflow == nil || p.Kind == KindCalculator && p.Calculator == nil {
			t.Fatalf("%s page without its %s data", p.Kind, p.Kind)
		}
		if p.Workflow != nil {
			for _, ph := range p.Workflow.Placeholders {
				if !strings.Contains(p.Workflow.Prompt, ph) {
					t.Fatalf("placeholder %q is not in the prompt %q", ph, p.Workflow.Prompt)
				}
			}
		}
		site, siteProbs := Assemble(fuzzConfig, []*Page{p}, Options{Drafts: true})
		assertSite(t, site)
		assertInside(t, file, src, siteProbs)
	})
}

// FuzzAssemble links several fuzzed pages into a site. Each page is a
// "name\nbody" chunk between "\n===\n" lines; the name becomes its file
// under content/. Pages that claim one URL (also by case, also through
// slugs and folders) must be refused with a problem, never both kept.
func FuzzAssemble(f *testing.F) {
	f.Fuzz(func(t *testing.T, archive string) {
		var pages []*Page
		for i, chunk := range strings.Split(archive, "\n===\n") {
			if i == 8 {
				break
			}
			name, body, _ := strings.Cut(chunk, "\n")
			file := path.Join("content", path.Clean("/"+name))
			if !load.IsMarkdown(file) {
				file += ".md"
			}
			if s, _ := load.Split(file, []byte(body)); s != nil {
				p, _ := NewPage(fuzzConfig, s, fuzzEngine)
				pages = append(pages, p)
			}
		}
		site, probs := Assemble(fuzzConfig, pages, Options{Drafts: true})
		assertSite(t, site)
		for _, p := range probs {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without a file or message: %+v", p)
			}
		}
	})
}

// FuzzSlug checks the one-segment rule of front matter slugs: a slug the
// model accepts makes exactly one clean URL segment.
func FuzzSlug(f *testing.F) {
	f.Fuzz(func(t *testing.T, slug string) {
		seg := Urlize(slug)
		if strings.HasPrefix(seg, "-") || strings.HasSuffix(seg, "-") || strings.HasPrefix(seg, ".") || strings.HasSuffix(seg, ".") {
			t.Fatalf("Urlize(%q) = %q has a dangling - or .", slug, seg)
		}
		if !validSlug(slug) {
			return
		}
		if seg == "" || strings.ContainsAny(seg, "/\\?#% ") || seg == "." || seg == ".." {
			t.Fatalf("valid slug %q gives the segment %q", slug, seg)
		}
		assertCleanURL(t, "/guides/"+seg+"/")
	})
}

// FuzzAlias checks that an alias the model accepts is a plain path of
// the site: it parses as a URL with nothing but a path, the one a browser
// requests, and no ".." element lets its redirect page climb out.
func FuzzAlias(f *testing.F) {
	f.Fuzz(func(t *testing.T, alias string) {
		if !validAlias(alias) {
			return
		}
		a := strings.TrimSpace(alias)
		u, err := url.Parse(a)
		if err != nil || u.Scheme != "" || u.Host != "" || u.Path != a || u.RawQuery != "" || u.Fragment != "" {
			t.Fatalf("alias %q is not a plain path: %+v %v", alias, u, err)
		}
		for _, el := range strings.Split(a, "/") {
			if el == ".." {
				t.Fatalf("alias %q climbs out of the site", alias)
			}
		}
	})
}

// assertInside fails on a problem of another file or past the file's end.
func assertInside(t *testing.T, file string, src []byte, probs diag.List) {
	t.Helper()
	// CommonMark ends a line at LF, CRLF or a lone CR.
	lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) + 1
	for _, p := range probs {
		if p.File != file || p.Line < 0 || p.Line > lines || p.Col < 0 || p.Msg == "" {
			t.Fatalf("problem outside %s (%d lines): %+v", file, lines, p)
		}
	}
}

// assertCleanURL fails on a page URL that is not a clean absolute folder
// path: a "..", an empty segment or a missing slash could write a page
// outside its place.
func assertCleanURL(t *testing.T, url string) {
	t.Helper()
	if url == "/" {
		return
	}
	if !strings.HasPrefix(url, "/") || !strings.HasSuffix(url, "/") || path.Clean(url)+"/" != url || strings.Contains(url, "/../") {
		t.Fatalf("page URL %q is not a clean folder path", url)
	}
}

// assertSite checks the invariants of an assembled site: every page has a
// clean URL and a permalink under the base URL, and no two pages share a
// URL, whatever its case.
func assertSite(t *testing.T, site *Site) {
	t.Helper()
	seen := map[string]*Page{}
	for _, p := range site.Pages {
		assertCleanURL(t, p.URL)
		if !strings.HasPrefix(p.Permalink, site.Config.BaseURL) {
			t.Fatalf("permalink %q is not under %q", p.Permalink, site.Config.BaseURL)
		}
		key := strings.ToLower(p.URL)
		if other, dup := seen[key]; dup {
			t.Fatalf("two pages at %s: %q and %q", p.URL, other.File, p.File)
		}
		seen[key] = p
	}
}
