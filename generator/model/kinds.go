package model

import "playbook/generator/ltv"

// Workflow is a prompt-workflow card: a prompt whose bracketed upper-case
// placeholders become labelled inputs, with what to feed it, what comes
// back and how to check it.
type Workflow struct {
	Summary        string
	Role           string
	UseWhen        []string
	Inputs         []string
	ExpectedOutput []string
	QAChecklist    []string
	FollowUp       string
	Cautions       []string
	VerticalSlugs  []string
	// Prompt is the text of the page's ```prompt block, PromptLine its
	// line in the file, Placeholders its [UPPER CASE] tokens.
	Prompt       string
	PromptLine   int
	Placeholders []string
}

// Metric is one before/after figure of a vertical example.
type Metric struct {
	Name          string
	Before, After float64
	Unit          string
	// Change is the relative change in percent, computed, never written
	// by hand; HasChange is false when Before is zero.
	Change    float64
	HasChange bool
}

// Vertical is how one industry uses a workflow.
type Vertical struct {
	Industry     string
	Example      string
	WorkflowSlug string
	Workflow     *Page // resolved from WorkflowSlug; nil when unknown
	Inputs       string
	Output       string
	Avoid        string
	Metrics      []Metric
	// Preset is the vertical's calculator preset, nil when it has none.
	Preset *ltv.Preset
}

// Calculator is a calculator page's setup.
type Calculator struct {
	Name     string // "ltv"
	Defaults ltv.Inputs
}

// Taxonomy is a way of grouping pages: tags, or journey stages.
type Taxonomy struct {
	Name  string // "tags", "stages": the URL segment
	Title string
	Page  *Page // the list of terms
	Terms []*Term
}

// Term is one value of a taxonomy with the pages that carry it.
type Term struct {
	Name     string // as written ("ltv", "expansion")
	Slug     string
	Title    string
	Question string // for stages: the customer's question at that moment
	Taxonomy *Taxonomy
	Page     *Page
	Pages    []*Page
}

// Stage describes one of the five post-purchase journey moments.
type Stage struct {
	Name, Title, Question string
}

// Stages are the journey moments a page's `stage` may name, in journey
// order.
var Stages = []Stage{
	{"activation", "Activation", "How do I get value fast?"},
	{"adoption", "Adoption", "How do I keep using this?"},
	{"expansion", "Expansion", "What is the next best step?"},
	{"advocacy", "Advocacy", "Should I recommend this?"},
	{"renewal", "Renewal", "Is it still worth it?"},
}

// StageNames lists the valid `stage` values.
func StageNames() []string {
	out := make([]string, len(Stages))
	for i, s := range Stages {
		out[i] = s.Name
	}
	return out
}
