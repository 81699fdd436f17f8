package schema

// The scenarios below are the graphs of one page of each kind, as the model
// is expected to build them; golden, validation and benchmark tests share them.

const base = "https://example.com/"

// scenarios maps a golden file name to the graph it holds.
var scenarios = map[string]func() *Graph{
	"faq":        faqGraph,
	"howto":      howtoGraph,
	"answer":     answerGraph,
	"calculator": calculatorGraph,
	"workflow":   workflowGraph,
	"article":    articleGraph,
}

// sitePage starts a graph with the nodes every page carries: WebSite,
// Organization, the page's WebPage and its BreadcrumbList.
func sitePage(file, pageURL, title string, trail ...ListItem) (*Graph, *WebPage) {
	org := &Organization{
		ID: ID(base, "org"), Name: "Northwind Growth", URL: base,
		Logo:   &ImageObject{URL: base + "images/logo.png", Width: 512, Height: 512},
		Origin: Origin{File: "site.yaml", Line: 4},
	}
	site := &WebSite{
		ID: ID(base, "website"), URL: base, Name: "Northwind Growth Playbook",
		Description: "Best answers for growing customer lifetime value.", InLanguage: "en-US",
		Publisher: RefTo(org), Origin: Origin{File: "site.yaml", Line: 1},
	}
	crumbs := &BreadcrumbList{ID: ID(pageURL, "breadcrumb"), ItemListElement: trail, Origin: Origin{File: file, Line: 1}}
	page := &WebPage{
		ID: ID(pageURL, "webpage"), URL: pageURL, Name: title, InLanguage: "en-US",
		IsPartOf: RefTo(site), Breadcrumb: RefTo(crumbs), Origin: Origin{File: file, Line: 1},
	}
	g := &Graph{}
	g.Add(site, org, page, crumbs)
	return g, page
}

// trail returns the crumbs Home > section > page, the page without item.
func trail(section, sectionURL, title string) []ListItem {
	return []ListItem{
		{Position: 1, Name: "Home", Item: base},
		{Position: 2, Name: section, Item: sectionURL},
		{Position: 3, Name: title},
	}
}

func faqGraph() *Graph {
	const file, u = "content/faq/ltv.md", base + "faq/ltv/"
	g, page := sitePage(file, u, "LTV questions", trail("FAQ", base+"faq/", "LTV questions")...)
	faq := &FAQPage{
		ID: ID(u, "faq"), URL: u, Name: "LTV questions", InLanguage: "en-US", IsPartOf: RefTo(page),
		Origin: Origin{File: file, Line: 1},
		MainEntity: []Question{
			{Name: "What is customer lifetime value?", Origin: Origin{File: file, Line: 8},
				AcceptedAnswer: &Answer{Text: "<p>Customer lifetime value is the revenue a customer brings over the whole relationship: <strong>average order value × purchases per year × years retained</strong>.</p>"}},
			{Name: "How do I raise LTV?", Origin: Origin{File: file, Line: 14},
				AcceptedAnswer: &Answer{Text: "<ol><li>Shorten time to first value.</li><li>Add a second use case.</li></ol><p>See <a href=\"/guides/ltv-journey/\">the LTV journey</a>.</p>"}},
			{Name: "Is profit LTV different?", Origin: Origin{File: file, Line: 20},
				AcceptedAnswer: &Answer{Text: "<p>Yes: multiply revenue LTV by gross margin &amp; compare it with CAC.</p>"}},
		},
	}
	page.MainEntity = RefTo(faq)
	g.Add(faq)
	return g
}

func howtoGraph() *Graph {
	const file, u = "content/guides/seven-day-activation.md", base + "guides/seven-day-activation/"
	g, page := sitePage(file, u, "Seven-day activation plan", trail("Guides", base+"guides/", "Seven-day activation plan")...)
	page.Description = "A one-week plan that moves new accounts to first value."
	page.DatePublished, page.DateModified = "2024-03-04", "2024-05-01"
	g.Add(&HowTo{
		ID: ID(u, "howto"), Name: "Seven-day activation plan", URL: u, InLanguage: "en-US",
		Description: "Move a new account to its first value in one week.", IsPartOf: RefTo(page),
		Origin: Origin{File: file, Line: 12},
		Step: []HowToStep{
			{Position: 1, Name: "Map the first-value moment", Text: "Write down the one outcome that makes a new account stay.", URL: u + "#map-the-first-value-moment", Origin: Origin{File: file, Line: 13}},
			{Position: 2, Name: "Remove one setup step", Text: "Cut or defer the setup step most accounts abandon.", URL: u + "#remove-one-setup-step", Origin: Origin{File: file, Line: 17}},
			{Position: 3, Name: "Send the day-three nudge", Text: "Email accounts that have not reached first value by day three.", URL: u + "#send-the-day-three-nudge", Origin: Origin{File: file, Line: 21}},
		},
	})
	return g
}

