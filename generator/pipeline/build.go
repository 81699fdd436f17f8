package pipeline

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
	s, err := oneOff(opts, filepath.Dir(filepath.Clean(opts.Dest)))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	wopts := []write.Option{write.WithContext(ctx)}
	if opts.FS != nil {
		wopts = append(wopts, write.WithFS(opts.FS))
	}
	staging, err := write.Open(opts.Dest, wopts...)
	if err != nil {
		return nil, err
	}
	s.dates.prev = readManifest(opts.Dest)
	res, err := s.runAll(ctx, staging)
	res.Notes = staging.Notes()
	if err == nil && !res.Failed(opts.Strict) {
		err = s.writeManifest(staging, res.Site, opts.Dest)
	}
	if err != nil || res.Failed(opts.Strict) {
		if abortErr := staging.Abort(); err == nil {
			err = abortErr
		}
		return res, err
	}
	commitStart := time.Now()
	stats, err := staging.Commit()
	if err != nil {
		return res, err
	}
	res.Timings = append(res.Timings, Stage{"commit", time.Since(commitStart)})
	res.Files, res.Bytes, res.Elapsed, res.Dest = stats.Files, stats.Bytes, time.Since(start), opts.Dest
	return res, nil
}

// Check runs the whole pipeline and writes nothing: it reads image sizes
// but makes no image versions and no social cards.
func Check(ctx context.Context, opts Options) (*Result, error) {
	opts.NoEncode = true
	out := write.NewDiscard()
	res, err := Into(ctx, opts, out)
	if res != nil {
		res.Files = out.Len()
	}
	return res, err
}

// Into runs the whole pipeline once into sink, as Build and Check do, for
// callers with a sink of their own (tests, tools).
func Into(ctx context.Context, opts Options, sink write.Sink) (*Result, error) {
	start := time.Now()
	s, err := oneOff(opts, "")
	if err != nil {
		return nil, err
	}
	defer s.Close()
	res, err := s.runAll(ctx, sink)
	res.Elapsed = time.Since(start)
	return res, err
}

// oneOff opens a session for a single run, which keeps prepared pages in
// an unnamed file in spillDir until they are rendered.
func oneOff(opts Options, spillDir string) (*Session, error) {
	s, err := NewSession(opts)
	if err != nil {
		return nil, err
	}
	if s.spill, err = openSpill(spillDir); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// runAll renders the whole site into sink.
func (s *Session) runAll(ctx context.Context, sink write.Sink) (*Result, error) {
	pass, err := s.Run(ctx, Plan{}, sink)
	site := pass.Inputs.Site
	return &Result{Problems: pass.Problems(), Site: site, Pages: CountKinds(site), Timings: pass.Timings, Media: pass.Media}, err
}

// CacheDir is the cache folder of the site in source, as Hugo's
// resources/_gen: processed images and social cards, kept between builds.
// It is safe to delete; its folders carry a .gitignore.
func CacheDir(source string) string {
	if source == "" {
		source = "."
	}
	return filepath.Join(source, "resources", "_gen")
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

// CountKinds counts a site's content and list pages by kind.
func CountKinds(site *model.Site) map[model.Kind]int {
	counts := map[model.Kind]int{}
	if site == nil {
		return counts
	}
	for _, p := range site.Pages {
		counts[p.Kind]++
	}
	return counts
}
