package model

import (
	"slices"
	"time"

	"playbook/generator/evidence"
	"playbook/generator/load"
	"playbook/generator/markdown"
)

// Kind is what a page is, which decides its template and structured data.
type Kind string

// The content kinds a page's `type` may name, and the list kinds the model
// adds.
const (
	KindGuide      Kind = "guide"
	KindFAQ        Kind = "faq"
	KindAnswer     Kind = "answer"
	KindWorkflow   Kind = "workflow"
	KindVertical   Kind = "vertical"
	KindCalculator Kind = "calculator"

	KindHome     Kind = "home"
	KindSection  Kind = "section"
	KindTaxonomy Kind = "taxonomy" // the list of terms (/tags/, /stages/)
	KindTerm     Kind = "term"     // the pages of one term (/tags/ltv/)
)

// ContentKinds are the values allowed in a page's `type` field.
var ContentKinds = []string{"guide", "faq", "answer", "workflow", "vertical", "calculator"}

// Page is one page of the site: a content file or a list the model made.
type Page struct {
	Kind Kind
	File string // site-relative source file; "" for generated lists

	Title       string
	Description string // from front matter, else the best answer, else ""
	Summary     string
	Slug        string
	Author      string // the author's name
	// AuthorSlug is the key of the author in site.yaml `authors:` when
	// front matter `author:` names one; "" otherwise.
	AuthorSlug string
	Stage      string
	Date       time.Time
	Updated    time.Time
	// ReviewBy is when the page is due for review: front matter
	// `review_by`, else (set by the build) its last change plus the
	// site's review_every for its kind; zero when neither applies.
	ReviewBy time.Time
	Draft    bool
	// NoRender and NoList are Hugo's build options (headless: true,
	// build: {render: never, list: never}): a page not rendered has no
	// output; a page not listed is left out of lists and navigation.
	NoRender, NoList bool
	Weight           int
	Tags             []string
	Aliases          []string
	Keywords         []string
	Params           map[string]any // every front matter field, for templates
	// Sources are the works the page cites: front matter `sources:`, then
	// footnotes whose text holds a link.
	Sources []Source
	// Evidence are what the evidence checks found in the body (also
	// reported as warnings), for the answer-readiness report.
	Evidence []evidence.Finding

	// URL is the page's path from the site root, "/guides/ltv/"; Permalink
	// the absolute URL.
	URL       string
	Permalink string
	// SlugLine is the line of the slug: field that chose URL, 0 when the
	// file name did: a duplicate URL is reported there.
	SlugLine int

	Source *load.Source
	Doc    *markdown.Doc // nil for generated lists
	Bundle bool          // a folder with index.md (Hugo's leaf bundle)

	Section    *Section
	Prev, Next *Page
	// Trail is the breadcrumbs above the page, from Home: one slice
	// shared by the pages of a section (see Breadcrumbs); nil for the
	// home page.
	Trail []Crumb
	// Pages are the pages a list page lists (sections, terms, taxonomies).
	Pages []*Page
	// Term is the taxonomy term of a term page (its display name).
	Term *Term

	Workflow   *Workflow
	Vertical   *Vertical
	Calculator *Calculator
	Questions  []HomeQuestion // home page "start from your question" cards

	// Verticals are the vertical pages naming this workflow page.
	Verticals []*Page
}

// Crumb is one step of a breadcrumb trail.
type Crumb struct {
	Name, URL string
	// File is the source of the page the crumb names ("" for a list the
	// model made up), where a problem with the crumb is reported.
	File string
	// Current marks the last crumb, the page itself.
	Current bool
}

// Breadcrumbs is the page's trail of links from Home, ending with the
// page itself; nil for the home page. It is made on each call, not kept:
// a big site's pages would each hold a copy of their section's trail.
func (p *Page) Breadcrumbs() []Crumb {
	if p.Trail == nil {
		return nil
	}
	return append(slices.Clip(p.Trail), Crumb{Name: p.Title, URL: p.URL, File: p.File, Current: true})
}

// Lastmod is when the page last changed: updated, else date.
func (p *Page) Lastmod() time.Time {
	if !p.Updated.IsZero() {
		return p.Updated
	}
	return p.Date
}

// IsList reports whether the page lists other pages.
func (p *Page) IsList() bool {
	switch p.Kind {
	case KindHome, KindSection, KindTaxonomy, KindTerm:
		return true
	}
	return false
}

// TwinURL is the page's Markdown twin, the URL with index.html.md appended
// (llmstxt.org's rule for directory URLs).
func (p *Page) TwinURL() string { return p.URL + "index.html.md" }

// ProblemFile is the file a problem about the page names: its source, or,
// for a list page the model made up, the layouts that render it.
func (p *Page) ProblemFile() string {
	if p.File != "" {
		return p.File
	}
	if p.Kind == KindSection && p.Section != nil {
		return "content/" + p.Section.Dir + "/_index.md" // the file to create
	}
	return "layouts (page " + p.URL + ")"
}

// Line returns the line of the file where the page's body starts, for
// problems about the page as a whole.
func (p *Page) Line() int {
	if p.Source == nil {
		return 0
	}
	return 1
}

// Section is a folder of content/ with its list page.
type Section struct {
	Dir    string // "guides", "guides/advanced", "" for the root
	Page   *Page  // the list page (from _index.md or made up)
	Parent *Section
	Pages  []*Page // regular pages directly in the folder, ordered
	// Unlisted are the folder's pages published but not listed (Hugo's
	// build: {list: never}).
	Unlisted []*Page
	Subs     []*Section
}

// HomeQuestion is a "start from your question" card of the home page.
type HomeQuestion struct {
	Question, Answer, URL string
}
