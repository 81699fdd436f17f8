package check

import (
	"net/url"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"playbook/generator/diag"
	"playbook/generator/model"
)

// Verify checks every collected HTML file against everything written:
// internal links and anchors resolve and the pages of the site carry valid
// structured data. Problems point at the Markdown line of a link when the
// link comes from content, else at the page's file.
func (c *Collector) Verify(site *model.Site) diag.List {
	c.mu.Lock()
	defer c.mu.Unlock()
	byOut := map[string]*model.Page{}
	for _, p := range site.Pages {
		byOut[strings.TrimPrefix(p.URL, "/")+"index.html"] = p
	}
	v := verifier{c: c, base: site.Config.BaseURL, basePath: basePath(site.Config.BaseURL)}
	outs := c.sortedPages()
	found := make([]diag.List, len(outs))
	parallel(len(outs), func(i int) {
		page := byOut[outs[i]]
		found[i] = v.links(outs[i], page)
		if page != nil {
			found[i] = append(found[i], jsonLDProblems(page, c.pages[outs[i]])...)
		}
	})
	var probs diag.List
	for _, f := range found {
		probs = append(probs, f...)
	}
	return probs
}

// parallel calls fn for 0..n-1 over all cores. fn only reads shared
// state and writes its own slot.
func parallel(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		})
	}
	wg.Wait()
}

func (c *Collector) sortedPages() []string {
	out := make([]string, 0, len(c.pages))
	for p := range c.pages {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

type verifier struct {
	c        *Collector
	base     string
	basePath string
}

// links reports the broken internal links of one output file, once per
// distinct link.
func (v verifier) links(out string, page *model.Page) diag.List {
	var probs diag.List
	seen := map[string]bool{}
	for _, link := range v.c.pages[out].links {
		if seen[link] {
			continue
		}
		seen[link] = true
		if msg, fix := v.resolve(out, link); msg != "" {
			probs.Add(linkProblem(out, page, link, msg, fix))
		}
	}
	return probs
}

// resolve returns what is wrong with a link, or "" when it resolves or is
// external.
func (v verifier) resolve(from, link string) (msg, fix string) {
	target, fragment, internal := v.internalPath(from, link)
	if !internal {
		return "", ""
	}
	file, ok := v.findFile(target)
	if !ok {
		return "no page or file is published at " + "/" + target, "fix the link, or create the page it points to"
	}
	if fragment == "" || !strings.HasSuffix(file, ".html") {
		return "", ""
	}
	facts := v.c.pages[file]
	if facts == nil || facts.ids[fragment] {
		return "", ""
	}
	return "/" + strings.TrimSuffix(file, "index.html") + " has no element with id \"" + fragment + "\"",
		"link to one of its heading ids" + suggestIDs(facts.ids)
}

// internalPath turns a link into a site-relative output path and fragment;
// internal is false for external links, mailto: and the like.
func (v verifier) internalPath(from, link string) (target, fragment string, internal bool) {
	if strings.HasPrefix(link, v.base) {
		link = "/" + strings.TrimPrefix(link, v.base)
	}
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(link, "//") {
		return "", "", false
	}
	fragment = u.Fragment
	p := u.Path
	switch {
	case p == "":
		p = "/" + from
	case strings.HasPrefix(p, "/"):
		if strings.HasPrefix(p, v.basePath) {
			p = "/" + strings.TrimPrefix(p, v.basePath)
		}
	default:
		p = path.Dir("/"+from) + "/" + p
	}
	return strings.TrimPrefix(cleanPath(p), "/"), fragment, true
}

// cleanPath removes dot segments and doubled slashes the way a browser
// and a static server do ("/b/../a/" is "/a/"), keeping the final slash
// that marks a folder ("x/." is the folder x/, as RFC 3986 resolves it).
func cleanPath(p string) string {
	c := path.Clean(p)
	if c != "/" && (strings.HasSuffix(p, "/") || strings.HasSuffix(p, "/.") || strings.HasSuffix(p, "/..")) {
		c += "/"
	}
	return c
}

// findFile finds the file a URL path serves, the way a static server
// does: the file itself, or the folder's index.html.
func (v verifier) findFile(target string) (string, bool) {
	if target == "" || strings.HasSuffix(target, "/") {
		f := target + "index.html"
		return f, v.c.files[f]
	}
	if v.c.files[target] {
		return target, true
	}
	f := target + "/index.html"
	return f, v.c.files[f]
}

func suggestIDs(ids map[string]bool) string {
	var list []string
	for id := range ids {
		list = append(list, "#"+id)
	}
	sort.Strings(list)
	if len(list) == 0 {
		return ""
	}
	if len(list) > 5 {
		list = list[:5]
	}
	return ", such as " + strings.Join(list, ", ")
}

func linkProblem(out string, page *model.Page, link, msg, fix string) diag.Problem {
	if page == nil || page.File == "" {
		return diag.Errorf("layouts", 0, 0, fix, "broken link %q in the template output %s: %s", link, out, msg)
	}
	line, col := linkLine(page, link)
	if line == 0 {
		return diag.Errorf(page.File, 0, 0, fix+" (the link is written in a layout template)", "broken link %q: %s", link, msg)
	}
	return diag.Errorf(page.File, line, col, fix, "broken link %q: %s", link, msg)
}

// linkLine finds where in the Markdown a link was written.
func linkLine(p *model.Page, link string) (int, int) {
	if p.Doc == nil {
		return 0, 0
	}
	for _, l := range p.Doc.Outline.Links {
		if l.Dest == link {
			return p.Source.BodyLine + l.Line, l.Col
		}
	}
	return 0, 0
}

// jsonLDProblems validates the JSON-LD as written in the HTML. The graph
// was validated before encoding; this catches what a template adds.
func jsonLDProblems(p *model.Page, f *pageFacts) diag.List {
	var probs diag.List
	for _, v := range f.validateJSONLD() {
		file := p.File
		if file == "" {
			file = "layouts (page " + p.URL + ")"
		}
		probs.Add(diag.Errorf(file, 0, 0, v.Fix, "invalid structured data in the output at %s: %s", v.Path, v.Msg))
	}
	return probs
}

func basePath(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}
