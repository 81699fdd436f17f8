package build

import (
	"context"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"playbook/generator/check"
	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/write"
	"playbook/layouts"
)

// render writes every page, the site files and the static files into sink,
// then checks the output's links and structured data.
func (s *Session) render(ctx context.Context, site *model.Site, tpl *render.Templates, out sinks, other []string) (diag.List, error) {
	collector := check.NewCollector(out.rendered)
	r := render.New(site, tpl, collector, render.Options{Now: s.opts.Now, Release: s.oneOff})
	// The site files need no rendered page: writing llms-full.txt (tens
	// of megabytes on a big site) beside the pages keeps both cores busy.
	var siteFilesErr error
	var siteFiles sync.WaitGroup
	siteFiles.Go(func() { siteFilesErr = r.SiteFiles() })
	err := renderPages(ctx, r, site.Pages)
	siteFiles.Wait()
	if err != nil {
		return nil, err
	}
	if siteFilesErr != nil {
		return nil, siteFilesErr
	}
	if err := r.Aliases(); err != nil {
		return nil, err
	}
	s.watch.lap("render+minify+write pages and site files")
	probs, err := s.copyStatic(collector, collector.Through(out.asIs), other)
	if err != nil {
		return nil, err
	}
	probs = append(probs, r.Problems()...)
	s.watch.lap("aliases+static")
	probs = append(probs, collector.Verify(site)...)
	s.watch.lap("check links")
	return probs, nil
}

// unsafeHTML reports whether the site config lets raw HTML in Markdown
// through (`unsafe_html: true`).
func unsafeHTML(cfg *config.Site) bool {
	v, _ := cfg.Params["unsafe_html"].(bool)
	return v
}

// ioWorkers is how many goroutines render and write pages at once. Each
// page ends in file creations whose latency, on virtual disks especially,
// is mostly waiting: more writers than cores keep the cores busy (on the
// 2-core reference machine, 8 concurrent writers create files 4x faster
// than 2).
func ioWorkers() int { return 4 * runtime.GOMAXPROCS(0) }

// renderPages renders pages over all cores; the first error stops the rest.
func renderPages(ctx context.Context, r *render.Renderer, pages []*model.Page) error {
	work := make(chan *model.Page)
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	var failed atomic.Bool // firstErr is only safe to read after wg.Wait
	fail := func(err error) { once.Do(func() { firstErr = err; failed.Store(true) }) }
	for range ioWorkers() {
		wg.Go(func() {
			for p := range work {
				if err := r.Page(p); err != nil {
					fail(err)
				}
			}
		})
	}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			fail(err)
		}
		if failed.Load() {
			break
		}
		work <- p
	}
	close(work)
	wg.Wait()
	return firstErr
}

// copyStatic copies the theme's static files, minified (unless the site has
// its own file at the same path), and, as they are, the site's static/
// folder and the non-Markdown files of content/ (bundle resources, next to
// their page). What the site did wrong (a symlink leading out of it, a file
// gone) comes back as problems, so it is reported with the rest.
func (s *Session) copyStatic(sink, asIs write.Sink, other []string) (diag.List, error) {
	siteStatic, hasStatic := s.sub("static")
	theme := layouts.Static()
	err := fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if hasStatic {
			if _, err := fs.Stat(siteStatic, p); err == nil {
				return nil
			}
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		return sink.Write(p, b)
	})
	if err != nil {
		return nil, err
	}
	var probs diag.List
	if hasStatic {
		// Copy from the site root, not a sub-FS, so problems name
		// static/x rather than x.
		probs, err = splitProblems(write.CopyFS(asIs, s.fsys, "static", ""))
		if err != nil {
			return nil, err
		}
	}
	bundleProbs, err := s.copyBundleFiles(asIs, other)
	return append(probs, bundleProbs...), err
}

// copyBundleFiles copies the non-Markdown files of content/ beside their
// page. A file that cannot be read (a symlink out of the site, a file
// deleted since the walk) is a problem of the site, not a failed build.
func (s *Session) copyBundleFiles(asIs write.Sink, other []string) (diag.List, error) {
	var probs diag.List
	for _, p := range other {
		b, err := fs.ReadFile(s.fsys, p)
		if err != nil {
			probs.Add(diag.Errorf(p, 0, 0, "symlinks must point inside the site folder; copy the file into content/ instead",
				"cannot read the file: %v", err))
			continue
		}
		if err := asIs.Write(strings.TrimPrefix(p, "content/"), b); err != nil {
			return probs, err
		}
	}
	return probs, nil
}

func (s *Session) sub(dir string) (fs.FS, bool) {
	if info, err := fs.Stat(s.fsys, dir); err != nil || !info.IsDir() {
		return nil, false
	}
	sub, err := fs.Sub(s.fsys, dir)
	return sub, err == nil
}
