package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"playbook/generator/diag"
	"playbook/generator/meta"
	"playbook/generator/model"
	"playbook/generator/write"
)

// SiteFiles writes the files about the whole site: sitemap, robots.txt,
// feed, llms.txt (the site's and each section's), llms-full.txt, the host
// configuration (_headers, nginx) and 404.html. They read only the model and
// what Prepare made (twins, best answers), never a rendered page, so a
// build runs them beside the pages. Aliases come after the pages.
// It returns the paths it wrote.
func (r *Renderer) SiteFiles() ([]string, error) {
	var written []string
	for _, s := range r.smallSiteFiles() {
		b, err := s.fn()
		if err != nil {
			return written, fmt.Errorf("%s: %w", s.name, err)
		}
		if err := r.sink.Write(s.name, b); err != nil {
			return written, err
		}
		written = append(written, s.name)
	}
	if !r.opts.NoLLMSFull {
		if err := r.writeLLMSFull(); err != nil {
			return written, fmt.Errorf("%s: %w", LLMSFullFile, err)
		}
		written = append(written, LLMSFullFile)
		for _, f := range r.answersFiles() {
			if err := r.writeStream(f.name, f.fill); err != nil {
				return written, fmt.Errorf("%s: %w", f.name, err)
			}
			written = append(written, f.name)
		}
	}
	if err := r.writeStream(HeadersFile, r.headers); err != nil {
		return written, fmt.Errorf("%s: %w", HeadersFile, err)
	}
	written = append(written, HeadersFile)
	if err := r.notFound(); err != nil {
		return written, err
	}
	written = append(written, notFoundFile)
	if r.hasSearchPage() {
		written = append(written, searchFile)
		return written, r.searchPage()
	}
	return written, nil
}

// siteFile is a site file made whole in memory.
type siteFile struct {
	name string
	fn   func() ([]byte, error)
}

func (r *Renderer) smallSiteFiles() []siteFile {
	files := []siteFile{
		{"sitemap.xml", r.sitemap},
		{"robots.txt", r.robots},
		{"feed.xml", r.feed},
		{"llms.txt", r.llms},
	}
	for _, sec := range r.llmsSections() {
		files = append(files, siteFile{SectionLLMSFile(sec), func() ([]byte, error) { return r.sectionLLMS(sec), nil }})
	}
	return append(files, r.hostFiles()...)
}

// SiteFileNames are the paths SiteFiles writes.
func (r *Renderer) SiteFileNames() []string {
	var names []string
	for _, s := range r.smallSiteFiles() {
		names = append(names, s.name)
	}
	if !r.opts.NoLLMSFull {
		names = append(names, LLMSFullFile)
		for _, f := range r.answersFiles() {
			names = append(names, f.name)
		}
	}
	names = append(names, HeadersFile, notFoundFile)
	if r.hasSearchPage() {
		names = append(names, searchFile)
	}
	return names
}

