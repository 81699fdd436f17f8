package incremental

import (
	"reflect"
	"slices"
	"time"

	"playbook/generator/model"
)

// pageState is what a build remembers of one page to tell, next time,
// which pages must be rendered again.
type pageState struct {
	page       *model.Page
	sig        pageSig
	prev, next string // keys of its neighbours in its section
}

// pageSig is everything other pages and the site files show of a page:
// list cards, prev/next links, the sitemap, the feed, llms.txt, term
// membership and order. When it is unchanged, a change to the page's body
// shows on its own page only.
type pageSig struct {
	url, kind, title, description, summary, author, stage string
	date, updated                                         time.Time
	weight                                                int
	tags, aliases                                         []string
	params                                                map[string]any // every front matter field, for templates
}

// pageKey names a page across builds: its source file, or the URL of a
// list page the model made up.
func pageKey(p *model.Page) string {
	if p == nil {
		return ""
	}
	if p.File != "" {
		return p.File
	}
	return p.URL
}

func sigOf(p *model.Page) pageSig {
	return pageSig{url: p.URL, kind: string(p.Kind), title: p.Title, description: p.Description, summary: p.Summary,
		author: p.Author, stage: p.Stage, date: p.Date, updated: p.Updated, weight: p.Weight,
		tags: p.Tags, aliases: p.Aliases, params: p.Params}
}

func (a pageSig) equal(b pageSig) bool {
	return a.url == b.url && a.kind == b.kind && a.title == b.title && a.description == b.description &&
		a.summary == b.summary && a.author == b.author && a.stage == b.stage && a.date.Equal(b.date) &&
		a.updated.Equal(b.updated) && a.weight == b.weight && slices.Equal(a.tags, b.tags) &&
		slices.Equal(a.aliases, b.aliases) && sameParams(a.params, b.params)
}

// sameParams compares front matter. A page that was not parsed again keeps
// its map, so the deep comparison runs only for the files that changed.
func sameParams(a, b map[string]any) bool {
	if reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer() {
		return true
	}
	return reflect.DeepEqual(a, b)
}

// pageStates records every page of a site.
func pageStates(site *model.Site) map[string]*pageState {
	m := make(map[string]*pageState, len(site.Pages))
	states := make([]pageState, len(site.Pages)) // one allocation, not 10,000
	for i, p := range site.Pages {
		states[i] = stateOf(p)
		m[pageKey(p)] = &states[i]
	}
	return m
}

// stateOf is what a build remembers of page p.
func stateOf(p *model.Page) pageState {
	return pageState{page: p, sig: sigOf(p), prev: pageKey(p.Prev), next: pageKey(p.Next)}
}

// listsShowing returns the URLs of the list pages of site that show the
// page with key k: its section's, a section's that shows it as a
// sub-section, its terms', and its taxonomy's for a term page. It reads
// the sections and terms, which each Assemble makes afresh, so it still
// tells what an earlier site showed after the pages were assembled again.
func listsShowing(site *model.Site, k string) []string {
	var out []string
	for _, sec := range site.Sections {
		if hasKey(sec.Pages, k) || slices.ContainsFunc(sec.Subs, func(sub *model.Section) bool { return pageKey(sub.Page) == k }) {
			out = append(out, sec.Page.URL)
		}
	}
	for _, t := range site.Taxonomies {
		for _, term := range t.Terms {
			if hasKey(term.Pages, k) {
				out = append(out, term.Page.URL)
			}
			if pageKey(term.Page) == k {
				out = append(out, t.Page.URL)
			}
		}
	}
	return out
}

func hasKey(pages []*model.Page, k string) bool {
	return slices.ContainsFunc(pages, func(p *model.Page) bool { return pageKey(p) == k })
}
