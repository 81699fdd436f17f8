package model

import (
	"cmp"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// buildSections puts every page in the section of its folder, making list
// pages for folders that have no _index.md, and orders each section.
func (s *Site) buildSections(pages []*Page) {
	s.section("")
	for _, p := range pages {
		dir, _, _, list := pageDir(p.File)
		sec := s.section(dir)
		if list {
			sec.Page = mergeListPage(sec.Page, p)
			continue
		}
		p.Section = sec
		if p.NoList {
			sec.Unlisted = append(sec.Unlisted, p)
			continue
		}
		sec.Pages = append(sec.Pages, p)
	}
	for _, sec := range s.Sections {
		SortPages(sec.Pages)
		linkPrevNext(sec.Pages)
		sec.Page.Pages = append(sec.Page.Pages[:0], sec.Pages...)
		slices.SortFunc(sec.Subs, func(a, b *Section) int { return comparePages(a.Page, b.Page) })
	}
	s.Home = s.Sections[""].Page
	if s.Home.Title == "" {
		s.Home.Title = s.Config.Title
	}
}

// section returns the section of a folder, creating it and its parents.
func (s *Site) section(dir string) *Section {
	if sec, ok := s.Sections[dir]; ok {
		return sec
	}
	sec := &Section{Dir: dir, Page: syntheticList(dir)}
	s.Sections[dir] = sec
	if dir != "" {
		parentDir := path.Dir(dir)
		if parentDir == "." {
			parentDir = ""
		}
		sec.Parent = s.section(parentDir)
		sec.Parent.Subs = append(sec.Parent.Subs, sec)
	}
	sec.Page.Section = sec
	return sec
}

// syntheticList is the list page of a folder without _index.md.
func syntheticList(dir string) *Page {
	if dir == "" {
		return &Page{Kind: KindHome, URL: "/", Params: map[string]any{}}
	}
	return &Page{Kind: KindSection, Title: titleFromDir(path.Base(dir)), URL: sectionURL(dir), Params: map[string]any{}}
}

// mergeListPage replaces a synthetic list page by the one from _index.md,
// keeping the section link.
func mergeListPage(synthetic, fromFile *Page) *Page {
	fromFile.Section = synthetic.Section
	fromFile.URL = synthetic.URL
	return fromFile
}

func titleFromDir(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// SortPages orders pages the way lists show them: weighted pages first by
// weight, then newest first, then by title, then by URL so the order is
// total and stable.
func SortPages(pages []*Page) {
	slices.SortStableFunc(pages, comparePages)
}

func comparePages(a, b *Page) int {
	aw, bw := a.Weight != 0, b.Weight != 0
	switch {
	case aw && !bw:
		return -1
	case bw && !aw:
		return 1
	}
	// Not cmp.Or: it would lower-case both titles on every comparison,
	// and sorting 10,000 pages makes hundreds of thousands of them.
	if c := cmp.Compare(a.Weight, b.Weight); c != 0 {
		return c
	}
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	if c := compareFold(a.Title, b.Title); c != 0 {
		return c
	}
	return cmp.Compare(a.URL, b.URL)
}

// compareFold orders two strings as comparing their strings.ToLower forms
// would, without building them.
func compareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if c := cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)); c != 0 {
			return c
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

// sortedContent is every section's pages in list order. The sections are
// sorted already, and merging them costs a fraction of sorting 10,000
// pages again. Pages have distinct URLs, so the order is total and any
// merge gives the one SortPages would.
func (s *Site) sortedContent() []*Page {
	lists := make([][]*Page, 0, len(s.Sections))
	for _, sec := range s.Sections {
		if len(sec.Pages) > 0 {
			lists = append(lists, sec.Pages)
		}
	}
	switch len(lists) {
	case 0:
		return nil
	case 1:
		return slices.Clone(lists[0])
	}
	for len(lists) > 1 {
		merged := lists[:0:0]
		for i := 0; i < len(lists); i += 2 {
			if i+1 == len(lists) {
				merged = append(merged, lists[i])
				break
			}
			merged = append(merged, mergePages(lists[i], lists[i+1]))
		}
		lists = merged
	}
	return lists[0]
}

// mergePages merges two lists in list order into a new one.
func mergePages(a, b []*Page) []*Page {
	out := make([]*Page, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if comparePages(b[0], a[0]) < 0 {
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

func linkPrevNext(pages []*Page) {
	for i, p := range pages {
		if i > 0 {
			p.Prev = pages[i-1]
		}
		if i+1 < len(pages) {
			p.Next = pages[i+1]
		}
	}
}

// breadcrumbs gives every page its trail: Home, its sections, itself. The
// trail above a page is the same for every page of a section, so it is
// made once per section and each page's trail is one allocation.
func (s *Site) breadcrumbs() {
	above := map[*Section][]Crumb{}
	for _, p := range s.Pages {
		if p == s.Home {
			continue
		}
		var up []Crumb
		if p.Term != nil { // a term page sits under its taxonomy page
			up = []Crumb{home, {Name: p.Term.Taxonomy.Page.Title, URL: p.Term.Taxonomy.Page.URL}}
		} else {
			sec := p.Section
			if sec != nil && sec.Page == p {
				sec = sec.Parent
			}
			if up = above[sec]; up == nil {
				up = sectionTrail(sec)
				above[sec] = up
			}
		}
		p.Trail = up
	}
}

// home is the first crumb of every trail.
var home = Crumb{Name: "Home", URL: "/"}

// sectionTrail is Home and the list pages of sec and the sections above
// it, outermost first.
func sectionTrail(sec *Section) []Crumb {
	var chain []Crumb
	for ; sec != nil && sec.Dir != ""; sec = sec.Parent {
		chain = append(chain, Crumb{Name: sec.Page.Title, URL: sec.Page.URL, File: sec.Page.File})
	}
	slices.Reverse(chain)
	return append([]Crumb{home}, chain...)
}
