package report

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"time"

	"playbook/generator/diag"
	"playbook/generator/evidence"
	"playbook/generator/freshness"
	"playbook/generator/model"
)

// Report is the whole report.
type Report struct {
	Site      string    `json:"site"`
	Generated string    `json:"generated"` // the day it was made, YYYY-MM-DD
	Totals    Totals    `json:"totals"`
	Pages     []Page    `json:"pages"` // the pages needing the most work first
	Charts    Charts    `json:"charts"`
	Rules     []RuleRef `json:"rules"`
}

// Totals sum the pages.
type Totals struct {
	Pages          int `json:"pages"`
	Questions      int `json:"questions"`
	Answers        int `json:"best_answers"`
	AnswersInBand  int `json:"best_answers_in_band"` // 40-60 words
	PagesSourced   int `json:"pages_with_sources"`
	Sources        int `json:"sources"`
	Evidence       int `json:"evidence_warnings"`
	OverdueReviews int `json:"overdue_reviews"`
	DueThisMonth   int `json:"reviews_due_this_month"`
}

// RuleRef names an evidence rule and how to fix what it finds.
type RuleRef struct {
	ID, Title, Fix string
}

// Page is one content page.
type Page struct {
	File      string    `json:"file"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Kind      string    `json:"kind"`
	Section   string    `json:"section"`
	Questions []string  `json:"questions"`
	Answers   []Answer  `json:"best_answers"`
	Sources   []Source  `json:"sources"`
	Evidence  []Finding `json:"evidence"`
	Warnings  []string  `json:"other_warnings"`
	Date      string    `json:"date,omitempty"`
	Updated   string    `json:"updated,omitempty"`
	AgeDays   int       `json:"age_days"` // since the last change; -1 when undated
	ReviewBy  string    `json:"review_by,omitempty"`
	Review    string    `json:"review"` // "overdue", "due", "ok" or "none"
	Issues    int       `json:"issues"` // what sorts the pages: more is worse
	lastmod   time.Time // for sorting
}

// Answer is one best answer.
type Answer struct {
	Question string `json:"question"`
	Words    int    `json:"words"`
	InBand   bool   `json:"in_band"`
	Line     int    `json:"line"`
	Included string `json:"included,omitempty"` // the answer page it includes
}

// Source is one cited work.
type Source struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Finding is one evidence warning.
type Finding struct {
	Rule    string `json:"rule"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// Build makes the report of a checked site: problems are the run's (the
// warnings that are not evidence findings are listed per page), now the
// day the ages and reviews are counted from.
func Build(site *model.Site, problems diag.List, now time.Time) *Report {
	r := &Report{Site: site.Config.Title, Generated: now.UTC().Format("2006-01-02")}
	for _, rule := range evidence.Rules {
		r.Rules = append(r.Rules, RuleRef{rule.ID, rule.Title, rule.Fix})
	}
	byFile := map[string][]string{}
	for _, p := range problems {
		// Evidence findings, answer lengths and reviews have columns of
		// their own.
		if p.Severity == diag.Warning && !isEvidence(p) && !strings.Contains(p.Msg, "due for review") &&
			!strings.HasPrefix(p.Msg, "the best answer has ") {
			byFile[p.File] = append(byFile[p.File], p.String())
		}
	}
	for _, p := range site.Pages {
		if p.File == "" || p.IsList() {
			continue
		}
		r.Pages = append(r.Pages, pageOf(p, byFile[p.File], now))
	}
	slices.SortStableFunc(r.Pages, func(a, b Page) int {
		return cmp.Or(cmp.Compare(b.Issues, a.Issues), a.lastmod.Compare(b.lastmod), cmp.Compare(a.URL, b.URL))
	})
	r.total()
	r.Charts = chartsOf(r.Pages)
	return r
}

func isEvidence(p diag.Problem) bool {
	for _, rule := range evidence.Rules {
		if strings.HasSuffix(p.Msg, "("+rule.ID+")") {
			return true
		}
	}
	return false
}

func pageOf(p *model.Page, warnings []string, now time.Time) Page {
	out := Page{File: p.File, URL: p.URL, Title: p.Title, Kind: string(p.Kind), Section: sectionOf(p), Warnings: warnings,
		AgeDays: -1, Review: "none", lastmod: p.Lastmod()}
	if p.Doc != nil {
		for _, qa := range p.Doc.Outline.FAQs {
			out.Questions = append(out.Questions, qa.Question)
		}
		for _, a := range p.Doc.Outline.Answers {
			ans := Answer{Question: a.Heading, Words: a.Words, Line: a.Line + bodyLine(p), Included: a.Include}
			if ans.Question == "" {
				ans.Question = p.Title
			}
			ans.InBand = a.Include != "" || (a.Words >= model.MinAnswerWords && a.Words <= model.MaxAnswerWords)
			out.Answers = append(out.Answers, ans)
		}
	}
	for _, s := range p.Sources {
		out.Sources = append(out.Sources, Source{s.Title, s.URL})
	}
	for _, f := range p.Evidence {
		out.Evidence = append(out.Evidence, Finding{f.Rule, f.Line + bodyLine(p), f.Msg})
	}
	out.dates(p, now)
	out.Issues = out.issues()
	return out
}

func (out *Page) dates(p *model.Page, now time.Time) {
	if !p.Date.IsZero() {
		out.Date = p.Date.Format("2006-01-02")
	}
	if m := p.Lastmod(); !m.IsZero() {
		out.Updated = m.Format("2006-01-02")
		out.AgeDays = max(0, int(now.Sub(m).Hours()/24))
	}
	if !p.ReviewBy.IsZero() {
		out.ReviewBy = p.ReviewBy.Format("2006-01-02")
		switch {
		case freshness.Overdue(p.ReviewBy, now):
			out.Review = "overdue"
		case freshness.DueThisMonth(p.ReviewBy, now):
			out.Review = "due"
		default:
			out.Review = "ok"
		}
	}
}

// issues weighs what needs doing: each evidence warning, answer outside
// the band and other warning counts one, an overdue review two.
func (out *Page) issues() int {
	n := len(out.Evidence) + len(out.Warnings)
	for _, a := range out.Answers {
		if !a.InBand {
			n++
		}
	}
	if out.Review == "overdue" {
		n += 2
	}
	return n
}

func bodyLine(p *model.Page) int {
	if p.Source == nil {
		return 0
	}
	return p.Source.BodyLine
}

func sectionOf(p *model.Page) string {
	if p.Section != nil && p.Section.Dir != "" {
		return p.Section.Dir
	}
	dir := path.Dir(strings.TrimPrefix(p.File, "content/"))
	if dir == "." {
		return "(root)"
	}
	return dir
}

func (r *Report) total() {
	t := &r.Totals
	for _, p := range r.Pages {
		t.Pages++
		t.Questions += len(p.Questions)
		t.Answers += len(p.Answers)
		for _, a := range p.Answers {
			if a.InBand {
				t.AnswersInBand++
			}
		}
		if len(p.Sources) > 0 {
			t.PagesSourced++
		}
		t.Sources += len(p.Sources)
		t.Evidence += len(p.Evidence)
		switch p.Review {
		case "overdue":
			t.OverdueReviews++
		case "due":
			t.DueThisMonth++
		}
	}
}
