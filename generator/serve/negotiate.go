package serve

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Content negotiation between a page and its Markdown twin, as Mintlify
// and Cloudflare do it for agents: a request whose Accept header asks for
// text/markdown at least as much as for HTML (or prefers text/plain to
// HTML) gets the twin. Browsers never list text/markdown, so they always
// get the page.

// wantsMarkdown reports whether an Accept header prefers the twin to the
// HTML page.
func wantsMarkdown(accept string) bool {
	if accept == "" {
		return false
	}
	md, plain, html := -1.0, -1.0, acceptQ{}
	for r := range strings.SplitSeq(accept, ",") {
		typ, q, ok := mediaRange(r)
		if !ok {
			continue
		}
		switch typ {
		case "text/markdown":
			md = max(md, q)
		case "text/plain":
			plain = max(plain, q)
		}
		html.add(typ, q)
	}
	h := html.q()
	return md > 0 && md >= h || plain > 0 && plain > h
}

// acceptQ is the quality an Accept header gives text/html: its own
// range's, else text/*'s, else */*'s (the most specific range wins, RFC
// 9110 section 12.5.1), and 0 when none matches.
type acceptQ struct{ exact, text, any float64 }

func (a *acceptQ) add(typ string, q float64) {
	switch typ {
	case "text/html", "application/xhtml+xml":
		a.exact = max(a.exact, q+1) // +1: set, even at q=0
	case "text/*":
		a.text = max(a.text, q+1)
	case "*/*":
		a.any = max(a.any, q+1)
	}
}

func (a *acceptQ) q() float64 {
	for _, v := range []float64{a.exact, a.text, a.any} {
		if v > 0 {
			return v - 1
		}
	}
	return 0
}

// mediaRange parses one element of an Accept header: "text/markdown;
// charset=utf-8;q=0.9" -> ("text/markdown", 0.9). A malformed element
// (no slash, a q that is not a number in [0, 1]) is skipped, as if absent.
func mediaRange(s string) (typ string, q float64, ok bool) {
	params := strings.Split(s, ";")
	typ = strings.ToLower(strings.TrimSpace(params[0]))
	if i := strings.IndexByte(typ, '/'); i <= 0 || i == len(typ)-1 {
		return "", 0, false
	}
	q = 1
	for _, p := range params[1:] {
		k, v, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || f < 0 || f > 1 || f != f {
			return "", 0, false
		}
		q = f
	}
	return typ, q, true
}

const markdownType = "text/markdown; charset=utf-8"

// twinOf returns the Markdown twin of a page file ("a/index.html" ->
// "a/index.html.md"), when there is one.
func twinOf(files Files, name string) ([]byte, bool) {
	if name != "index.html" && !strings.HasSuffix(name, "/index.html") {
		return nil, false
	}
	return files.Get(name + ".md")
}

// negotiateTwin answers a request for a page that has a twin: with the
// twin when the Accept header prefers Markdown (and reports true), else it
// sets the headers of the HTML response (Vary, and a Link to the twin for
// clients that never read the page's head) and reports false.
func negotiateTwin(w http.ResponseWriter, r *http.Request, name string, twin []byte) bool {
	h := w.Header()
	h.Set("Vary", "Accept")
	page := sitePathURL(strings.TrimSuffix(name, "index.html"))
	if wantsMarkdown(r.Header.Get("Accept")) {
		h.Set("Link", "<"+page+`>; rel="canonical"; type="text/html"`)
		send(w, r, http.StatusOK, markdownType, twin)
		return true
	}
	h.Set("Link", "<"+sitePathURL(name+".md")+`>; rel="alternate"; type="text/markdown", </llms.txt>; rel="describedby"; type="text/markdown"`)
	return false
}

// sitePathURL is the root-relative URL of a site path, escaped so that it
// can stand between the angle brackets of a Link header.
func sitePathURL(p string) string {
	return (&url.URL{Path: "/" + p}).EscapedPath()
}
