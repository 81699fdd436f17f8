package ltv

import (
	"strconv"
	"strings"
)

// Preset is a vertical's starting values for the calculator, offered in
// the preset select. Values maps URL keys to their text ("aov" → "42").
type Preset struct {
	Slug   string // the vertical's slug, written to the query as preset=
	Name   string // what the select shows
	Values map[string]string
}

// NewPreset builds a Preset from a vertical's decoded `calculator:` map,
// checking it with FromMap. Only the keys given are kept, so applying the
// preset leaves the other inputs as they are.
func NewPreset(slug, name string, m map[string]any) (Preset, []FieldError) {
	in, errs := FromMap(m)
	p := Preset{Slug: slug, Name: name, Values: map[string]string{}}
	for _, k := range Keys {
		if _, ok := m[k]; ok && !hasKeyError(errs, k) {
			p.Values[k] = valueText(in, k)
		}
	}
	return p, errs
}

// Query returns the preset's values as a URL query in Keys order; the
// page keeps it in the option's data-values attribute.
func (p Preset) Query() string {
	var parts []string
	for _, k := range Keys {
		if v, ok := p.Values[k]; ok {
			parts = append(parts, k+"="+queryEscape(v))
		}
	}
	return strings.Join(parts, "&")
}

// valueText is the text of key in in, "" for an unset optional input.
func valueText(in Inputs, key string) string {
	if key == "mode" {
		return string(in.Mode)
	}
	f, _ := fieldByKey(key)
	if v := f.get(&in); v != nil {
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	return ""
}

// hasKeyError reports whether errs holds an error for key.
func hasKeyError(errs []FieldError, key string) bool {
	for _, e := range errs {
		if e.Key == key {
			return true
		}
	}
	return false
}
