package check

import (
	"strings"

	"playbook/generator/config"
)

// settler checks a page's links as the page is written, for a run whose
// collector no later run starts from (a build, a check). Every link to a
// file the run is going to write is settled there and then; only the
// others (a link to an id of another page, to a file of static/, or to
// nothing) are kept for Verify. A 100,000-page site makes millions of
// links, which would otherwise all be held until the end.
type settler struct {
	v         verifier
	willWrite func(path string) bool
}

// Settling makes the collector settle links as pages are written, given
// the site's config and the output paths the run is going to write (every
// page and twin, the site files, the theme's static files). Verify then
// reports the same problems; it only has fewer links left to check.
func (c *Collector) Settling(cfg *config.Site, willWrite func(path string) bool) *Collector {
	c.settle = &settler{v: newVerifier(c, cfg, nil), willWrite: willWrite}
	return c
}

// unsettled is the page's links less those settled now, joined.
func (s *settler) unsettled(out string, f *pageFacts) string {
	var keep []string
	for _, link := range splitFacts(f.links) {
		target, fragment, internal := s.v.internalPath(out, link)
		if internal && !s.settled(out, f, newLinkTarget(link, target, fragment)) {
			keep = append(keep, link)
		}
	}
	return joinFacts(keep)
}

// settled reports whether t resolves for certain: it names a file the
// run writes (as findFile looks for it), without a fragment, or with one
// the page itself holds.
func (s *settler) settled(out string, f *pageFacts, t linkTarget) bool {
	if t.fragment != "" {
		return t.target == out && f.hasID(t.fragment)
	}
	if t.target != "" && !strings.HasSuffix(t.target, "/") && s.willWrite(t.target) {
		return true
	}
	return s.willWrite(t.index)
}
