package markdown

import (
	"bytes"

	"playbook/generator/diag"
)

// Link budgets of one page body. goldmark's inline parser looks for the
// end of a link's destination from every "](" it meets, to the end of the
// paragraph, so n link openers in one paragraph cost n times its length:
// "[a](" repeated 10,000 times took 1.5 s, 50,000 times 15 s. A real
// paragraph holds a handful of links and a real page a few hundred.
const (
	MaxLinksPerParagraph = 1000
	MaxLinksPerPage      = 10000
)

// Nesting budgets. goldmark offers every line to every open block, and
// matches a ']' against the open '[' before it: ">" repeated 100,000
// times took 16 s, and 100,000 nested brackets 14 s. Real pages quote
// inside a quote once or twice and nest brackets two or three deep.
const (
	MaxQuoteDepth   = 32
	MaxBracketDepth = 100
)

// Delimiter budgets: goldmark keeps a node of a few hundred bytes for
// every emphasis or code delimiter (* _ ~ `) until its paragraph is done,
// so "*a " repeated a million times (3 MB) took 490 MB.
const (
	MaxDelimitersPerParagraph = 20_000
	MaxDelimitersPerPage      = 200_000
)

// MaxHeadingsPerPage bounds a page's headings: each costs goldmark, the
// outline, the table of contents and the checks a few kilobytes (100,000
// took 290 MB), and a page of more is a book that wants splitting.
const MaxHeadingsPerPage = 10_000

// MaxTableCells bounds the cells of one table row: goldmark keeps a node
// and an alignment per cell for every row, and a row of 100,000 cells
// (590 KB) took 140 MB.
const MaxTableCells = 1000

// checkBudget returns the first budget the body exceeds, or nil. Blocks
// are told apart by blank lines only: a scan, not a parser.
func checkBudget(src []byte) *diag.Problem {
	total, inBlock, brackets, delims, allDelims, headings := 0, 0, 0, 0, 0, 0
	var fence byte // '`' or '~' inside a fenced code block
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		line := src[off:end]
		if fence = fenceAfter(line, fence); fence != 0 {
			off = end // code is text: goldmark does not look into it
			continue
		}
		if isBlank(line) {
			inBlock, brackets, delims = 0, 0, 0
		}
		if n := bytes.Count(line, []byte{'|'}); n > MaxTableCells {
			return budgetProblem(src, off, "split the table, or turn its columns into rows",
				"a table row has more than %d cells", MaxTableCells)
		}
		if isHeading(line) {
			if headings++; headings > MaxHeadingsPerPage {
				return budgetProblem(src, off, "split the page into several pages",
					"the page has more than %d headings", MaxHeadingsPerPage)
			}
		}
		if at := delimitersPast(line, &delims, &allDelims); at >= 0 {
			if delims > MaxDelimitersPerParagraph {
				return budgetProblem(src, off+at, "split the paragraph, or put the text in a fenced code block",
					"a paragraph has more than %d emphasis and code marks (* _ ~ `)", MaxDelimitersPerParagraph)
			}
			return budgetProblem(src, off+at, "split the page into several pages",
				"the page has more than %d emphasis and code marks (* _ ~ `)", MaxDelimitersPerPage)
		}
		if at := quoteDepthPast(line, MaxQuoteDepth); at >= 0 {
			return budgetProblem(src, off+at, "quote inside a quote at most a few times",
				"block quotes are nested more than %d deep", MaxQuoteDepth)
		}
		if at := bracketDepthPast(line, &brackets, MaxBracketDepth); at >= 0 {
			return budgetProblem(src, off+at, "close the brackets, or write them as \\[ to show them as text",
				"brackets are nested more than %d deep", MaxBracketDepth)
		}
		for i := bytes.Index(line, linkOpener); i >= 0; {
			total++
			inBlock++
			switch {
			case inBlock > MaxLinksPerParagraph:
				return budgetProblem(src, off+i, "split the paragraph, or make the list a table or a page of its own",
					"a paragraph has more than %d links", MaxLinksPerParagraph)
			case total > MaxLinksPerPage:
				return budgetProblem(src, off+i, "split the page into several pages",
					"the page has more than %d links", MaxLinksPerPage)
			}
			next := bytes.Index(line[i+2:], linkOpener)
			if next < 0 {
				break
			}
			i += 2 + next
		}
		off = end
	}
	return nil
}

var linkOpener = []byte("](")

// fenceAfter returns the fence character that is open after line, given
// the one open before it (0 for none): a line of three or more backticks
// or tildes, indented less than four spaces, opens or closes a fence. The
// opening line itself counts as inside.
func fenceAfter(line []byte, open byte) byte {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') || t[1] != t[0] || t[2] != t[0] {
		return open
	}
	switch open {
	case 0:
		return t[0]
	case t[0]:
		return 0 // the closing line: goldmark's fence check is enough for a scan
	}
	return open
}

// delimitersPast counts the emphasis and code marks of line into the
// paragraph's and the page's counts, and returns the offset of the one
// past either budget, or -1.
func delimitersPast(line []byte, inParagraph, inPage *int) int {
	for i, c := range line {
		if c == '*' || c == '_' || c == '~' || c == '`' {
			*inParagraph++
			*inPage++
			if *inParagraph > MaxDelimitersPerParagraph || *inPage > MaxDelimitersPerPage {
				return i
			}
		}
	}
	return -1
}

// isHeading reports whether line is an ATX heading: up to three spaces,
// one to six '#', then a space or the end of the line.
func isHeading(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return false
	}
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t' || t[n] == '\n')
}

// quoteDepthPast returns the offset of the quote marker that takes line
// past limit levels (markers ">" at the start, spaces between), or -1.
func quoteDepthPast(line []byte, limit int) int {
	depth := 0
	for i, c := range line {
		switch c {
		case ' ', '\t':
		case '>':
			if depth++; depth > limit {
				return i
			}
		default:
			return -1
		}
	}
	return -1
}

// bracketDepthPast carries the depth of '[' not yet closed through a
// paragraph and returns the offset of the one past limit, or -1. A
// backslash-escaped bracket is text.
func bracketDepthPast(line []byte, depth *int, limit int) int {
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++
		case '[':
			if *depth++; *depth > limit {
				return i
			}
		case ']':
			*depth = max(*depth-1, 0)
		}
	}
	return -1
}

func budgetProblem(src []byte, off int, fix, format string, args ...any) *diag.Problem {
	line, col := diag.LineCol(src, off)
	p := diag.Errorf("", line, col, fix, format, args...)
	return &p
}
