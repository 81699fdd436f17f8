package schema

import (
	"fmt"
	"strings"
)

// Violation is one way a graph breaks schema.org or rich-result rules.
type Violation struct {
	Origin Origin // where the offending node, question or step came from
	NodeID string // @id of the top-level node it is in ("" when it has none)
	Path   string // property path inside that node, e.g. "mainEntity[2].acceptedAnswer.text"
	Msg    string // what is wrong
	Fix    string // how to fix it in the content
}

// String renders the violation as "file:line: node path: msg — fix", leaving
// out the parts that are unknown.
func (v Violation) String() string {
	var b strings.Builder
	if v.Origin.File != "" {
		b.WriteString(v.Origin.File)
		if v.Origin.Line > 0 {
			fmt.Fprintf(&b, ":%d", v.Origin.Line)
		}
		b.WriteString(": ")
	}
	if where := strings.TrimSpace(v.NodeID + " " + v.Path); where != "" {
		b.WriteString(where)
		b.WriteString(": ")
	}
	b.WriteString(v.Msg)
	if v.Fix != "" {
		b.WriteString(" — ")
		b.WriteString(v.Fix)
	}
	return b.String()
}
