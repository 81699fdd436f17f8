package ltv

import (
	"net/url"
	"strings"
)

// Widget is what layouts/partials/calculator.html renders: the defaults
// (the form's initial values), their results for the no-JavaScript page,
// the presets and the currency sign.
type Widget struct {
	ID       string // HTML id of the calculator, prefix of its fields' ids
	Defaults Inputs
	Results  Results
	Errors   []FieldError
	Presets  []Preset
	Currency string // shown before money figures, e.g. "$" or "€"
}

// NewWidget computes the results of defaults for the page. An empty id
// becomes "ltv"; characters other than letters, digits, '-' and '_' are
// dropped so the id is safe in for= and aria attributes. An empty
// currency becomes "$".
func NewWidget(id string, defaults Inputs, presets []Preset, currency string) Widget {
	if id = cleanID(id); id == "" {
		id = "ltv"
	}
	if currency == "" {
		currency = "$"
	}
	res, errs := Compute(defaults)
	return Widget{ID: id, Defaults: defaults, Results: res, Errors: errs, Presets: presets, Currency: currency}
}

// Query returns the defaults as a URL query (without "?"): the mode, the
// inputs that count in it and the optional inputs that are set.
func (w Widget) Query() string {
	in := w.Defaults
	parts := []string{"mode=" + queryEscape(string(in.Mode))}
	for _, f := range fields {
		if !f.relevant(in.Mode) {
			continue
		}
		if v := valueText(in, f.key); v != "" {
			parts = append(parts, f.key+"="+v)
		}
	}
	return strings.Join(parts, "&")
}

// ModeIs reports whether the defaults use mode m; the partial hides the
// other model's fields and formulas with it.
func (w Widget) ModeIs(m string) bool { return string(w.Defaults.Mode) == m }

// ErrorFor returns the message for key, or "".
func (w Widget) ErrorFor(key string) string {
	for _, e := range w.Errors {
		if e.Key == key {
			return e.Msg
		}
	}
	return ""
}

// cleanID keeps the characters of id that are safe in an HTML id.
func cleanID(id string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return -1
	}, id)
}

// queryEscape escapes a query value.
func queryEscape(s string) string { return url.QueryEscape(s) }
