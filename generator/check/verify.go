package check

import (
	"cmp"
	"net/url"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/generator/suggest"
)

// Verify checks every collected HTML file against everything written:
// internal links and anchors resolve and the pages of the site carry valid
// structured data. Problems point at the Markdown line of a link when the
// link comes from content, else at the page's file.
//
// positions tells where in a page's Markdown its links are written; nil
// leaves broken links without a line.
func (c *Collector) Verify(site *model.Site, positions LinkPositions) diag.List {
	c.mu.Lock()
	defer c.mu.Unlock()
	v := newVerifier(c, site.Config, positions)
	outs := c.pagePaths()
	found := make([]diag.List, len(outs))
	reuse := c.reusable(v)
	parallel(len(outs), func(i int) {
		if l, ok := reuse(outs[i]); ok {
			found[i] = l
			return
		}
		page := pageOf(site, outs[i])
		found[i] = v.links(outs[i], page)
		if page != nil {
			found[i] = append(found[i], jsonLDProblems(page, c.pages[outs[i]])...)
		}
	})
	c.found = make(map[string]diag.List, len(outs))
	var probs diag.List
	for i, f := range found {
		c.found[outs[i]] = f
		probs = append(probs, f...)
	}
	return probs
}

// reusable returns, for a collector started from a previous build's, what
// the previous Verify found for a page whose outcome cannot have changed:
// its file was not written again, no file came or went, and no page its
// #id links point into was written again. On a 10,000-page site a serve
// rebuild after one edit then checks one page's links, not all of them.
func (c *Collector) reusable(v verifier) func(out string) (diag.List, bool) {
	none := func(string) (diag.List, bool) { return nil, false }
	if c.prev == nil {
		return none
	}
	c.prev.mu.Lock()
	prevPages, prevFound, prevFiles := c.prev.pages, c.prev.found, c.prev.files
	c.prev.mu.Unlock()
	if prevFound == nil || !c.sameFiles(prevFiles) {
		return none
	}
	return func(out string) (diag.List, bool) {
		f := c.pages[out]
		l, ok := prevFound[out]
		if !ok || f != prevPages[out] {
			return nil, false
		}
		for _, t := range f.internalLinks(v, out) {
			if t.fragment != "" && (c.written[t.target] || c.written[t.index]) {
				return nil, false
			}
		}
		return l, true
	}
}

// sameFiles reports whether the collector holds the same paths as prev:
// it started from prev's less some, and wrote only paths prev had, as many
// as it dropped.
func (c *Collector) sameFiles(prev map[string]bool) bool {
	if len(c.files) != len(prev) {
		return false
	}
	for p := range c.written {
		if !prev[p] {
			return false
		}
	}
	return true
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

// pagePaths lists the HTML files collected. They need no order: the
// build sorts the problems.
func (c *Collector) pagePaths() []string {
	out := make([]string, 0, len(c.pages))
	for p := range c.pages {
		out = append(out, p)
	}
	return out
}

// pageOf is the page an HTML file renders ("a/b/index.html" -> /a/b/),
// nil for files that are no page (404.html, alias redirects). It is
// looked up only for the files Verify checks again, so a serve rebuild
// after one edit does not index all 10,000 pages.
func pageOf(site *model.Site, out string) *model.Page {
	dir, ok := strings.CutSuffix(out, "index.html")
	if !ok || (dir != "" && !strings.HasSuffix(dir, "/")) {
		return nil
	}
	p := site.Lookup("/" + dir)
	if p == nil || p.URL != "/"+dir {
		return nil
	}
	return p
}

func newVerifier(c *Collector, cfg *config.Site, positions LinkPositions) verifier {
	return verifier{c: c, base: cfg.BaseURL, basePath: cfg.BasePath(), rooted: new(rootedCache), positions: positions,
		menu: menuLinks(cfg), urls: sync.OnceValue(c.publishedURLs)}
}

// publishedURLs lists the site-relative URLs of the pages written
// ("/guides/ltv/"), the candidates for a broken link's "did you mean".
// Called only when a link is broken, under Verify's lock.
func (c *Collector) publishedURLs() []string {
	var urls []string
	for f := range c.files {
		if dir, ok := strings.CutSuffix(f, "index.html"); ok && (dir == "" || strings.HasSuffix(dir, "/")) {
			urls = append(urls, "/"+dir)
		}
	}
	slices.Sort(urls) // ties between equally close URLs go the same way every run
	return urls
}

// menuLinks maps each menu URL, as the theme writes it (relURL), to its
// menu item, so that a broken one is reported once, at its line of the
// site config, and not on every page whose navigation shows it.
func menuLinks(cfg *config.Site) map[string]menuLink {
	m := make(map[string]menuLink, len(cfg.Menu))
	for _, item := range cfg.Menu {
		href := item.URL
		if strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//") {
			href = strings.TrimSuffix(cfg.BasePath(), "/") + href
		}
		if _, ok := m[href]; !ok {
			m[href] = menuLink{file: cmp.Or(cfg.File, "site.yaml"), item: item}
		}
	}
	return m
}

