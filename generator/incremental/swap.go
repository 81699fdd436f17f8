package incremental

import (
	"slices"

	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/generator/pipeline"
	"playbook/generator/watch"
)

// readChanged decides what a content or static batch reads again. The
// config, templates and file list of the previous build are kept; the
// content tree is walked again only when files may have come or gone,
// nothing is parsed or linked when no content changed, and nothing is
// linked when only page bodies changed (swapBodies).
func (l *Live) readChanged(prev *state, b watch.Batch) (pipeline.Read, *swapped) {
	read := pipeline.Read{From: prev.in}
	switch {
	case len(b.Paths(watch.Content)) == 0: // static files only: the pages are as they were
	case !l.sameFiles(prev.in.Files, b):
		read.Walk, read.Assemble = true, true
	default:
		if in, sw := l.swapBodies(prev, b); sw != nil {
			read.From = in
			return read, sw
		}
		read.Assemble = true
	}
	return read, nil
}

// sameFiles reports whether the content tree still holds the same files:
// every changed content path is a file the last walk listed and that is
// still there. A new, deleted or renamed file or folder needs a new walk.
func (l *Live) sameFiles(files load.Files, b watch.Batch) bool {
	for _, p := range b.Paths(watch.Content) {
		_, isPage := slices.BinarySearch(files.Pages, p)
		_, isOther := slices.BinarySearch(files.Other, p)
		if (!isPage && !isOther) || !l.s.IsFile(p) {
			return false
		}
	}
	return true
}

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
// It returns nil when that does not apply; the new parses are then in the
// session's cache for the pipeline to link.
func (l *Live) swapBodies(prev *state, b watch.Batch) (*pipeline.Inputs, *swapped) {
	in := prev.in.Kept()
	type swap struct{ old, next *model.Page }
	var swaps []swap
	ok := in.Site != nil
	for _, path := range b.Paths(watch.Content) {
		if _, isPage := slices.BinarySearch(in.Files.Pages, path); !isPage {
			continue // a bundle's resource: copied with the static files
		}
		page, probs := l.s.Parse(in.Config, path)
		in.Parse = in.Parse.With(path, probs)
		old := prev.pages[path]
		if old == nil || page == nil {
			ok = false
			continue
		}
		swaps = append(swaps, swap{old.page, page})
	}
	if !ok {
		return nil, nil
	}
	sw := &swapped{}
	for _, s := range swaps {
		touched, ok := in.Site.Replace(s.old, s.next)
		if !ok {
			return nil, nil
		}
		sw.add(touched)
	}
	return in, sw
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
