package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Severity says whether a Problem fails the build.
type Severity int

const (
	// Error fails build and check (exit status 1).
	Error Severity = iota
	// Warning is printed but does not fail the run unless --strict is set.
	Warning
)

// String implements fmt.Stringer.
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Problem is one thing wrong with a site. File is relative to the site
// source directory and uses forward slashes; Line and Col are 1-based and
// zero when unknown.
type Problem struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Msg      string // what is wrong
	Fix      string // how to fix it; may be empty when Msg says it all
}

// Errorf returns an error-severity Problem at file:line:col.
func Errorf(file string, line, col int, fix, format string, args ...any) Problem {
	return Problem{File: file, Line: line, Col: col, Severity: Error, Msg: fmt.Sprintf(format, args...), Fix: fix}
}

// Warnf returns a warning-severity Problem at file:line:col.
func Warnf(file string, line, col int, fix, format string, args ...any) Problem {
	return Problem{File: file, Line: line, Col: col, Severity: Warning, Msg: fmt.Sprintf(format, args...), Fix: fix}
}

// Position renders "file:line:col", "file:line" or "file" depending on what is known.
func (p Problem) Position() string {
	switch {
	case p.File == "":
		return "site"
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// String renders the problem as "file:line:col: error: what — how to fix".
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Position())
	b.WriteString(": ")
	b.WriteString(p.Severity.String())
	b.WriteString(": ")
	b.WriteString(p.Msg)
	if p.Fix != "" {
		b.WriteString(" — ")
		b.WriteString(p.Fix)
	}
	return b.String()
}

// Error implements error so a single Problem can travel as one.
func (p Problem) Error() string { return p.String() }

// Shift moves a problem found in a fragment (a Markdown body, a YAML block)
// to its place in the whole file: lines is the number of lines of the file
// before the fragment's first line.
func (p Problem) Shift(file string, lines int) Problem {
	p.File = file
	if p.Line > 0 {
		p.Line += lines
	}
	return p
}

// List is the problems of one run.
type List []Problem

// Add appends problems.
func (l *List) Add(ps ...Problem) { *l = append(*l, ps...) }

// Sort orders the list cause first — the site config, then templates,
// then content — and within each by file, line, column, then message, so
// output is stable whatever order the parallel stages found them in, and
// a problem that follows from another is read after it.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(Rank(a.File), Rank(b.File)),
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}

// configFiles are the names of a site's config (config.Files; diag cannot
// import config).
var configFiles = []string{"site.yaml", "site.yml", "site.toml"}

// Rank is where problems of a file come in the report: 0 for the site
// (its config, or no file), 1 for templates, 2 for content, 3 for the rest
// (static files, output).
func Rank(file string) int {
	switch {
	case file == "" || slices.Contains(configFiles, file):
		return 0
	case file == "layouts" || strings.HasPrefix(file, "layouts/") || strings.HasPrefix(file, "layouts ("):
		return 1 // "layouts (page /tags/)" is a template problem found rendering a list page
	case file == "content" || strings.HasPrefix(file, "content/"):
		return 2
	}
	return 3
}

// Sorted sorts the list (Sort) and drops repeated problems: a template
// error, say, is found once per kind that uses the template, and reported
// once. It reuses the list's memory.
func (l List) Sorted() List {
	l.Sort()
	return slices.CompactFunc(l, func(a, b Problem) bool { return a == b })
}

// Count returns the number of errors and warnings.
func (l List) Count() (errs, warns int) {
	for _, p := range l {
		if p.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// HasErrors reports whether any problem is an error; with strict, warnings count too.
func (l List) HasErrors(strict bool) bool {
	errs, warns := l.Count()
	return errs > 0 || (strict && warns > 0)
}

// LineCol converts a byte offset in src into a 1-based line and column
// (column counted in bytes, as Go's compiler and gofmt do).
func LineCol(src []byte, offset int) (line, col int) {
	offset = min(max(offset, 0), len(src))
	line = 1 + countNewlines(src[:offset])
	start := offset
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	return line, offset - start + 1
}

func countNewlines(b []byte) int {
	n := 0
	for _, c := range b {
		if c == '\n' {
			n++
		}
	}
	return n
}
