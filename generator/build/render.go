package build

import (
	"context"
	"io/fs"
	"runtime"
	"strings"
	"sync"

	"playbook/generator/check"
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
	r := render.New(site, tpl, collector, render.Options{UnsafeHTML: s.unsafe(site), Now: s.opts.Now})
	if err := renderPages(ctx, r, site.Pages); err != nil {
		return nil, err
	}
	if err := r.SiteFiles(); err != nil {
		return nil, err
	}
	if err := s.copyStatic(collector, collector.Through(out.asIs), other); err != nil {
		return nil, err
	}
	probs := r.Problems()
	return append(probs, collector.Verify(site)...), nil
}

func (s *Session) unsafe(site *model.Site) bool {
	v, _ := site.Config.Params["unsafe_html"].(bool)
	return s.opts.Unsafe || v
}

// renderPages renders pages over all cores; the first error stops the rest.
func renderPages(ctx context.Context, r *render.Renderer, pages []*model.Page) error {
	work := make(chan *model.Page)
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	fail := func(err error) { once.Do(func() { firstErr = err }) }
	for range runtime.GOMAXPROCS(0) {
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
		if firstErr != nil {
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
// their page).
func (s *Session) copyStatic(sink, asIs write.Sink, other []string) error {
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
		return err
	}
	if hasStatic {
		if err := write.CopyFS(asIs, siteStatic, ".", ""); err != nil {
			return err
		}
	}
	for _, p := range other {
		b, err := fs.ReadFile(s.fsys, p)
		if err != nil {
			return err
		}
		if err := asIs.Write(strings.TrimPrefix(p, "content/"), b); err != nil {
			return err
		}
	}
	return nil
}

func (s *Session) sub(dir string) (fs.FS, bool) {
	if info, err := fs.Stat(s.fsys, dir); err != nil || !info.IsDir() {
		return nil, false
	}
	sub, err := fs.Sub(s.fsys, dir)
	return sub, err == nil
}
