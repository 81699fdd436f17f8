package render

import "playbook/generator/model"

// kindSearch is the pseudo-kind of the site search page.
const kindSearch model.Kind = "search"

// searchFile is the site search page, which a `?q=` link opens.
const searchFile = "search/index.html"

// hasSearchPage reports whether the build writes the search page: the site
// has a search index and no page of its own at /search/.
func (r *Renderer) hasSearchPage() bool {
	return r.opts.SearchBox && r.site.ByURL["/search/"] == nil
}

// searchPage renders search/index.html with the theme.
func (r *Renderer) searchPage() error {
	p := &model.Page{Kind: kindSearch, Title: "Search", URL: "/search/",
		Permalink: r.site.Config.BaseURL + "search/", Description: "Search the answers, questions and guides of " + r.site.Config.Title + ".",
		Params: map[string]any{}}
	p.Trail = []model.Crumb{{Name: "Home", URL: "/"}}
	d := &PageData{Site: r.site, Config: r.site.Config, Page: p, Year: r.year, Search: r.opts.SearchBox,
		SearchShards: r.opts.SearchShards}
	var err error
	if d.JSONLD, err = r.jsonLD(p, nil, searchFile); err != nil {
		return err
	}
	return r.execute(kindSearch, d, searchFile)
}
