package render

import (
	"testing"
	"testing/fstest"
	"time"

	"playbook/generator/write"
	"playbook/layouts"
)

// TestTemplateExecProblems: an error running a template is a problem at
// the template's file, line and column, the same for every page, so it
// is reported once; the render goes on.
func TestTemplateExecProblems(t *testing.T) {
	site, _ := benchSite(t)
	tests := []struct {
		name string
		over fstest.MapFS
		want string
	}{
		{"site layout", fstest.MapFS{"single.html": {Data: []byte("{{ define \"main\" }}\n<p>\n  {{ .Page.NoSuchField }}</p>{{ end }}")}},
			`layouts/single.html:3:11: error: template error: executing "main" at <.Page.NoSuchField>: can't evaluate field NoSuchField`},
		{"site partial", fstest.MapFS{"partials/prevnext.html": {Data: []byte(`{{ index .Page.Params "x" 3 }}`)}},
			`layouts/partials/prevnext.html:1:4: error: template error: executing "partials/prevnext.html" at <index .Page.Params "x" 3>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tpl, probs := LoadTemplates(tt.over, layouts.Theme(), Funcs(site.Config.BasePath()))
			if tpl == nil {
				t.Fatal(probs)
			}
			r := New(site, tpl, write.NewMemory(), testOptions(Options{Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}))
			for _, p := range site.Content[:3] {
				if err := r.Page(p); err != nil {
					t.Fatalf("a template error stopped the render: %v", err)
				}
			}
			got := r.Problems().Sorted()
			if len(got) != 1 {
				t.Fatalf("problems = %v, want one", got)
			}
			if s := got[0].String(); len(s) < len(tt.want) || s[:len(tt.want)] != tt.want {
				t.Errorf("problem = %s\nwant prefix %s", s, tt.want)
			}
		})
	}
}