type menuLink struct {
	file string
	item config.MenuItem
}

// problem reports a broken menu link at the config line that writes it.
func (l menuLink) problem(msg, fix string) diag.Problem {
	return diag.Errorf(l.file, l.item.Line, l.item.Col, strings.Replace(fix, "fix the link", "fix this menu item's url", 1),
		"broken menu link %q (%s): %s", l.item.URL, l.item.Name, msg)
}

type verifier struct {
	c        *Collector
	base     string
	basePath string
	// rooted caches the resolution of root-relative links ("/tags/x/"),
	// which does not depend on the page they are on: the menu, footer and
	// tag links repeat on every page of a site.
	rooted    *rootedCache
	positions LinkPositions
	menu      map[string]menuLink // by the href the theme writes
	urls      func() []string     // published page URLs, listed once when first needed
}

// LinkPositions returns where a page's Markdown writes each link: the
// line and column of the first link to a destination, 0, 0 for a link the
// Markdown does not hold (a template wrote it). It is called only for
// pages with a broken link.
type LinkPositions func(p *model.Page) func(link string) (line, col int)

// rootedCache holds at most maxRooted links and how each resolved.
type rootedCache struct {
	links sync.Map // link -> rootedLink
	n     atomic.Int64
}

type rootedLink struct {
	target, fragment string
	internal         bool
}

// links reports the broken internal links of one output file, once per
// distinct link.
func (v verifier) links(out string, page *model.Page) diag.List {
	var probs diag.List
	var at func(link string) (line, col int)
	for _, t := range v.c.pages[out].internalLinks(v, out) {
		msg, fix := v.check(t)
		if msg == "" {
			continue
		}
		menu, inMenu := v.menu[t.link]
		if page == nil || page.File == "" {
			if inMenu {
				probs.Add(menu.problem(msg, fix))
				continue
			}
			probs.Add(diag.Errorf("layouts", 0, 0, fix, "broken link %q in the template output %s: %s", t.link, out, msg))
			continue
		}
		if at == nil {
			at = v.positionsOf(page)
		}
		if line, _ := at(t.link); line == 0 && inMenu {
			probs.Add(menu.problem(msg, fix))
			continue
		}
		probs.Add(linkProblem(page, t.link, msg, fix, at))
	}
	return probs
}

func (v verifier) positionsOf(p *model.Page) func(link string) (int, int) {
	if v.positions == nil {
		return func(string) (int, int) { return 0, 0 }
	}
	return v.positions(p)
}

// resolve returns what is wrong with a link, or "" when it resolves or is
// external.
func (v verifier) resolve(from, link string) (msg, fix string) {
	target, fragment, internal := v.internalPath(from, link)
	if !internal {
		return "", ""
	}
	return v.check(newLinkTarget(link, target, fragment))
}

// linkTarget is an internal link resolved to the output path it names.
type linkTarget struct {
	link, target, fragment string
	index                  string // the folder's index.html, if target is a folder
}

func newLinkTarget(link, target, fragment string) linkTarget {
	index := target + "/index.html"
	if target == "" || strings.HasSuffix(target, "/") {
		index = target + "index.html"
	}
	return linkTarget{link, target, fragment, index}
}

// targets resolves the distinct internal links of the output file out.
func (v verifier) targets(out string, links []string) []linkTarget {
	ts := []linkTarget{}
	seen := map[string]bool{}
	for _, link := range links {
		if seen[link] {
			continue
		}
		seen[link] = true
		if target, fragment, internal := v.internalPath(out, link); internal {
			ts = append(ts, newLinkTarget(link, target, fragment))
		}
	}
	return ts
}

// check returns what is wrong with an internal link, or "" when it
// resolves.
func (v verifier) check(t linkTarget) (msg, fix string) {
	file, ok := v.findFile(t)
	if !ok {
		return "no page or file is published at " + "/" + t.target, v.suggestURL("/"+t.target, "fix the link, or create the page it points to")
	}
	if t.fragment == "" || !strings.HasSuffix(file, ".html") {
		return "", ""
	}
	facts := v.c.pages[file]
	if facts == nil || facts.hasID(t.fragment) {
		return "", ""
	}
	ids := splitFacts(facts.ids)
	if near := suggest.Closest(t.fragment, ids); near != "" {
		return "/" + strings.TrimSuffix(file, "index.html") + " has no element with id \"" + t.fragment + "\"",
			`did you mean "#` + near + `"?`
	}
	return "/" + strings.TrimSuffix(file, "index.html") + " has no element with id \"" + t.fragment + "\"",
		"link to one of its heading ids" + suggestIDs(ids)
}