func answerGraph() *Graph {
	const file, u = "content/answers/what-is-ltv.md", base + "answers/what-is-ltv/"
	g, page := sitePage(file, u, "What is LTV?", trail("Answers", base+"answers/", "What is LTV?")...)
	set := &DefinedTermSet{ID: ID(base+"answers/", "terms"), Name: "Answers", URL: base + "answers/", Origin: Origin{File: "content/answers/_index.md", Line: 1}}
	term := &DefinedTerm{
		ID: ID(u, "term"), Name: "What is LTV?", URL: u, TermCode: "what-is-ltv",
		Description:      "LTV is the total revenue or profit one customer brings over the relationship.",
		InDefinedTermSet: RefTo(set), Origin: Origin{File: file, Line: 6},
	}
	set.HasDefinedTerm = []Ref{{ID: term.ID}}
	page.About = []Ref{{ID: term.ID}}
	page.MainEntity = RefTo(term)
	g.Add(term, set)
	return g
}

func calculatorGraph() *Graph {
	const file, u = "content/calculator/ltv.md", base + "calculator/ltv/"
	g, page := sitePage(file, u, "LTV calculator", trail("Calculator", base+"calculator/", "LTV calculator")...)
	app := &WebApplication{
		ID: ID(u, "app"), Name: "LTV calculator", URL: u,
		Description:         "Work out revenue, profit and discounted lifetime value, LTV:CAC and payback.",
		ApplicationCategory: "BusinessApplication", OperatingSystem: "Any",
		BrowserRequirements: "Requires JavaScript for live results; shows the default result without it.",
		IsAccessibleForFree: true, InLanguage: "en-US", IsPartOf: RefTo(page),
		Offers: &Offer{Price: 0, PriceCurrency: "USD"}, Origin: Origin{File: file, Line: 9},
	}
	page.MainEntity = RefTo(app)
	g.Add(app)
	return g
}

func workflowGraph() *Graph {
	const file, u = "content/workflows/win-back-offer.md", base + "workflows/win-back-offer/"
	g, page := sitePage(file, u, "Win-back offer workflow", trail("Workflows", base+"workflows/", "Win-back offer workflow")...)
	card := &CreativeWork{
		ID: ID(u, "workflow"), Name: "Win-back offer workflow", URL: u, InLanguage: "en-US",
		Description: "Draft a win-back offer for lapsed customers that protects margin.",
		Text:        "You are a retention marketer. Our average order value is [AOV] and [CURRENT %] of customers lapse after [NUMBER] days. Draft three win-back offers.",
		Keywords:    []string{"retention", "ecommerce", "win-back"},
		IsPartOf:    RefTo(page), Origin: Origin{File: file, Line: 20},
	}
	page.MainEntity = RefTo(card)
	g.Add(card)
	return g
}

func articleGraph() *Graph {
	const file, u = "content/guides/ltv-journey.md", base + "guides/ltv-journey/"
	g, page := sitePage(file, u, "The LTV journey", trail("Guides", base+"guides/", "The LTV journey")...)
	author := &Person{ID: ID(base, "person/ana-ruiz"), Name: "Ana Ruiz", URL: base + "authors/ana-ruiz/", Origin: Origin{File: file, Line: 5}}
	article := &WebPage{
		Type: TypeArticle, ID: ID(u, "article"), URL: u, Headline: "The LTV journey: five moments that decide lifetime value",
		Description: "How activation, adoption, expansion, advocacy and renewal each move LTV.",
		Image:       base + "guides/ltv-journey/cover.png", DatePublished: "2024-02-10T09:00:00Z", DateModified: "2024-06-01",
		Author: []Ref{{ID: author.ID}}, Publisher: &Ref{ID: ID(base, "org")}, InLanguage: "en-US",
		Keywords: []string{"ltv", "customer journey"}, IsPartOf: RefTo(page), MainEntityOfPage: RefTo(page),
		Origin: Origin{File: file, Line: 1},
	}
	g.Add(author, article)
	return g
}
