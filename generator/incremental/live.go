package incremental

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"playbook/generator/model"
	"playbook/generator/pipeline"
	"playbook/generator/watch"
	"playbook/generator/write"
)

// Live is a site built in memory for `playbook serve` and rebuilt after
// each change. It keeps what the previous build found (parsed pages, the
// output, what each page shows of the others), so an edit to one page
// re-parses that page and re-renders only the pages that show it; a layout
// or config change rebuilds everything. Its methods must not be called
// concurrently; the Outputs they return may be read from any goroutine.
// A rebuild may update the Site of the previous Update in place (an edit
// of a page's body swaps the page), so read an Update's Site only until
// the next call.
type Live struct {
	s *pipeline.Session
	// prev is what the last build that rendered the whole site left; nil
	// before the first one and after a build that could not render, which
	// makes the next build a full one.
	prev *state
}

// Update is what one serve build did.
type Update struct {
	pipeline.Result
	// Output is the whole site as this build left it, nil when it could
	// not be rendered (a template that does not parse, say). With errors
	// in Problems it is still complete, but serve keeps the last good one.
	Output *Output
	// Rendered counts the pages this build rendered; Full is true when it
	// rendered all of them.
	Rendered int
	Full     bool
	// Swapped is true when only page bodies changed and the new parses
	// took the old ones' places in the previous build's site, without the
	// pages being linked again.
	Swapped bool
}

// NewLive opens the site folder for serve builds.
func NewLive(opts pipeline.Options) (*Live, error) {
	opts.KeepLLMSFull = true
	s, err := pipeline.NewSession(opts)
	if err != nil {
		return nil, err
	}
	return &Live{s: s}, nil
}

// Close releases the site folder.
func (l *Live) Close() error { return l.s.Close() }

// Build builds the whole site from scratch.
func (l *Live) Build(ctx context.Context) (*Update, error) {
	l.s.Forget(nil)
	return l.full(ctx)
}

// Rebuild brings the site up to date with a batch of changes: a config
// change re-reads everything, a layout change re-renders every page with
// the pages it already parsed, and content or static changes re-render only
// what depends on the files changed.
func (l *Live) Rebuild(ctx context.Context, b watch.Batch) (*Update, error) {
	b = l.withImageUsers(b)
	kind := b.Kind()
	if kind == watch.Config {
		l.s.Forget(nil)
	} else if changed := b.Paths(watch.Content); len(changed) > 0 { // Forget(nil) would forget every page
		l.s.Forget(changed)
	}
	if l.prev == nil || kind >= watch.Layout || l.prev.templateFailed {
		return l.full(ctx)
	}
	return l.partial(ctx, b)
}

// withImageUsers adds to a batch the pages showing a changed image, as if
// they were edited: their image's size and versions are read again.
func (l *Live) withImageUsers(b watch.Batch) watch.Batch {
	users := l.s.ImageUsers(slices.Concat(b.Paths(watch.Content), b.Paths(watch.Static)))
	if len(users) == 0 {
		return b
	}
	edits := make(watch.Batch, len(users))
	for i, u := range users {
		edits[i] = watch.Change{Path: u, Kind: watch.Content, Op: fsnotify.Write}
	}
	return watch.Merge(b, edits)
}

// full reads the config and templates again and renders every page.
func (l *Live) full(ctx context.Context) (*Update, error) {
	start := time.Now()
	p := plan{full: true}
	run := pipeline.Plan{Outputs: func(in *pipeline.Inputs) pipeline.Outputs {
		p = fullPlan(in.Site, pageStates(in.Site))
		return p.outputs(nil)
	}}
	return l.run(ctx, start, run, nil, &p)
}

// partial re-parses the changed files and renders what depends on them.
func (l *Live) partial(ctx context.Context, b watch.Batch) (*Update, error) {
	start := time.Now()
	prev := l.prev
	read, sw := l.readChanged(prev, b)
	var p plan
	run := pipeline.Plan{Read: read, Outputs: func(in *pipeline.Inputs) pipeline.Outputs {
		p = planChanged(prev, in, sw, b)
		if p.full {
			return p.outputs(nil)
		}
		return p.outputs(prev)
	}}
	return l.run(ctx, start, run, sw, &p)
}

// run runs the pipeline into memory and keeps what it leaves for the next
// build. A site that cannot be rendered (templates that do not parse)
// gives an Update with problems and no Output; a template that fails on
// some pages gives its problem, and the next build is a full one.
func (l *Live) run(ctx context.Context, start time.Time, run pipeline.Plan, sw *swapped, p *plan) (*Update, error) {
	prev := l.prev
	l.prev = nil
	mem := write.NewMemory()
	pass, err := l.s.Run(ctx, run, mem)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	in := pass.Inputs
	up := &Update{Full: p.full, Swapped: sw != nil}
	probs := in.Problems()
	kinds := pageKinds(in.Site, sw, prev)
	if in.Templates != nil {
		if p.full {
			prev = nil
		}
		st, stateProbs := keep(pass, err, mem, prev, p)
		probs = append(probs, stateProbs...)
		if st != nil {
			st.kinds = kinds
			l.prev = st
			up.Output, up.Rendered = st.output(), len(p.pages)
		}
	}
	up.Result = pipeline.Result{Problems: probs.Sorted(), Site: in.Site, Pages: maps.Clone(kinds), Elapsed: time.Since(start)}
	if up.Output != nil {
		up.Files = up.Output.Len()
	}
	return up, nil
}

// pageKinds counts the site's pages by kind. A body swap keeps every page
// and its kind, so the previous build's counts stand.
func pageKinds(site *model.Site, sw *swapped, prev *state) map[model.Kind]int {
	if sw != nil && prev != nil && prev.kinds != nil {
		return prev.kinds
	}
	return pipeline.CountKinds(site)
}
