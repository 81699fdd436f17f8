package schema

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// rule is implemented by every node type of this package: it knows where the
// node came from and which schema.org and rich-result rules apply to it.
type rule interface {
	origin() Origin
	check(c *checker)
}

// checker collects violations while Validate walks a graph.
type checker struct {
	types map[string]string // @id → @type of every top-level node
	out   []Violation
	node  string // @id of the node being checked
	typ   string // @type of the node being checked
	at    Origin // origin of the node being checked
}

// Validate applies schema.org's required properties and the rich-result rules
// to g and returns every violation found, nil when there is none: first the
// @type and @id problems of all nodes, then each node's own rules, in graph
// order.
func Validate(g *Graph) []Violation {
	c := &checker{types: map[string]string{}}
	if g == nil || len(g.Nodes) == 0 {
		c.report("@graph", fixGenerator, "the JSON-LD graph has no nodes")
		return c.out
	}
	for i, n := range g.Nodes {
		c.identify(i, n)
	}
	for _, n := range g.Nodes {
		if r, ok := n.(rule); ok && !isNil(n) {
			c.enter(n, r.origin())
			r.check(c)
		}
	}
	return c.out
}

// identify applies the rules every top-level node shares (@type, a unique
// absolute @id) and records the node so references to it resolve.
func (c *checker) identify(i int, n Node) {
	if isNil(n) {
		c.enter(nil, Origin{})
		c.report(fmt.Sprintf("@graph[%d]", i), fixGenerator, "the graph holds a nil node")
		return
	}
	var at Origin
	if r, ok := n.(rule); ok {
		at = r.origin()
	}
	c.enter(n, at)
	id := n.NodeID()
	switch {
	case c.typ == "":
		c.report("@type", fixGenerator, "node has no @type")
	case id == "":
		c.report("@id", fixBaseURL, fmt.Sprintf("%s has no @id", c.typ))
	case !isAbsURL(id):
		c.report("@id", fixBaseURL, fmt.Sprintf("%s @id %q is not an absolute http(s) URL", c.typ, id))
	}
	if id == "" {
		return
	}
	if _, dup := c.types[id]; dup {
		c.report("@id", fixDuplicate, fmt.Sprintf("@id %q is used by more than one node", id))
		return
	}
	c.types[id] = c.typ
}

// enter makes n the node that following reports are about.
func (c *checker) enter(n Node, at Origin) {
	c.node, c.typ, c.at = "", "", at
	if n != nil {
		c.node, c.typ = n.NodeID(), n.NodeType()
	}
}

// report records a violation at the current node's origin.
func (c *checker) report(path, fix, msg string) { c.reportAt(Origin{}, path, fix, msg) }

// reportAt records a violation at o, or at the current node's origin when o
// is unknown, so a question or step without a line still points somewhere.
func (c *checker) reportAt(o Origin, path, fix, msg string) {
	if o == (Origin{}) {
		o = c.at
	}
	c.out = append(c.out, Violation{Origin: o, NodeID: c.node, Path: path, Msg: msg, Fix: fix})
}

// need reports a required text property that is empty.
func (c *checker) need(path, val, fix string) bool {
	if strings.TrimSpace(val) != "" {
		return true
	}
	c.report(path, fix, fmt.Sprintf("%s has no %s", c.typ, path))
	return false
}

// url reports a URL property that is not absolute http(s); an empty value
// is reported only when required.
func (c *checker) url(path, val string, required bool, fix string) {
	if val == "" {
		if required {
			c.report(path, fix, fmt.Sprintf("%s has no %s", c.typ, path))
		}
		return
	}
	if !isAbsURL(val) {
		c.report(path, fix, fmt.Sprintf("%s %s %q is not an absolute http(s) URL", c.typ, path, val))
	}
}

// ref reports a reference that does not resolve to a node in the graph or
// resolves to a node of another type than one of want (any type when empty).
func (c *checker) ref(path string, r *Ref, want ...string) {
	if r == nil {
		return
	}
	typ, ok := c.types[r.ID]
	switch {
	case r.ID == "":
		c.report(path, fixGenerator, fmt.Sprintf("%s is a reference with an empty @id", path))
	case !ok:
		c.report(path, fixRef, fmt.Sprintf("%s points at %q, which is not in the graph", path, r.ID))
	case len(want) > 0 && !slices.Contains(want, typ):
		c.report(path, fixRef, fmt.Sprintf("%s points at a %s, want %s", path, typ, strings.Join(want, " or ")))
	}
}

// refs checks each reference of a list.
func (c *checker) refs(path string, rs []Ref, want ...string) {
	for i := range rs {
		c.ref(idx(path, i), &rs[i], want...)
	}
}

// isNil reports whether n is nil or a typed nil pointer, which would panic
// when its value-receiver methods are called.
func isNil(n Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// idx returns path[i], the notation of Violation.Path.
func idx(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }
