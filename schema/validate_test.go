package schema

import (
	"reflect"
	"strings"
	"testing"
)

// first returns the first node of type T in g.
func first[T Node](t testing.TB, g *Graph) T {
	t.Helper()
	for _, n := range g.Nodes {
		if v, ok := n.(T); ok {
			return v
		}
	}
	var zero T
	t.Fatalf("no %T in graph", zero)
	return zero
}

// article returns the Article node of an article graph (the second WebPage).
func article(t *testing.T, g *Graph) *WebPage {
	t.Helper()
	for _, n := range g.Nodes {
		if p, ok := n.(*WebPage); ok && p.Type == TypeArticle {
			return p
		}
	}
	t.Fatal("no Article in graph")
	return nil
}

func at(file string, line int, node, path, msg, fix string) Violation {
	return Violation{Origin: Origin{File: file, Line: line}, NodeID: node, Path: path, Msg: msg, Fix: fix}
}

const (
	faqFile     = "content/faq/ltv.md"
	faqURL      = base + "faq/ltv/"
	howtoFile   = "content/guides/seven-day-activation.md"
	howtoURL    = base + "guides/seven-day-activation/"
	articleFile = "content/guides/ltv-journey.md"
	articleURL  = base + "guides/ltv-journey/"
	answerFile  = "content/answers/what-is-ltv.md"
	answerURL   = base + "answers/what-is-ltv/"
	calcFile    = "content/calculator/ltv.md"
	calcURL     = base + "calculator/ltv/"
)

// validateCases breaks one rule each in an otherwise valid scenario.
var validateCases = []struct {
	name   string
	build  func() *Graph
	mutate func(t *testing.T, g *Graph)
	want   []Violation
}{
	{"empty graph", func() *Graph { return &Graph{} }, func(*testing.T, *Graph) {},
		[]Violation{{Path: "@graph", Msg: "the JSON-LD graph has no nodes", Fix: fixGenerator}}},
	{"nil node", faqGraph, func(t *testing.T, g *Graph) { g.Add((*FAQPage)(nil)) },
		[]Violation{{Path: "@graph[5]", Msg: "the graph holds a nil node", Fix: fixGenerator}}},
	{"node without @id", calculatorGraph, func(t *testing.T, g *Graph) {
		first[*WebApplication](t, g).ID = ""
		first[*WebPage](t, g).MainEntity = nil
	}, []Violation{at(calcFile, 9, "", "@id", "WebApplication has no @id", fixBaseURL)}},
	{"relative @id", howtoGraph, func(t *testing.T, g *Graph) { first[*HowTo](t, g).ID = "/guides/x/#howto" },
		[]Violation{at(howtoFile, 12, "/guides/x/#howto", "@id", `HowTo @id "/guides/x/#howto" is not an absolute http(s) URL`, fixBaseURL)}},
	{"duplicate @id", calculatorGraph, func(t *testing.T, g *Graph) {
		first[*WebApplication](t, g).ID = calcURL + "#webpage"
		first[*WebPage](t, g).MainEntity = nil
	}, []Violation{at(calcFile, 9, calcURL+"#webpage", "@id", `@id "https://example.com/calculator/ltv/#webpage" is used by more than one node`, fixDuplicate)}},
	{"dangling reference", faqGraph, func(t *testing.T, g *Graph) { first[*FAQPage](t, g).IsPartOf = &Ref{ID: base + "faq/other/#webpage"} },
		[]Violation{at(faqFile, 1, faqURL+"#faq", "isPartOf", `isPartOf points at "https://example.com/faq/other/#webpage", which is not in the graph`, fixRef)}},
	{"reference to wrong type", answerGraph, func(t *testing.T, g *Graph) {
		first[*DefinedTerm](t, g).InDefinedTermSet = &Ref{ID: answerURL + "#webpage"}
	},
		[]Violation{at(answerFile, 6, answerURL+"#term", "inDefinedTermSet", "inDefinedTermSet points at a WebPage, want DefinedTermSet", fixRef)}},
	{"website without name", faqGraph, func(t *testing.T, g *Graph) { first[*WebSite](t, g).Name = "" },
		[]Violation{at("site.yaml", 1, base+"#website", "name", "WebSite has no name", fixSiteTitle)}},
	{"organization with relative logo", faqGraph, func(t *testing.T, g *Graph) { first[*Organization](t, g).Logo.URL = "/images/logo.png" },
		[]Violation{at("site.yaml", 4, base+"#org", "logo.url", `Organization logo.url "/images/logo.png" is not an absolute http(s) URL`, fixOrgLogo)}},
	{"page without name or headline", faqGraph, func(t *testing.T, g *Graph) { first[*WebPage](t, g).Name = "" },
		[]Violation{at(faqFile, 1, faqURL+"#webpage", "name", "WebPage has neither name nor headline", fixTitle)}},
	{"page with relative url", faqGraph, func(t *testing.T, g *Graph) { first[*WebPage](t, g).URL = "/faq/ltv/" },
		[]Violation{at(faqFile, 1, faqURL+"#webpage", "url", `WebPage url "/faq/ltv/" is not an absolute http(s) URL`, fixBaseURL)}},
	{"unknown page type", faqGraph, func(t *testing.T, g *Graph) { first[*WebPage](t, g).Type = "Recipe" },
		[]Violation{at(faqFile, 1, faqURL+"#webpage", "@type", `"Recipe" is not a WebPage or Article type`, fixGenerator)}},
	{"headline too long", articleGraph, func(t *testing.T, g *Graph) { article(t, g).Headline = strings.Repeat("é", 111) },
		[]Violation{at(articleFile, 1, articleURL+"#article", "headline", "headline is 111 characters long; search engines allow 110", "shorten the page title to 110 characters or fewer")}},
	{"article without datePublished", articleGraph, func(t *testing.T, g *Graph) { article(t, g).DatePublished = "" },
		[]Violation{at(articleFile, 1, articleURL+"#article", "datePublished", "Article has no datePublished", "set date in the page's front matter")}},
	{"date not ISO 8601", articleGraph, func(t *testing.T, g *Graph) { article(t, g).DateModified = "01/06/2024" },
		[]Violation{at(articleFile, 1, articleURL+"#article", "dateModified", `dateModified "01/06/2024" is not an ISO 8601 date (YYYY-MM-DD or RFC 3339)`, fixDate)}},
	{"modified before published", articleGraph, func(t *testing.T, g *Graph) { article(t, g).DateModified = "2024-02-09" },
		[]Violation{at(articleFile, 1, articleURL+"#article", "dateModified", "dateModified 2024-02-09 is before datePublished 2024-02-10T09:00:00Z", "set updated on or after date in the page's front matter")}},
	{"citation without name or absolute url", articleGraph, func(t *testing.T, g *Graph) {
		article(t, g).Citation = []Citation{{Name: "GEO", URL: "https://arxiv.org/abs/2311.09735", DatePublished: "2024-08-25"}, {URL: "/relative/", DatePublished: "soon"}}
	}, []Violation{
		at(articleFile, 1, articleURL+"#article", "citation[1].name", "citation[1] has no name", fixCitation),
		at(articleFile, 1, articleURL+"#article", "citation[1].url", `citation[1] url "/relative/" is not an absolute http(s) URL`, fixCitation),
		at(articleFile, 1, articleURL+"#article", "citation[1].datePublished", `citation[1].datePublished "soon" is not an ISO 8601 date (YYYY-MM-DD or RFC 3339)`, fixDate),
	}},
	{"article with breadcrumb", articleGraph, func(t *testing.T, g *Graph) { article(t, g).Breadcrumb = &Ref{ID: articleURL + "#breadcrumb"} },
		[]Violation{at(articleFile, 1, articleURL+"#article", "breadcrumb", "breadcrumb is a WebPage property, not an Article one; put it on the page's WebPage node", fixGenerator)}},
	{"breadcrumb without items", faqGraph, func(t *testing.T, g *Graph) { first[*BreadcrumbList](t, g).ItemListElement = nil },
		[]Violation{at(faqFile, 1, faqURL+"#breadcrumb", "itemListElement", "BreadcrumbList has no items", fixGenerator)}},
	{"breadcrumb position out of order", faqGraph, func(t *testing.T, g *Graph) { first[*BreadcrumbList](t, g).ItemListElement[1].Position = 3 },
		[]Violation{at(faqFile, 1, faqURL+"#breadcrumb", "itemListElement[1].position", "breadcrumb item 2 has position 3, want 2", fixGenerator)}},
	{"breadcrumb item without URL", faqGraph, func(t *testing.T, g *Graph) { first[*BreadcrumbList](t, g).ItemListElement[1].Item = "" },
		[]Violation{at(faqFile, 1, faqURL+"#breadcrumb", "itemListElement[1].item", "breadcrumb item 2 has no item URL", fixGenerator)}},
	{"faq without questions", faqGraph, func(t *testing.T, g *Graph) { first[*FAQPage](t, g).MainEntity = nil },
		[]Violation{at(faqFile, 1, faqURL+"#faq", "mainEntity", "FAQPage has no questions", "write at least one ### question heading in the faq block")}},
	{"question without name", faqGraph, func(t *testing.T, g *Graph) { first[*FAQPage](t, g).MainEntity[1].Name = "  " },
		[]Violation{at(faqFile, 14, faqURL+"#faq", "mainEntity[1].name", "question has no text", fixQuestion)}},
	{"question without answer", faqGraph, func(t *testing.T, g *Graph) { first[*FAQPage](t, g).MainEntity[2].AcceptedAnswer = nil },
		[]Violation{at(faqFile, 20, faqURL+"#faq", "mainEntity[2].acceptedAnswer", `question "Is profit LTV different?" has no acceptedAnswer`, fixAnswer)}},
	{"answer empty after tags", faqGraph, func(t *testing.T, g *Graph) {
		first[*FAQPage](t, g).MainEntity[0].AcceptedAnswer.Text = "<p> &nbsp;</p>"
	},
		[]Violation{at(faqFile, 8, faqURL+"#faq", "mainEntity[0].acceptedAnswer.text", `answer to "What is customer lifetime value?" is empty`, fixAnswer)}},
	{"answer with disallowed tag", faqGraph, func(t *testing.T, g *Graph) {
		first[*FAQPage](t, g).MainEntity[1].AcceptedAnswer.Text = `<p>See <IMG src="x.png"> and <table></table></p>`
	}, []Violation{at(faqFile, 14, faqURL+"#faq", "mainEntity[1].acceptedAnswer.text", `answer to "How do I raise LTV?" contains <img>, which rich results do not allow in answers`, fixAnswerTag)}},
	{"answer with attribute", faqGraph, func(t *testing.T, g *Graph) {
		first[*FAQPage](t, g).MainEntity[0].AcceptedAnswer.Text = `<p onclick="x()">Hi</p>`
	},
		[]Violation{at(faqFile, 8, faqURL+"#faq", "mainEntity[0].acceptedAnswer.text", `answer to "What is customer lifetime value?" contains attribute onclick on <p>; answers keep only href on links`, fixAnswerTag)}},
	{"answer with unsafe link", faqGraph, func(t *testing.T, g *Graph) {
		first[*FAQPage](t, g).MainEntity[0].AcceptedAnswer.Text = `<a href="javascript:alert(1)">x</a>`
	}, []Violation{at(faqFile, 8, faqURL+"#faq", "mainEntity[0].acceptedAnswer.text", `answer to "What is customer lifetime value?" links to "javascript:alert(1)"; answer links must be absolute http(s) URLs or root-relative paths`, fixAnswerTag)}},
	{"howto without steps", howtoGraph, func(t *testing.T, g *Graph) { first[*HowTo](t, g).Step = nil },
		[]Violation{at(howtoFile, 12, howtoURL+"#howto", "step", "HowTo has no steps", "write at least one ### step heading in the steps block")}},
	{"step without text", howtoGraph, func(t *testing.T, g *Graph) { s := &first[*HowTo](t, g).Step[1]; s.Text, s.Name = "", "" },
		[]Violation{at(howtoFile, 17, howtoURL+"#howto", "step[1].text", "step 2 has neither text nor name", fixStep)}},
	{"step out of order", howtoGraph, func(t *testing.T, g *Graph) { first[*HowTo](t, g).Step[2].Position = 2 },
		[]Violation{at(howtoFile, 21, howtoURL+"#howto", "step[2].position", "step 3 has position 2, want 3", fixGenerator)}},
	{"step with relative url", howtoGraph, func(t *testing.T, g *Graph) { first[*HowTo](t, g).Step[0].URL = "#map" },
		[]Violation{at(howtoFile, 13, howtoURL+"#howto", "step[0].url", `step 1 url "#map" is not an absolute http(s) URL`, fixBaseURL)}},
	{"term without description", answerGraph, func(t *testing.T, g *Graph) { first[*DefinedTerm](t, g).Description = "" },
		[]Violation{at(answerFile, 6, answerURL+"#term", "description", "DefinedTerm has no description", "write the direct answer as the first paragraph of the answer block")}},
	{"web application without offers", calculatorGraph, func(t *testing.T, g *Graph) { first[*WebApplication](t, g).Offers = nil },
		[]Violation{at(calcFile, 9, calcURL+"#app", "offers", "WebApplication has no offers", fixGenerator)}},
	{"web application without category", calculatorGraph, func(t *testing.T, g *Graph) { first[*WebApplication](t, g).ApplicationCategory = "" },
		[]Violation{at(calcFile, 9, calcURL+"#app", "applicationCategory", "WebApplication has no applicationCategory", fixGenerator)}},
	{"creative work without name", workflowGraph, func(t *testing.T, g *Graph) { first[*CreativeWork](t, g).Name = "" },
		[]Violation{at("content/workflows/win-back-offer.md", 20, base+"workflows/win-back-offer/#workflow", "name", "CreativeWork has no name", fixTitle)}},
}

