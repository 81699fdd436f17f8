package pipeline

import (
	"context"
	"sync"

	"playbook/generator/check"
	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/write"
)

// Pass is what one run read, rendered and found.
type Pass struct {
	Inputs *Inputs
	// Outputs is what the run rendered; empty when the templates did not
	// parse.
	Outputs Outputs
	// SiteFiles and Static are the paths the site files and the static
	// copy wrote, when the run rendered them.
	SiteFiles, Static []string
	// SearchFiles are the site search's index files the run wrote (serve:
	// those that changed); not among SiteFiles, so serve never drops them,
	// only replaces them.
	SearchFiles []string
	// SearchGone are the index files of serve's previous run this one no
	// longer has.
	SearchGone     []string
	StaticProblems diag.List
	RenderProblems diag.List // found rendering the pages and site files
	CheckProblems  diag.List // found checking the output's links and structured data
	Collector      *check.Collector
	// Renderer is the run's renderer, for what serve's engine keeps of
	// the output (render.LLMSFull); nil when nothing was rendered.
	Renderer *render.Renderer
	Timings  Timings
	Media    Media
}

// Problems are every problem of the run, sorted, each once.
func (p *Pass) Problems() diag.List {
	probs := p.Inputs.Problems()
	probs = append(probs, p.StaticProblems...)
	probs = append(probs, p.RenderProblems...)
	probs = append(probs, p.CheckProblems...)
	return probs.Sorted()
}

// Run reads the sources the plan says, renders the outputs it picks into
// sink, and collects what the links and structured data check needs. It is
// the only function that renders pages. A non-nil error is a failure of
// the machinery (the sink failed, the context was cancelled, a template
// failed on a page), not a problem of the content.
func (s *Session) Run(ctx context.Context, plan Plan, sink write.Sink) (*Pass, error) {
	w := newStopwatch()
	in, err := s.read(ctx, plan.Read, w)
	pass := &Pass{Inputs: in}
	if err != nil || in.Templates == nil {
		pass.Timings = w.stages
		return pass, err
	}
	pass.Outputs = everything(in)
	if plan.Outputs != nil {
		pass.Outputs = plan.Outputs(in)
	}
	err = s.render(ctx, pass, sink, w)
	pass.Timings = w.stages
	return pass, err
}

// read gathers the run's inputs. The theme does not depend on the content:
// it is parsed while the content is walked and parsed.
func (s *Session) read(ctx context.Context, r Read, w *stopwatch) (*Inputs, error) {
	if r.From != nil {
		in := r.From.Kept()
		if r.Walk {
			in.Files, in.WalkProblems = load.Walk(s.fsys)
		}
		if !r.Assemble {
			return in, nil
		}
		return in, s.assemble(ctx, in, w)
	}
	in := &Inputs{}
	in.Config, in.ConfigProblems = s.loadConfig()
	var templates sync.WaitGroup
	templates.Go(func() { in.Templates, in.OwnLayouts, in.TemplateProblems = s.loadTemplates(in.Config) })
	var git sync.WaitGroup // the pages' dates are settled as they are parsed
	git.Go(func() { s.loadGitDates(ctx, in.Config) })
	in.Files, in.WalkProblems = load.Walk(s.fsys)
	git.Wait()
	w.lap("walk+git log")
	err := s.assemble(ctx, in, w)
	templates.Wait()
	w.lap("model+templates")
	return in, err
}

// assemble parses the content files (cached parses are reused) and links
// them into a site.
func (s *Session) assemble(ctx context.Context, in *Inputs, w *stopwatch) error {
	pages, probs := s.parseAll(ctx, in.Config, in.Files.Pages)
	in.Parse = probs
	w.lap("read+parse+prepare")
	if err := ctx.Err(); err != nil {
		return err
	}
	in.Site, _ = model.Assemble(in.Config, pages, model.Options{Drafts: s.opts.Drafts})
	return nil
}
