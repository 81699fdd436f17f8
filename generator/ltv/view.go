package ltv

import "strconv"

// Section is one fieldset of the form.
type Section struct {
	Name   string // CSS hook: purchase, churn, profit, discount, cac, expansion
	Legend string
	Mode   string // the model it belongs to, "" for both
	Hidden bool   // true when it belongs to the model not shown
	Fields []Field
}

// Field is one labelled input, with its hint and any error.
type Field struct {
	Key      string // URL key and input name
	ID       string // input id
	Label    string
	Unit     string
	Hint     string
	Value    string // the default's text as the form shows it (FormText), "" when unset
	Error    string
	Rate     bool
	Required bool
}

// Figure is one result as the page shows it.
type Figure struct {
	Name   string // data-result
	Label  string
	Prefix string // currency sign, or ""
	Suffix string // ":1", " months", or ""
	Value  string // raw number for data-value, "" when not shown
	Text   string // formatted number, or Dash
	Note   string // why it is not shown
}

// sectionKeys lists each part of the form: main inputs, then the ones
// under "More".
var sectionKeys = map[string][]struct {
	name, legend string
	mode         Mode
	keys         []string
}{
	"main": {
		{"purchase", "Purchase model", Purchase, []string{"aov", "frequency", "years"}},
		{"churn", "Subscription model", Churn, []string{"arpa", "churn"}},
		{"profit", "Profit", "", []string{"margin"}},
	},
	"more": {
		{"discount", "Discounting", "", []string{"discount"}},
		{"cac", "Acquisition cost", "", []string{"cac"}},
		{"expansion", "Expansion scenario", "", []string{"attach", "addon", "uplift"}},
	},
}

// Sections returns the fieldsets of one part of the form: "main" (both
// models and the margin) or "more" (discount, CAC, expansion).
func (w Widget) Sections(part string) []Section {
	var out []Section
	for _, s := range sectionKeys[part] {
		sec := Section{Name: s.name, Legend: s.legend, Mode: string(s.mode),
			Hidden: s.mode != "" && s.mode != w.Defaults.Mode}
		for _, k := range s.keys {
			sec.Fields = append(sec.Fields, w.field(k))
		}
		out = append(out, sec)
	}
	return out
}

// MoreOpen reports whether any optional input has a default, so the
// "More" details start open.
func (w Widget) MoreOpen() bool {
	in := w.Defaults
	return in.Discount != nil || in.CAC != nil || in.Attach != nil || in.Addon != nil || in.Uplift != nil
}

// field builds the view of one input.
func (w Widget) field(key string) Field {
	f, _ := fieldByKey(key)
	out := Field{Key: key, ID: w.ID + "-" + key, Label: f.label, Unit: fieldUnits[key],
		Hint: fieldHints[key], Error: w.ErrorFor(key), Rate: f.rate, Required: !f.optional}
	if out.Unit == "" {
		out.Unit = w.Currency + moneyUnits[key]
	}
	if v := f.get(&w.Defaults); v != nil {
		out.Value = FormText(key, *v)
	}
	return out
}

// fieldUnits are the units of the non-money inputs.
var fieldUnits = map[string]string{
	"frequency": "per customer per year",
	"years":     "years",
	"margin":    "%",
	"churn":     "% per month",
	"discount":  "% per year",
	"attach":    "% of customers",
	"uplift":    "% added to each order",
}

// moneyUnits follow the currency sign for money inputs.
var moneyUnits = map[string]string{
	"aov":   " per order",
	"arpa":  " per account per month",
	"cac":   " per new customer",
	"addon": " per buyer per year",
}

// fieldHints explain each input in a sentence.
var fieldHints = map[string]string{
	"aov":       "Revenue per order, up to 10,000,000; 1,000 is fine.",
	"frequency": "How many times a customer buys in a year, up to 365.",
	"years":     "How long a customer keeps buying, up to 100; 2.5 is fine.",
	"margin":    "60 means 60% of revenue is left after direct costs.",
	"arpa":      "Average revenue per account each month, up to 10,000,000.",
	"churn":     "5 means 5% of accounts cancel each month.",
	"discount":  "Optional. 10 means money a year away is worth 10% less today.",
	"cac":       "Optional. What it costs to win one customer.",
	"attach":    "Optional. 20 means 20% of customers buy the add-on.",
	"addon":     "Optional. Yearly revenue from one customer who buys the add-on.",
	"uplift":    "Optional. 10 means +10% on every order (on monthly revenue in the subscription model).",
}

// figureSpecs lists the figures of each result group.
var figureSpecs = map[string][]struct {
	name, label string
	money       bool
	suffix      string
}{
	"main": {
		{ResultRevenueLTV, "Revenue LTV", true, ""},
		{ResultProfitLTV, "Profit LTV", true, ""},
		{ResultDiscountedLTV, "Discounted profit LTV", true, ""},
		{ResultLTVCAC, "LTV:CAC", false, ":1"},
		{ResultPaybackMonths, "CAC payback", false, " months"},
	},
	"expansion": {
		{ResultExpandedBefore, "Profit LTV before", true, ""},
		{ResultExpandedLTV, "Profit LTV after", true, ""},
		{ResultExpansionDelta, "Difference", true, ""},
	},
}

// Figures returns the results of one group, "main" or "expansion", as
// the page shows them without JavaScript.
func (w Widget) Figures(group string) []Figure {
	var out []Figure
	for _, s := range figureSpecs[group] {
		fig := Figure{Name: s.name, Label: s.label, Suffix: s.suffix, Text: Dash}
		if s.money {
			fig.Prefix = w.Currency
		}
		if v := w.Results.Value(s.name); v != nil {
			fig.Value = strconv.FormatFloat(*v, 'f', -1, 64)
			fig.Text = Format(*v)
		}
		fig.Note = w.Results.Notes[s.name]
		out = append(out, fig)
	}
	return out
}

// Value returns the figure called name, nil when it is not shown.
func (r Results) Value(name string) *float64 {
	if !r.OK {
		return nil
	}
	switch name {
	case ResultRevenueLTV:
		return &r.RevenueLTV
	case ResultProfitLTV, ResultExpandedBefore:
		return &r.ProfitLTV
	case ResultDiscountedLTV:
		return r.DiscountedLTV
	case ResultLTVCAC:
		return r.LTVCAC
	case ResultPaybackMonths:
		return r.PaybackMonths
	case ResultExpandedLTV:
		return r.ExpandedLTV
	case ResultExpansionDelta:
		return r.ExpansionDelta
	}
	return nil
}
