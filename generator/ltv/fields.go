package ltv

// Mode selects the LTV model.
type Mode string

const (
	// Purchase is the repeat-purchase model: AOV × frequency × years.
	Purchase Mode = "purchase"
	// Churn is the subscription model: ARPA × margin ÷ monthly churn.
	Churn Mode = "churn"
)

// Keys lists the URL query keys of the calculator inputs in their canonical
// order; errors, queries and the form all follow it.
var Keys = []string{"mode", "aov", "frequency", "years", "margin", "arpa",
	"churn", "discount", "cac", "attach", "addon", "uplift"}

// field describes one numeric input: its key, how a visitor sees it and
// its valid range. The JavaScript calculator carries the same table.
type field struct {
	key      string
	label    string // sentence-case label, starts messages
	noun     string // lower-case, for "Enter the …"
	example  string // shown in "must be a number, like …" for a query or front matter value
	form     string // the same for the form, where rates are percentages
	min, max float64
	minMsg   string // message when 0 <= v < min; empty when min is 0
	maxText  string // max as a visitor reads it
	mode     Mode   // "" when the field counts in both models
	optional bool
	rate     bool // a fraction shown with its percent
}

// fields is the table of numeric inputs in Keys order (without mode).
var fields = []field{
	{key: "aov", label: "Average order value", noun: "average order value", example: "120 or 49.90",
		max: 1e7, maxText: "10,000,000", mode: Purchase, form: "120 or 1,049.90"},
	{key: "frequency", label: "Purchases per year", noun: "purchases per year", example: "4 or 0.5",
		max: 365, maxText: "365 a year", mode: Purchase, form: "4 or 0.5"},
	{key: "years", label: "Retention in years", noun: "retention in years", example: "3 or 2.5",
		max: 100, maxText: "100 years", mode: Purchase, form: "3 or 2.5"},
	{key: "margin", label: "Gross margin", noun: "gross margin", example: "0.6 for 60%",
		max: 1, maxText: "100%", rate: true, form: "60 or 60%"},
	{key: "arpa", label: "Monthly revenue per account", noun: "monthly revenue per account", example: "49 or 120.50",
		max: 1e7, maxText: "10,000,000", mode: Churn, form: "49 or 1,200.50"},
	{key: "churn", label: "Monthly churn", noun: "monthly churn", example: "0.05 for 5% a month",
		min: 0.0001, max: 1, maxText: "100% a month", mode: Churn, rate: true, form: "5 for 5% a month",
		minMsg: "Monthly churn must be at least 0.01% a month: with no churn a customer would stay forever."},
	{key: "discount", label: "Annual discount rate", noun: "annual discount rate", example: "0.1 for 10% a year",
		max: 1, maxText: "100% a year", optional: true, rate: true, form: "10 for 10% a year"},
	{key: "cac", label: "CAC", noun: "customer acquisition cost", example: "250",
		min: 1, max: 1e9, maxText: "1,000,000,000", optional: true, form: "250 or 1,500",
		minMsg: "CAC must be at least 1; leave it blank if you do not know it."},
	{key: "attach", label: "Attach rate", noun: "attach rate", example: "0.2 for 20%",
		max: 1, maxText: "100%", optional: true, rate: true, form: "20 for 20%"},
	{key: "addon", label: "Add-on value per year", noun: "add-on value per year", example: "120",
		max: 1e7, maxText: "10,000,000", optional: true, form: "120 or 1,200"},
	{key: "uplift", label: "Upsell uplift", noun: "upsell uplift", example: "0.1 for +10%",
		max: 10, maxText: "+1,000%", optional: true, rate: true, form: "10 for +10%"},
}

// fieldByKey returns the field of a numeric key.
func fieldByKey(key string) (field, bool) {
	for _, f := range fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// relevant reports whether the field counts in mode m.
func (f field) relevant(m Mode) bool { return f.mode == "" || f.mode == m }

// get returns the value of the field in, nil when an optional one is unset.
func (f field) get(in *Inputs) *float64 {
	switch f.key {
	case "aov":
		return &in.AOV
	case "frequency":
		return &in.Frequency
	case "years":
		return &in.Years
	case "margin":
		return &in.Margin
	case "arpa":
		return &in.ARPA
	case "churn":
		return &in.Churn
	}
	return *f.optionalSlot(in)
}

// set stores v (nil clears an optional field; required fields ignore nil).
func (f field) set(in *Inputs, v *float64) {
	if f.optional {
		*f.optionalSlot(in) = v
		return
	}
	if v != nil {
		*f.get(in) = *v
	}
}

// optionalSlot returns where an optional field lives in in.
func (f field) optionalSlot(in *Inputs) **float64 {
	switch f.key {
	case "discount":
		return &in.Discount
	case "cac":
		return &in.CAC
	case "attach":
		return &in.Attach
	case "addon":
		return &in.Addon
	}
	return &in.Uplift
}
