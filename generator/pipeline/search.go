package pipeline

import (
	"playbook/generator/render"
	"playbook/generator/search"
	"playbook/generator/write"
)

// searchIndex sets up the site search of a run: every page is told the
// number of term shards, and a run that renders every page builds the
// index as its pages render (nil otherwise). The index's JSON goes to
// sink directly: it is written compact, and no link is checked in it.
func (s *Session) searchIndex(in *Inputs, out Outputs, sink write.Sink, opts *render.Options) *search.Builder {
	if s.opts.NoSearch {
		return nil
	}
	n := 0
	for _, p := range in.Site.Content {
		if search.Searchable(p) {
			n++
		}
	}
	opts.SearchShards = search.ShardCount(n)
	if !out.SiteFiles || len(out.Pages) != len(in.Site.Pages) {
		return nil
	}
	base := in.Config.BasePath()
	b := search.NewBuilder(in.Site.Content, func(u string) string { return render.RelURL(base, u) }, sink)
	opts.Search = b.Add
	return b
}
