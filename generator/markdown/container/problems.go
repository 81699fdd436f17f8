package container

import (
	"cmp"
	"slices"

	"github.com/yuin/goldmark/parser"

	"playbook/generator/diag"
)

var (
	problemsKey = parser.NewContextKey()
	closedKey   = parser.NewContextKey()
	faqPageKey  = parser.NewContextKey()
	tooDeepKey  = parser.NewContextKey()
)

// Problems returns what the parser and transformer found wrong in the
// document parsed with pc, ordered by line and column. File is empty and
// Line is relative to the parsed source: the caller shifts them with
// diag.Problem.Shift.
func Problems(pc parser.Context) []diag.Problem {
	ps, _ := pc.Get(problemsKey).(*[]diag.Problem)
	if ps == nil {
		return nil
	}
	out := slices.Clone(*ps)
	slices.SortStableFunc(out, func(a, b diag.Problem) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return out
}

// MarkFAQPage marks pc so that the transformer treats the document as an
// faq page: every top-level ## heading is a question.
func MarkFAQPage(pc parser.Context) { pc.Set(faqPageKey, true) }

func isFAQPage(pc parser.Context) bool {
	v, _ := pc.Get(faqPageKey).(bool)
	return v
}

// report records an error at a byte offset of source.
func report(pc parser.Context, source []byte, offset int, fix, format string, args ...any) {
	line, col := diag.LineCol(source, offset)
	add(pc, diag.Errorf("", line, col, fix, format, args...))
}

func add(pc parser.Context, p diag.Problem) {
	ps, _ := pc.Get(problemsKey).(*[]diag.Problem)
	if ps == nil {
		ps = new([]diag.Problem)
		pc.Set(problemsKey, ps)
	}
	*ps = append(*ps, p)
}

// closed returns the containers closed so far, in the order they closed.
// The transformer works from this list, so it never walks the whole tree.
func closed(pc parser.Context) []*Container {
	cs, _ := pc.Get(closedKey).(*[]*Container)
	if cs == nil {
		return nil
	}
	return *cs
}

func addClosed(pc parser.Context, c *Container) {
	cs, _ := pc.Get(closedKey).(*[]*Container)
	if cs == nil {
		cs = new([]*Container)
		pc.Set(closedKey, cs)
	}
	*cs = append(*cs, c)
}
