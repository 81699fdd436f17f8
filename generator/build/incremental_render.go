package build

import (
	"context"
	"slices"
	"sync"

	"playbook/generator/check"
	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/write"
)

// render renders a plan into a fresh output that starts, for a partial
// plan, from the files of prev, the previous build, and checks links and structured
// data over the whole result. A site that fails to render (a template that
// fails on a page, two outputs on one path) gives a problem and a nil
// state; err is only for a cancelled build.
func (l *Live) render(ctx context.Context, in *loaded, prev *state, p plan) (*state, diag.List, error) {
	if p.full {
		prev = nil
	}
	rendered := map[string]bool{}
	for _, pg := range p.pages {
		rendered[pageKey(pg)] = true
	}
	drop := dropped(prev, p, rendered)
	mem := write.NewMemory()
	rec := &tracker{next: mem}
	coll := newCollector(l.sink(rec), prev, drop)
	st := &state{in: in, coll: coll, pages: p.now}
	r := render.New(in.site, in.tpl, coll, render.Options{Now: l.s.opts.Now})
	if err := l.renderParts(ctx, r, rec, st, prev, p); err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, diag.List{renderFailure(err)}, nil
	}
	out, err := merge(prev, drop, mem.Snapshot())
	if err != nil {
		return nil, diag.List{renderFailure(err)}, nil
	}
	st.out, st.llms = out, llmsAfter(prev, p, out)
	if st.llms != nil {
		out.remove(llmsFullName) // joined on first read
	}
	st.renderProbs = keptRenderProblems(prev, p.pages, r.Problems())
	probs := slices.Concat(st.staticProbs, st.renderProbs, coll.Verify(in.site))
	return st, probs, nil
}

// renderParts renders the plan's pages, then the site files and static
// files when the plan says so, else keeps the previous build's.
func (l *Live) renderParts(ctx context.Context, r *render.Renderer, rec *tracker, st, prev *state, p plan) error {
	if err := renderPages(ctx, r, p.pages); err != nil {
		return err
	}
	if prev != nil {
		st.siteFiles, st.static, st.staticProbs = prev.siteFiles, prev.static, prev.staticProbs
	}
	if p.siteFiles {
		rec.start()
		if err := r.SiteFiles(); err != nil {
			return err
		}
		if err := r.Aliases(); err != nil {
			return err
		}
		st.siteFiles = rec.take()
	}
	if p.static {
		rec.start()
		probs, err := l.s.copyStatic(st.coll, st.coll.Through(rec), st.in.files.Other)
		if err != nil {
			return err
		}
		st.static, st.staticProbs = rec.take(), probs
	}
	return nil
}

// sink is where rendered files go: minified when the options say so.
func (l *Live) sink(next write.Sink) write.Sink {
	if l.s.opts.Minify {
		return write.MinifyingSink(next, write.NewMinifier())
	}
	return next
}

// newCollector starts the link and structured-data check from what the
// previous build's output offered, less the files about to be replaced.
func newCollector(next write.Sink, prev *state, drop []string) *check.Collector {
	if prev == nil {
		return check.NewCollector(next)
	}
	return check.NewCollectorFrom(next, prev.coll, drop)
}

// llmsAfter is the new llms-full.txt in parts: the previous one with the
// rendered pages' twins swapped when the plan splices, the previous one
// as it was when the site files are kept, nil when they were rendered.
func llmsAfter(prev *state, p plan, out *outFiles) *llmsDoc {
	switch {
	case p.splice != nil:
		urls := map[string]bool{}
		for _, pg := range p.pages {
			urls[pg.URL] = true
		}
		return p.splice.withTwins(urls, out)
	case prev != nil && !p.siteFiles:
		return prev.llms
	}
	return nil
}

// dropped lists the previous build's files that a partial plan replaces
// or no longer produces: the files of pages rendered again or gone, and the
// site or static files when they are written again.
func dropped(prev *state, p plan, rendered map[string]bool) []string {
	if prev == nil {
		return nil
	}
	var drop []string
	if p.kept {
		for _, pg := range p.pages {
			drop = append(drop, pageFiles(pg.URL)...)
		}
	} else {
		for k, st := range prev.pages {
			if _, ok := p.now[k]; ok && !rendered[k] {
				continue
			}
			drop = append(drop, pageFiles(st.sig.url)...)
		}
	}
	if p.siteFiles {
		drop = append(drop, prev.siteFiles...)
	}
	if p.static {
		drop = append(drop, prev.static...)
	}
	return drop
}

// merge is the new output: the previous build's files less those dropped,
// plus the files written now (outFiles.with).
func merge(prev *state, drop []string, written *write.Snapshot) (*outFiles, error) {
	if prev == nil {
		out := make(map[string][]byte, written.Len())
		for _, p := range written.Paths() {
			out[p], _ = written.Get(p)
		}
		return filesOf(out), nil
	}
	return prev.out.with(drop, written)
}

// keptRenderProblems are the renderer's problems for a build: those found
// now, plus the previous build's for the pages not rendered again. Render
// problems name the page's file, or "layouts (page URL)" for a list page
// without one; a problem naming neither (a layout file) is kept until a
// full build, which a layout change always is.
func keptRenderProblems(prev *state, pages []*model.Page, found diag.List) diag.List {
	if prev == nil {
		return found
	}
	redone := map[string]bool{}
	for _, p := range pages {
		redone[problemFile(p)] = true
	}
	out := slices.Clone(found)
	for _, pr := range prev.renderProbs {
		if !redone[pr.File] {
			out = append(out, pr)
		}
	}
	return out
}

// problemFile is the file render names in a page's problems.
func problemFile(p *model.Page) string {
	if p.File != "" {
		return p.File
	}
	return "layouts (page " + p.URL + ")"
}

// renderFailure reports a page or file the site could not be rendered
// into; the message names the page or the template.
func renderFailure(err error) diag.Problem {
	return diag.Errorf("", 0, 0, "fix the layout or the page the message names", "cannot render the site: %v", err)
}

// tracker passes files on and records the paths written since start.
type tracker struct {
	next  write.Sink
	mu    sync.Mutex
	on    bool
	paths []string
}

// Write implements write.Sink.
func (t *tracker) Write(p string, data []byte) error {
	t.mu.Lock()
	if t.on {
		t.paths = append(t.paths, p)
	}
	t.mu.Unlock()
	return t.next.Write(p, data)
}

func (t *tracker) start() {
	t.mu.Lock()
	t.on, t.paths = true, nil
	t.mu.Unlock()
}

// take returns the paths recorded since start and stops recording.
func (t *tracker) take() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.on = false
	slices.Sort(t.paths)
	return t.paths
}
