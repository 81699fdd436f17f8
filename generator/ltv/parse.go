package ltv

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// numberRE is the only number syntax accepted: digits with an optional
// decimal point and exponent, optionally negative (so "-5" earns "cannot be
// negative" rather than "not a number"). No commas, currency signs, "%",
// hex, underscores, "NaN" or "Inf": calculator.js uses the same pattern.
var numberRE = regexp.MustCompile(`^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$`)

// trimSpace cuts ASCII blanks only, as calculator.js does, so that Go and
// JavaScript agree on what counts as blank.
func trimSpace(s string) string { return strings.Trim(s, " \t\n\r") }

// parse reads the text of one numeric input. It returns nil and no
// message for a blank optional field, and a message for blank required
// fields and unreadable text. Range is checked later by Validate.
func (f field) parse(raw string) (*float64, string) {
	s := trimSpace(raw)
	if s == "" {
		if f.optional {
			return nil, ""
		}
		return nil, "Enter the " + f.noun + "."
	}
	if !numberRE.MatchString(s) {
		return nil, f.label + " must be a number, like " + f.example + "."
	}
	// The pattern admits only decimal syntax; an out-of-range exponent
	// gives ±Inf (or 0), which Validate turns into a range message.
	v, _ := strconv.ParseFloat(s, 64)
	return &v, ""
}

// parseMode reads a mode name.
func parseMode(raw string) (Mode, bool) {
	switch m := Mode(trimSpace(raw)); m {
	case Purchase, Churn:
		return m, true
	}
	return "", false
}

// ParseQuery reads calculator inputs from a URL query, starting from
// Defaults for the keys that are absent. See ApplyQuery.
func ParseQuery(q url.Values) (Inputs, []FieldError) {
	return ApplyQuery(Defaults(), q)
}

// ApplyQuery overlays the calculator keys present in q on base. Values are
// data only: numbers in the syntax of numberRE, mode "purchase" or "churn".
// A blank optional key clears it; unknown keys (and "preset") are ignored.
// Problems with keys that do not count in the resulting mode are ignored
// too (the value is not used), so a visitor never sees an error on a hidden
// field. The errors, at most one per key in Keys order, cover unreadable
// text and out-of-range values.
func ApplyQuery(base Inputs, q url.Values) (Inputs, []FieldError) {
	return applyRaw(base, func(key string) (string, bool) {
		vs, ok := q[key]
		if !ok || len(vs) == 0 {
			return "", false
		}
		return vs[0], true
	})
}

// applyRaw is ApplyQuery over any source of raw text by key.
func applyRaw(base Inputs, lookup func(string) (string, bool)) (Inputs, []FieldError) {
	return applyParsed(base, lookup, field.parse)
}

// applyParsed is applyRaw with the syntax of the values chosen: parse
// reads a query's, parseForm the form's.
func applyParsed(base Inputs, lookup func(string) (string, bool), parse func(field, string) (*float64, string)) (Inputs, []FieldError) {
	in := base
	parsed := map[string]FieldError{}
	if raw, ok := lookup("mode"); ok {
		if m, ok := parseMode(raw); ok {
			in.Mode = m
		} else {
			parsed["mode"] = FieldError{Key: "mode", Msg: modeMsg}
		}
	}
	for _, f := range fields {
		raw, ok := lookup(f.key)
		if !ok {
			continue
		}
		v, msg := parse(f, raw)
		if msg != "" {
			if f.relevant(in.Mode) {
				parsed[f.key] = FieldError{Key: f.key, Msg: msg}
			}
			continue
		}
		f.set(&in, v)
	}
	return in, mergeErrors(parsed, in.Validate())
}
