package markdown

import (
	"fmt"
	"strings"
	"testing"
)

func TestLinkBudget(t *testing.T) {
	para := strings.Repeat("[a](/b/) ", MaxLinksPerParagraph)
	tests := []struct {
		name, src string
		want      string // the one problem, "" for none
	}{
		{"a paragraph at the limit", para + "\n", ""},
		{"a paragraph past it", "intro\n\n" + para + "[x](/y/)\n", "3:9003: a paragraph has more than 1000 links"},
		{"openers never closed", strings.Repeat("[a](", 50_000), "1:4003: a paragraph has more than 1000 links"},
		{"a page at the limit", strings.Repeat(para+"\n\n", MaxLinksPerPage/MaxLinksPerParagraph), ""},
		{"a page past it", strings.Repeat(para+"\n\n", MaxLinksPerPage/MaxLinksPerParagraph) + "[a](b)\n", "21:3: the page has more than 10000 links"},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := e.Parse([]byte(tt.src), false)
			got := ""
			for _, p := range d.Problems {
				got += fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNestingBudget(t *testing.T) {
	tests := []struct {
		name, src string
		want      string
	}{
		{"quotes at the limit", strings.Repeat("> ", MaxQuoteDepth) + "a\n", ""},
		{"quotes past it", "a\n\n" + strings.Repeat(">", 100_000) + " deep\n", "3:33: block quotes are nested more than 32 deep"},
		{"brackets at the limit", strings.Repeat("[", MaxBracketDepth) + "a" + strings.Repeat("]", MaxBracketDepth) + "\n", ""},
		{"brackets past it", strings.Repeat("[", 500_000) + "a" + strings.Repeat("]", 500_000) + "\n", "1:101: brackets are nested more than 100 deep"},
		{"brackets over lines of a paragraph", strings.Repeat("[[\n", 60), "51:1: brackets are nested more than 100 deep"},
		{"brackets in separate paragraphs", strings.Repeat("[[\n\n", 60), ""},
		{"escaped brackets", strings.Repeat(`\[`, 500), ""},
		{"a fenced code block is text", "```\n" + strings.Repeat(">", 50) + strings.Repeat("[", 200) + "\n```\n", ""},
		{"after the fence, text again", "~~~\nx\n~~~\n" + strings.Repeat(">", 50) + "\n", "4:33: block quotes are nested more than 32 deep"},
	}
	e := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			for _, p := range e.Parse([]byte(tt.src), false).Problems {
				got += fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDelimiterBudget(t *testing.T) {
	para := strings.Repeat("*a* ", MaxDelimitersPerParagraph/2)
	tests := []struct {
		name, src string
		want      string
	}{
		{"a paragraph at the limit", para + "\n", ""},
		{"a paragraph past it", para + "`\n", "1:40001: a paragraph has more than 20000 emphasis and code marks (* _ ~ `)"},
		{"a page at the limit", strings.Repeat(para+"\n\n", MaxDelimitersPerPage/MaxDelimitersPerParagraph), ""},
		{"a page past it", strings.Repeat(para+"\n\n", MaxDelimitersPerPage/MaxDelimitersPerParagraph) + "_\n", "21:1: the page has more than 200000 emphasis and code marks (* _ ~ `)"},
		{"code is not counted", "```\n" + strings.Repeat("*", 300_000) + "\n```\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if p := checkBudget([]byte(tt.src)); p != nil {
				got = fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHeadingBudget(t *testing.T) {
	at := strings.Repeat("## H\n\n", MaxHeadingsPerPage)
	if p := checkBudget([]byte(at + "#hashtag\n####### seven\n    # code\n")); p != nil {
		t.Errorf("at the limit: %v", p)
	}
	p := checkBudget([]byte(at + "text\n# One more\n"))
	if p == nil || p.Line != 2*MaxHeadingsPerPage+2 || p.Msg != "the page has more than 10000 headings" {
		t.Errorf("past the limit: %v", p)
	}
}

func TestTableBudget(t *testing.T) {
	row := func(n int) string { return strings.Repeat("|a", n) + "|\n" }
	if p := checkBudget([]byte(row(MaxTableCells-1) + strings.Repeat("|-", MaxTableCells-1) + "|\n")); p != nil {
		t.Errorf("at the limit: %v", p)
	}
	p := checkBudget([]byte("x\n" + row(MaxTableCells)))
	if p == nil || p.Line != 2 || p.Msg != "a table row has more than 1000 cells" {
		t.Errorf("past the limit: %v", p)
	}
}
