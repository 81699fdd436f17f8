package schema

import "fmt"

// Citation is a source a page cites, inlined in the page's node as a
// schema.org CreativeWork (`citation`): Name and URL are required,
// Publisher (an Organization's name) and DatePublished optional.
type Citation struct {
	Name          string
	URL           string
	Publisher     string
	DatePublished string
}

// MarshalJSON implements json.Marshaler.
func (n Citation) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n Citation) appendJSON(w *writer) {
	w.open("CreativeWork", "")
	w.need("name", n.Name)
	w.need("url", n.URL)
	if n.Publisher != "" {
		w.key("publisher")
		w.open("Organization", "")
		w.need("name", n.Publisher)
		w.close()
	}
	w.str("datePublished", n.DatePublished)
	w.close()
}

const fixCitation = "give every entry of sources: a title and an absolute url, such as - { title: \"GEO study\", url: \"https://arxiv.org/abs/2311.09735\" }"

// checkCitations applies the rules of a citation to each of a page's.
func (c *checker) checkCitations(cs []Citation) {
	for i, ct := range cs {
		path := idx("citation", i)
		if ct.Name == "" {
			c.report(path+".name", fixCitation, fmt.Sprintf("%s has no name", path))
		}
		if ct.URL == "" || !isAbsURL(ct.URL) {
			c.report(path+".url", fixCitation, fmt.Sprintf("%s url %q is not an absolute http(s) URL", path, ct.URL))
		}
		c.date(path+".datePublished", ct.DatePublished)
	}
}
