package model

import (
	"cmp"
	"slices"
	"strings"

	"playbook/generator/config"
	"playbook/generator/diag"
)

// Site is the whole site graph.
type Site struct {
	Config     *config.Site
	Home       *Page
	Pages      []*Page // every page, content and lists, ordered by URL
	Content    []*Page // content pages only (not lists), ordered by URL
	ByURL      map[string]*Page
	Sections   map[string]*Section // by folder ("" is the root)
	Taxonomies []*Taxonomy         // tags, then stages, then authors
	Answers    map[string]*Page    // answer pages by slug
	Workflows  map[string]*Page    // workflow pages by slug
	Verticals  []*Page
	// Hidden are the pages not rendered (Hugo's headless pages and
	// build: {render: never}): no output, but answers among them can be
	// included.
	Hidden []*Page

	// problems are what Assemble reported, kept up to date by Replace.
	problems diag.List
}

// Options change what Assemble keeps.
type Options struct {
	Drafts bool // keep pages marked draft
}

// Assemble links pages into a site: URLs, sections, taxonomies,
// navigation and cross-page references. It reports every problem that
// needs more than one page to see (duplicate URLs, missing included
// answers, unknown workflows). It may be called again with the same pages
// (serve keeps parsed pages between rebuilds); it resets what it derives.
func Assemble(cfg *config.Site, pages []*Page, opts Options) (*Site, diag.List) {
	s := &Site{Config: cfg, ByURL: make(map[string]*Page, len(pages)), Sections: map[string]*Section{},
		Answers: map[string]*Page{}, Workflows: map[string]*Page{}}
	var probs diag.List
	applyCascade(pages)
	for _, p := range pages {
		if p != nil {
			readBuildOptions(p, &probs)
		}
	}
	kept, folders := claimFolders(s.keepPages(pages, opts), &probs)
	unique := kept[:0]
	for _, p := range kept {
		resetDerived(p)
		if folders.free(p, &probs) && s.register(p, &probs) {
			unique = append(unique, p)
		}
	}
	s.buildSections(unique)
	s.addTaxonomies()
	for _, p := range s.allPages() {
		p.Permalink = cfg.BaseURL + strings.TrimPrefix(p.URL, "/")
	}
	s.index()
	s.linkKinds(&probs)
	s.deriveDescriptions(&probs)
	s.checkAnswers(&probs)
	s.breadcrumbs()
	s.problems = slices.Clone(probs)
	return s, probs
}

// Problems returns the problems Assemble reported for the site, as
// Replace has since updated them. The caller must not modify the list.
func (s *Site) Problems() diag.List { return s.problems }

// keepPages returns the pages to publish: not drafts (unless asked for),
// not hidden by Hugo's build options (those go to s.Hidden).
func (s *Site) keepPages(pages []*Page, opts Options) []*Page {
	kept := make([]*Page, 0, len(pages))
	for _, p := range pages {
		switch {
		case p == nil || (p.Draft && !opts.Drafts):
		case p.NoRender:
			resetDerived(p)
			s.Hidden = append(s.Hidden, p)
		default:
			kept = append(kept, p)
		}
	}
	byFile := func(a, b *Page) int { return cmp.Compare(a.File, b.File) }
	if !slices.IsSortedFunc(kept, byFile) { // the build passes them sorted
		slices.SortFunc(kept, byFile)
	}
	return kept
}

func resetDerived(p *Page) {
	p.Section, p.Prev, p.Next, p.Trail, p.Pages, p.Verticals = nil, nil, nil, nil, nil, nil
	if p.Vertical != nil {
		p.Vertical.Workflow = nil
	}
	p.Description = frontDescription(p)
}

// frontDescription is the description the page's front matter gives, ""
// when it gives none.
func frontDescription(p *Page) string {
	d, _ := p.Params["description"].(string)
	return strings.TrimSpace(d)
}

// register records a page's URL, refusing a URL two pages claim (also
// when they differ only in case: most servers and file systems would
// serve one for the other).
func (s *Site) register(p *Page, probs *diag.List) bool {
	key := strings.ToLower(p.URL)
	if other, dup := s.ByURL[key]; dup {
		probs.Add(duplicateURL(p, other))
		return false
	}
	s.ByURL[key] = p
	return true
}

// duplicateURL reports two pages with one URL at the slug: line that made
// the clash when one of them has one, else at the later page's start.
func duplicateURL(p, other *Page) diag.Problem {
	if p.SlugLine == 0 && other.SlugLine > 0 {
		p, other = other, p
	}
	return diag.Errorf(p.File, max(p.SlugLine, 1), 1, "give one of them another file name or slug",
		"the page's URL %s is already used by %s", p.URL, other.File)
}

// allPages lists content pages and every list page.
func (s *Site) allPages() []*Page {
	var out []*Page
	for _, sec := range s.Sections {
		out = append(out, sec.Page)
		out = append(out, sec.Pages...)
		out = append(out, sec.Unlisted...)
	}
	for _, t := range s.Taxonomies {
		out = append(out, t.Page)
		for _, term := range t.Terms {
			out = append(out, term.Page)
		}
	}
	return out
}

// index fills the ordered page lists and the by-URL map with list pages.
func (s *Site) index() {
	s.Pages = s.allPages()
	slices.SortFunc(s.Pages, func(a, b *Page) int { return cmp.Compare(a.URL, b.URL) })
	s.Content = s.Content[:0]
	for _, p := range s.Pages {
		if !p.IsList() {
			s.Content = append(s.Content, p)
		}
		if _, ok := s.ByURL[strings.ToLower(p.URL)]; !ok {
			s.ByURL[strings.ToLower(p.URL)] = p
		}
	}
}

// Lookup finds a page by its URL path ("/guides/a/"), ignoring case.
func (s *Site) Lookup(url string) *Page {
	return s.ByURL[strings.ToLower(url)]
}
