package schema

// WebSite is the site itself, with @id ID(baseURL, "website"); every page's
// WebPage is isPartOf it.
type WebSite struct {
	ID          string
	URL         string
	Name        string
	Description string
	InLanguage  string
	Publisher   *Ref
	Origin      Origin
}

// NodeID implements Node.
func (n WebSite) NodeID() string { return n.ID }

// NodeType implements Node.
func (WebSite) NodeType() string { return "WebSite" }

// MarshalJSON implements json.Marshaler.
func (n WebSite) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n WebSite) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("url", n.URL)
	w.need("name", n.Name)
	w.str("description", n.Description)
	w.str("inLanguage", n.InLanguage)
	w.ref("publisher", n.Publisher)
	w.close()
}

func (n WebSite) origin() Origin { return n.Origin }

func (n WebSite) check(c *checker) {
	c.need("name", n.Name, fixSiteTitle)
	c.url("url", n.URL, true, fixBaseURL)
	c.ref("publisher", n.Publisher, "Organization", "Person")
}

// Organization is the publisher named in site.yaml, with @id
// ID(baseURL, "org").
type Organization struct {
	ID     string
	Name   string
	URL    string
	Logo   *ImageObject
	SameAs []string
	Origin Origin
}

// NodeID implements Node.
func (n Organization) NodeID() string { return n.ID }

// NodeType implements Node.
func (Organization) NodeType() string { return "Organization" }

// MarshalJSON implements json.Marshaler.
func (n Organization) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n Organization) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("name", n.Name)
	w.need("url", n.URL)
	object(w, "logo", n.Logo)
	w.strs("sameAs", n.SameAs)
	w.close()
}

func (n Organization) origin() Origin { return n.Origin }

func (n Organization) check(c *checker) {
	c.need("name", n.Name, fixOrgName)
	c.url("url", n.URL, true, fixOrgURL)
	if n.Logo != nil {
		c.url("logo.url", n.Logo.URL, true, fixOrgLogo)
	}
	for i, s := range n.SameAs {
		c.url(idx("sameAs", i), s, true, fixOrgURL)
	}
}

// ImageObject is an image inlined in its owner, such as an Organization logo.
// Search engines want logos at least 112x112 pixels; Width and Height are
// optional.
type ImageObject struct {
	URL    string
	Width  int
	Height int
}

// MarshalJSON implements json.Marshaler.
func (n ImageObject) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n ImageObject) appendJSON(w *writer) {
	w.open("ImageObject", "")
	w.need("url", n.URL)
	w.int("width", n.Width, false)
	w.int("height", n.Height, false)
	w.close()
}

// Person is an author, with @id such as ID(baseURL, "person/jane-doe").
type Person struct {
	ID       string
	Name     string
	URL      string
	JobTitle string
	SameAs   []string // profiles elsewhere
	Origin   Origin
}

// NodeID implements Node.
func (n Person) NodeID() string { return n.ID }

// NodeType implements Node.
func (Person) NodeType() string { return "Person" }

// MarshalJSON implements json.Marshaler.
func (n Person) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n Person) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("name", n.Name)
	w.str("url", n.URL)
	w.str("jobTitle", n.JobTitle)
	w.strs("sameAs", n.SameAs)
	w.close()
}

func (n Person) origin() Origin { return n.Origin }

func (n Person) check(c *checker) {
	c.need("name", n.Name, "set author in the page's front matter or in site.yaml")
	c.url("url", n.URL, false, "write the author's URL as an absolute http(s) URL")
	for i, u := range n.SameAs {
		c.url(idx("sameAs", i), u, true, "write each of the author's same_as profiles in site.yaml as an absolute http(s) URL")
	}
}
