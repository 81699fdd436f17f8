package schema

import (
	"fmt"
)

// BreadcrumbList is the trail from the home page to the page, with @id
// ID(url, "breadcrumb"); the page's WebPage points at it with Breadcrumb.
type BreadcrumbList struct {
	ID              string
	ItemListElement []ListItem
	Origin          Origin
}

// ListItem is one crumb: Position counts from 1; Item is the crumb's absolute
// URL and may be left empty on the last crumb (the page itself).
type ListItem struct {
	Position int
	Name     string
	Item     string
	// Origin is the file of the page the crumb names, where a crumb
	// without a name is reported (once, not on every page below it).
	Origin Origin
}

// NodeID implements Node.
func (n BreadcrumbList) NodeID() string { return n.ID }

// NodeType implements Node.
func (BreadcrumbList) NodeType() string { return "BreadcrumbList" }

// MarshalJSON implements json.Marshaler.
func (n BreadcrumbList) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n BreadcrumbList) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	list(w, "itemListElement", n.ItemListElement, true)
	w.close()
}

// MarshalJSON implements json.Marshaler.
func (n ListItem) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n ListItem) appendJSON(w *writer) {
	w.open("ListItem", "")
	w.int("position", n.Position, true)
	w.need("name", n.Name)
	w.str("item", n.Item)
	w.close()
}

func (n BreadcrumbList) origin() Origin { return n.Origin }

func (n BreadcrumbList) check(c *checker) {
	if len(n.ItemListElement) == 0 {
		c.report("itemListElement", fixGenerator, "BreadcrumbList has no items")
	}
	last := len(n.ItemListElement) - 1
	for i, it := range n.ItemListElement {
		path := idx("itemListElement", i)
		if it.Position != i+1 {
			c.report(path+".position", fixGenerator,
				fmt.Sprintf("breadcrumb item %d has position %d, want %d", i+1, it.Position, i+1))
		}
		if it.Name == "" {
			c.reportAt(it.Origin, path+".name", "set title in the front matter of the section's _index.md or of the page",
				fmt.Sprintf("breadcrumb item %d has no name", i+1))
		}
		if it.Item == "" && i != last {
			c.report(path+".item", fixGenerator, fmt.Sprintf("breadcrumb item %d has no item URL", i+1))
		}
		c.url(path+".item", it.Item, false, fixBaseURL)
	}
}
