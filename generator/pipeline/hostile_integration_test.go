package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"

	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
	"playbook/generator/write"
)

// hostileCase is one piece of hostile or broken content and the outcome
// the build must reach: the exact problems (file:line:col first), and for
// content that builds, output that is safe.
type hostileCase struct {
	name  string
	files string                               // txtar sections after site.yaml
	setup func(t *testing.T, s *sitetest.Site) // inputs too big or too odd for txtar
	opts  func(*pipeline.Options)              // e.g. unsafe HTML on
	want  []string                             // problems, as sitetest.AssertProblems
	check func(t *testing.T, s *sitetest.Site) // the safe output, when the build succeeds
}

const hostileSite = "-- site.yaml --\ntitle: T\nbase_url: https://example.com/\n"

// page is a content file with a title and description, so a case's
// problems are only the ones it is about.
func page(path, title, body string) string {
	return "-- " + path + " --\n---\ntitle: " + title + "\ndescription: \"A page of the hostile content tests.\"\n---\n" + body
}

// TestHostileContent builds one site per piece of hostile or broken
// content and asserts its exact outcome. How long the big inputs take is
// measured by benchmarks, not asserted here: a test never fails because a
// busy machine is slow, and a build that hangs is caught by go test's
// -timeout.
func TestHostileContent(t *testing.T) {
	for _, tt := range hostileCases() {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.New(t, hostileSite+tt.files)
			if tt.setup != nil {
				tt.setup(t, s)
			}
			opts := s.Options()
			if tt.opts != nil {
				tt.opts(&opts)
			}
			res := s.Build(opts)
			sitetest.AssertProblems(t, res, tt.want...)
			if res.Failed(false) {
				if _, err := os.Stat(s.Dest); !os.IsNotExist(err) {
					t.Errorf("a failed build must not create %s", s.Dest)
				}
				return
			}
			assertEveryPageSafe(t, s.Dest)
			if tt.check != nil {
				tt.check(t, s)
			}
		})
	}
}

func hostileCases() []hostileCase {
	return append(append(brokenFileCases(), frontMatterCases()...), append(urlCases(), htmlCases()...)...)
}

// brokenFileCases are files that are not text, or too big to be a page,
// or merely huge but valid.
func brokenFileCases() []hostileCase {
	return []hostileCase{
		{name: "invalid UTF-8", files: page("content/a.md", "A", "ok \xff\n"),
			want: []string{"content/a.md:5:4: error: the file is not valid UTF-8 — save the file as UTF-8"}},
		{name: "NUL byte", files: page("content/a.md", "A", "a\x00b\n"),
			want: []string{"content/a.md:5:2: error: the file contains a NUL byte — remove the NUL byte"}},
		{name: "50 MB page", setup: func(t *testing.T, s *sitetest.Site) {
			// Front matter, then 50 MB: the size alone must refuse the
			// file before it is read, so the tail may stay sparse.
			s.WriteFile("content/big.md", "---\ntitle: Big\n---\n"+strings.Repeat("word ", 1000))
			if err := os.Truncate(filepath.Join(s.Dir, "content", "big.md"), 50<<20); err != nil {
				t.Fatal(err)
			}
		}, want: []string{"content/big.md: error: the file is over the 8 MB limit for one page — split it into several pages"}},
		{name: "10,000 headings", setup: func(t *testing.T, s *sitetest.Site) {
			var b strings.Builder
			for i := range 10000 {
				b.WriteString("## Heading " + strconv.Itoa(i) + "\n\ntext\n\n")
			}
			s.WriteFile("content/a.md", "---\ntitle: A\ndescription: d\n---\n"+b.String())
		}, check: func(t *testing.T, s *sitetest.Site) {
			out := s.Read("a/index.html")
			if n := strings.Count(out, `<h2 id="heading-`); n != 10000 {
				t.Errorf("%d headings in the output, want 10000", n)
			}
			s.AssertFileContent("a/index.html", `<h2 id="heading-9999">Heading 9999</h2>`)
			s.AssertFileContent("a/index.html.md", "## Heading 9999\n")
		}},
		{name: "list nested 10,000 deep", files: page("content/a.md", "A", strings.Repeat("- ", 10000)+"deep\n"),
			check: func(t *testing.T, s *sitetest.Site) {
				out := s.Read("a/index.html")
				if n := strings.Count(out, "<ul>"); n != 10000 || strings.Count(out, "</ul>") != n {
					t.Errorf("%d nested lists in the output, want 10000 opened and closed", n)
				}
				s.AssertFileContent("a/index.html", "<li>deep</li>")
			}},
		{name: "blockquote nested 10,000 deep", files: page("content/a.md", "A", strings.Repeat(">", 10000)+" deep\n"),
			// goldmark's cost grows with the square of the depth: refused.
			want: []string{"content/a.md:5:33: error: block quotes are nested more than 32 deep — quote inside a quote at most a few times"}},
	}
}

