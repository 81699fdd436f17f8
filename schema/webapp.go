package schema

// WebApplication is the LTV calculator, with @id ID(url, "app").
// ApplicationCategory is "BusinessApplication" and OperatingSystem "Any";
// Offers carries price 0 because the calculator is free.
type WebApplication struct {
	ID                  string
	Name                string
	URL                 string
	Description         string
	ApplicationCategory string
	OperatingSystem     string
	BrowserRequirements string
	IsAccessibleForFree bool
	InLanguage          string
	IsPartOf            *Ref
	Offers              *Offer
	Origin              Origin
}

// Offer is a price: Price 0 with PriceCurrency "USD" for a free tool.
type Offer struct {
	Price         float64
	PriceCurrency string
}

// NodeID implements Node.
func (n WebApplication) NodeID() string { return n.ID }

// NodeType implements Node.
func (WebApplication) NodeType() string { return "WebApplication" }

// MarshalJSON implements json.Marshaler.
func (n WebApplication) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n WebApplication) appendJSON(w *writer) {
	w.open(n.NodeType(), n.ID)
	w.need("name", n.Name)
	w.need("url", n.URL)
	w.str("description", n.Description)
	w.need("applicationCategory", n.ApplicationCategory)
	w.str("operatingSystem", n.OperatingSystem)
	w.str("browserRequirements", n.BrowserRequirements)
	w.bool("isAccessibleForFree", n.IsAccessibleForFree)
	w.str("inLanguage", n.InLanguage)
	w.ref("isPartOf", n.IsPartOf)
	object(w, "offers", n.Offers)
	w.close()
}

// MarshalJSON implements json.Marshaler.
func (n Offer) MarshalJSON() ([]byte, error) { return marshal(n) }

func (n Offer) appendJSON(w *writer) {
	w.open("Offer", "")
	w.number("price", n.Price)
	w.str("priceCurrency", n.PriceCurrency)
	w.close()
}

func (n WebApplication) origin() Origin { return n.Origin }

func (n WebApplication) check(c *checker) {
	c.need("name", n.Name, fixTitle)
	c.url("url", n.URL, true, fixBaseURL)
	c.need("applicationCategory", n.ApplicationCategory, fixGenerator)
	if n.Offers == nil {
		c.report("offers", fixGenerator, "WebApplication has no offers")
	} else if n.Offers.Price < 0 {
		c.report("offers.price", fixGenerator, "WebApplication offers a negative price")
	}
	c.ref("isPartOf", n.IsPartOf)
}