// suggestURL puts the published URL closest to a broken link's before
// the rest of its fix.
func (v verifier) suggestURL(target, rest string) string {
	if v.urls == nil {
		return rest
	}
	return suggest.PathFix(target, v.urls(), rest)
}

// internalPath turns a link into a site-relative output path and fragment;
// internal is false for external links, mailto: and the like.
func (v verifier) internalPath(from, link string) (target, fragment string, internal bool) {
	if frag, ok := strings.CutPrefix(link, "#"); ok && isPlainFragment(frag) {
		return from, frag, true // a table of contents entry: this page, no parsing needed
	}
	if v.rooted == nil || !strings.HasPrefix(link, "/") || strings.HasPrefix(link, "//") {
		return v.resolvePath(from, link)
	}
	if r, ok := v.rooted.links.Load(link); ok {
		r := r.(rootedLink)
		return r.target, r.fragment, r.internal
	}
	if v.rooted.n.Load() >= maxRooted {
		return v.resolvePath(from, link)
	}
	// The cache outlives the page: it keeps a copy of the link, and the
	// resolution made from that copy, not slices of the page's joined
	// links, which would keep every page's links in memory to the end of
	// the build (a sixth of the heap at 100,000 pages).
	link = strings.Clone(link)
	target, fragment, internal = v.resolvePath(from, link)
	if _, loaded := v.rooted.links.LoadOrStore(link, rootedLink{target, fragment, internal}); !loaded {
		v.rooted.n.Add(1)
	}
	return target, fragment, internal
}

// maxRooted bounds the cache of root-relative links. The links every page
// repeats (menu, footer, tags) come first and stay; the rest are mostly
// links between two pages, which a cache would only hold in memory.
const maxRooted = 8192

// isPlainFragment reports whether a fragment reads the same escaped or
// not: letters, digits and -_. (heading ids), so "#"+frag names frag.
func isPlainFragment(frag string) bool {
	for i := 0; i < len(frag); i++ {
		c := frag[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func (v verifier) resolvePath(from, link string) (target, fragment string, internal bool) {
	if strings.HasPrefix(link, v.base) {
		link = v.basePath + strings.TrimPrefix(link, v.base)
	}
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(link, "//") {
		return "", "", false
	}
	fragment = u.Fragment
	p := u.Path
	if p == "" {
		return from, fragment, true
	}
	if !strings.HasPrefix(p, "/") {
		// Resolve where the browser does, on the server, so a link that
		// climbs out of the base path and back in ("../docs/") is found.
		p = v.basePath + path.Dir(from) + "/" + p
	}
	p = cleanPath(p)
	rest, under := strings.CutPrefix(p, v.basePath)
	if !under && p+"/" != v.basePath {
		// Above the base path: another site on the same host. Markdown
		// links were prefixed with the base path when parsed, and
		// templates use relURL, so nothing of this site lands here.
		return "", "", false
	}
	return rest, fragment, true
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

// findFile finds the file a link serves, the way a static server does:
// the file itself, or the folder's index.html.
func (v verifier) findFile(t linkTarget) (string, bool) {
	if t.target != "" && !strings.HasSuffix(t.target, "/") && v.c.files[t.target] {
		return t.target, true
	}
	return t.index, v.c.files[t.index]
}

// suggestIDs names a few of a page's ids, which are sorted.
func suggestIDs(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	list := make([]string, 0, 5)
	for _, id := range ids[:min(len(ids), 5)] {
		list = append(list, "#"+id)
	}
	return ", such as " + strings.Join(list, ", ")
}

// linkProblem reports a broken link of a content page, at the line of the
// Markdown that wrote it.
func linkProblem(page *model.Page, link, msg, fix string, at func(link string) (int, int)) diag.Problem {
	line, col := at(link)
	if line == 0 {
		return diag.Errorf(page.File, 0, 0, fix+" (the link is written in a layout template)", "broken link %q: %s", link, msg)
	}
	return diag.Errorf(page.File, line, col, fix, "broken link %q: %s", link, msg)
}

// jsonLDProblems validates the JSON-LD as written in the HTML. The graph
// was validated before encoding; this catches what a template adds.
func jsonLDProblems(p *model.Page, f *pageFacts) diag.List {
	var probs diag.List
	for _, v := range f.violations {
		probs.Add(diag.Errorf(p.ProblemFile(), 0, 0, v.Fix, "invalid structured data in the output at %s: %s", v.Path, v.Msg))
	}
	return probs
}
