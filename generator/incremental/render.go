package incremental

import (
	"slices"
	"strings"

	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/generator/pipeline"
	"playbook/generator/render"
	"playbook/generator/write"
)

// outputs is what the pipeline renders of a plan; prev, the previous
// build, is nil for a full plan.
func (p plan) outputs(prev *state) pipeline.Outputs {
	o := pipeline.Outputs{Pages: p.pages, SiteFiles: p.siteFiles, Static: p.static}
	if prev != nil {
		o.CheckFrom, o.Drop = prev.coll, dropped(prev, p)
	}
	return o
}

// keep makes the state of a run that rendered into mem, starting, for a
// partial plan, from prev's files. A site that failed to render (a
// template that fails on a page, two outputs on one path) gives a problem
// and a nil state; the problems returned are those found rendering and
// checking the output.
func keep(pass *pipeline.Pass, err error, mem *write.Memory, prev *state, p *plan) (*state, diag.List) {
	if err != nil {
		return nil, diag.List{renderFailure(err)}
	}
	// The search index files a run writes replace those of prev.
	out, err := merge(prev, slices.Concat(pass.Outputs.Drop, pass.SearchFiles, pass.SearchGone), mem.Snapshot())
	if err != nil {
		return nil, diag.List{renderFailure(err)}
	}
	st := &state{in: pass.Inputs, out: out, coll: pass.Collector, pages: p.now,
		siteFiles: pass.SiteFiles, static: pass.Static, staticProbs: pass.StaticProblems}
	if prev != nil && !p.siteFiles {
		st.siteFiles = prev.siteFiles
	}
	if prev != nil && !p.static {
		st.static, st.staticProbs = prev.static, prev.staticProbs
	}
	st.llms = llmsAfter(prev, pass, p, out)
	if st.answers, err = answersAfter(prev, pass, p); err != nil {
		return nil, diag.List{renderFailure(err)}
	}
	st.renderProbs = keptRenderProblems(prev, p.pages, pass.RenderProblems)
	st.templateFailed = slices.ContainsFunc(pass.RenderProblems, func(pr diag.Problem) bool {
		return strings.HasPrefix(pr.File, "layouts/")
	})
	return st, slices.Concat(st.staticProbs, st.renderProbs, pass.CheckProblems)
}

// llmsAfter is llms-full.txt after a build: made again from the twins when
// a content page or the site files were rendered, else the previous one.
// It holds references to the twins in out, so making it is cheap.
func llmsAfter(prev *state, pass *pipeline.Pass, p *plan, out *outFiles) *render.LLMSFull {
	if prev != nil && !p.siteFiles && !slices.ContainsFunc(p.pages, func(pg *model.Page) bool { return !pg.IsList() }) {
		return prev.llms
	}
	return pass.Renderer.LLMSFull(func(url string) []byte {
		b, _ := out.get(render.TwinFile(url))
		return b
	})
}

// answersAfter is answers.json after a build: made again, from the
// unchanged pages' parts and the rendered pages' new ones, when a content
// page or the site files were rendered, else the previous one.
func answersAfter(prev *state, pass *pipeline.Pass, p *plan) (*render.AnswersDoc, error) {
	var last *render.AnswersDoc
	if prev != nil {
		last = prev.answers
		if !p.siteFiles && !slices.ContainsFunc(p.pages, func(pg *model.Page) bool { return !pg.IsList() }) {
			return last, nil
		}
	}
	rendered := make(map[*model.Page]bool, len(p.pages))
	for _, pg := range p.pages {
		rendered[pg] = true
	}
	return pass.Renderer.Answers(last, func(pg *model.Page) bool { return p.full || rendered[pg] })
}

// dropped lists the previous build's files that a partial plan replaces
// or no longer produces: the files of pages rendered again or gone, and the
// site or static files when they are written again.
func dropped(prev *state, p plan) []string {
	rendered := map[string]bool{}
	for _, pg := range p.pages {
		rendered[pageKey(pg)] = true
	}
	var drop []string
	if p.kept {
		for _, pg := range p.pages {
			drop = append(drop, render.PageFiles(pg.URL)...)
		}
	} else {
		for k, st := range prev.pages {
			if _, ok := p.now[k]; ok && !rendered[k] {
				continue
			}
			drop = append(drop, render.PageFiles(st.sig.url)...)
		}
	}
	if p.siteFiles {
		drop = append(drop, prev.siteFiles...)
	}
	if p.static {
		drop = append(drop, prev.static...)
	}
	return drop
}

// merge is the new output: the previous build's files less those dropped,
// plus the files written now (outFiles.with).
func merge(prev *state, drop []string, written *write.Snapshot) (*outFiles, error) {
	if prev == nil {
		out := make(map[string][]byte, written.Len())
		for _, p := range written.Paths() {
			out[p], _ = written.Get(p)
		}
		return filesOf(out), nil
	}
	return prev.out.with(drop, written)
}

// keptRenderProblems are the renderer's problems for a build: those found
// now, plus the previous build's for the pages not rendered again. Render
// problems name the page's file, or the file a list page without one would
// have; a problem naming a layout file is kept until a full build, which
// a layout change, or the build after a layout failed, always is.
func keptRenderProblems(prev *state, pages []*model.Page, found diag.List) diag.List {
	if prev == nil {
		return found
	}
	redone := map[string]bool{}
	for _, p := range pages {
		redone[p.ProblemFile()] = true
	}
	out := slices.Clone(found)
	for _, pr := range prev.renderProbs {
		if !redone[pr.File] {
			out = append(out, pr)
		}
	}
	return out
}

// renderFailure reports a page or file the site could not be rendered
// into; the message names the page or the template.
func renderFailure(err error) diag.Problem {
	return diag.Errorf("", 0, 0, "fix the layout or the page the message names", "cannot render the site: %v", err)
}
