package pipeline

import (
	"maps"
	"slices"

	"playbook/generator/check"
	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/generator/render"
)

// Plan is what one run reads again and what it renders.
type Plan struct {
	Read Read
	// Outputs picks what to render once the inputs are read; nil renders
	// everything.
	Outputs func(*Inputs) Outputs
}

// Read says which sources a run reads again.
type Read struct {
	// From is an earlier run's inputs, whose config and templates are
	// kept; nil reads everything (content files the session parsed
	// before and was not told to Forget are not parsed again).
	From *Inputs
	// Walk lists the content files again instead of keeping From's list.
	Walk bool
	// Assemble parses the content files (the session's cache holds those
	// that did not change) and links them into a site again. Without it
	// From's site stands as it is: a static file changed, or serve's
	// engine swapped edited bodies into it.
	Assemble bool
}

// Inputs are what a run renders from, with the problems found reading
// them.
type Inputs struct {
	Config           *config.Site
	ConfigProblems   diag.List
	Files            load.Files
	WalkProblems     diag.List
	Templates        *render.Templates // nil when they do not parse
	TemplateProblems diag.List
	OwnLayouts       bool // the site has its own layouts/
	Site             *model.Site
	Parse            ParseProblems // of the content files
}

// ParseProblems are the problems found reading and parsing the content
// files, by file, for the files that have any.
type ParseProblems map[string]diag.List

// With is a copy of pp with the problems of file set.
func (pp ParseProblems) With(file string, probs diag.List) ParseProblems {
	out := maps.Clone(pp)
	delete(out, file)
	if len(probs) > 0 {
		out[file] = probs
	}
	return out
}

func (pp ParseProblems) list() diag.List {
	var out diag.List
	for _, f := range slices.Sorted(maps.Keys(pp)) {
		out = append(out, pp[f]...)
	}
	return out
}

// Problems are every problem found before rendering.
func (in *Inputs) Problems() diag.List {
	var site diag.List
	if in.Site != nil {
		site = in.Site.Problems()
	}
	return slices.Concat(in.ConfigProblems, in.WalkProblems, in.TemplateProblems, in.Parse.list(), site)
}

// Kept is a copy of the inputs for a run that reads some sources again.
func (in *Inputs) Kept() *Inputs {
	c := *in
	return &c
}

// Outputs are what a run renders.
type Outputs struct {
	Pages     []*model.Page // in site order
	SiteFiles bool          // sitemap, robots.txt, feed, llms files, 404, aliases
	Static    bool          // theme and site static files, bundle resources
	// CheckFrom, when set, is the collector of the run whose output this
	// one updates: its facts are kept for the files not in Drop, so links
	// are checked against the whole site.
	CheckFrom *check.Collector
	Drop      []string
}

// everything renders the whole site.
func everything(in *Inputs) Outputs {
	return Outputs{Pages: in.Site.Pages, SiteFiles: true, Static: true}
}
