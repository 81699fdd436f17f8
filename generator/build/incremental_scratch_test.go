package build

import (
	"context"
	"testing"
	"time"

	"playbook/generator/check"
	"playbook/generator/config"
	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/write"
	"playbook/layouts"
)

func TestScratchMeasure(t *testing.T) {
	s, err := NewSession(Options{Source: "/tmp/c10k", Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	t0 := time.Now()
	mem := write.NewMemory()
	res, err := s.Run(ctx, mem)
	t.Logf("full run %v err=%v probs=%d files=%d", time.Since(t0), err, len(res.Problems), mem.Len())
	lap := func(name string) { t.Logf("%-12s %v", name, time.Since(t0)); t0 = time.Now() }
	t0 = time.Now()
	cfg, _ := config.Load(s.fsys)
	lap("config")
	files, _ := load.Walk(s.fsys)
	lap("walk")
	pages, _ := s.parseAll(ctx, cfg, files.Pages)
	lap("parseAll")
	site, _ := model.Assemble(cfg, pages, model.Options{})
	lap("assemble")
	tpl, _ := render.LoadTemplates(s.siteLayouts(), layouts.Theme(), render.Funcs(render.BasePath(cfg.BaseURL)))
	lap("templates")
	mem2 := write.NewMemory()
	coll := check.NewCollector(write.MinifyingSink(mem2, write.NewMinifier()))
	r := render.New(site, tpl, coll, render.Options{})
	lap("render.New")
	_ = r.Page(site.Content[5000])
	lap("1 page")
	for _, p := range site.Pages {
		if p.IsList() {
			_ = r.Page(p)
		}
	}
	lap("list pages")
	_ = r.SiteFiles()
	lap("sitefiles")
	old := mem.Snapshot()
	for _, p := range old.Paths() {
		b, _ := old.Get(p)
		_ = b
	}
	lap("paths")
	_ = coll.Verify(site)
	lap("verify-small")
}
