package pipeline

import (
	"playbook/generator/render"
	"playbook/generator/search"
	"playbook/generator/write"
)

// searchIndex sets up the site search of a run: every page gets the
// search box; a one-off run that renders every page builds the
// index as its pages render, and serve's runs update the session's. The index's JSON goes to
// sink directly: it is written compact, and no link is checked in it.
func (s *Session) searchIndex(in *Inputs, out Outputs, sink write.Sink, opts *render.Options) *search.Builder {
	if s.opts.NoSearch {
		return nil
	}
	opts.SearchBox = true
	base := in.Config.BasePath()
	url := func(u string) string { return render.RelURL(base, u) }
	// The search boxes say how many shards the index has: known from its
	// pages before any is rendered.
	opts.SearchShards = search.ShardCount(in.Site.Content)
	switch {
	case s.oneOff() && out.SiteFiles && len(out.Pages) == len(in.Site.Pages):
		b := search.NewBuilder(in.Site.Content, url, sink)
		opts.Search = b.Add
		return b
	case !s.oneOff() && (out.SiteFiles || len(out.Pages) > 0):
		// serve: the pages rendered are indexed again, the others keep
		// what they had, and only the index files that change are written.
		if s.search == nil {
			s.search = search.NewLive()
		}
		b := s.search.Builder(in.Site.Content, url, sink, out.CheckFrom == nil)
		opts.Search = b.Add
		return b
	}
	return nil
}
