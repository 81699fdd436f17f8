package pipeline

import (
	"playbook/generator/load"
	"playbook/generator/model"
)

// linkPositions tells the output check where a page's Markdown writes its
// links (check.LinkPositions). Pages do not keep their links past parsing:
// that would cost a kilobyte a page for the rare broken one. So the file of
// a page with a broken link is read and parsed again, once per check.
func (s *Session) linkPositions(p *model.Page) func(link string) (line, col int) {
	none := func(string) (int, int) { return 0, 0 }
	src, _ := load.Read(s.fsys, p.File)
	if src == nil {
		return none
	}
	doc := s.eng.Parse(src.Body, p.Kind == model.KindFAQ)
	type pos struct{ line, col int }
	first := make(map[string]pos, len(doc.Outline.Links))
	for _, l := range doc.Outline.Links {
		if _, ok := first[l.Dest]; !ok {
			first[l.Dest] = pos{src.BodyLine + l.Line, l.Col}
		}
	}
	return func(link string) (int, int) {
		at := first[link]
		return at.line, at.col
	}
}
