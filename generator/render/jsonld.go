package render

import (
	"html/template"
	"strings"
	"time"

	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/schema"
)

// jsonLD builds, validates and encodes the page's schema.org graph as the
// complete script element. A violation of the rich-result rules is a
// content problem: it is recorded with the line it came from and the page
// is still written, so the run can report every problem at once (the build
// then fails and nothing is swapped in).
func (r *Renderer) jsonLD(p *model.Page, pr *Prepared, out string) (template.HTML, error) {
	g := r.graph(p, pr)
	violations := schema.Validate(g)
	for _, v := range violations {
		r.problems.add(violationProblem(p, v))
	}
	buf := getScratch()
	defer putScratch(buf)
	const open, end = `<script type="application/ld+json">`, `</script>`
	b, err := g.AppendJSON(append(buf.AvailableBuffer(), open...))
	if err != nil {
		return "", err
	}
	if r.opts.ExpectJSONLD != nil && len(violations) == 0 {
		r.opts.ExpectJSONLD(out, b[len(open):])
	}
	return template.HTML(string(append(b, end...))), nil
}

func violationProblem(p *model.Page, v schema.Violation) diag.Problem {
	file, line := v.Origin.File, v.Origin.Line
	if file == "" {
		file = p.ProblemFile()
	}
	return diag.Errorf(file, line, 0, v.Fix, "invalid structured data at %s: %s", v.Path, v.Msg)
}

// graph assembles the nodes of one page; ids are stable so nodes refer to
// each other instead of repeating.
func (r *Renderer) graph(p *model.Page, pr *Prepared) *schema.Graph {
	cfg := r.site.Config
	base := cfg.BaseURL
	g := &schema.Graph{}
	website, org := schema.ID(base, "website"), schema.ID(base, "org")
	g.Add(schema.WebSite{ID: website, URL: base, Name: cfg.Title, Description: cfg.Description, InLanguage: cfg.Language, Publisher: &schema.Ref{ID: org}})
	g.Add(r.organization(org))
	page := r.webPage(p, g)
	if p.Trail != nil {
		g.Add(r.breadcrumbs(p))
		page.Breadcrumb = &schema.Ref{ID: schema.ID(p.Permalink, "breadcrumb")}
	}
	r.addKindNodes(p, pr, g, &page)
	g.Nodes = append([]schema.Node{g.Nodes[0], g.Nodes[1], page}, g.Nodes[2:]...)
	return g
}

func (r *Renderer) organization(id string) schema.Organization {
	o := r.site.Config.Organization
	org := schema.Organization{ID: id, Name: o.Name, URL: o.URL}
	if o.Logo != "" {
		org.Logo = &schema.ImageObject{URL: o.Logo}
	}
	return org
}

// webPage is the node of the page itself. Dated content pages also get an
// Article (added to g) that is the page's main entity, as schema.org puts
// breadcrumb on WebPage and headline, author and publisher on Article.
func (r *Renderer) webPage(p *model.Page, g *schema.Graph) schema.WebPage {
	cfg := r.site.Config
	w := schema.WebPage{Type: "WebPage", ID: schema.ID(p.Permalink, "webpage"), URL: p.Permalink, Name: p.Title,
		Description: p.Description, InLanguage: cfg.Language, IsPartOf: &schema.Ref{ID: schema.ID(cfg.BaseURL, "website")},
		Origin: schema.Origin{File: p.File, Line: 1}}
	if image, _ := SocialImage(cfg, p); image != cfg.Organization.Logo {
		w.Image = image
	}
	if p.IsList() || p.Date.IsZero() {
		w.Citation = citations(p.Sources)
		if p.IsList() && p.AuthorSlug != "" { // an author's page is about them
			person := r.person(p.Title, p.AuthorSlug)
			g.Add(person)
			w.MainEntity = &schema.Ref{ID: person.ID}
		}
		return w
	}
	w.DatePublished, w.DateModified = isoDate(p.Date), isoDate(p.Lastmod())
	a := schema.WebPage{Type: "Article", ID: schema.ID(p.Permalink, "article"), URL: p.Permalink, Headline: truncate(maxHeadline, p.Title),
		Description: p.Description, InLanguage: cfg.Language, DatePublished: w.DatePublished, DateModified: w.DateModified,
		Publisher: &schema.Ref{ID: schema.ID(cfg.BaseURL, "org")}, IsPartOf: &schema.Ref{ID: w.ID},
		MainEntityOfPage: &schema.Ref{ID: w.ID}, Image: w.Image, Keywords: append(append([]string(nil), p.Tags...), p.Keywords...),
		Citation: citations(p.Sources), Origin: w.Origin}
	if p.Author != "" {
		person := r.person(p.Author, p.AuthorSlug)
		g.Add(person)
		a.Author = []schema.Ref{{ID: person.ID}}
	}
	g.Add(a)
	return w
}

