package pipeline

import (
	"context"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"playbook/generator/check"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/write"
	"playbook/layouts"
)

// render writes the pass's outputs into sink: the pages over all cores
// with the site files beside them (they need no rendered page, and writing
// llms-full.txt, tens of megabytes on a big site, keeps both cores busy),
// then aliases and static files; then it checks the output's links and
// structured data.
func (s *Session) render(ctx context.Context, pass *Pass, sink write.Sink, w *stopwatch) error {
	in, out := pass.Inputs, pass.Outputs
	rendered := s.minifying(sink)
	coll := check.NewCollector(rendered)
	if out.CheckFrom != nil {
		coll = check.NewCollectorFrom(rendered, out.CheckFrom, out.Drop)
	}
	media := s.startMedia(in.Config)
	ropts := render.Options{
		Prepared: s.Prepared, ExpectJSONLD: coll.Expect, NoLLMSFull: s.opts.KeepLLMSFull, Now: s.opts.Now, Cards: media.cards}
	idx := s.searchIndex(in, out, sink, &ropts)
	r := render.New(in.Site, in.Templates, coll, ropts)
	if s.oneOff() {
		coll.Settling(in.Config, s.willWrite(r, in))
	} else {
		coll.KeepResolved() // the next run starts from it
	}
	pass.Collector, pass.Renderer = coll, r
	var siteFilesErr error
	var siteFiles sync.WaitGroup
	if out.SiteFiles {
		siteFiles.Go(func() { pass.SiteFiles, siteFilesErr = r.SiteFiles() })
	}
	// Image versions are made beside the pages, on the cores the pages
	// leave idle while they wait on the disk.
	imageRec := &recorder{next: sink}
	var imagesErr error
	var imageVersions sync.WaitGroup
	defer imageVersions.Wait() // on every return: nothing writes into sink once render is done
	if !s.opts.NoEncode {
		imageVersions.Go(func() { imagesErr = s.images.Write(ctx, coll.Through(imageRec), out.Static) })
	}
	s.opts.Progress.start("render", len(out.Pages))
	err := renderPages(ctx, r, out.Pages, s.opts.Progress)
	siteFiles.Wait()
	if err = firstErr(err, siteFilesErr); err != nil {
		return err
	}
	w.lap("render+minify+write pages and site files")
	if idx != nil {
		files, err := idx.Finish()
		if err != nil {
			return err
		}
		pass.SearchFiles, pass.SearchGone = files, idx.Gone()
		w.lap("search index")
	}
	if out.SiteFiles {
		aliases, err := r.Aliases()
		if err != nil {
			return err
		}
		pass.SiteFiles = append(pass.SiteFiles, aliases...)
		slices.Sort(pass.SiteFiles)
	}
	s.opts.Progress.start("static files", 0)
	rec := &recorder{next: sink}
	if out.Static {
		other := in.Files.Other
		if len(in.Site.Hidden) > 0 {
			other = slices.DeleteFunc(slices.Clone(other), in.Site.InHiddenBundle)
		}
		if pass.StaticProblems, err = s.copyStatic(coll.Through(s.minifying(rec)), coll.Through(rec), other); err != nil {
			return err
		}
		if err = s.writeFavicon(in.Config, coll.Through(s.minifying(rec))); err != nil {
			return err
		}
	}
	imageVersions.Wait()
	if imagesErr != nil {
		return imagesErr
	}
	if out.Static {
		rec.paths = append(rec.paths, imageRec.paths...)
		pass.Static = rec.sorted()
	}
	pass.Media = media.counts(s.images)
	pass.RenderProblems = r.Problems()
	w.lap("aliases+static+images")
	s.opts.Progress.start("check links", 0)
	pass.CheckProblems = withoutMissingImages(coll.Verify(in.Site, s.linkPositions), in.Parse)
	w.lap("check links")
	return nil
}

// willWrite tells whether a one-off run is going to write a path: a page
// or its twin, a site file, or a theme static file the site does not
// replace (the site's own static files are checked when copied).
func (s *Session) willWrite(r *render.Renderer, in *Inputs) func(path string) bool {
	pages := make(map[string]bool, len(in.Site.Pages)) // by render.PageFileDir
	for _, p := range in.Site.Pages {
		pages[strings.TrimPrefix(p.URL, "/")] = true
	}
	cards := in.Config.SocialCards
	paths := map[string]bool{}
	for _, f := range r.SiteFileNames() {
		paths[f] = true
	}
	if s.themeFavicon(in.Config) {
		paths[render.FaviconFile] = true
	}
	_ = fs.WalkDir(layouts.Static(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !s.exists(path.Join("static", p)) {
			paths[p] = true
		}
		return nil
	})
	return func(p string) bool {
		if dir, card, ok := render.PageFileDir(p); ok && pages[dir] && (cards || !card) {
			return true
		}
		return paths[p]
	}
}

func (s *Session) exists(p string) bool {
	_, err := fs.Stat(s.fsys, p)
	return err == nil
}

// minifying is sink behind the minifier when the options ask for it.
func (s *Session) minifying(sink write.Sink) write.Sink {
	if s.opts.Minify {
		return write.MinifyingSink(sink, write.NewMinifier())
	}
	return sink
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// renderPages renders pages over all cores; the first error stops the rest.
// List pages come after the content pages, at most listWorkers at a time:
// a tag listing 40,000 pages is megabytes of HTML, held several times over
// while it is executed, minified and checked, and eight of them at once
// (they sort together, at /tags/) would spike the memory of a big build.
// Coming last, the cards they share (render's memo, a few hundred bytes a
// page) are held only for the last moments of the build, not through it.
func renderPages(ctx context.Context, r *render.Renderer, pages []*model.Page, progress *Progress) error {
	var lists, content []*model.Page
	for _, p := range pages {
		if p.IsList() {
			lists = append(lists, p)
		} else {
			content = append(content, p)
		}
	}
	run := pageRun{progress: progress}
	run.pages(ctx, r, content, ioWorkers())
	run.pages(ctx, r, lists, listWorkers)
	return run.err
}

// listWorkers is how many list pages are rendered at once.
const listWorkers = 2

// pageRun is one renderPages call: the first error stops every worker.
type pageRun struct {
	progress *Progress
	once     sync.Once
	err      error
	failed   atomic.Bool // err is only safe to read once every worker is done
}

func (run *pageRun) fail(err error) {
	run.once.Do(func() { run.err = err; run.failed.Store(true) })
}

// pages renders pages on n workers.
func (run *pageRun) pages(ctx context.Context, r *render.Renderer, pages []*model.Page, n int) {
	work := make(chan *model.Page)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for p := range work {
				if err := r.Page(p); err != nil {
					run.fail(err)
				}
				run.progress.step()
			}
		})
	}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			run.fail(err)
		}
		if run.failed.Load() {
			break
		}
		work <- p
	}
	close(work)
	wg.Wait()
}

// recorder passes files on and records their paths.
type recorder struct {
	next  write.Sink
	mu    sync.Mutex
	paths []string
}

// Write implements write.Sink.
func (t *recorder) Write(p string, data []byte) error {
	t.mu.Lock()
	t.paths = append(t.paths, p)
	t.mu.Unlock()
	return t.next.Write(p, data)
}

func (t *recorder) sorted() []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	slices.Sort(t.paths)
	return t.paths
}
