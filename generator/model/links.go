package model

import (
	"path"
	"strconv"
	"strings"

	"playbook/generator/diag"
)

// Best answers are meant to be quotable: long enough to answer, short
// enough to lift whole. A best answer outside this range is a warning.
const (
	MinAnswerWords = 40
	MaxAnswerWords = 60
)

// slugOf is the last segment of a page's URL, the name other pages use to
// refer to it (`::: answer SLUG`, a vertical's `workflow:`).
func slugOf(p *Page) string {
	return path.Base(strings.TrimSuffix(p.URL, "/"))
}

// linkKinds resolves references between pages: included answers,
// verticals and their workflows.
func (s *Site) linkKinds(probs *diag.List) {
	for _, p := range s.Content {
		switch p.Kind {
		case KindAnswer:
			s.Answers[slugOf(p)] = p
		case KindWorkflow:
			s.Workflows[slugOf(p)] = p
		case KindVertical:
			s.Verticals = append(s.Verticals, p)
		}
	}
	for _, p := range s.Hidden {
		if p.Kind == KindAnswer { // includable though not published
			if _, taken := s.Answers[slugOf(p)]; !taken {
				s.Answers[slugOf(p)] = p
			}
		}
	}
	SortPages(s.Verticals)
	for _, v := range s.Verticals {
		s.linkVertical(v, probs)
	}
	for _, w := range s.Workflows {
		s.checkWorkflowVerticals(w, probs)
	}
	s.checkIncludes(probs)
}

func (s *Site) linkVertical(v *Page, probs *diag.List) {
	slug := v.Vertical.WorkflowSlug
	if slug == "" {
		return
	}
	w, ok := s.Workflows[slug]
	if !ok {
		pos := v.Source.Front.Pos("workflow")
		probs.Add(diag.Warnf(v.File, pos.Line, pos.Col, "name a page in content/workflows/ by its file name (without .md)",
			"the vertical names an unknown workflow %q", slug))
		return
	}
	v.Vertical.Workflow = w
	w.Verticals = append(w.Verticals, v)
}

// checkWorkflowVerticals adds verticals a workflow lists itself and warns
// about names that match no vertical page.
func (s *Site) checkWorkflowVerticals(w *Page, probs *diag.List) {
	for i, slug := range w.Workflow.VerticalSlugs {
		v := s.verticalBySlug(slug)
		if v == nil {
			pos := w.Source.Front.Pos("verticals[" + strconv.Itoa(i) + "]")
			probs.Add(diag.Warnf(w.File, pos.Line, pos.Col, "name a page in content/verticals/ by its file name",
				"the workflow lists an unknown vertical %q", slug))
			continue
		}
		if !containsPage(w.Verticals, v) {
			w.Verticals = append(w.Verticals, v)
		}
	}
	SortPages(w.Verticals)
}

func (s *Site) verticalBySlug(slug string) *Page {
	for _, v := range s.Verticals {
		if slugOf(v) == slug {
			return v
		}
	}
	return nil
}

func containsPage(list []*Page, p *Page) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}

// checkIncludes reports every `::: answer SLUG` naming no answer page.
func (s *Site) checkIncludes(probs *diag.List) {
	for _, p := range s.Content {
		s.checkPageIncludes(p, probs)
	}
	for _, sec := range s.Sections {
		if sec.Page.Doc != nil {
			s.checkPageIncludes(sec.Page, probs)
		}
	}
}

func (s *Site) checkPageIncludes(p *Page, probs *diag.List) {
	for _, a := range p.Doc.Outline.Answers {
		if a.Include == "" {
			continue
		}
		if _, ok := s.Answers[a.Include]; !ok {
			probs.Add(diag.Errorf(p.File, p.Source.BodyLine+a.Line, 1,
				"create content/answers/"+a.Include+".md or fix the name",
				"the included answer %q does not exist", a.Include))
		}
	}
}

// IncludedAnswer returns the answer page a slug names.
func (s *Site) IncludedAnswer(slug string) (*Page, bool) {
	p, ok := s.Answers[slug]
	return p, ok
}

// deriveDescriptions gives pages without a description the direct text of
// their first best answer, and warns where there is neither.
func (s *Site) deriveDescriptions(probs *diag.List) {
	for _, p := range s.Pages {
		if p.Description == "" && p.Doc != nil {
			s.deriveDescription(p, probs)
		}
	}
}

// deriveDescription sets the description of a parsed page whose front
// matter gives none.
func (s *Site) deriveDescription(p *Page, probs *diag.List) {
	p.Description = s.BestAnswer(p)
	if p.Description == "" && !p.Source.FrontBroken {
		probs.Add(diag.Warnf(p.File, 1, 1, `add description: "one or two sentences, 120–160 characters" to the front matter`,
			"the page has no description and no best answer to derive one from"))
	}
}

// BestAnswer is the direct answer of a page's first answer block,
// following an include to the answer it names.
func (s *Site) BestAnswer(p *Page) string {
	for _, a := range p.Doc.Outline.Answers {
		if a.Include != "" {
			if inc, ok := s.Answers[a.Include]; ok && inc.Doc != nil && len(inc.Doc.Outline.Answers) > 0 {
				return inc.Doc.Outline.Answers[0].DirectText
			}
			continue
		}
		if a.DirectText != "" {
			return a.DirectText
		}
	}
	return ""
}

// checkAnswers warns about best answers too short or too long to quote.
func (s *Site) checkAnswers(probs *diag.List) {
	for _, p := range s.Pages {
		if p.Doc != nil {
			checkPageAnswers(p, probs)
		}
	}
}

func checkPageAnswers(p *Page, probs *diag.List) {
	for _, a := range p.Doc.Outline.Answers {
		if a.Include != "" {
			continue
		}
		if a.Words < MinAnswerWords || a.Words > MaxAnswerWords {
			probs.Add(diag.Warnf(p.File, p.Source.BodyLine+a.Line, 1,
				"make the first paragraph of the answer a direct answer of 40–60 words; move detail to the Proof: paragraph",
				"the best answer has %d word%s", a.Words, pluralS(a.Words)))
		}
	}
}

func pluralS(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
