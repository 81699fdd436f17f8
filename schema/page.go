package schema

import (
	"fmt"
	"slices"
	"unicode/utf8"
)

// Page types WebPage.Type may take; the empty string means TypeWebPage.
const (
	TypeWebPage        = "WebPage"
	TypeCollectionPage = "CollectionPage" // section, tag and stage list pages
	TypeArticle        = "Article"
)

// pageTypes are the WebPage subtypes; articleTypes the Article ones.
var (
	pageTypes    = []string{TypeWebPage, TypeCollectionPage, "AboutPage", "ItemPage", "ContactPage", "SearchResultsPage"}
	articleTypes = []string{TypeArticle, "BlogPosting", "NewsArticle", "TechArticle"}
)

// maxHeadline is the longest Article headline search engines display whole.
const maxHeadline = 110

// WebPage is the page itself: a WebPage (@id ID(url, "webpage")) or, with
// Type "Article", an Article (@id ID(url, "article")).
//
// breadcrumb is a WebPage property, not an Article one: an article page emits
// a WebPage for its URL carrying Breadcrumb, and an Article whose
// MainEntityOfPage and IsPartOf point at that WebPage. Validate reports an
// Article with a Breadcrumb.
type WebPage struct {
	Type             string
	ID               string
	URL              string
	Name             string
	Headline         string
	Description      string
	Image            string
	DatePublished    string
	DateModified     string
	Author           []Ref
	Publisher        *Ref
	InLanguage       string
	Keywords         []string
	IsPartOf         *Ref
	Breadcrumb       *Ref
	MainEntityOfPage *Ref
	About            []Ref
	MainEntity       *Ref
	Citation         []Citation // the page's sources
	Origin           Origin
}

// NodeID implements Node.
func (n WebPage) NodeID() string { return n.ID }

// NodeType implements Node: Type, or TypeWebPage when Type is empty.
func (n WebPage) NodeType() string {
	if n.Type == "" {
		return TypeWebPage
	}
	return n.Type
}

// MarshalJSON implements json.Marshaler.
func (n WebPage) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n WebPage) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("url", n.URL)
	w.str("name", n.Name)
	w.str("headline", n.Headline)
	w.str("description", n.Description)
	w.str("image", n.Image)
	w.str("datePublished", n.DatePublished)
	w.str("dateModified", n.DateModified)
	w.refs("author", n.Author)
	w.ref("publisher", n.Publisher)
	w.str("inLanguage", n.InLanguage)
	w.strs("keywords", n.Keywords)
	w.ref("isPartOf", n.IsPartOf)
	w.ref("breadcrumb", n.Breadcrumb)
	w.ref("mainEntityOfPage", n.MainEntityOfPage)
	w.refs("about", n.About)
	w.ref("mainEntity", n.MainEntity)
	list(w, "citation", n.Citation, false)
	w.close()
}

func (n WebPage) origin() Origin { return n.Origin }

func (n WebPage) check(c *checker) {
	article := slices.Contains(articleTypes, c.typ)
	if !article && !slices.Contains(pageTypes, c.typ) {
		c.report("@type", fixGenerator, fmt.Sprintf("%q is not a WebPage or Article type", c.typ))
	}
	if n.Name == "" && n.Headline == "" {
		c.report("name", fixTitle, fmt.Sprintf("%s has neither name nor headline", c.typ))
	}
	c.url("url", n.URL, true, fixBaseURL)
	c.url("image", n.Image, false, "write the page image as an absolute URL or a path under static/")
	n.checkDates(c, article)
	if article {
		n.checkArticle(c)
	}
	n.checkRefs(c)
	c.checkCitations(n.Citation)
}

// checkDates applies the ISO 8601 rule and the order of the two dates.
func (n WebPage) checkDates(c *checker, article bool) {
	pub, okPub := c.date("datePublished", n.DatePublished)
	mod, okMod := c.date("dateModified", n.DateModified)
	if article && n.DatePublished == "" {
		c.report("datePublished", "set date in the page's front matter", "Article has no datePublished")
	}
	if okPub && okMod && mod.before(pub) {
		c.report("dateModified", "set updated on or after date in the page's front matter",
			fmt.Sprintf("dateModified %s is before datePublished %s", n.DateModified, n.DatePublished))
	}
}

// checkArticle applies the Article rich-result rules.
func (n WebPage) checkArticle(c *checker) {
	if n.Headline == "" {
		c.report("headline", fixTitle, fmt.Sprintf("%s has no headline", c.typ))
	}
	if l := utf8.RuneCountInString(n.Headline); l > maxHeadline {
		c.report("headline", "shorten the page title to 110 characters or fewer",
			fmt.Sprintf("headline is %d characters long; search engines allow %d", l, maxHeadline))
	}
	if n.Breadcrumb != nil {
		c.report("breadcrumb", fixGenerator,
			"breadcrumb is a WebPage property, not an Article one; put it on the page's WebPage node")
	}
}

func (n WebPage) checkRefs(c *checker) {
	c.refs("author", n.Author, "Person", "Organization")
	c.ref("publisher", n.Publisher, "Organization", "Person")
	c.ref("isPartOf", n.IsPartOf)
	c.ref("breadcrumb", n.Breadcrumb, "BreadcrumbList")
	c.ref("mainEntityOfPage", n.MainEntityOfPage)
	c.refs("about", n.About)
	c.ref("mainEntity", n.MainEntity)
}

// date reports a date property that is present but not ISO 8601.
func (c *checker) date(path, val string) (date, bool) {
	if val == "" {
		return date{}, false
	}
	d, ok := parseDate(val)
	if !ok {
		c.report(path, fixDate, fmt.Sprintf("%s %q is not an ISO 8601 date (YYYY-MM-DD or RFC 3339)", path, val))
	}
	return d, ok
}
