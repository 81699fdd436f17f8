package build

import (
	"reflect"
	"slices"
	"strings"
	"time"

	"playbook/generator/model"
)

// pageState is what a build remembers of one page to tell, next time,
// which pages must be rendered again.
type pageState struct {
	page       *model.Page
	sig        pageSig
	prev, next string   // keys of its neighbours in its section
	lists      []string // URLs of the list pages that show it
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

// pageStates records every page of a site with what shows it.
func pageStates(site *model.Site) map[string]*pageState {
	m := make(map[string]*pageState, len(site.Pages))
	for _, p := range site.Pages {
		m[pageKey(p)] = &pageState{page: p, sig: sigOf(p), prev: pageKey(p.Prev), next: pageKey(p.Next)}
	}
	for _, list := range site.Pages {
		if !list.IsList() {
			continue
		}
		for _, c := range shownBy(list) {
			if st := m[pageKey(c)]; st != nil {
				st.lists = append(st.lists, list.URL)
			}
		}
	}
	return m
}

// shownBy is what a list page shows: its pages and its sub-sections.
func shownBy(list *model.Page) []*model.Page {
	shown := list.Pages
	if sec := list.Section; sec != nil && sec.Page == list {
		for _, sub := range sec.Subs {
			shown = append(slices.Clip(shown), sub.Page)
		}
	}
	return shown
}

// pageFiles are the output files of the page at url, as render writes
// them.
func pageFiles(url string) []string {
	dir := strings.TrimPrefix(url, "/")
	return []string{dir + "index.html", dir + "index.html.md"}
}
