package build

import (
	"maps"
	"slices"

	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/generator/watch"
)

// swapped is what a body-only rebuild changed in the previous build's
// site: the pages whose fields model.Site.Replace set (the edited pages,
// and the pages including an edited answer), each once. Every other page
// is as the previous build left it, so the planner looks at these only.
type swapped struct {
	pages []*model.Page
}

// swapBodies is the fast path of a content rebuild. When the batch changed
// files the last walk listed and still there (see sameFiles), and each
// changed page parses to the same front matter as before, the new parses
// take the old ones' places in the previous build's site, which is updated
// in place (model.Site.Replace), instead of every page being linked again.
// It reports false when that does not apply; the new parses are then in
// the session's cache for Assemble.
func (l *Live) swapBodies(prev *state, in *loaded, b watch.Batch) bool {
	site, parsed := prev.in.site, prev.in.parsed
	type swap struct{ old, next *model.Page }
	var swaps []swap
	ok := site != nil && parsed != nil
	for _, path := range b.Paths(watch.Content) {
		if _, isPage := slices.BinarySearch(in.files.Pages, path); !isPage {
			continue // a bundle's resource: copied with the static files
		}
		r := l.s.parseOne(in.cfg, path)
		l.s.cache[path] = r
		parsed = parsed.with(path, r.probs)
		old := prev.pages[path]
		if old == nil || r.page == nil {
			ok = false
			continue
		}
		swaps = append(swaps, swap{old.page, r.page})
	}
	if !ok {
		return false
	}
	sw := &swapped{}
	for _, s := range swaps {
		touched, ok := site.Replace(s.old, s.next)
		if !ok {
			return false
		}
		sw.add(touched)
	}
	in.site, in.parsed, in.swapped = site, parsed, sw
	in.pageProbs = slices.Concat(parsed.list(), site.Problems())
	return true
}

// add records touched pages. A page touched twice (an includer of two
// edited answers, an edited page including another) is kept once, as it
// stands now.
func (sw *swapped) add(touched []*model.Page) {
	for _, p := range touched {
		if i := slices.IndexFunc(sw.pages, func(q *model.Page) bool { return pageKey(q) == pageKey(p) }); i >= 0 {
			sw.pages[i] = p
			continue
		}
		sw.pages = append(sw.pages, p)
	}
}

// parseProblems are the problems found reading and parsing the content
// files, by file, for the files that have any. A body swap sets the
// edited files' entries instead of gathering every file's again.
type parseProblems map[string]diag.List

// cachedProblems are the parse problems of the files in the session's
// cache.
func (l *Live) cachedProblems(paths []string) parseProblems {
	pp := parseProblems{}
	for _, p := range paths {
		if r, ok := l.s.cache[p]; ok && len(r.probs) > 0 {
			pp[p] = r.probs
		}
	}
	return pp
}

// with is a copy of pp with the problems of file set.
func (pp parseProblems) with(file string, probs diag.List) parseProblems {
	out := maps.Clone(pp)
	delete(out, file)
	if len(probs) > 0 {
		out[file] = probs
	}
	return out
}

// list is every problem, by file in path order, as Session.assemble
// gathers them.
func (pp parseProblems) list() diag.List {
	var out diag.List
	for _, f := range slices.Sorted(maps.Keys(pp)) {
		out = append(out, pp[f]...)
	}
	return out
}
