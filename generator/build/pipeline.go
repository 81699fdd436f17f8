package build

import (
	"context"
	"io/fs"
	"sync"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/markdown"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/write"
	"playbook/layouts"
)

// Session holds what one site's builds share: the parse engine and, for
// serve, the pages parsed by the previous build so an edit re-parses only
// the files that changed.
type Session struct {
	opts  Options
	fsys  fs.FS
	site  *load.SiteFS
	eng   *markdown.Engine
	cache map[string]*parsed // by site-relative path
	watch *stopwatch         // the current run's stage times
	// oneOff is set by Build: the session ends with the run, so memory
	// the next run would reuse can be let go page by page.
	oneOff bool
}

// parsed is one content file after load and parse.
type parsed struct {
	page  *model.Page
	probs diag.List
}

// NewSession opens the site folder. The folder is opened as an os.Root so
// no symlink in it can make the build read outside it.
func NewSession(opts Options) (*Session, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	site, err := load.OpenSite(opts.Source)
	if err != nil {
		return nil, err
	}
	var fsys fs.FS = site
	if opts.WrapSource != nil {
		fsys = opts.WrapSource(fsys)
	}
	return &Session{opts: opts, fsys: fsys, site: site, cache: map[string]*parsed{}}, nil
}

// Close releases the site folder.
func (s *Session) Close() error { return s.site.Close() }

// Forget drops cached parses of the given site-relative paths (nil: all),
// so the next run reads them again.
func (s *Session) Forget(paths []string) {
	if paths == nil {
		clear(s.cache)
		return
	}
	for _, p := range paths {
		delete(s.cache, p)
	}
}

// run executes the pipeline into sink and returns the site and every
// problem found. A non-nil error is a failure of the machinery (the sink
// failed, the context was cancelled), not of the content.
func (s *Session) run(ctx context.Context, sink sinks) (*model.Site, diag.List, error) {
	cfg, probs := s.loadConfig()
	// The theme does not depend on the content: parse it while the
	// content is walked and parsed.
	var tpl *render.Templates
	var tplProbs diag.List
	var templates sync.WaitGroup
	templates.Go(func() { tpl, _, tplProbs = s.loadTemplates(cfg) })
	files, walkProbs := load.Walk(s.fsys)
	probs = append(probs, walkProbs...)
	s.watch.lap("walk")
	site, pageProbs, err := s.assemble(ctx, cfg, files.Pages)
	probs = append(probs, pageProbs...)
	templates.Wait()
	if err != nil {
		return nil, probs, err
	}
	probs = append(probs, tplProbs...)
	s.watch.lap("model+templates")
	if tpl == nil {
		return site, probs, nil
	}
	renderProbs, err := s.render(ctx, site, tpl, sink, files.Other)
	return site, append(probs, renderProbs...), err
}

// loadConfig reads the site config, applies the command line's base URL
// and sets up the parse engine the config asks for.
func (s *Session) loadConfig() (*config.Site, diag.List) {
	cfg, probs := config.Load(s.fsys)
	if s.opts.BaseURL != "" {
		cfg.BaseURL = config.WithSlash(s.opts.BaseURL)
	}
	s.eng = render.NewEngine(s.opts.Unsafe || unsafeHTML(cfg), render.BasePath(cfg.BaseURL))
	return cfg, probs
}

// assemble parses the content files (cached parses are reused) and links
// them into a site.
func (s *Session) assemble(ctx context.Context, cfg *config.Site, paths []string) (*model.Site, diag.List, error) {
	pages, probs := s.parseAll(ctx, cfg, paths)
	s.watch.lap("read+parse+prepare")
	if err := ctx.Err(); err != nil {
		return nil, probs, err
	}
	site, siteProbs := model.Assemble(cfg, pages, model.Options{Drafts: s.opts.Drafts})
	return site, append(probs, siteProbs...), nil
}

// loadTemplates parses the theme with the site's overrides; hasLayouts
// tells whether the site has its own layouts/.
func (s *Session) loadTemplates(cfg *config.Site) (tpl *render.Templates, hasLayouts bool, probs diag.List) {
	siteLayouts := s.siteLayouts()
	tpl, probs = render.LoadTemplates(siteLayouts, layouts.Theme(), render.Funcs(render.BasePath(cfg.BaseURL)))
	return tpl, siteLayouts != nil, probs
}

// sinks are where a run writes: rendered files through the minifier,
// static files as they are.
type sinks struct {
	rendered, asIs write.Sink
}

// siteLayouts is the site's layouts/ folder, nil when it has none.
func (s *Session) siteLayouts() fs.FS {
	sub, err := fs.Sub(s.fsys, "layouts")
	if err != nil {
		return nil
	}
	if _, err := fs.Stat(sub, "."); err != nil {
		return nil
	}
	return sub
}

// parseAll loads and parses every content file over all cores, reusing
// the cached parse of files that did not change.
func (s *Session) parseAll(ctx context.Context, cfg *config.Site, paths []string) ([]*model.Page, diag.List) {
	results := make([]*parsed, len(paths))
	work := make(chan int)
	var wg sync.WaitGroup
	for range ioWorkers() {
		wg.Go(func() {
			for i := range work {
				results[i] = s.parseOne(cfg, paths[i])
			}
		})
	}
	for i := range paths {
		if ctx.Err() != nil {
			break
		}
		if cached, ok := s.cache[paths[i]]; ok {
			results[i] = cached
			continue
		}
		work <- i
	}
	close(work)
	wg.Wait()
	return s.collect(paths, results)
}

func (s *Session) collect(paths []string, results []*parsed) ([]*model.Page, diag.List) {
	clear(s.cache)
	pages := make([]*model.Page, 0, len(results))
	var probs diag.List
	for i, r := range results {
		if r == nil {
			continue
		}
		s.cache[paths[i]] = r
		probs = append(probs, r.probs...)
		if r.page != nil {
			pages = append(pages, r.page)
		}
	}
	return pages, probs
}

func (s *Session) parseOne(cfg *config.Site, path string) *parsed {
	buf := sourceBuffers.Get().(*[]byte)
	src, probs, file := load.ReadInto(*buf, s.fsys, path)
	if src == nil {
		sourceBuffers.Put(buf)
		return &parsed{probs: probs}
	}
	page, pageProbs := model.NewPage(cfg, src, s.eng)
	probs = append(probs, pageProbs...)
	if err := render.Prepare(s.eng, page); err != nil {
		probs.Add(diag.Errorf(path, 0, 0, "", "cannot render the page: %v", err))
	}
	if src.Body == nil && (page.Doc == nil || page.Doc.Released()) {
		// Prepared: nothing refers to the file's bytes any more.
		recycleSource(buf, file)
	}
	return &parsed{page: page, probs: probs}
}

// sourceBuffers hold content files while they are parsed. Reading each of
// ten thousand files into fresh memory made the kernel fault in new pages
// for every read; a prepared page keeps only copies of what it needs, so
// its file's memory can take the next file.
var sourceBuffers = sync.Pool{New: func() any { return new([]byte) }}

// poisonRecycled, set by tests, overwrites a recycled file's bytes, so a
// page that still pointed into them would show it.
var poisonRecycled bool

func recycleSource(buf *[]byte, file []byte) {
	if cap(file) > 1<<20 {
		return // a rare big page does not pin its memory
	}
	if poisonRecycled {
		file = file[:cap(file)]
		for i := range file {
			file[i] = '#'
		}
	}
	*buf = file[:0]
	sourceBuffers.Put(buf)
}
