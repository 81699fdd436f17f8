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
