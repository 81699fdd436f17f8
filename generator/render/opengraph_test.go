package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"time"

	"playbook/generator/config"
	"playbook/generator/model"
)

// openGraphTemplate is what partials/head.html wrote before OpenGraph: the
// reference the Go version must match byte for byte.
var openGraphTemplate = template.Must(template.New("og").Funcs(Funcs("/")).Parse(`<meta property="og:type" content="{{ .OGType }}">
<meta property="og:title" content="{{ .Page.Title }}">
<meta property="og:description" content="{{ .Description }}">
<meta property="og:url" content="{{ .Page.Permalink }}">
<meta property="og:site_name" content="{{ .Config.Title }}">
<meta property="og:locale" content="{{ .Config.Language }}">
{{ with .Config.Organization.Logo }}<meta property="og:image" content="{{ . }}">
{{ end }}{{ if eq .OGType "article" }}{{ with .Page.Date }}{{ if not .IsZero }}<meta property="article:published_time" content="{{ isoDate . }}">
{{ end }}{{ end }}{{ with .Page.Updated }}{{ if not .IsZero }}<meta property="article:modified_time" content="{{ isoDate . }}">
{{ end }}{{ end }}{{ end }}<meta name="twitter:card" content="summary">
{{ with .Page.Keywords }}<meta name="keywords" content="{{ join . ", " }}">
{{ end }}`))

func TestOpenGraphMatchesTemplate(t *testing.T) {
	day := time.Date(2026, 10, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		page model.Page
		cfg  config.Site
	}{
		{"guide with everything", model.Page{Kind: model.KindGuide, Title: "Grow LTV", Description: "How.", Permalink: "https://x.example/a/", Date: day, Updated: day.Add(72 * time.Hour), Keywords: []string{"ltv", "churn"}},
			config.Site{Title: "Site", Language: "en", Organization: config.Organization{Logo: "https://x.example/logo.svg"}}},
		{"list page, no dates shown", model.Page{Kind: model.KindSection, Title: "Guides", Permalink: "https://x.example/guides/", Date: day},
			config.Site{Title: "Site", Description: "Site description.", Language: "de"}},
		{"undated page without keywords", model.Page{Kind: model.KindFAQ, Title: "FAQ", Permalink: "https://x.example/faq/"}, config.Site{Title: "S"}},
		{"hostile text", model.Page{Kind: model.KindAnswer, Title: `"Q" & <A> + 'b'` + "\x00\xff é", Description: `</script><script>alert(1)</script>`, Permalink: "https://x.example/a?b=c&d='e'", Keywords: []string{"a+b", `"q"`}},
			config.Site{Title: `S&"T"`, Language: "en<", Organization: config.Organization{Logo: `javascript:alert("x")`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { compareOpenGraph(t, &tt.page, &tt.cfg) })
	}
}

// FuzzOpenGraph compares OpenGraph with the template on fuzzed text.
func FuzzOpenGraph(f *testing.F) {
	f.Add("Grow LTV", "How.", "https://x.example/a/", "Site", "en", "https://x.example/l.svg", "ltv")
	f.Add(`"<&>'+`, "\x00\xff", "a?b=c&d", "S&T", "", "", "")
	f.Fuzz(func(t *testing.T, title, desc, permalink, siteTitle, lang, logo, keyword string) {
		p := &model.Page{Kind: model.KindGuide, Title: title, Description: desc, Permalink: permalink, Date: time.Unix(1e9, 0).UTC()}
		if keyword != "" {
			p.Keywords = []string{keyword, keyword + "2"}
		}
		compareOpenGraph(t, p, &config.Site{Title: siteTitle, Language: lang, Organization: config.Organization{Logo: logo}})
	})
}

func compareOpenGraph(t *testing.T, p *model.Page, cfg *config.Site) {
	t.Helper()
	d := &PageData{Page: p, Config: cfg}
	var want bytes.Buffer
	if err := openGraphTemplate.Execute(&want, d); err != nil {
		t.Fatal(err)
	}
	if got := string(d.OpenGraph()); got != want.String() {
		t.Fatalf("OpenGraph differs from the template:\n got %q\nwant %q", got, want.String())
	}
	if !strings.HasSuffix(want.String(), "\n") {
		t.Fatalf("template output should end with a newline: %q", want.String())
	}
}
