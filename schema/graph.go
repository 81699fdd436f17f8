package schema

import (
	"encoding/json"
	"io"
	"strings"
)

// Context is the @context of every graph playbook emits.
const Context = "https://schema.org"

// Ref points at another node of the graph by its @id.
type Ref struct {
	ID string `json:"@id"`
}

// RefTo returns a reference to n, so callers need not repeat its @id.
func RefTo(n Node) *Ref { return &Ref{ID: n.NodeID()} }

// Origin says where in the content a node came from: a file relative to the
// site source and a 1-based line (zero when unknown). It is never marshalled.
type Origin struct {
	File string
	Line int
}

// Node is a top-level node of a graph; every type of this package with an
// @id implements it. Question, Answer, ListItem, HowToStep, ImageObject and
// Offer are inlined in their parent instead.
type Node interface {
	// NodeID returns the node's @id ("" for nodes that have none).
	NodeID() string
	// NodeType returns the node's schema.org @type.
	NodeType() string
}

// Graph is one page's structured data: it marshals as
// {"@context":"https://schema.org","@graph":[...]} with nodes in the order
// they were added, so output is deterministic.
type Graph struct {
	Nodes []Node
}

// Add appends nodes to the graph.
func (g *Graph) Add(n ...Node) { g.Nodes = append(g.Nodes, n...) }

// graphHead opens every encoded graph.
const graphHead = `{"@context":"` + Context + `","@graph":[`

// MarshalJSON implements json.Marshaler. The nodes of this package write
// themselves (see appender); a Node from elsewhere goes through
// encoding/json, which escapes HTML in its output the same way.
func (g *Graph) MarshalJSON() ([]byte, error) {
	return g.AppendJSON(make([]byte, 0, 1024))
}

// AppendJSON appends the graph's JSON to dst, as MarshalJSON returns it,
// so a caller with a buffer at hand encodes without a copy.
func (g *Graph) AppendJSON(dst []byte) ([]byte, error) {
	w := &writer{b: dst}
	w.b = append(w.b, graphHead...)
	for i, n := range g.Nodes {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.sep = false
		if err := appendNode(w, n); err != nil {
			return dst, err
		}
	}
	w.b = append(w.b, "]}"...)
	if w.err != nil {
		return dst, w.err
	}
	return w.b, nil
}

// appendNode writes one node of the graph; a nil node is written as null,
// which ValidateJSON reports.
func appendNode(w *writer, n Node) error {
	a, ours := n.(appender)
	switch {
	case isNil(n):
		w.b = append(w.b, "null"...)
	case ours:
		a.appendJSON(w)
	default:
		b, err := json.Marshal(n)
		if err != nil {
			return err
		}
		w.b = append(w.b, b...)
	}
	return nil
}

// Encode writes g as compact JSON that is safe inside a
// <script type="application/ld+json"> element: every string escapes <, > and
// & (and U+2028, U+2029) as \u003c and friends, exactly as encoding/json
// does, so no content can close the script element or open a comment.
func Encode(w io.Writer, g *Graph) error {
	b, err := g.MarshalJSON()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// ID returns the stable @id of a node on a page: the page URL without any
// fragment, "#", then the fragment: ID("https://x/y/", "faq") is
// "https://x/y/#faq".
func ID(pageURL, fragment string) string {
	base, _, _ := strings.Cut(pageURL, "#")
	return base + "#" + strings.TrimPrefix(fragment, "#")
}
