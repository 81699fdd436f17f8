package pipeline

import (
	"io/fs"
	"path/filepath"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/images"
	"playbook/generator/load"
	"playbook/generator/markdown"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/search"
	"playbook/layouts"
)

// Session is one site's runs: the folder, opened once, and the content
// files parsed so far, so that a run after an edit parses only the files
// that changed (Forget names them).
type Session struct {
	opts  Options
	fsys  fs.FS
	site  *load.SiteFS
	eng   *markdown.Engine
	cache map[string]*parsed // by site-relative path
	// spill, when set, keeps prepared pages on disk between parse and
	// render (a one-off run), so memory does not grow with the site.
	spill *spill
	dates trueDates
	// images probes the pages' images and makes their versions; cards
	// caches the social cards. Both last as long as the session.
	images *images.Processor
	cards  *images.Cache
	// search is serve's site search, kept between runs.
	search *search.Live
}

// NewSession opens the site folder.
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
	s := &Session{opts: opts, fsys: fsys, site: site, cache: map[string]*parsed{}}
	s.images = images.New(fsys, images.OpenCache(cacheSub(opts.CacheDir, "images")))
	s.cards = images.OpenCache(cacheSub(opts.CacheDir, "cards"))
	return s, nil
}

func cacheSub(dir, name string) string {
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, name)
}

// oneOff reports whether the session serves a single run (Build, Check),
// which keeps nothing for a next one.
func (s *Session) oneOff() bool { return s.spill != nil }

// Close releases the site folder.
func (s *Session) Close() error {
	if s.spill != nil {
		s.spill.close()
	}
	return s.site.Close()
}

// Forget drops the parses of the given site-relative paths (nil: all), so
// the next run reads them again.
func (s *Session) Forget(paths []string) {
	if paths == nil {
		clear(s.cache)
		return
	}
	for _, p := range paths {
		delete(s.cache, p)
	}
}

// IsFile reports whether the site-relative path is a regular file now.
func (s *Session) IsFile(p string) bool {
	info, err := fs.Stat(s.fsys, p)
	return err == nil && info.Mode().IsRegular()
}

// loadConfig reads the site config, applies the command line's base URL
// and sets up the parse engine the config asks for.
func (s *Session) loadConfig() (*config.Site, diag.List) {
	cfg, probs := config.Load(s.fsys)
	if s.opts.BaseURL != "" {
		cfg.BaseURL = config.WithSlash(s.opts.BaseURL)
	}
	s.eng = render.NewEngineWith(render.EngineOptions(cfg, s.opts.Unsafe))
	return cfg, probs
}

// loadTemplates parses the theme with the site's overrides; own tells
// whether the site has its own layouts/.
func (s *Session) loadTemplates(cfg *config.Site) (tpl *render.Templates, own bool, probs diag.List) {
	siteLayouts := s.siteLayouts()
	tpl, probs = render.LoadTemplates(siteLayouts, layouts.Theme(), render.Funcs(cfg.BasePath()))
	return tpl, siteLayouts != nil, probs
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

// Prepared returns what was prepared of a content page when it was
// parsed (render.PreparedOf).
func (s *Session) Prepared(p *model.Page, part render.PreparedPart) (*render.Prepared, error) {
	if r, ok := s.cache[p.File]; ok && r.page == p {
		return r.prep.load(part)
	}
	return nil, nil
}
