package schema

// DefinedTerm is a reusable best answer (an answers/ page) as a defined
// term, with @id ID(url, "term"): Name is the question or term,
// Description the direct answer, TermCode the answer's slug.
type DefinedTerm struct {
	ID               string
	Name             string
	Description      string
	URL              string
	TermCode         string
	InDefinedTermSet *Ref
	Origin           Origin
}

// DefinedTermSet is the answers section, with @id ID(sectionURL, "terms");
// every DefinedTerm's InDefinedTermSet points at it.
type DefinedTermSet struct {
	ID             string
	Name           string
	Description    string
	URL            string
	HasDefinedTerm []Ref
	Origin         Origin
}

// NodeID implements Node.
func (n DefinedTerm) NodeID() string { return n.ID }

// NodeType implements Node.
func (DefinedTerm) NodeType() string { return "DefinedTerm" }

// MarshalJSON implements json.Marshaler.
func (n DefinedTerm) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n DefinedTerm) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("name", n.Name)
	w.need("description", n.Description)
	w.str("url", n.URL)
	w.str("termCode", n.TermCode)
	w.ref("inDefinedTermSet", n.InDefinedTermSet)
	w.close()
}

func (n DefinedTerm) origin() Origin { return n.Origin }

func (n DefinedTerm) check(c *checker) {
	c.need("name", n.Name, fixTitle)
	c.need("description", n.Description, "write the direct answer as the first paragraph of the answer block")
	c.url("url", n.URL, false, fixBaseURL)
	c.ref("inDefinedTermSet", n.InDefinedTermSet, "DefinedTermSet")
}

// NodeID implements Node.
func (n DefinedTermSet) NodeID() string { return n.ID }

// NodeType implements Node.
func (DefinedTermSet) NodeType() string { return "DefinedTermSet" }

// MarshalJSON implements json.Marshaler.
func (n DefinedTermSet) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n DefinedTermSet) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("name", n.Name)
	w.str("description", n.Description)
	w.str("url", n.URL)
	w.refs("hasDefinedTerm", n.HasDefinedTerm)
	w.close()
}

func (n DefinedTermSet) origin() Origin { return n.Origin }

func (n DefinedTermSet) check(c *checker) {
	c.need("name", n.Name, "set title in content/answers/_index.md")
	c.url("url", n.URL, false, fixBaseURL)
	c.refs("hasDefinedTerm", n.HasDefinedTerm, "DefinedTerm")
}
