package render

import (
	"html/template"
	"strings"

	"playbook/generator/config"
	"playbook/generator/ltv"
	"playbook/generator/markdown"
	"playbook/generator/model"
)

// PageData is what every template receives as dot.
type PageData struct {
	Site    *model.Site
	Config  *config.Site
	Page    *model.Page
	Content template.HTML // the page's Markdown rendered
	JSONLD  template.HTML // the complete <script type="application/ld+json"> element
	Scripts []string      // root-relative URLs of the page's scripts
	Styles  []string      // extra stylesheets
	TOC     []markdown.Heading
	Year    int
	// Widget is the calculator of a calculator page.
	Widget *ltv.Widget
	// Prompt is the interactive prompt of a workflow card.
	Prompt *PromptView
	// CalculatorLink opens the calculator with a vertical's preset.
	CalculatorLink string
	// Search is true when the site has a search index: the header shows
	// the search box and the page loads search.js.
	Search bool
	// SearchShards is the number of the search index's term shards.
	SearchShards int
}

// PromptView is what partials/workflow-prompt.html renders.
type PromptView struct {
	ID           string
	Prompt       string
	Placeholders []string
	FollowUp     string
}

// HTMLTitle is the <title>: the page title and the site name, or the site
// name alone on the home page.
func (d *PageData) HTMLTitle() string {
	if d.Page.Kind == model.KindHome || d.Page.Title == "" {
		if d.Page.Title != "" && d.Page.Title != d.Config.Title {
			return d.Page.Title + " | " + d.Config.Title
		}
		return d.Config.Title
	}
	return d.Page.Title + " | " + d.Config.Title
}

// Description is the meta description: the page's, else the site's.
func (d *PageData) Description() string {
	if d.Page.Description != "" {
		return d.Page.Description
	}
	return d.Config.Description
}

// OGType is "article" for content pages and "website" for lists.
func (d *PageData) OGType() string {
	if d.Page.IsList() {
		return "website"
	}
	return "article"
}

// MenuKey tells pages apart by what the site navigation shows them: one
// character per menu entry, "1" where InSection marks it current. Pages
// with the same key get the same navigation, which the theme renders once
// per key with partialCached.
func (d *PageData) MenuKey() string {
	key := make([]byte, len(d.Config.Menu))
	for i, item := range d.Config.Menu {
		key[i] = '0'
		if d.InSection(item.URL) {
			key[i] = '1'
		}
	}
	return string(key)
}

// InSection reports whether a menu URL is the current page or one of its
// ancestors, for aria-current in the navigation.
func (d *PageData) InSection(url string) bool {
	if url == "/" {
		return d.Page.URL == "/"
	}
	return strings.HasPrefix(d.Page.URL, url)
}
