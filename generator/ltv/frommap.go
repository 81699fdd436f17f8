package ltv

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// FromMap reads calculator inputs from a decoded front matter map (a
// vertical's `calculator:` preset, a calculator page's `defaults:`), keyed
// by the URL query keys, starting from Defaults. Every key present is
// checked whatever the mode, since an author wrote it: unknown keys,
// values that are not numbers and values out of range are errors. Numbers
// may be YAML/TOML numbers or strings in the query syntax ("0.5").
func FromMap(m map[string]any) (Inputs, []FieldError) {
	in := Defaults()
	var errs []FieldError
	for _, k := range Keys {
		if v, ok := m[k]; ok {
			if e := applyValue(&in, k, v); e != nil {
				errs = append(errs, *e)
			}
		}
	}
	for _, k := range sortedKeys(m) {
		if !isKey(k) {
			errs = append(errs, FieldError{Key: k, Msg: unknownKeyMsg(k)})
		}
	}
	return in, errs
}

// applyValue sets key to the decoded value v when it is valid.
func applyValue(in *Inputs, key string, v any) *FieldError {
	if key == "mode" {
		s, _ := v.(string)
		m, ok := parseMode(s)
		if !ok {
			return &FieldError{Key: key, Msg: modeMsg}
		}
		in.Mode = m
		return nil
	}
	f, _ := fieldByKey(key)
	num, msg := f.value(v)
	if msg == "" && num != nil {
		msg = f.check(*num)
	}
	if msg != "" {
		return &FieldError{Key: key, Msg: msg}
	}
	f.set(in, num)
	return nil
}

// value converts a decoded YAML/TOML/JSON value to a number; nil stands
// for a blank value.
func (f field) value(v any) (*float64, string) {
	if v == nil {
		return f.parse("")
	}
	if s, ok := v.(string); ok {
		return f.parse(s)
	}
	rv := reflect.ValueOf(v)
	var x float64
	switch {
	case rv.CanInt():
		x = float64(rv.Int())
	case rv.CanUint():
		x = float64(rv.Uint())
	case rv.CanFloat():
		x = rv.Float()
	default:
		return nil, f.label + " must be a number, like " + f.example + "."
	}
	return &x, ""
}

// isKey reports whether k is a calculator input key.
func isKey(k string) bool {
	for _, known := range Keys {
		if k == known {
			return true
		}
	}
	return false
}

// unknownKeyMsg names an unknown key and, when one is close, the key meant.
func unknownKeyMsg(k string) string {
	msg := fmt.Sprintf("Unknown calculator key %q.", k)
	if near := nearestKey(k); near != "" {
		msg += fmt.Sprintf(" Did you mean %q?", near)
	}
	return msg
}

// keysFix is the Fix text listing every valid key.
func keysFix() string {
	return "use one of: " + strings.Join(Keys, ", ")
}

// nearestKey returns the key within two edits of k, if any.
func nearestKey(k string) string {
	best, bestD := "", 3
	for _, known := range Keys {
		if d := editDistance(strings.ToLower(k), known); d < bestD {
			best, bestD = known, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// sortedKeys returns the keys of m in order, for stable error lists.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
