package check

import (
	"net/url"
	"path"
	"strings"
	"testing"

	"playbook/generator/config"
	"playbook/generator/model"
	"playbook/generator/write"
)

var fuzzConfig, _ = config.Parse("site.yaml", []byte("title: Fuzz\nbase_url: https://example.com/docs/\n"))

// FuzzVerify records a fuzzed HTML page through a Collector, beside a page
// with known ids, and verifies the site: it must not panic, every problem
// names a file and says what is wrong, and verifying twice finds the same.
func FuzzVerify(f *testing.F) {
	f.Fuzz(func(t *testing.T, page []byte) {
		c := NewCollector(write.NewMemory())
		if err := c.Write("index.html", page); err != nil {
			t.Fatal(err)
		}
		if err := c.Write("a/index.html", []byte(`<h2 id="x">X</h2><script type="application/ld+json">{}</script>`)); err != nil {
			t.Fatal(err)
		}
		site, _ := model.Assemble(fuzzConfig, nil, model.Options{})
		first := c.Verify(site, nil)
		for _, p := range first {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("problem without a file or message: %+v", p)
			}
		}
		if second := c.Verify(site, nil); len(second) != len(first) {
			t.Fatalf("Verify is not repeatable: %d then %d problems", len(first), len(second))
		}
	})
}

// fuzzFiles are the outputs links are resolved against in FuzzResolve.
var fuzzFiles = map[string]bool{"index.html": true, "a/index.html": true, "a/b/index.html": true, "a/img.png": true, "x": true, "css/site.css": true}

// FuzzResolve checks link resolution against net/url's, which follows RFC
// 3986 as browsers do: a link without a fragment found by a browser at a
// published file must resolve, and one the browser would not find there
// must be reported. The site is published under /docs/.
func FuzzResolve(f *testing.F) {
	c := &Collector{files: fuzzFiles, pages: map[string]*pageFacts{}}
	v := verifier{c: c, base: "https://example.com/docs/", basePath: "/docs/", rooted: new(rootedCache)}
	f.Fuzz(func(t *testing.T, link string) {
		for _, from := range []string{"index.html", "a/b/index.html"} {
			msg, _ := v.resolve(from, link)
			want, checked := browserFinds(from, link)
			if checked && want != (msg == "") {
				t.Fatalf("link %q from %s: resolve says %q, a browser finds a file: %v", link, from, msg, want)
			}
		}
	})
}

// browserFinds resolves link as a browser on https://example.com/docs/from
// would and reports whether it reaches a published file. checked is false
// for links the check leaves alone (other sites, including paths of the
// host outside /docs/, and fragments) and for forms servers and URL
// libraries disagree on (percent-escapes, empty segments).
func browserFinds(from, link string) (found, checked bool) {
	ref, err := url.Parse(link)
	if err != nil || strings.ContainsAny(link, "#%\\\t\n\r ") || strings.Contains(link, "//") {
		return false, false
	}
	if ref.Scheme != "" || ref.Host != "" || ref.Opaque != "" {
		return false, false
	}
	base, _ := url.Parse("https://example.com/docs/" + from)
	abs := base.ResolveReference(ref)
	rest, under := strings.CutPrefix(abs.Path, "/docs/")
	if !under {
		return false, false // another site on the host: the check leaves it alone
	}
	if rest == "" || strings.HasSuffix(rest, "/") {
		return fuzzFiles[rest+"index.html"], true
	}
	return fuzzFiles[rest] || fuzzFiles[path.Join(rest, "index.html")], true
}
