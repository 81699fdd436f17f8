package check

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// referenceScan reads a page's facts with golang.org/x/net/html's
// tokenizer, the HTML5 tokenization browsers follow. scan must find the
// same ids, links and JSON-LD scripts.
func referenceScan(data []byte) *pageFacts {
	f := &reading{}
	z := html.NewTokenizer(bytes.NewReader(data))
	inLD := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return f.facts()
		case html.StartTagToken, html.SelfClosingTagToken:
			inLD = referenceAttrs(f, z)
		case html.TextToken:
			if inLD {
				f.jsonLD = append(f.jsonLD, bytes.Clone(z.Text()))
			}
			inLD = false
		case html.EndTagToken:
			inLD = false
		}
	}
}

func referenceAttrs(f *reading, z *html.Tokenizer) bool {
	name, hasAttr := z.TagName()
	isLD := false
	for hasAttr {
		var key, val []byte
		key, val, hasAttr = z.TagAttr()
		switch string(key) {
		case "id", "name":
			if string(key) == "id" || string(name) == "a" {
				f.ids = append(f.ids, string(val))
			}
		case "href", "src":
			if string(name) != "link" || !bytes.HasPrefix(val, []byte("http")) {
				f.links = append(f.links, string(val))
			}
		case "type":
			isLD = isLD || string(name) == "script" && string(val) == "application/ld+json"
		}
	}
	return isLD
}

var scanCases = []struct{ name, page string }{
	{"empty", ``},
	{"ids and links", `<h2 id="a">A</h2><a name="b" href="/x/#a">x</a><img src="/i.png"><p name="not-an-anchor">`},
	{"entities in values", `<a href="/c/?a=1&amp;b=2&#38;c=3">c</a><h2 id="q&quot;">`},
	{"unquoted and single-quoted", `<a href=/u/ id='s'>u</a>`},
	{"uppercase names", `<A HREF="/up/" ID="Up">x</A>`},
	{"stylesheet links to other hosts are not links", `<link rel="stylesheet" href="https://cdn.example/x.css"><link rel="alternate" href="/feed.xml">`},
	{"json-ld", `<script type="application/ld+json">{"@graph":[]}</script><script>var x = "<a href='/no/'>"</script>`},
	{"two json-ld scripts", `<script type="application/ld+json">{}</script><p>t</p><script type="application/ld+json">[]</script>`},
	{"json-ld with a closing tag in a string", `<script type="application/ld+json">{"a":"<\/script>"}</script>`},
	{"script type after another attribute", `<script id="ld" type="application/ld+json">{}</script>`},
	{"comments and doctype", `<!doctype html><!-- <a href="/hidden/"> --><a href="/shown/">`},
	{"raw text elements", `<title><a href="/t/"></title><textarea><a href="/ta/"></textarea><style>a{}</style><a href="/after/">`},
	{"inline svg", `<p><svg id="icon" viewBox="0 0 1 1"><a href="/in-svg/"><title>t</title></a><use href="#sym"/></svg><a href="/after-svg/">`},
	{"nested svg", `<svg><g id="g"><svg id="inner"><a href="/deep/"></a></svg></g></svg>`},
	{"unterminated", `<a href="/open`},
	{"nul", "<a href=\"/n\x00/\" id=\"z\x00\">"},
}

func TestScanMatchesReferenceTokenizer(t *testing.T) {
	for _, tc := range scanCases {
		t.Run(tc.name, func(t *testing.T) { compareScans(t, []byte(tc.page)) })
	}
}

// TestScanGoldenPages compares the scanners on every page of the pipeline's
// golden files, the markup the theme really writes.
func TestScanGoldenPages(t *testing.T) {
	root := filepath.Join("..", "pipeline", "testdata", "golden")
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".html.golden") {
			return err
		}
		page, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n++
		t.Run(strings.TrimPrefix(path, root), func(t *testing.T) { compareScans(t, page) })
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("found %d HTML golden files under %s; did the layout change?", n, root)
	}
}