func TestValidate(t *testing.T) {
	for _, tc := range validateCases {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.build()
			tc.mutate(t, g)
			got := Validate(g)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Validate:\n got %#v\nwant %#v", got, tc.want)
			}
		})
	}
}

// TestValidateValues accepts graphs held by value as well as by pointer,
// and a dateModified on the same calendar day as a timed datePublished.
func TestValidateValues(t *testing.T) {
	g := articleGraph()
	a := article(t, g)
	a.DateModified = "2024-02-10"
	for i, n := range g.Nodes {
		if p, ok := n.(*WebPage); ok {
			g.Nodes[i] = *p
		}
	}
	if v := Validate(g); v != nil {
		t.Errorf("Validate: %v", v)
	}
}

func TestViolationString(t *testing.T) {
	tests := []struct {
		v    Violation
		want string
	}{
		{at(faqFile, 8, faqURL+"#faq", "mainEntity[0].name", "question has no text", "write it"),
			"content/faq/ltv.md:8: https://example.com/faq/ltv/#faq mainEntity[0].name: question has no text — write it"},
		{Violation{Path: "@graph", Msg: "the JSON-LD graph has no nodes"}, "@graph: the JSON-LD graph has no nodes"},
		{Violation{Origin: Origin{File: "site.yaml"}, Msg: "bad"}, "site.yaml: bad"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := tc.v.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestID(t *testing.T) {
	tests := []struct{ page, frag, want string }{
		{"https://x/y/", "faq", "https://x/y/#faq"},
		{"https://x/y/", "#faq", "https://x/y/#faq"},
		{"https://x/y/#old", "webpage", "https://x/y/#webpage"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			if got := ID(tc.page, tc.frag); got != tc.want {
				t.Errorf("ID(%q, %q) = %q, want %q", tc.page, tc.frag, got, tc.want)
			}
		})
	}
}
