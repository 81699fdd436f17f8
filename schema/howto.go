package schema

import (
	"fmt"
	"strings"
)

// HowTo is a page's ordered playbook from a steps block, with @id
// ID(url, "howto"). Steps are inlined, not referenced.
type HowTo struct {
	ID          string
	Name        string
	Description string
	URL         string
	InLanguage  string
	IsPartOf    *Ref
	Step        []HowToStep
	Origin      Origin
}

// HowToStep is one step: Name is the ### heading, Text its instructions as
// plain text, URL the page URL with the step's #anchor, Position its 1-based
// place (0 leaves it out). Origin is the heading's line.
type HowToStep struct {
	Position int
	Name     string
	Text     string
	URL      string
	Origin   Origin
}

// NodeID implements Node.
func (n HowTo) NodeID() string { return n.ID }

// NodeType implements Node.
func (HowTo) NodeType() string { return "HowTo" }

// MarshalJSON implements json.Marshaler.
func (n HowTo) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n HowTo) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("name", n.Name)
	w.str("description", n.Description)
	w.str("url", n.URL)
	w.str("inLanguage", n.InLanguage)
	w.ref("isPartOf", n.IsPartOf)
	list(w, "step", n.Step, true)
	w.close()
}

// MarshalJSON implements json.Marshaler.
func (n HowToStep) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n HowToStep) appendJSON(w *writer) {
	w.open("HowToStep", "")
	w.int("position", n.Position, false)
	w.str("name", n.Name)
	w.need("text", n.Text)
	w.str("url", n.URL)
	w.close()
}

func (n HowTo) origin() Origin { return n.Origin }

func (n HowTo) check(c *checker) {
	c.need("name", n.Name, fixTitle)
	c.url("url", n.URL, false, fixBaseURL)
	c.ref("isPartOf", n.IsPartOf)
	if len(n.Step) == 0 {
		c.report("step", "write at least one ### step heading in the steps block", "HowTo has no steps")
	}
	for i, s := range n.Step {
		s.check(c, idx("step", i), i)
	}
}

// check applies the HowToStep rules for the step at index i.
func (s HowToStep) check(c *checker, path string, i int) {
	if strings.TrimSpace(s.Text) == "" && strings.TrimSpace(s.Name) == "" {
		c.reportAt(s.Origin, path+".text", fixStep, fmt.Sprintf("step %d has neither text nor name", i+1))
	}
	if s.Position != 0 && s.Position != i+1 {
		c.reportAt(s.Origin, path+".position", fixGenerator,
			fmt.Sprintf("step %d has position %d, want %d", i+1, s.Position, i+1))
	}
	if s.URL != "" && !isAbsURL(s.URL) {
		c.reportAt(s.Origin, path+".url", fixBaseURL,
			fmt.Sprintf("step %d url %q is not an absolute http(s) URL", i+1, s.URL))
	}
}
