package build

import (
	"context"
	"os"
	"runtime/pprof"
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

func TestScratchProfile(t *testing.T) {
	s, _ := NewSession(Options{Source: "/tmp/c10k", Minify: true})
	ctx := context.Background()
	cfg, _ := config.Load(s.fsys)
	files, _ := load.Walk(s.fsys)
	pages, _ := s.parseAll(ctx, cfg, files.Pages)
	f, _ := os.Create("/tmp/scratch/assemble.prof")
	pprof.StartCPUProfile(f)
	t0 := time.Now()
	var site *model.Site
	for range 5 {
		site, _ = model.Assemble(cfg, pages, model.Options{})
	}
	pprof.StopCPUProfile()
	t.Logf("assemble x5 %v", time.Since(t0))
	tpl, _ := render.LoadTemplates(s.siteLayouts(), layouts.Theme(), render.Funcs(render.BasePath(cfg.BaseURL)))
	mem2 := write.NewMemory()
	coll := check.NewCollector(write.MinifyingSink(mem2, write.NewMinifier()))
	r := render.New(site, tpl, coll, render.Options{})
	f2, _ := os.Create("/tmp/scratch/sitefiles.prof")
	pprof.StartCPUProfile(f2)
	t0 = time.Now()
	_ = r.SiteFiles()
	t.Logf("sitefiles %v", time.Since(t0))
	pprof.StopCPUProfile()
	f3, _ := os.Create("/tmp/scratch/lists.prof")
	pprof.StartCPUProfile(f3)
	t0 = time.Now()
	for _, p := range site.Pages {
		if p.IsList() {
			_ = r.Page(p)
		}
	}
	t.Logf("lists %v", time.Since(t0))
	pprof.StopCPUProfile()
}
