package incremental

import (
	"maps"
	"path"
	"slices"
	"strings"

	"playbook/generator/markdown"
	"playbook/generator/model"
	"playbook/generator/pipeline"
	"playbook/generator/search"
	"playbook/generator/watch"
)

// plan is what a serve build renders; everything else the previous build
// wrote is kept as it is.
type plan struct {
	full      bool
	pages     []*model.Page
	siteFiles bool // sitemap, feed, llms.txt, llms-full.txt, 404, aliases
	static    bool // theme and site static files, bundle resources
	now       map[string]*pageState
	// kept is set when every page of the previous build is still there at
	// its URL (a body swap), so only the rendered pages' files are dropped.
	kept bool
}

// fullPlan renders every page and every other file; now is the site's
// page states.
func fullPlan(site *model.Site, now map[string]*pageState) plan {
	return plan{full: true, pages: site.Pages, siteFiles: true, static: true, now: now}
}

// planChanged decides what a batch of content or static changes re-renders:
// the pages whose files changed, pages whose prev/next neighbours changed,
// and, for a page whose title, description, date, tags or any other front
// matter changed, the lists and neighbours that show it; pages including a
// changed answer; all verticals, workflows and calculators when one of
// them changed. A change that adds or removes a list page (a new folder, a
// new tag) or edits one (_index.md), or one that others show on a site
// with its own layouts (which may show any page anywhere), renders
// everything.
//
// After a body swap (swapBodies) only the pages it touched can have changed
// state, so only they are compared: on a 10,000-page site that is most of
// what planning costs.
func planChanged(prev *state, in *pipeline.Inputs, sw *swapped, b watch.Batch) plan {
	now := statesAfter(prev.pages, in.Site, sw)
	changed := b.Paths(watch.Content)
	static := len(b.Paths(watch.Static)) > 0 || slices.ContainsFunc(changed, isResource) ||
		!slices.Equal(prev.in.Files.Other, in.Files.Other)
	d := &deps{prev: prev.pages, now: now, prevSite: prev.in.Site, site: in.Site, render: map[string]bool{}, swap: sw}
	moved := d.changedSigs()
	// A swap keeps every page's URL, kind and place: no list came, went
	// or was edited.
	if (sw == nil && listsChanged(prev.pages, now, changed)) || (in.OwnLayouts && len(moved) > 0) ||
		hiddenChanged(prev.in.Site, in.Site, changed) || searchShardsChanged(prev.in.Site, in.Site) {
		return fullPlan(in.Site, now)
	}
	d.addFiles(changed)
	d.addNavigation()
	d.addShowing(moved)
	d.addIncluders(slices.Concat(changed, moved))
	d.addRelatedKinds(slices.Concat(changed, moved))
	d.addUnkept()
	return plan{pages: d.pages(), siteFiles: len(moved) > 0, static: static, now: now, kept: sw != nil}
}

// searchShardsChanged reports whether the search index's number of shards,
// which every page's search box says, changed with the number of pages.
func searchShardsChanged(prev, now *model.Site) bool {
	return prev != nil && search.ShardCount(prev.Content) != search.ShardCount(now.Content)
}

// hiddenChanged reports whether a changed file is a page kept out of the
// output (Hugo's headless and build: {render: never}) before or now. Such
// pages have no state to compare, yet others include their answers, and a
// build option or cascade edit may publish them: it is rare enough to
// render everything.
func hiddenChanged(prev, now *model.Site, changed []string) bool {
	for _, site := range []*model.Site{prev, now} {
		if site == nil {
			continue
		}
		for _, p := range site.Hidden {
			if slices.Contains(changed, p.File) {
				return true
			}
		}
	}
	return false
}

// isResource reports whether a content path is not a page: a bundle's
// image or download, copied with the static files.
func isResource(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext != ".md" && ext != ".markdown"
}

// statesAfter are the page states of the site a build loaded: after a
// body swap, the previous build's with the touched pages' made again, as
// no other page changed; else every page's made afresh.
func statesAfter(prev map[string]*pageState, site *model.Site, sw *swapped) map[string]*pageState {
	if sw == nil {
		return pageStates(site)
	}
	now := maps.Clone(prev)
	for _, p := range sw.pages {
		st := stateOf(p)
		now[pageKey(p)] = &st
	}
	return now
}

