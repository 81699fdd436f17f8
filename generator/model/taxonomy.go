package model

import (
	"slices"
	"strconv"
	"strings"

	"playbook/generator/meta"
)

// addTaxonomies groups content pages by tag and by journey stage, with a
// list page per taxonomy and per term.
func (s *Site) addTaxonomies() {
	content := s.sortedContent()
	tags := s.newTaxonomy("tags", "Tags", "Every tag used on the site, with the pages that carry it.")
	stages := s.newTaxonomy("stages", "Journey stages", "The five post-purchase moments, and the pages that help at each.")
	authors := s.newTaxonomy("authors", "Authors", "The people who write this site, each with the pages they wrote.")
	// Most pages spell a tag as others do: find its term by name, and make
	// slugs and titles once per name rather than once per page.
	byName := map[*Taxonomy]map[string]*Term{tags: {}, stages: {}, authors: {}}
	termOf := func(t *Taxonomy, name string, make func() *Term) *Term {
		term, ok := byName[t][name]
		if !ok {
			term = make()
			byName[t][name] = term
		}
		return term
	}
	for _, p := range content {
		for _, tag := range p.Tags {
			termOf(tags, tag, func() *Term { return tags.term(tag, titleFromDir(tag), "") }).add(p)
		}
		if p.AuthorSlug != "" {
			termOf(authors, p.AuthorSlug, func() *Term { return s.authorTerm(authors, p.AuthorSlug) }).add(p)
		}
		if p.Stage != "" {
			termOf(stages, p.Stage, func() *Term {
				st := stageByName(p.Stage)
				return stages.term(st.Name, st.Title, st.Question)
			}).add(p)
		}
	}
	slices.SortFunc(tags.Terms, func(a, b *Term) int { return strings.Compare(a.Slug, b.Slug) })
	slices.SortFunc(stages.Terms, func(a, b *Term) int { return stageIndex(a.Name) - stageIndex(b.Name) })
	slices.SortFunc(authors.Terms, func(a, b *Term) int { return strings.Compare(a.Slug, b.Slug) })
	for _, t := range []*Taxonomy{tags, stages, authors} {
		if len(t.Terms) == 0 {
			continue
		}
		for _, term := range t.Terms {
			term.Page.Pages = term.Pages
			t.Page.Pages = append(t.Page.Pages, term.Page)
		}
		s.Taxonomies = append(s.Taxonomies, t)
	}
}

// authorTerm is an author's page, /authors/SLUG/: the pages they wrote.
func (s *Site) authorTerm(authors *Taxonomy, slug string) *Term {
	a := s.Config.Evidence.Authors[slug]
	term := authors.term(slug, a.Name, "")
	term.Page.Description = a.Name
	if a.JobTitle != "" {
		term.Page.Description += ", " + a.JobTitle
	}
	term.Page.AuthorSlug = slug
	return term
}

func (s *Site) newTaxonomy(name, title, description string) *Taxonomy {
	t := &Taxonomy{Name: name, Title: title}
	t.Page = &Page{Kind: KindTaxonomy, Title: title, Description: description, URL: "/" + name + "/", Params: map[string]any{}}
	return t
}

// term returns the taxonomy's term of that name, creating it.
func (t *Taxonomy) term(name, title, question string) *Term {
	slug := Urlize(name)
	for _, term := range t.Terms {
		if term.Slug == slug {
			return term
		}
	}
	term := &Term{Name: name, Slug: slug, Title: title, Question: question, Taxonomy: t}
	term.Page = &Page{Kind: KindTerm, Title: title, URL: t.Page.URL + slug + "/", Term: term, Params: map[string]any{}}
	if question != "" {
		term.Page.Description = title + ": " + question
	}
	t.Terms = append(t.Terms, term)
	return term
}

func (term *Term) add(p *Page) {
	if len(term.Pages) == 0 || term.Pages[len(term.Pages)-1] != p {
		term.Pages = append(term.Pages, p)
	}
}

func stageByName(name string) Stage {
	for _, st := range Stages {
		if st.Name == name {
			return st
		}
	}
	return Stage{Name: name, Title: titleFromDir(name)}
}

func stageIndex(name string) int {
	for i, st := range Stages {
		if st.Name == name {
			return i
		}
	}
	return len(Stages)
}

// readTags keeps the tags that make a URL segment: a tag of punctuation
// only ("!!!") would publish its page at /tags//.
func readTags(r *meta.Reader) []string {
	tags := r.Strings("tags")
	if len(tags) == 0 {
		return nil
	}
	out := tags[:0] // Strings made tags for this call: filtered in place
	for i, tag := range tags {
		if Urlize(tag) == "" {
			r.Errorf("tags["+strconv.Itoa(i)+"]", "use letters or digits in the tag", "tag %q has no letters or digits", tag)
			continue
		}
		out = append(out, tag)
	}
	return out
}
