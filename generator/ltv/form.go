package ltv

import (
	"math"
	"regexp"
	"strconv"
	"strings"
)

// The form speaks a visitor's language: rates are percentages ("55" or
// "55%" is a margin of 0.55) and numbers may group thousands with commas
// ("1,000"). The URL query and front matter keep fractions and plain
// numbers (the contract's keys); ParseForm and FormText convert at the
// form's edge. calculator.js has the same two functions (parseFormField,
// formText), and parity_test.go proves they agree.

// groupedRE is a number with commas between groups of three digits.
var groupedRE = regexp.MustCompile(`^-?\d{1,3}(,\d{3})+(\.\d*)?$`)

// percentRE is a trailing percent sign, spaces before it allowed.
var percentRE = regexp.MustCompile(`[ \t]*%$`)

// parseForm reads the text of one form input: the value (a fraction for a
// rate) or a message in the form's terms. Range is checked later by
// Validate, whose messages read the same for fractions and percentages.
func (f field) parseForm(raw string) (*float64, string) {
	s := trimSpace(raw)
	if s == "" {
		if f.optional {
			return nil, ""
		}
		return nil, "Enter the " + f.noun + "."
	}
	bad := f.label + " must be a number, like " + f.form + "."
	if f.rate {
		s = percentRE.ReplaceAllString(s, "")
	}
	if groupedRE.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	if !numberRE.MatchString(s) {
		return nil, bad
	}
	v, _ := strconv.ParseFloat(s, 64)
	if f.rate {
		v /= 100
	}
	return &v, ""
}

// ParseForm reads the calculator's form, raw text by URL key (rates in
// percent), over Defaults, as ApplyQuery reads a query.
func ParseForm(raw map[string]string) (Inputs, []FieldError) {
	return applyParsed(Defaults(), func(key string) (string, bool) {
		s, ok := raw[key]
		return s, ok
	}, field.parseForm)
}

// FormText is the text the form shows for a value: a rate as its
// percentage (0.55 -> "55"), rounded to six decimals so that 0.07 shows
// "7", not "7.000000000000001".
func FormText(key string, v float64) string {
	if f, ok := fieldByKey(key); ok && f.rate {
		v = math.Round(v*100*1e6) / 1e6
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// QueryToForm turns a query value into the form's text: a rate that reads
// as a number becomes its percentage; anything else is shown as written,
// for the form's message to explain.
func QueryToForm(key, text string) string {
	f, ok := fieldByKey(key)
	if !ok || !f.rate {
		return text
	}
	s := trimSpace(text)
	if !numberRE.MatchString(s) {
		return text
	}
	v, _ := strconv.ParseFloat(s, 64)
	return FormText(key, v)
}
