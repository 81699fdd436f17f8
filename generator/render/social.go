package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"playbook/generator/cards"
	"playbook/generator/config"
	"playbook/generator/model"
)

// CardFile is the output path of the social card of the page at url.
func CardFile(url string) string { return strings.TrimPrefix(url, "/") + "social-card.png" }

// hasCard reports whether a page gets a social card: every page but the
// 404 page, when the site has cards on.
func hasCard(cfg *config.Site, p *model.Page) bool {
	return cfg.SocialCards && p.Kind != kind404
}

// SocialImage is the absolute URL of the image a page is shared with: its
// own `image:` front matter, else its social card, else the organization's
// logo ("" when there is none); card tells whether it is the card.
func SocialImage(cfg *config.Site, p *model.Page) (image string, card bool) {
	if own, ok := p.Params["image"].(string); ok && strings.TrimSpace(own) != "" {
		return absImage(cfg, strings.TrimSpace(own)), false
	}
	if hasCard(cfg, p) {
		return cfg.BaseURL + CardFile(p.URL), true
	}
	return cfg.Organization.Logo, false
}

// absImage makes a front matter image absolute: a URL stays as it is, a
// path is taken from the site's root ("/img/a.png", "img/a.png").
func absImage(cfg *config.Site, s string) string {
	if u, err := url.Parse(s); err == nil && u.Scheme != "" {
		return s
	}
	return cfg.BaseURL + strings.TrimPrefix(s, "/")
}

// card is what a page's social card says.
func (r *Renderer) card(p *model.Page) cards.Card {
	label := kindLabel(p.Kind)
	if p.Stage != "" {
		label += " · " + stageTitle(p.Stage)
	}
	title := p.Title
	if p.Kind == model.KindHome && title == "" {
		title = r.site.Config.Title
	}
	return cards.Card{Title: title, Site: r.site.Config.Title, Label: label}
}

// writeCard draws (or takes from the cache) and writes a page's card.
func (r *Renderer) writeCard(p *model.Page) error {
	if r.opts.Cards == nil || !hasCard(r.site.Config, p) {
		return nil
	}
	b, err := r.opts.Cards.PNG(r.card(p))
	if err != nil {
		return err
	}
	return r.sink.Write(CardFile(p.URL), b)
}

// CardStyle is the cards' style from the site's colours.
func CardStyle(c config.Colors) cards.Style {
	return cards.Style{Background: c.Background, Text: c.Text, Accent: c.Accent}
}

// FaviconFile is the theme's favicon, written when the site names none and
// has no static/favicon.svg.
const FaviconFile = "favicon.svg"

// FaviconSVG is the theme's favicon in the site's colours: a rounded
// square with a rising line, the playbook's growth.
func FaviconSVG(c config.Colors) []byte {
	return fmt.Appendf(nil, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">`+
		`<rect width="32" height="32" rx="7" fill="%s"/>`+
		`<path d="M7 22l6-6 4 4 8-9" fill="none" stroke="%s" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>`+
		`</svg>`+"\n", c.Background, c.Accent)
}

// Favicon is the <link rel="icon"> of every page: the site's favicon, or
// the theme's.
func (d *PageData) Favicon() template.HTML {
	href, typ := "/"+FaviconFile, "image/svg+xml"
	if f := d.Config.Favicon; f != "" {
		href, typ = "/"+strings.TrimPrefix(f, "/"), iconType(f)
	}
	href = RelURL(d.Config.BasePath(), href)
	return template.HTML(`<link rel="icon" href="` + attrEscape(href) + `" type="` + typ + "\">\n")
}

func iconType(name string) string {
	switch strings.ToLower(name[strings.LastIndexByte(name, '.')+1:]) {
	case "png":
		return "image/png"
	case "ico":
		return "image/x-icon"
	}
	return "image/svg+xml"
}
