package render

import (
	"bytes"
	"fmt"

	"playbook/generator/model"
	"playbook/schema"
)

// citations are the page's sources as schema.org citations.
func citations(sources []model.Source) []schema.Citation {
	if len(sources) == 0 {
		return nil
	}
	out := make([]schema.Citation, len(sources))
	for i, s := range sources {
		out[i] = schema.Citation{Name: s.Title, URL: s.URL, Publisher: s.Publisher}
		if !s.Date.IsZero() {
			out[i].DatePublished = s.Date.Format("2006-01-02")
		}
	}
	return out
}

// sourcesTwin writes the Sources list the page shows (partials/sources.html)
// at the end of its twin.
func sourcesTwin(buf *bytes.Buffer, sources []model.Source) {
	if len(sources) == 0 {
		return
	}
	buf.WriteString("## Sources\n\n")
	for i, s := range sources {
		fmt.Fprintf(buf, "%d. [%s](<%s>)", i+1, escapeLinkText(oneLine(s.Title)), s.URL)
		if s.Publisher != "" {
			fmt.Fprintf(buf, ", %s", oneLine(s.Publisher))
		}
		if !s.Date.IsZero() {
			fmt.Fprintf(buf, ", %s", s.Date.Format("January 2, 2006"))
		}
		buf.WriteByte('\n')
	}
	buf.WriteByte('\n')
}

// escapeLinkText keeps brackets in a title from ending the link text.
func escapeLinkText(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r == '[' || r == ']' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