func compareScans(t *testing.T, page []byte) {
	t.Helper()
	orig := bytes.Clone(page)
	got, want := scan(page), referenceScan(page)
	if !bytes.Equal(page, orig) {
		t.Fatal("scan changed its input")
	}
	if got.ids != want.ids {
		t.Errorf("ids: got %q, want %q", splitFacts(got.ids), splitFacts(want.ids))
	}
	if got.links != want.links {
		t.Errorf("links:\n got %q\nwant %q", splitFacts(got.links), splitFacts(want.links))
	}
	if !slices.EqualFunc(got.jsonLD, want.jsonLD, bytes.Equal) {
		t.Errorf("json-ld:\n got %q\nwant %q", got.jsonLD, want.jsonLD)
	}
}

// FuzzScan compares scan with the reference tokenizer on markup a
// serializer writes (templates and the Markdown renderer do): fuzzed tag
// and attribute names, values and text, escaped, in a page with a JSON-LD
// script, a raw-text element and inline SVG. On broken markup (a tag cut
// off by the end of the file, a "/" inside an attribute name) tokenizers
// may differ, and no page is written that way.
func FuzzScan(f *testing.F) {
	f.Add("a", "href", "/x/?a=1&b=2", "text")
	f.Add("h2", "id", "q\"uote's", "<b>")
	f.Add("script", "type", "application/ld+json", `{"a":"</script>"}`)
	f.Add("link", "href", "https://cdn.example/x.css", "")
	f.Add("img", "src", "\x00", "&amp;")
	f.Fuzz(func(t *testing.T, tag, key, val, text string) {
		if !isName(tag) || !isName(key) {
			return
		}
		esc := stdhtml.EscapeString
		var b strings.Builder
		fmt.Fprintf(&b, "<!doctype html><html><head><title>%s</title>", esc(text))
		fmt.Fprintf(&b, `<script type="application/ld+json">%s</script>`, strings.ReplaceAll(text, "</", `<\/`))
		fmt.Fprintf(&b, "</head><body><%s %s=\"%s\" id=\"%s\">%s</%s>", tag, key, esc(val), esc(val), esc(text), tag)
		fmt.Fprintf(&b, "<%s %s='%s'/>", tag, key, esc(val))
		fmt.Fprintf(&b, `<svg><a %s="%s"></a></svg><a href="%s" name="%s">%s</a></body></html>`, key, esc(val), esc(val), esc(text), esc(text))
		compareScans(t, []byte(b.String()))
	})
}

// isName reports whether s is a tag or attribute name a template writes.
func isName(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for _, c := range s {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' && s[0] != byte(c) || c == '-' && s[0] != '-') {
			return false
		}
	}
	return true
}

// BenchmarkScan reads the facts of the biggest page in the build's golden
// files; compare with BenchmarkReferenceScan.
func BenchmarkScan(b *testing.B) { benchmarkScan(b, scan) }

func BenchmarkReferenceScan(b *testing.B) { benchmarkScan(b, referenceScan) }

func benchmarkScan(b *testing.B, read func([]byte) *pageFacts) {
	page, err := os.ReadFile(filepath.Join("..", "pipeline", "testdata", "golden", "guides", "grow", "index.html.golden"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		read(page)
	}
}

func TestJoinedFacts(t *testing.T) {
	for _, list := range [][]string{nil, {""}, {"a"}, {"", "a", "b-c"}, {"x y", "é"}} {
		joined := joinFacts(list)
		if got := splitFacts(joined); !slices.Equal(got, list) {
			t.Errorf("splitFacts(joinFacts(%q)) = %q", list, got)
		}
		f := &pageFacts{ids: joined}
		for _, id := range list {
			if !f.hasID(id) {
				t.Errorf("hasID(%q) in %q = false", id, list)
			}
		}
		for _, id := range []string{"ab", "b", "-c", "x"} {
			if f.hasID(id) != slices.Contains(list, id) {
				t.Errorf("hasID(%q) in %q = %v", id, list, !slices.Contains(list, id))
			}
		}
	}
}
