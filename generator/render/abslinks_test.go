package render

import (
	"net/url"
	"strings"
	"testing"

	"playbook/generator/config"
	"playbook/generator/model"
)

// TestAbsoluteLinks holds absoluteLinks to what strings.NewReplacer made
// of the same patterns, the behaviour answers.json has always had.
func TestAbsoluteLinks(t *testing.T) {
	site := &model.Site{Config: &config.Site{BaseURL: "https://x.example/docs/"}}
	r := &Renderer{site: site}
	p := &model.Page{Permalink: "https://x.example/docs/guides/ltv/"}
	reference := func(html string) string {
		u, _ := url.Parse(site.Config.BaseURL)
		origin := u.Scheme + "://" + u.Host
		return strings.NewReplacer(`href="/`, `href="`+origin+"/", `href="#`, `href="`+p.Permalink+"#").Replace(html)
	}
	for _, html := range []string{
		``,
		`<p>no links</p>`,
		`<a href="https://other.example/">out</a>`,
		`<a href="/docs/a/">a</a> and <a href="#why">why</a>`,
		`<a href="//proto.example/x">protocol-relative</a>`,
		`<a href="href="/x">odd</a><a href="`,
		`<a href="#">top</a><a href="/">home</a>href="/`,
	} {
		if got, want := r.absoluteLinks(p, html), reference(html); got != want {
			t.Errorf("absoluteLinks(%q) = %q, want %q", html, got, want)
		}
	}
}
