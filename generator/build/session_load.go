package build

import (
	"context"
	"io/fs"
	"slices"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/watch"
)

// loaded is a serve build's site before rendering: config, content files,
// assembled pages and templates, with the problems found on the way. It
// is made with the same Session steps as Session.run.
type loaded struct {
	cfg       *config.Site
	cfgProbs  diag.List
	files     load.Files
	walkProbs diag.List
	tpl       *render.Templates // nil when the templates do not parse
	tplProbs  diag.List
	layouts   bool // the site has its own layouts/
	site      *model.Site
	pageProbs diag.List     // parse and model problems
	parsed    parseProblems // the parse problems, by file
	// swapped is set when the site is the previous build's with edited
	// bodies swapped in (swapBodies), nil when it was assembled.
	swapped *swapped
}

// problems are all the problems found before rendering.
func (in *loaded) problems() diag.List {
	return slices.Concat(in.cfgProbs, in.walkProbs, in.tplProbs, in.pageProbs)
}

// loadAll reads everything again: config, the content tree, templates.
// Parsed pages still in the session's cache are reused.
func (l *Live) loadAll(ctx context.Context) (*loaded, error) {
	s := l.s
	in := &loaded{}
	in.cfg, in.cfgProbs = s.loadConfig()
	in.files, in.walkProbs = load.Walk(s.fsys)
	in.tpl, in.layouts, in.tplProbs = s.loadTemplates(in.cfg)
	return in, l.assemble(ctx, in)
}

// loadChanged starts from the previous build's config, templates and file
// list; the content tree is walked again only when files may have come or
// gone, nothing is parsed or assembled when no content changed, and
// nothing is assembled when only page bodies changed (swapBodies).
func (l *Live) loadChanged(ctx context.Context, prev *state, b watch.Batch) (*loaded, error) {
	p := prev.in
	in := &loaded{cfg: p.cfg, cfgProbs: p.cfgProbs, files: p.files, walkProbs: p.walkProbs,
		tpl: p.tpl, tplProbs: p.tplProbs, layouts: p.layouts}
	if len(b.Paths(watch.Content)) == 0 { // static files only: the pages are as they were
		in.site, in.pageProbs, in.parsed = p.site, p.pageProbs, p.parsed
		return in, nil
	}
	if !l.sameFiles(p.files, b) {
		in.files, in.walkProbs = load.Walk(l.s.fsys)
	} else if l.swapBodies(prev, in, b) {
		return in, nil
	}
	return in, l.assemble(ctx, in)
}

// assemble parses the content files (cached ones are reused) and links
// them into a site.
func (l *Live) assemble(ctx context.Context, in *loaded) error {
	site, probs, err := l.s.assemble(ctx, in.cfg, in.files.Pages)
	in.site, in.pageProbs, in.parsed = site, probs, l.cachedProblems(in.files.Pages)
	return err
}

// sameFiles reports whether the content tree still holds the same files:
// every changed content path is a file the last walk listed and that is
// still there. A new, deleted or renamed file or folder needs a new walk.
func (l *Live) sameFiles(files load.Files, b watch.Batch) bool {
	for _, p := range b.Paths(watch.Content) {
		_, isPage := slices.BinarySearch(files.Pages, p)
		_, isOther := slices.BinarySearch(files.Other, p)
		if !isPage && !isOther {
			return false
		}
		if info, err := fs.Stat(l.s.fsys, p); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}