// maxHeadline is the longest Article headline search engines show whole.
const maxHeadline = 110

func isoDate(t time.Time) string { return t.Format(time.RFC3339) }

// person is the author a page names: one of site.yaml's authors (by slug,
// with job title, profiles and, without a url of their own, their author
// page), else a name.
func (r *Renderer) person(name, slug string) schema.Person {
	cfg := r.site.Config
	per := schema.Person{ID: schema.ID(cfg.BaseURL, "author-"+model.Urlize(name)), Name: name}
	if name == cfg.Author.Name {
		per.URL = cfg.Author.URL
	}
	if a, ok := cfg.Evidence.Authors[slug]; ok {
		per.ID = schema.ID(cfg.BaseURL, "author-"+model.Urlize(slug))
		per.URL, per.JobTitle, per.SameAs = a.URL, a.JobTitle, a.SameAs
		if per.URL == "" {
			per.URL = r.abs("/authors/" + model.Urlize(slug) + "/")
		}
	}
	return per
}

func (r *Renderer) breadcrumbs(p *model.Page) schema.BreadcrumbList {
	b := schema.BreadcrumbList{ID: schema.ID(p.Permalink, "breadcrumb"), Origin: schema.Origin{File: p.File, Line: 1}}
	for i, c := range p.Breadcrumbs() {
		item := schema.ListItem{Position: i + 1, Name: c.Name, Item: r.abs(c.URL)}
		if c.File != "" {
			item.Origin = schema.Origin{File: c.File, Line: 1}
		}
		b.ItemListElement = append(b.ItemListElement, item)
	}
	return b
}

func (r *Renderer) abs(url string) string {
	return r.site.Config.BaseURL + strings.TrimPrefix(url, "/")
}

// addKindNodes adds what the page holds: FAQs, steps, a defined term, a
// calculator, a workflow card.
func (r *Renderer) addKindNodes(p *model.Page, pr *Prepared, g *schema.Graph, page *schema.WebPage) {
	if pr != nil {
		if faq, ok := r.faqPage(p, pr); ok {
			g.Add(faq)
		}
		if howto, ok := r.howTo(p, pr); ok {
			g.Add(howto)
		}
	}
	switch {
	case p.Kind == model.KindAnswer:
		r.addDefinedTerm(p, g, page)
	case p.Kind == model.KindWorkflow:
		g.Add(r.creativeWork(p))
	}
	if p.Kind == model.KindCalculator || (p.Doc != nil && len(p.Doc.Outline.Calculators) > 0) {
		g.Add(r.webApplication(p))
	}
}

func (r *Renderer) faqPage(p *model.Page, pr *Prepared) (schema.FAQPage, bool) {
	qs := p.Doc.Outline.FAQs
	if len(qs) == 0 {
		return schema.FAQPage{}, false
	}
	f := schema.FAQPage{ID: schema.ID(p.Permalink, "faq"), URL: p.Permalink, Name: p.Title, InLanguage: r.site.Config.Language,
		IsPartOf: &schema.Ref{ID: schema.ID(p.Permalink, "webpage")}, Origin: schema.Origin{File: p.File, Line: p.Source.BodyLine + qs[0].Line}}
	for i, qa := range qs {
		// A question without an answer was reported by the parser; leaving
		// it out here keeps one problem per mistake.
		text := pr.FAQAnswers[i]
		if text == "" {
			continue
		}
		f.MainEntity = append(f.MainEntity, schema.Question{Name: qa.Question, AcceptedAnswer: &schema.Answer{Text: text},
			Origin: schema.Origin{File: p.File, Line: p.Source.BodyLine + qa.Line}})
	}
	return f, len(f.MainEntity) > 0
}