// frontMatterCases are front matter that is not a mapping, or not closed.
func frontMatterCases() []hostileCase {
	return []hostileCase{
		{name: "front matter is a list", files: "-- content/a.md --\n---\n- title\n- A\n---\nbody\n", want: []string{
			"content/a.md:2:1: error: front matter must be a mapping of keys to values, found a Sequence — write one `key: value` per line",
		}},
		{name: "front matter is empty", files: "-- content/a.md --\n---\n---\nbody\n", want: []string{
			"content/a.md:1:1: warning: the page has no description",
			`content/a.md:2:1: error: the page has no title — add title: "Page title" to the front matter`,
		}},
		{name: "front matter is never closed", files: "-- content/a.md --\n---\ntitle: A\n\nbody\n", want: []string{
			"content/a.md:1:1: error: front matter opened with --- is never closed — close it with a line --- after the last field",
		}},
		{name: "TOML front matter is never closed", files: "-- content/a.md --\n+++\ntitle = \"A\"\n", want: []string{
			"content/a.md:1:1: error: front matter opened with +++ is never closed — close it with a line +++ after the last field",
		}},
	}
}

// urlCases are slugs that try to leave their folder and pages that claim
// one URL.
func urlCases() []hostileCase {
	return []hostileCase{
		{name: "slug climbs out", files: "-- content/a.md --\n---\ntitle: A\ndescription: d\nslug: ../../etc\n---\n",
			want: []string{`content/a.md:4:1: error: slug "../../etc" is not a single URL segment — use letters, digits and hyphens only`}},
		{name: "absolute slug", files: "-- content/a.md --\n---\ntitle: A\ndescription: d\nslug: /etc/passwd\n---\n",
			want: []string{`content/a.md:4:1: error: slug "/etc/passwd" is not a single URL segment`}},
		{name: "two pages claim one URL", files: page("content/a.md", "A", "") +
			"-- content/b.md --\n---\ntitle: B\ndescription: d\nslug: a\n---\n",
			want: []string{"content/b.md:4:1: error: the page's URL /a/ is already used by content/a.md — give one of them another file name or slug"}},
		{name: "URLs differ only in case", files: page("content/Guide.md", "A", "") + page("content/guide.md", "B", ""),
			want: []string{"content/guide.md:1:1: error: the page's URL /guide/ is already used by content/Guide.md"}},
		{name: "folders differ only in case", files: page("content/Guides/a.md", "A", "") + page("content/guides/b.md", "B", ""),
			want: []string{"content/guides/b.md:1:1: error: the folder content/guides/ has the URL /guides/ of the folder content/Guides/ — rename one"}},
		{name: "page over a folder's list page", files: page("content/guides.md", "A", "") + page("content/guides/b.md", "B", ""),
			want: []string{"content/guides.md:1:1: error: the page's URL /guides/ is the list page of the folder content/guides/ — rename the page, or make it the folder's list page content/guides/_index.md"}},
		{name: "page over the tag pages", files: page("content/tags/ltv.md", "A", "") +
			"-- content/b.md --\n---\ntitle: B\ndescription: d\ntags: [ltv, \"!!!\"]\n---\n",
			want: []string{
				`content/b.md:4:13: error: tag "!!!" has no letters or digits — use letters or digits in the tag`,
				"content/tags/ltv.md:1:1: error: the folder content/tags/ would be published at /tags/, where playbook publishes its tag and stage pages",
			}},
		{name: "aliases outside the site or onto a page", files: page("content/b.md", "B", "") +
			"-- content/a.md --\n---\ntitle: A\ndescription: d\naliases: [../../x, \"https://evil.example/\", /b/, /old/]\n---\n",
			want: []string{
				`content/a.md:4:1: error: alias "/b/" would replace b/index.html, which the site already writes`,
				`content/a.md:4:11: error: alias "../../x" is not a path of this site — write the old path of the page`,
				`content/a.md:4:20: error: alias "https://evil.example/" is not a path of this site`,
			}},
		{name: "a layout symlinked outside", setup: func(t *testing.T, s *sitetest.Site) {
			outside := filepath.Join(t.TempDir(), "footer.html")
			if err := os.WriteFile(outside, []byte("<footer>secret</footer>"), 0o644); err != nil {
				t.Fatal(err)
			}
			s.WriteFile("content/a.md", "---\ntitle: A\ndescription: d\n---\n")
			s.WriteFile("layouts/partials/.keep", "")
			if err := os.Symlink(outside, filepath.Join(s.Dir, "layouts", "partials", "footer.html")); err != nil {
				t.Fatal(err)
			}
		}, want: []string{
			"layouts/partials/footer.html: error: cannot read the layout: open partials/footer.html: a symlink leads outside the site folder or is absolute — point the link inside the site folder",
		}},
		{name: "symlinks in content point outside", setup: linkOutside, want: []string{
			"content/folder: error: cannot read the file: a symlink leads outside the site folder or is absolute — symlinks must point inside the site folder",
			"content/leak.md: error: cannot read the file: ",
			"content/leak.png: error: cannot read the file: ",
			"static/leak.png: error: symbolic link leads outside the site folder or is absolute, so it is not copied",
		}},
	}
}

