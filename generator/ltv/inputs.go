package ltv

import "math"

// Inputs are the calculator inputs. Rates are fractions (Margin 0.5 = 50%).
// The optional inputs are nil when not given; the figures that need them
// are then not shown.
type Inputs struct {
	Mode      Mode
	AOV       float64 // average order value, currency per order (purchase)
	Frequency float64 // purchases per customer per year (purchase)
	Years     float64 // retention in years, fractions allowed (purchase)
	Margin    float64 // gross margin, 0–1 (both models)
	ARPA      float64 // monthly revenue per account (churn)
	Churn     float64 // share of accounts lost per month, 0.0001–1 (churn)

	Discount *float64 // annual discount rate, 0–1
	CAC      *float64 // customer acquisition cost, currency per customer
	Attach   *float64 // share of customers who buy the add-on, 0–1
	Addon    *float64 // add-on revenue per buying customer per year
	Uplift   *float64 // upsell uplift on AOV (ARPA in the churn model), 0–10
}

// FieldError is a problem with one input, in words a visitor understands.
type FieldError struct {
	Key string // the URL query key of the input, e.g. "aov"
	Msg string
}

// Error implements error.
func (e FieldError) Error() string { return e.Key + ": " + e.Msg }

// modeMsg is the message for a mode other than purchase or churn.
const modeMsg = `Mode must be "purchase" or "churn".`

// Defaults returns the built-in starting values: a purchase model with
// AOV 100, 4 purchases a year, 3 years and a 50% margin (revenue LTV 1,200,
// profit LTV 600), and a churn model with ARPA 50 and 5% monthly churn.
// Inputs read from a query or a YAML block start from these.
func Defaults() Inputs {
	return Inputs{Mode: Purchase, AOV: 100, Frequency: 4, Years: 3, Margin: 0.5, ARPA: 50, Churn: 0.05}
}

// Validate checks every input that counts in the chosen mode and returns
// at most one error per key, in Keys order.
func (in Inputs) Validate() []FieldError {
	var errs []FieldError
	mode := in.Mode
	if mode != Purchase && mode != Churn {
		errs = append(errs, FieldError{Key: "mode", Msg: modeMsg})
	}
	for _, f := range fields {
		if !f.relevant(mode) {
			continue
		}
		if v := f.get(&in); v != nil {
			if msg := f.check(*v); msg != "" {
				errs = append(errs, FieldError{Key: f.key, Msg: msg})
			}
		}
	}
	return errs
}

// check returns the message for a value outside the field's range, or "".
func (f field) check(v float64) string {
	switch {
	case math.IsNaN(v):
		return f.label + " must be a number, like " + f.example + "."
	case v < 0:
		return f.label + " cannot be negative."
	case v < f.min:
		return f.minMsg
	case v > f.max:
		return f.label + " must be at most " + f.maxText + "."
	}
	return ""
}

// mergeErrors keeps one error per key in Keys order: the parse error when
// the text was unreadable, else the range error.
func mergeErrors(parsed map[string]FieldError, ranged []FieldError) []FieldError {
	var out []FieldError
	for _, k := range Keys {
		if e, ok := parsed[k]; ok {
			out = append(out, e)
			continue
		}
		for _, e := range ranged {
			if e.Key == k {
				out = append(out, e)
				break
			}
		}
	}
	return out
}
