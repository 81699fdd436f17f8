package build

import (
	"playbook/generator/check"
	"playbook/generator/diag"
)

// state is what a serve build that rendered the whole site leaves for the
// next one to start from.
type state struct {
	in    *loaded
	out   map[string][]byte // every output file
	coll  *check.Collector  // what the output links to and offers
	pages map[string]*pageState
	// siteFiles and static are the outputs of render.SiteFiles and of
	// copyStatic, replaced whole when those run again.
	siteFiles, static []string
	staticProbs       diag.List
	// renderProbs are the problems the renderer found, kept for the pages
	// the next build does not render again.
	renderProbs diag.List
}