// linkOutside puts a Markdown file, an image and a folder into content/,
// and an image into static/, as symlinks to files outside the site.
func linkOutside(t *testing.T, s *sitetest.Site) {
	outside := t.TempDir()
	for name, data := range map[string]string{"secret.md": "---\ntitle: Secret\n---\nsecret\n", "secret.png": "png", "dir/x.md": "x"} {
		if err := os.MkdirAll(filepath.Join(outside, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(outside, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s.WriteFile("content/a.md", "---\ntitle: A\ndescription: d\n---\n")
	s.WriteFile("static/ok.txt", "ok")
	for link, target := range map[string]string{"content/leak.md": "secret.md", "content/leak.png": "secret.png",
		"content/folder": "dir", "static/leak.png": "secret.png"} {
		if err := os.Symlink(filepath.Join(outside, target), filepath.Join(s.Dir, filepath.FromSlash(link))); err != nil {
			t.Fatal(err)
		}
	}
}

// htmlCases are raw HTML and text that tries to break out of attributes
// and of the JSON-LD script.
func htmlCases() []hostileCase {
	raw := page("content/a.md", "A", "Before.\n\n<script>alert(1)</script>\n\nInline <img src=\"https://example.org/x.png\" onerror=alert(2)> too.\n\n"+
		"::: faq\n### Is it safe?\nYes <script>alert(3)</script> it is.\n:::\n")
	return []hostileCase{
		{name: "raw HTML is omitted by default", files: raw, want: []string{
			`content/a.md:7:1: warning: raw HTML "<script>alert(1)</script>" is left out of the page (and 3 more places on this page) — write it in Markdown, or set unsafe_html: true`,
		}, check: func(t *testing.T, s *sitetest.Site) {
			out := s.Read("a/index.html")
			// Inline raw HTML is dropped tag by tag (CommonMark), so the
			// text between <script> and </script> stays, inert.
			for _, bad := range []string{"<script>alert", "onerror", "<img"} {
				if strings.Contains(out, bad) {
					t.Errorf("raw HTML %q reached the page", bad)
				}
			}
			s.AssertFileContent("a/index.html", "<!-- raw HTML omitted -->", `"text":"\u003cp\u003eYes alert(3) it is.\u003c/p\u003e"`)
		}},
		{name: "unsafe_html lets raw HTML into the body only", files: raw, opts: func(o *pipeline.Options) { o.Unsafe = true },
			check: func(t *testing.T, s *sitetest.Site) {
				s.AssertFileContent("a/index.html", "<script>alert(1)</script>", `<img src="https://example.org/x.png" onerror=alert(2)>`)
				if ld := jsonLDOf(t, s.Read("a/index.html")); strings.Contains(ld, "alert") || strings.Contains(ld, `\u003cscript`) {
					t.Errorf("the FAQ answer in JSON-LD must stay sanitized: %s", ld)
				}
			}},
		{name: "answer containing </script>", files: "-- content/answers/end.md --\n---\ntitle: End\n---\n::: answer\n" +
			"A literal `</script>` or \\</script> in an answer must not end the JSON-LD script that carries it. A " +
			"browser closes a script element at the first such tag it meets, and whatever follows it would become markup on the page.\n:::\n",
			check: func(t *testing.T, s *sitetest.Site) {
				out := s.Read("answers/end/index.html")
				ld := jsonLDOf(t, out)
				if strings.Contains(strings.ToLower(ld), "</script") {
					t.Fatalf("unescaped </script inside JSON-LD: %s", ld)
				}
				want := `"description":"A literal \u003c/script\u003e or \u003c/script\u003e in an answer`
				if !strings.Contains(ld, want) {
					t.Errorf("JSON-LD lacks %s:\n%s", want, ld)
				}
				if term := graphNode(t, ld, "DefinedTerm"); !strings.HasPrefix(term["description"].(string), "A literal </script> or </script> in") {
					t.Errorf("the decoded description lost the text: %v", term["description"])
				}
			}},
		{name: "title with quotes and angle brackets", files: "-- content/faq/a.md --\n---\n" +
			"title: 'Say \"hi\" <b>now</b> & ''go'''\ndescription: \"Quotes \\\" and <i>tags</i>\"\n---\n" +
			"## Is AT&amp;T \\<big>?\n\nYes.\n",
			check: func(t *testing.T, s *sitetest.Site) {
				const esc = `Say &#34;hi&#34; &lt;b&gt;now&lt;/b&gt; &amp; &#39;go&#39;`
				s.AssertFileContent("faq/a/index.html",
					"<title>"+esc+" | T</title>",
					`<meta property="og:title" content="`+esc+`">`,
					`<meta name="description" content="Quotes &#34; and &lt;i&gt;tags&lt;/i&gt;">`,
					`<h1>`+esc+`</h1>`)
				ld := jsonLDOf(t, s.Read("faq/a/index.html"))
				for _, want := range []string{`"name":"Say \"hi\" \u003cb\u003enow\u003c/b\u003e \u0026 'go'"`, `"name":"Is AT\u0026T \u003cbig\u003e?"`} {
					if !strings.Contains(ld, want) {
						t.Errorf("JSON-LD lacks %s:\n%s", want, ld)
					}
				}
			}},
	}
}

// assertEveryPageSafe tokenizes every HTML page of the output as a
// browser does and checks it holds exactly one JSON-LD script whose text is
// valid JSON: text that closed the script early would leave it truncated.
// (404.html has no structured data by design.)
func assertEveryPageSafe(t *testing.T, dest string) {
	t.Helper()
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") || d.Name() == "404.html" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if scripts := ldScripts(b); len(scripts) != 1 || !json.Valid([]byte(scripts[0])) {
			t.Errorf("%s: want one valid JSON-LD script, got %d", p, len(scripts))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// ldScripts returns the text of every ld+json script of a document. The
// tokenizer ends a script's text where a browser does, so early-closed
// JSON shows up truncated.
func ldScripts(page []byte) []string {
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	inLD := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			tok := z.Token()
			inLD = tok.Data == "script" && tokenAttr(tok, "type") == "application/ld+json"
			if inLD {
				out = append(out, "")
			}
		case html.TextToken:
			if inLD {
				out[len(out)-1] += string(z.Text())
			}
		case html.EndTagToken:
			inLD = false
		}
	}
}

// jsonLDOf parses a page with the HTML5 tree builder, checks that its
// tree holds exactly one ld+json script, and returns that script's text.
func jsonLDOf(t *testing.T, page string) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "script" && nodeAttr(n, "type") == "application/ld+json" && n.FirstChild != nil {
			texts = append(texts, n.FirstChild.Data)
		}
	}
	if len(texts) != 1 || !json.Valid([]byte(texts[0])) {
		t.Fatalf("want one valid JSON-LD script in the parsed tree, got %q", texts)
	}
	return texts[0]
}

func tokenAttr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func nodeAttr(n *html.Node, key string) string {
	return tokenAttr(html.Token{Attr: n.Attr}, key)
}

// graphNode decodes a JSON-LD @graph and returns its node of type typ.
func graphNode(t *testing.T, ld, typ string) map[string]any {
	t.Helper()
	var g struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(ld), &g); err != nil {
		t.Fatal(err)
	}
	for _, n := range g.Graph {
		if n["@type"] == typ {
			return n
		}
	}
	t.Fatalf("no %s node in %s", typ, ld)
	return nil
}