func (r *Renderer) howTo(p *model.Page, pr *Prepared) (schema.HowTo, bool) {
	steps := p.Doc.Outline.Steps
	if len(steps) == 0 {
		return schema.HowTo{}, false
	}
	h := schema.HowTo{ID: schema.ID(p.Permalink, "howto"), Name: p.Title, Description: p.Description, URL: p.Permalink,
		InLanguage: r.site.Config.Language, IsPartOf: &schema.Ref{ID: schema.ID(p.Permalink, "webpage")},
		Origin: schema.Origin{File: p.File, Line: p.Source.BodyLine + steps[0].Line}}
	for i, s := range steps {
		step := schema.HowToStep{Position: i + 1, Name: s.Name, Text: pr.StepTexts[i],
			Origin: schema.Origin{File: p.File, Line: p.Source.BodyLine + s.Line}}
		if s.ID != "" {
			step.URL = p.Permalink + "#" + s.ID
		}
		h.Step = append(h.Step, step)
	}
	return h, true
}

func (r *Renderer) addDefinedTerm(p *model.Page, g *schema.Graph, page *schema.WebPage) {
	sec := p.Section.Page
	setID := schema.ID(sec.Permalink, "terms")
	term := schema.DefinedTerm{ID: schema.ID(p.Permalink, "term"), Name: p.Title, Description: r.site.BestAnswer(p), URL: p.Permalink,
		TermCode: strings.TrimSuffix(strings.TrimPrefix(p.URL, sec.URL), "/"), InDefinedTermSet: &schema.Ref{ID: setID},
		Origin: schema.Origin{File: p.File, Line: 1}}
	if term.Description == "" {
		term.Description = p.Description
	}
	g.Add(term, schema.DefinedTermSet{ID: setID, Name: sec.Title, URL: sec.Permalink, HasDefinedTerm: []schema.Ref{{ID: term.ID}}})
	page.MainEntity = &schema.Ref{ID: term.ID}
}

func (r *Renderer) creativeWork(p *model.Page) schema.CreativeWork {
	w := p.Workflow
	return schema.CreativeWork{ID: schema.ID(p.Permalink, "workflow"), Name: p.Title, Description: firstNonEmpty(w.Summary, p.Description),
		Text: w.Prompt, URL: p.Permalink, InLanguage: r.site.Config.Language, Keywords: p.Tags,
		IsPartOf: &schema.Ref{ID: schema.ID(p.Permalink, "webpage")}, Origin: schema.Origin{File: p.File, Line: w.PromptLine}}
}

func (r *Renderer) webApplication(p *model.Page) schema.WebApplication {
	return schema.WebApplication{ID: schema.ID(p.Permalink, "calculator"), Name: "LTV calculator", URL: p.Permalink,
		Description:         "Works out customer lifetime value (revenue, profit, discounted), LTV:CAC, CAC payback and an expansion scenario in the browser.",
		ApplicationCategory: "BusinessApplication", OperatingSystem: "Any", BrowserRequirements: "Requires JavaScript for live results",
		IsAccessibleForFree: true, InLanguage: r.site.Config.Language, IsPartOf: &schema.Ref{ID: schema.ID(p.Permalink, "webpage")},
		Offers: &schema.Offer{Price: 0, PriceCurrency: currencyCode(r.site.Config.Currency)}, Origin: schema.Origin{File: p.File, Line: 1}}
}

// currencyCode maps the site's currency sign to an ISO 4217 code.
func currencyCode(sign string) string {
	switch sign {
	case "€", "EUR":
		return "EUR"
	case "£", "GBP":
		return "GBP"
	case "¥", "JPY":
		return "JPY"
	}
	if len(sign) == 3 && strings.ToUpper(sign) == sign {
		return sign
	}
	return "USD"
}
