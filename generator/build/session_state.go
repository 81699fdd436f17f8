package build

import (
	"playbook/generator/check"
	"playbook/generator/diag"
	"playbook/generator/model"
)

// state is what a serve build that rendered the whole site leaves for the
// next one to start from.
type state struct {
	in    *loaded
	out   *outFiles        // every output file
	coll  *check.Collector // what the output links to and offers
	pages map[string]*pageState
	// siteFiles and static are the outputs of render.SiteFiles and of
	// copyStatic, replaced whole when those run again.
	siteFiles, static []string
	staticProbs       diag.List
	// renderProbs are the problems the renderer found, kept for the pages
	// the next build does not render again.
	renderProbs diag.List
	// llms is llms-full.txt in parts when it is not in out: a rebuild
	// swapped twins in it and it is joined on first read.
	llms *llmsDoc
	// kinds counts the site's pages by kind, for a body swap to reuse.
	kinds map[model.Kind]int
}

// llmsDoc is the build's llms-full.txt in parts, if it lists exactly the
// content pages given; nil when it does not (or its file is not in the
// expected layout). kept says the pages are known to be this build's at
// the same URLs and permalinks (a body swap), which spares comparing
// 10,000 of them.
func (st *state) llmsDoc(content []*model.Page, kept bool) *llmsDoc {
	if st.llms != nil {
		if kept || st.llms.sameContent(content) {
			return st.llms
		}
		return nil
	}
	file, _ := st.out.get(llmsFullName)
	d, ok := parseLLMS(file, content, st.out)
	if !ok || !d.sameContent(content) {
		return nil
	}
	return d
}

// output is what serve gets of the build.
func (st *state) output() *Output {
	o := &Output{files: st.out}
	if st.llms != nil {
		o.lazy = map[string]*lazyFile{llmsFullName: {make: st.llms.join}}
	}
	return o
}