// fuzzKinds are the folders a fuzzed page is put in, so each kind's front
// matter and template get their turn.
var fuzzKinds = []string{"guides", "faq", "answers", "workflows", "verticals", "calculators", ""}

// fuzzSite is the rest of the site a fuzzed page lives in: an answer it can
// include, a workflow a vertical can name, a calculator page.
var fuzzSite = fstest.MapFS{
	"site.yaml":                  {Data: []byte("title: Fuzz\nbase_url: https://example.com/docs/\n")},
	"content/answers/ltv.md":     {Data: []byte("---\ntitle: LTV\n---\n::: answer\nLifetime value is what a customer is worth.\n:::\n")},
	"content/workflows/w.md":     {Data: []byte("---\ntitle: W\nverticals: [v]\n---\n```prompt\nGrow [AOV] by [CURRENT %].\n```\n")},
	"content/calculators/ltv.md": {Data: []byte("---\ntitle: C\ncalculator: ltv\ndefaults: {aov: 80}\n---\n")},
}

// FuzzBuildPage runs the whole pipeline into memory on a site holding one
// fuzzed page. It must never fail as machinery or panic, every problem
// names a file, and every HTML page carries one JSON-LD script that is
// valid JSON without a '<' in it (so nothing inside can end the script or
// open an HTML comment that would hide its end).
func FuzzBuildPage(f *testing.F) {
	dir := f.TempDir() // NewSession opens a real folder; the files come from fuzzSite
	// The fixed pages' social cards are drawn once and then taken from the
	// cache, so the fuzzer's time goes to the fuzzed page.
	cache := f.TempDir()
	// Issue 21's pathological inputs, small.
	for i, c := range costCases() {
		f.Add(uint8(i), []byte(c.page(max(c.small/10, 1))))
	}
	fuzzing := flag.Lookup("test.fuzz").Value.String() != ""
	f.Fuzz(func(t *testing.T, kind uint8, src []byte) {
		// A build that never ends is a denial of service: while fuzzing,
		// crash the worker so the fuzzer keeps the input (a hung call
		// cannot fail the test). Running the seeds, go test's -timeout
		// catches a hang, and a slow machine fails nothing.
		if fuzzing {
			watchdog := time.AfterFunc(60*time.Second, func() { panic(fmt.Sprintf("build hangs on kind %d, page %q", kind, src)) })
			defer watchdog.Stop()
		}
		name := path.Join("content", fuzzKinds[int(kind)%len(fuzzKinds)], "fuzzed.md")
		site := maps.Clone(fuzzSite)
		site[name] = &fstest.MapFile{Data: src}
		opts := pipeline.Options{Source: dir, CacheDir: cache, Drafts: true, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
			WrapSource: func(fs.FS) fs.FS { return site }}
		mem := write.NewMemory()
		res, err := pipeline.Into(context.Background(), opts, mem)
		if err != nil {
			t.Fatalf("machinery error on content: %v", err)
		}
		for _, p := range res.Problems {
			if p.File == "" || p.Msg == "" {
				t.Errorf("problem without a file or message: %+v", p)
			}
		}
		pages := map[string]bool{}
		if res.Site != nil {
			for _, p := range res.Site.Pages {
				pages[strings.TrimPrefix(p.URL, "/")+"index.html"] = true
			}
		}
		for _, out := range mem.Paths() {
			if strings.HasSuffix(out, ".html") {
				b, _ := mem.Get(out)
				assertJSONLDSealed(t, out, b, pages[out])
			}
		}
	})
}

// assertJSONLDSealed checks one HTML file's structured data as a browser
// would read it. A page has exactly one script; other HTML files (404.html,
// alias redirects) may have none.
func assertJSONLDSealed(t *testing.T, out string, page []byte, isPage bool) {
	t.Helper()
	scripts := ldScripts(page)
	if len(scripts) > 1 || isPage && len(scripts) != 1 {
		t.Fatalf("%s: %d JSON-LD scripts", out, len(scripts))
	}
	for _, ld := range scripts {
		if strings.Contains(ld, "<") || !json.Valid([]byte(ld)) {
			t.Fatalf("%s: JSON-LD is not sealed valid JSON:\n%s", out, ld)
		}
	}
}
