package incremental

import (
	"playbook/generator/check"
	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/generator/pipeline"
	"playbook/generator/render"
)

// state is what a serve build that rendered the whole site leaves for the
// next one to start from.
type state struct {
	in    *pipeline.Inputs
	out   *outFiles        // every output file but llms-full.txt
	coll  *check.Collector // what the output links to and offers
	pages map[string]*pageState
	// siteFiles and static are the paths the site files and the static
	// copy wrote, replaced whole when those run again.
	siteFiles, static []string
	staticProbs       diag.List
	// renderProbs are the problems the renderer found, kept for the pages
	// the next build does not render again.
	renderProbs diag.List
	// templateFailed is set when a layout failed while rendering: which
	// pages it fails on can change with any edit, so the next build is
	// full.
	templateFailed bool
	// llms is llms-full.txt, sharing the twins' bytes with out.
	llms *render.LLMSFull
	// answers is answers.json, sharing unchanged pages' parts with the
	// previous build's.
	answers *render.AnswersDoc
	// kinds counts the site's pages by kind, for a body swap to reuse.
	kinds map[model.Kind]int
}

// output is what serve gets of the build.
func (st *state) output() *Output {
	lazy := map[string]*lazyFile{render.LLMSFullFile: {make: st.llms.Bytes}}
	for _, f := range st.answers.Files() {
		lazy[f] = &lazyFile{make: func() []byte { return st.answers.File(f) }}
	}
	return &Output{files: st.out, lazy: lazy}
}
