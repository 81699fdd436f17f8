package schema

// CreativeWork is a prompt-workflow card, with @id ID(url, "workflow"):
// Text is the prompt, About the terms it concerns, Keywords its verticals
// and tags.
type CreativeWork struct {
	ID          string
	Name        string
	Description string
	Text        string
	URL         string
	InLanguage  string
	Author      []Ref
	About       []Ref
	Keywords    []string
	IsPartOf    *Ref
	Origin      Origin
}

// NodeID implements Node.
func (n CreativeWork) NodeID() string { return n.ID }

// NodeType implements Node.
func (CreativeWork) NodeType() string { return "CreativeWork" }

// MarshalJSON implements json.Marshaler.
func (n CreativeWork) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n CreativeWork) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("name", n.Name)
	w.str("description", n.Description)
	w.str("text", n.Text)
	w.str("url", n.URL)
	w.str("inLanguage", n.InLanguage)
	w.refs("author", n.Author)
	w.refs("about", n.About)
	w.strs("keywords", n.Keywords)
	w.ref("isPartOf", n.IsPartOf)
	w.close()
}

func (n CreativeWork) origin() Origin { return n.Origin }

func (n CreativeWork) check(c *checker) {
	c.need("name", n.Name, fixTitle)
	c.url("url", n.URL, false, fixBaseURL)
	c.refs("author", n.Author, "Person", "Organization")
	c.refs("about", n.About)
	c.ref("isPartOf", n.IsPartOf)
}
