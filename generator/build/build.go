package build

import (
	"context"
	"path/filepath"
	"time"

	"playbook/generator/model"
	"playbook/generator/write"
)

// Build builds the site to disk. Everything is written into a staging
// folder beside dest and swapped in only when the run has no errors (and,
// with Strict, no warnings); otherwise dest is left exactly as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	opts.Dest = destOf(opts)
	s, err := NewSession(opts)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	s.oneOff = true
	wopts := []write.Option{write.WithContext(ctx)}
	if opts.FS != nil {
		wopts = append(wopts, write.WithFS(opts.FS))
	}
	staging, err := write.Open(opts.Dest, wopts...)
	if err != nil {
		return nil, err
	}
	res, err := s.into(ctx, staging, opts.Minify)
	if err != nil || res.Failed(opts.Strict) {
		if abortErr := staging.Abort(); err == nil {
			err = abortErr
		}
		return res, err
	}
	stats, err := staging.Commit()
	if err != nil {
		return res, err
	}
	s.watch.lap("commit")
	res.Timings = s.watch.stages
	res.Files, res.Bytes, res.Elapsed, res.Dest = stats.Files, stats.Bytes, time.Since(start), opts.Dest
	return res, nil
}

// Check runs the whole pipeline into memory and writes nothing.
func Check(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	s, err := NewSession(opts)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	mem := write.NewMemory()
	res, err := s.into(ctx, mem, opts.Minify)
	if res != nil {
		res.Files, res.Elapsed = mem.Len(), time.Since(start)
	}
	return res, err
}

// Run builds into any sink: serve passes a Memory sink. Parsed pages are
// kept in the session for the next Run.
func (s *Session) Run(ctx context.Context, sink write.Sink) (*Result, error) {
	start := time.Now()
	res, err := s.into(ctx, sink, s.opts.Minify)
	if res != nil {
		res.Elapsed = time.Since(start)
	}
	return res, err
}

func (s *Session) into(ctx context.Context, sink write.Sink, minify bool) (*Result, error) {
	s.watch = newStopwatch()
	out := sinks{rendered: sink, asIs: sink}
	if minify {
		out.rendered = write.MinifyingSink(sink, write.NewMinifier())
	}
	site, probs, err := s.run(ctx, out)
	probs.Sort()
	res := &Result{Problems: dedupe(probs), Site: site, Pages: countKinds(site), Timings: s.watch.stages}
	return res, err
}

func destOf(opts Options) string {
	if opts.Dest != "" {
		return opts.Dest
	}
	src := opts.Source
	if src == "" {
		src = "."
	}
	return filepath.Join(src, "public")
}

func countKinds(site *model.Site) map[model.Kind]int {
	counts := map[model.Kind]int{}
	if site == nil {
		return counts
	}
	for _, p := range site.Pages {
		counts[p.Kind]++
	}
	return counts
}
