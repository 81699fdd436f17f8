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

// checkBudget returns the first budget the body exceeds, or nil. Blocks
// are told apart by blank lines only: a scan, not a parser.
func checkBudget(src []byte) *diag.Problem {
	total, inBlock := 0, 0
	for off := 0; off < len(src); {
		end := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			end = off + i + 1
		}
		line := src[off:end]
		if isBlank(line) {
			inBlock = 0
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

func budgetProblem(src []byte, off int, fix, format string, args ...any) *diag.Problem {
	line, col := diag.LineCol(src, off)
	p := diag.Errorf("", line, col, fix, format, args...)
	return &p
}