func (r *Renderer) sitemap() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range r.site.Pages {
		b.WriteString("<url><loc>")
		xmlText(&b, p.Permalink)
		b.WriteString("</loc>")
		if t := lastmod(p); !t.IsZero() {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>", t.UTC().Format(time.RFC3339))
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes(), nil
}

// lastmod of a list page is the newest of the pages it lists.
func lastmod(p *model.Page) time.Time {
	t := p.Lastmod()
	for _, c := range p.Pages {
		if m := lastmod(c); m.After(t) {
			t = m
		}
	}
	return t
}

func (r *Renderer) robots() ([]byte, error) {
	return fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %ssitemap.xml\n", r.site.Config.BaseURL), nil
}

// feedSize caps the Atom feed at the newest pages, as readers expect.
const feedSize = 50

func (r *Renderer) feed() ([]byte, error) {
	pages := r.datedPages()
	if len(pages) > feedSize {
		pages = pages[:feedSize]
	}
	cfg := r.site.Config
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="%s">`+"\n", xmlAttr(cfg.Language))
	b.WriteString("<title>")
	xmlText(&b, cfg.Title)
	b.WriteString("</title>\n")
	if cfg.Description != "" {
		b.WriteString("<subtitle>")
		xmlText(&b, cfg.Description)
		b.WriteString("</subtitle>\n")
	}
	fmt.Fprintf(&b, `<link href="%sfeed.xml" rel="self"/>`+"\n"+`<link href="%s"/>`+"\n<id>%s</id>\n",
		xmlAttr(cfg.BaseURL), xmlAttr(cfg.BaseURL), xmlAttr(cfg.BaseURL))
	fmt.Fprintf(&b, "<updated>%s</updated>\n", feedUpdated(pages).Format(time.RFC3339))
	fmt.Fprintf(&b, "<author><name>%s</name></author>\n", xmlEscape(firstNonEmpty(cfg.Author.Name, cfg.Organization.Name)))
	for _, p := range pages {
		r.feedEntry(&b, p)
	}
	b.WriteString("</feed>\n")
	return b.Bytes(), nil
}

func (r *Renderer) feedEntry(b *bytes.Buffer, p *model.Page) {
	b.WriteString("<entry><title>")
	xmlText(b, p.Title)
	fmt.Fprintf(b, `</title><link href="%s"/><link rel="alternate" type="text/markdown" href="%s"/><id>%s</id>`,
		xmlAttr(p.Permalink), xmlAttr(r.absTwin(p)), xmlAttr(p.Permalink))
	fmt.Fprintf(b, "<published>%s</published><updated>%s</updated>", p.Date.UTC().Format(time.RFC3339), p.Lastmod().UTC().Format(time.RFC3339))
	if p.Author != "" {
		fmt.Fprintf(b, "<author><name>%s</name></author>", xmlEscape(p.Author))
	}
	if p.Description != "" {
		b.WriteString("<summary>")
		xmlText(b, p.Description)
		b.WriteString("</summary>")
	}
	b.WriteString("</entry>\n")
}

// datedPages are content pages with a date, newest first.
func (r *Renderer) datedPages() []*model.Page {
	var out []*model.Page
	for _, p := range r.site.Content {
		if !p.Date.IsZero() {
			out = append(out, p)
		}
	}
	sortNewest(out)
	return out
}

// sortNewest sorts pages newest first; a stable sort keeps equal dates in
// URL order.
func sortNewest(pages []*model.Page) {
	slices.SortStableFunc(pages, func(a, b *model.Page) int { return b.Lastmod().Compare(a.Lastmod()) })
}

func feedUpdated(pages []*model.Page) time.Time {
	var t time.Time
	for _, p := range pages {
		if p.Lastmod().After(t) {
			t = p.Lastmod()
		}
	}
	if t.IsZero() { // an undated site: the epoch keeps builds reproducible
		return time.Unix(0, 0).UTC()
	}
	return t.UTC()
}

func xmlText(b *bytes.Buffer, s string) { _ = xml.EscapeText(b, []byte(s)) }

func xmlEscape(s string) string {
	var b bytes.Buffer
	xmlText(&b, s)
	return b.String()
}

func xmlAttr(s string) string { return xmlEscape(s) }

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

const notFoundFile = "404.html"

// notFound renders 404.html with the theme.
func (r *Renderer) notFound() error {
	p := &model.Page{Kind: kind404, Title: "Page not found", URL: "/404.html",
		Permalink: r.site.Config.BaseURL + "404.html", Description: "The page you asked for is not here.", Params: map[string]any{}}
	d := &PageData{Site: r.site, Config: r.site.Config, Page: p, Year: r.year}
	return r.execute(kind404, d, notFoundFile)
}

// Aliases writes a redirect page for every alias, as Hugo does. It runs
// once every page is written: an alias that would replace a page is
// reported, and the page kept. It returns the paths it wrote.
func (r *Renderer) Aliases() ([]string, error) {
	var written []string
	for _, p := range r.site.Content {
		for _, a := range p.Aliases {
			out := aliasPath(a)
			if out == "" {
				continue
			}
			err := r.sink.Write(out, redirectPage(p.Permalink))
			switch {
			case err == nil:
				written = append(written, out)
			case errors.Is(err, write.ErrDuplicate) || errors.Is(err, write.ErrConflict):
				r.problems.add(aliasProblem(p, a, out))
			default:
				return written, fmt.Errorf("%s: alias %q: %w", p.File, a, err)
			}
		}
	}
	return written, nil
}

// aliasProblem reports an alias whose redirect page would replace a page
// or another alias: pages are written first, so the page wins.
func aliasProblem(p *model.Page, alias, out string) diag.Problem {
	var pos meta.Pos
	if p.Source != nil {
		pos = p.Source.Front.Pos("aliases")
	}
	return diag.Errorf(p.File, pos.Line, pos.Col, "remove the alias, or change it to the old path the page had",
		"alias %q would replace %s, which the site already writes", alias, out)
}

// aliasPath is the output file of an alias: "/old/" -> "old/index.html",
// "/old.html" -> "old.html". An alias that leaves the site gives "".
func aliasPath(alias string) string {
	clean := path.Clean("/" + strings.TrimSpace(alias))
	if clean == "/" || strings.Contains(clean, "..") {
		return ""
	}
	clean = strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(clean, ".html") || strings.HasSuffix(clean, ".htm") {
		return clean
	}
	return clean + "/index.html"
}

func redirectPage(target string) []byte {
	t := xmlAttr(target)
	return fmt.Appendf(nil, `<!doctype html><html lang="en"><head><title>%s</title><link rel="canonical" href="%s"><meta charset="utf-8"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=%s"></head><body><p>This page moved to <a href="%s">%s</a>.</p></body></html>`+"\n", t, t, t, t, t)
}
