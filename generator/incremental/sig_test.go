package incremental

import (
	"testing"
	"time"

	"playbook/generator/model"
)

func TestPageSig(t *testing.T) {
	params := map[string]any{"title": "A", "image": "a.png"}
	base := &model.Page{URL: "/a/", Kind: model.KindGuide, Title: "A", Description: "About A.", Date: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC),
		Tags: []string{"ltv"}, Params: params}
	tests := []struct {
		name string
		edit func(p *model.Page)
		same bool
	}{
		{"nothing", func(p *model.Page) {}, true},
		{"same front matter, parsed again", func(p *model.Page) { p.Params = map[string]any{"title": "A", "image": "a.png"} }, true},
		{"same instant, other zone", func(p *model.Page) { p.Date = p.Date.In(time.FixedZone("x", 3600)) }, true},
		{"title", func(p *model.Page) { p.Title = "B" }, false},
		{"derived description", func(p *model.Page) { p.Description = "Other." }, false},
		{"date", func(p *model.Page) { p.Date = p.Date.AddDate(0, 0, 1) }, false},
		{"weight", func(p *model.Page) { p.Weight = 2 }, false},
		{"tags", func(p *model.Page) { p.Tags = []string{"ltv", "x"} }, false},
		{"url", func(p *model.Page) { p.URL = "/b/" }, false},
		{"unknown front matter field", func(p *model.Page) { p.Params = map[string]any{"title": "A", "image": "b.png"} }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := *base
			tt.edit(&p)
			if got := sigOf(base).equal(sigOf(&p)); got != tt.same {
				t.Errorf("equal = %v, want %v", got, tt.same)
			}
		})
	}
}
