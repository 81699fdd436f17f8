package model

import (
	"reflect"
	"slices"
	"strings"

	"playbook/generator/diag"
)

// Replace swaps next, a fresh parse of a content page's file, into the
// site in place of old, the page the site holds for that file, when the
// edit changed the page's body only: its front matter decodes to the same
// values at the same lines, so its URL, kind, section, order, neighbours,
// terms and the references between pages are what they were. Serve takes
// this path for the common edit, as re-linking 10,000 pages costs more
// than the rest of a rebuild.
//
// Replace redoes what Assemble reads from a body: the page's includes,
// the lengths of its best answers, its derived description and, for an
// answer page, the derived descriptions of the pages including it.
// Problems then gives what Assemble would report. touched are the pages
// whose fields Replace set: next, and the pages including it.
//
// ok is false, and the site is left as it was, when the edit was more than
// a body edit or old is not a content page of the site (a list page, a
// draft left out, a page whose URL another took): Assemble the pages
// again then.
func (s *Site) Replace(old, next *Page) (touched []*Page, ok bool) {
	if !s.replaceable(old, next) {
		return nil, false
	}
	includers := s.includers(old)
	var gone diag.List
	for _, p := range slices.Concat([]*Page{old}, includers) {
		gone = append(gone, s.bodyProblems(p)...)
	}
	kept, ok := without(s.problems, gone)
	if !ok { // the list is not what Assemble made of these pages
		return nil, false
	}
	s.swap(old, next)
	touched = slices.Concat([]*Page{next}, includers)
	for _, p := range touched {
		kept = append(kept, s.bodyProblems(p)...)
	}
	s.problems = kept
	return touched, true
}

// replaceable reports whether Replace may put next in old's place.
func (s *Site) replaceable(old, next *Page) bool {
	return old != nil && next != nil && old != next && old.File != "" && old.File == next.File &&
		!old.IsList() && old.Section != nil && s.ByURL[strings.ToLower(old.URL)] == old && sameFront(old, next)
}

// sameFront reports whether two parses of one file have the same front
// matter: the same values at the same positions, and the body on the same
// line. Everything NewPage reads from front matter and path (title, URL,
// kind, dates, tags, a vertical's workflow, ...) is then the same too.
// Values that do not compare equal to themselves (NaN) make it false,
// which only costs a full assembly.
func sameFront(a, b *Page) bool {
	if a.Source == nil || b.Source == nil {
		return false
	}
	sa, sb := a.Source, b.Source
	return a.Kind == b.Kind && a.URL == b.URL && a.Bundle == b.Bundle && a.Draft == b.Draft &&
		sa.BodyLine == sb.BodyLine && sa.HasFront == sb.HasFront && sa.FrontBroken == sb.FrontBroken &&
		reflect.DeepEqual(sa.Front, sb.Front)
}

// includers are the pages other than p that include it as an answer, and
// so derive their descriptions from its body.
func (s *Site) includers(p *Page) []*Page {
	slug := slugOf(p)
	if p.Kind != KindAnswer || s.Answers[slug] != p {
		return nil
	}
	var out []*Page
	for _, q := range s.Pages {
		if q != p && q.Doc != nil && includes(q, slug) {
			out = append(out, q)
		}
	}
	return out
}

func includes(p *Page, slug string) bool {
	for _, a := range p.Doc.Outline.Answers {
		if a.Include == slug {
			return true
		}
	}
	return false
}

// bodyProblems sets the page's description again (its front matter's, or
// derived from its best answer) and returns the problems Assemble finds
// by reading the page's body and the answers it includes. On a page whose
// site has not changed since its description was derived it changes
// nothing.
func (s *Site) bodyProblems(p *Page) diag.List {
	if p.Doc == nil {
		return nil
	}
	var probs diag.List
	s.checkPageIncludes(p, &probs)
	p.Description = frontDescription(p)
	if p.Description == "" {
		s.deriveDescription(p, &probs)
	}
	checkPageAnswers(p, &probs)
	return probs
}

// without returns list less one occurrence of each problem of gone, and
// false if one is missing.
func without(list, gone diag.List) (diag.List, bool) {
	left := slices.Clone(gone)
	out := make(diag.List, 0, len(list))
	for _, p := range list {
		if i := slices.Index(left, p); i >= 0 {
			left = slices.Delete(left, i, i+1)
			continue
		}
		out = append(out, p)
	}
	return out, len(left) == 0
}

// swap puts next where old is in every list and link of the site, and
// gives it what Assemble derived for old: neither depends on the body.
func (s *Site) swap(old, next *Page) {
	next.Section, next.Prev, next.Next = old.Section, old.Prev, old.Next
	if next.Prev != nil {
		next.Prev.Next = next
	}
	if next.Next != nil {
		next.Next.Prev = next
	}
	next.Trail, next.Permalink, next.Verticals = old.Trail, old.Permalink, old.Verticals
	// The same front matter under the same _index.md files: the same
	// cascaded fields and build options.
	next.Params, next.Draft, next.NoRender, next.NoList = old.Params, old.Draft, old.NoRender, old.NoList
	replaceIn(next.Section.Pages, old, next)
	replaceIn(next.Section.Unlisted, old, next)
	replaceIn(next.Section.Page.Pages, old, next)
	for _, t := range s.Taxonomies {
		for _, term := range t.Terms {
			replaceIn(term.Pages, old, next) // term.Page.Pages is the same slice
		}
	}
	replaceIn(s.Pages, old, next)
	replaceIn(s.Content, old, next)
	s.ByURL[strings.ToLower(next.URL)] = next
	s.swapKinds(old, next)
}

// swapKinds moves the references between answers, workflows and verticals
// from old to next.
func (s *Site) swapKinds(old, next *Page) {
	slug := slugOf(old)
	if s.Answers[slug] == old {
		s.Answers[slug] = next
	}
	if s.Workflows[slug] == old {
		s.Workflows[slug] = next
	}
	replaceIn(s.Verticals, old, next)
	for _, w := range s.Workflows {
		replaceIn(w.Verticals, old, next)
	}
	if old.Vertical != nil && next.Vertical != nil {
		next.Vertical.Workflow = old.Vertical.Workflow
	}
	for _, v := range s.Verticals {
		if v.Vertical != nil && v.Vertical.Workflow == old {
			v.Vertical.Workflow = next
		}
	}
}

// replaceIn puts next where old is in pages.
func replaceIn(pages []*Page, old, next *Page) {
	if i := slices.Index(pages, old); i >= 0 {
		pages[i] = next
	}
}
