package render

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"playbook/generator/model"
	"playbook/generator/write"
	"playbook/layouts"
)

// renderWith renders pages in order with the theme and the given layout
// overrides, in one render, and returns each page's HTML.
func renderWith(t *testing.T, site *model.Site, over fstest.MapFS, pages ...*model.Page) ([]string, error) {
	t.Helper()
	tpl, probs := LoadTemplates(over, layouts.Theme(), Funcs(site.Config.BasePath()))
	if tpl == nil {
		t.Fatal(probs)
	}
	mem := write.NewMemory()
	r := New(site, tpl, mem, testOptions(Options{Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}))
	var out []string
	for _, p := range pages {
		if err := r.Page(p); err != nil {
			return nil, err
		}
		b, _ := mem.Get(strings.TrimPrefix(p.URL, "/") + "index.html")
		out = append(out, string(b))
	}
	if probs := r.Problems(); len(probs) > 0 { // template errors are problems, not failures
		return nil, probs[0]
	}
	return out, nil
}

func TestPartialCachedRendersOncePerVariant(t *testing.T) {
	site, _ := benchSite(t)
	p1, p2 := site.Content[1], site.Content[2]
	over := fstest.MapFS{
		"partials/prevnext.html": {Data: []byte(`<i>{{ partialCached "partials/probe.html" . }}</i>` +
			`<b>{{ partialCached "partials/probe.html" . .Page.Title }}</b>`)},
		"partials/probe.html": {Data: []byte(`[{{ .Page.Title }}]`)},
	}
	out, err := renderWith(t, site, over, p1, p2)
	if err != nil {
		t.Fatal(err)
	}
	first, second := "["+p1.Title+"]", "["+p2.Title+"]"
	wants := []string{
		"<i>" + first + "</i><b>" + first + "</b>",
		// No variant: the first page's HTML. Its own title as variant: its own.
		"<i>" + first + "</i><b>" + second + "</b>",
	}
	for i, want := range wants {
		if !strings.Contains(out[i], want) {
			t.Errorf("page %d: want %s in\n%s", i+1, want, between(out[i], "<i>", "</b>"))
		}
	}
	// A new render starts a new memo: nothing of the last build is reused.
	out, err = renderWith(t, site, over, p2)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<i>" + second + "</i>"; !strings.Contains(out[0], want) {
		t.Errorf("a new render reused the last one's partial: want %s in\n%s", want, between(out[0], "<i>", "</b>"))
	}
}

func TestPartialCachedVariantsAreDistinct(t *testing.T) {
	site, _ := benchSite(t)
	over := fstest.MapFS{
		"partials/prevnext.html": {Data: []byte(`<i>{{ partialCached "partials/probe.html" "X" "1 2" }}|` +
			`{{ partialCached "partials/probe.html" "Y" 1 2 }}|{{ partialCached "partials/probe.html" "Z" "1 2" }}</i>`)},
		"partials/probe.html": {Data: []byte(`{{ . }}`)},
	}
	out, err := renderWith(t, site, over, site.Content[0])
	if err != nil {
		t.Fatal(err)
	}
	// "1 2" and 1, 2 are two variants (they print alike); "1 2" again is
	// the first one.
	if want := "<i>X|Y|X</i>"; !strings.Contains(out[0], want) {
		t.Errorf("want %s in %s", want, between(out[0], "<i>", "</i>"))
	}
}

func TestPartialCachedUnknownPartial(t *testing.T) {
	site, _ := benchSite(t)
	over := fstest.MapFS{"partials/prevnext.html": {Data: []byte(`{{ partialCached "partials/nope.html" . }}`)}}
	_, err := renderWith(t, site, over, site.Content[0])
	if err == nil || !strings.Contains(err.Error(), `no template "partials/nope.html"`) || !strings.Contains(err.Error(), "prevnext.html") {
		t.Fatalf("err = %v, want the missing partial and the template calling it named", err)
	}
}

func TestMenuKeyMarksCurrentEntries(t *testing.T) {
	site, _ := benchSite(t)
	guide := &PageData{Config: site.Config, Page: site.Content[0]}
	home := &PageData{Config: site.Config, Page: site.Home}
	if got := guide.MenuKey(); got != "1000000" {
		t.Errorf("guide MenuKey = %q, want only Guides current", got)
	}
	if got := home.MenuKey(); got != "0000000" {
		t.Errorf("home MenuKey = %q, want nothing current", got)
	}
	out, err := renderWith(t, site, nil, site.Content[0])
	if err != nil {
		t.Fatal(err)
	}
	// The menu is written twice (phone disclosure, wide row), so Guides is
	// current twice, and the breadcrumb's last entry once.
	if !strings.Contains(out[0], `<a href="/guides/" aria-current="page">Guides</a>`) || strings.Count(out[0], `aria-current="page"`) != 3 {
		t.Errorf("both menus must mark Guides current (and the breadcrumb its page):\n%s", between(out[0], "<header", "</header>"))
	}
}

// between is the part of s from the first start to the end of the first
// end after it, for short failure messages.
func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return s
	}
	j := strings.Index(s[i:], end)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j+len(end)]
}