// changedSigs lists the pages (by key) that appeared, went, or changed
// what others show of them.
func (d *deps) changedSigs() []string {
	var out []string
	d.candidates(func(k string, st *pageState) {
		if old, ok := d.prev[k]; !ok || !old.sig.equal(st.sig) {
			out = append(out, k)
		}
	})
	if d.swap == nil {
		for k := range d.prev {
			if _, ok := d.now[k]; !ok {
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out
}

// listsChanged reports whether list pages came, went or were edited.
func listsChanged(prev, now map[string]*pageState, changed []string) bool {
	for _, f := range changed {
		if isList(prev[f]) || isList(now[f]) {
			return true
		}
	}
	return !slices.Equal(listKeys(prev), listKeys(now))
}

func isList(st *pageState) bool { return st != nil && st.page.IsList() }

func listKeys(states map[string]*pageState) []string {
	var out []string
	for k, st := range states {
		if st.page.IsList() {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// deps gathers the pages a change reaches.
type deps struct {
	prev, now      map[string]*pageState
	prevSite, site *model.Site
	render         map[string]bool // keys of the pages to render
	// swap is what a body swap touched, nil when the site was assembled.
	swap *swapped
}

// candidates calls fn for every page whose state may differ from the
// previous build's: the pages a body swap touched, else every page.
func (d *deps) candidates(fn func(k string, st *pageState)) {
	if d.swap == nil {
		for k, st := range d.now {
			fn(k, st)
		}
		return
	}
	for _, p := range d.swap.pages {
		k := pageKey(p)
		fn(k, d.now[k])
	}
}

func (d *deps) add(k string) {
	if _, ok := d.now[k]; ok {
		d.render[k] = true
	}
}

// addFiles adds the pages whose files changed.
func (d *deps) addFiles(changed []string) {
	for _, f := range changed {
		d.add(f)
	}
}

// addNavigation adds pages whose previous or next page is another one now.
func (d *deps) addNavigation() {
	d.candidates(func(k string, st *pageState) {
		if old, ok := d.prev[k]; ok && (old.prev != st.prev || old.next != st.next) {
			d.add(k)
		}
	})
}

// manyMoved is how many changed pages make it cheaper to render every
// list page than to find the lists that show each.
const manyMoved = 32

// addShowing adds what shows the pages moved: the lists they are or were
// on, the lists showing those (a taxonomy page counts its terms' pages),
// and their neighbours' prev/next links.
func (d *deps) addShowing(moved []string) {
	for _, k := range moved {
		if st, ok := d.now[k]; ok {
			d.add(st.prev)
			d.add(st.next)
		}
		if len(moved) > manyMoved {
			continue
		}
		for _, list := range d.listsOf(k) {
			d.add(list)
			for _, up := range d.listsOf(list) {
				d.add(up)
			}
		}
	}
	if len(moved) > manyMoved {
		for k, st := range d.now {
			if st.page.IsList() {
				d.add(k)
			}
		}
	}
}

// listsOf gives the keys of the list pages that show page k now or showed
// it before.
func (d *deps) listsOf(k string) []string {
	var out []string
	for _, u := range slices.Concat(listsShowing(d.prevSite, k), listsShowing(d.site, k)) {
		out = append(out, pageKey(d.site.Lookup(u)))
	}
	return out
}

// addIncluders adds the pages that include (`::: answer SLUG`) an answer
// page among keys, under its old or its new slug.
func (d *deps) addIncluders(keys []string) {
	slugs := map[string]bool{}
	for _, k := range keys {
		for _, st := range []*pageState{d.prev[k], d.now[k]} {
			if st != nil && st.sig.kind == string(model.KindAnswer) {
				slugs[path.Base(strings.TrimSuffix(st.sig.url, "/"))] = true
			}
		}
	}
	if len(slugs) == 0 {
		return
	}
	for _, p := range d.site.Pages {
		if p.Doc != nil && slices.ContainsFunc(p.Doc.Outline.Answers, func(a markdown.Answer) bool { return slugs[a.Include] }) {
			d.add(pageKey(p))
		}
	}
}

// relatedKinds show each other: workflows list their verticals, verticals
// link their workflow and open the calculator with their preset, and every
// calculator offers every vertical's preset.
var relatedKinds = []string{string(model.KindWorkflow), string(model.KindVertical), string(model.KindCalculator)}

// addRelatedKinds adds every workflow, vertical and calculator page, and
// every page embedding a calculator, when one of them is among keys.
func (d *deps) addRelatedKinds(keys []string) {
	related := func(st *pageState) bool { return st != nil && slices.Contains(relatedKinds, st.sig.kind) }
	if !slices.ContainsFunc(keys, func(k string) bool { return related(d.prev[k]) || related(d.now[k]) }) {
		return
	}
	for k, st := range d.now {
		if related(st) || (st.page.Doc != nil && len(st.page.Doc.Outline.Calculators) > 0) {
			d.add(k)
		}
	}
}

// addUnkept adds pages the previous build did not write where they are
// now, whatever the other rules said.
func (d *deps) addUnkept() {
	d.candidates(func(k string, st *pageState) {
		if old, ok := d.prev[k]; !ok || old.sig.url != st.sig.url {
			d.add(k)
		}
	})
}

// pages are the pages to render, in site order (by URL, which no two
// pages share).
func (d *deps) pages() []*model.Page {
	out := make([]*model.Page, 0, len(d.render))
	for k := range d.render {
		out = append(out, d.now[k].page)
	}
	slices.SortFunc(out, func(a, b *model.Page) int { return strings.Compare(a.URL, b.URL) })
	return out
}
