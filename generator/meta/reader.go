package meta

import (
	"fmt"
	"math"
	"strings"
	"time"

	"playbook/generator/diag"
	"playbook/generator/suggest"
)

// Reader gives typed access to a Map, collecting a problem for every value
// of the wrong type instead of failing at the first.
type Reader struct {
	m        *Map
	Problems diag.List
}

// NewReader returns a Reader over m.
func NewReader(m *Map) *Reader { return &Reader{m: m} }

// Pos returns the position of the first of paths the file holds, else the
// start of the mapping: Pos("menu[2].url", "menu[2]", "menu") finds the
// closest place TOML, whose nested keys have no recorded lines, knows.
func (r *Reader) Pos(paths ...string) Pos {
	for _, p := range paths {
		if at, ok := r.m.pos.get(p); ok {
			return at
		}
	}
	return r.m.origin
}

// Errorf records an error at the position of path.
func (r *Reader) Errorf(path, fix, format string, args ...any) {
	p := r.m.Pos(path)
	r.Problems.Add(diag.Errorf(r.m.File, p.Line, p.Col, fix, format, args...))
}

// Warnf records a warning at the position of path.
func (r *Reader) Warnf(path, fix, format string, args ...any) {
	p := r.m.Pos(path)
	r.Problems.Add(diag.Warnf(r.m.File, p.Line, p.Col, fix, format, args...))
}

func (r *Reader) wrongType(path, want string, got any, example string) {
	r.Errorf(path, "write it as "+example, "%s must be %s, found %s", path, want, describe(got))
}

// describe names a decoded value's kind in the user's terms.
func describe(v any) string {
	switch t := v.(type) {
	case nil:
		return "nothing"
	case string:
		return fmt.Sprintf("the text %q", clip(t))
	case bool:
		return "a true/false value"
	case int, int64, uint64, float64:
		return fmt.Sprintf("the number %v", t)
	case time.Time:
		return "a date"
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// String returns a text field; a number or boolean is accepted and
// formatted, anything else is an error.
func (r *Reader) String(key string) string {
	return r.stringAt(key, r.m.Values[key])
}

func (r *Reader) stringAt(path string, v any) string {
	switch t := v.(type) {
	case nil:
		return ""
	case string:
		return t
	case bool, int, int64, uint64, float64:
		return fmt.Sprint(t)
	}
	r.wrongType(path, "text", v, `key: "some text"`)
	return ""
}

// Strings returns a list of text values. A single string where a list is
// required is an error: `tags: ltv, churn` reads as one tag, which is
// never what the writer meant.
func (r *Reader) Strings(key string) []string {
	v, ok := r.m.Values[key]
	if !ok || v == nil {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		r.wrongType(key, "a list", v, fmt.Sprintf(`%s: ["one", "two"] or one "- item" per line`, key))
		return nil
	}
	out := make([]string, 0, len(list))
	for i, item := range list {
		path := fmt.Sprintf("%s[%d]", key, i)
		if _, isList := item.([]any); isList {
			r.wrongType(path, "text", item, `- "some text"`)
			continue
		}
		if _, isMap := item.(map[string]any); isMap {
			r.wrongType(path, "text", item, `- "some text"`)
			continue
		}
		if s := strings.TrimSpace(r.stringAt(path, item)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Bool returns a true/false field.
func (r *Reader) Bool(key string) bool {
	switch t := r.m.Values[key].(type) {
	case nil:
		return false
	case bool:
		return t
	default:
		r.wrongType(key, "true or false", t, key+": true")
		return false
	}
}

// Float returns a number field and whether it was present.
func (r *Reader) Float(key string) (float64, bool) {
	return r.FloatAt(key, r.m.Values[key])
}

// FloatAt converts v (found at path) to a number.
func (r *Reader) FloatAt(path string, v any) (float64, bool) {
	switch t := v.(type) {
	case nil:
		return 0, false
	case int:
		return float64(t), true
	case int64:
		return float64(t), true
	case uint64:
		return float64(t), true
	case float64:
		if math.IsNaN(t) || math.IsInf(t, 0) {
			r.Errorf(path, "write a finite number such as 12.5", "%s must be a finite number", path)
			return 0, false
		}
		return t, true
	}
	r.wrongType(path, "a number", v, path+": 12.5")
	return 0, false
}

// Int returns a whole-number field.
func (r *Reader) Int(key string) int {
	f, ok := r.Float(key)
	if !ok {
		return 0
	}
	if f != math.Trunc(f) || math.Abs(f) > 1e9 {
		r.Errorf(key, "write a whole number such as 10", "%s must be a whole number, found %v", key, f)
		return 0
	}
	return int(f)
}

// dateLayouts are the ISO 8601 forms accepted for dates, most precise first.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"}

// Time returns a date field (ISO 8601) and whether it was present.
func (r *Reader) Time(key string) (time.Time, bool) {
	switch t := r.m.Values[key].(type) {
	case nil:
		return time.Time{}, false
	case time.Time:
		return t, true
	case string:
		if d, err := ParseDate(t); err == nil {
			return d, true
		}
	}
	r.wrongType(key, "an ISO 8601 date", r.m.Values[key], key+": 2026-10-02 (or 2026-10-02T09:30:00Z)")
	return time.Time{}, false
}

// ParseDate parses the ISO 8601 forms playbook accepts; dates without a
// zone are taken as UTC so builds do not depend on the machine's zone.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	var err error
	for _, layout := range dateLayouts {
		var t time.Time
		if t, err = time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

// OneOf returns a text field that must be one of allowed (or empty).
func (r *Reader) OneOf(key string, allowed ...string) string {
	s := strings.TrimSpace(r.String(key))
	if s == "" {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	r.Errorf(key, suggest.Fix(s, allowed, "use one of: "+strings.Join(allowed, ", ")), "%s %q is not known", key, s)
	return ""
}

// Mapping returns a nested mapping field.
func (r *Reader) Mapping(key string) map[string]any {
	switch t := r.m.Values[key].(type) {
	case nil:
		return nil
	case map[string]any:
		return t
	default:
		r.wrongType(key, "a mapping", t, key+":\n  name: value")
		return nil
	}
}

// Mappings returns a list of mappings (metrics, menu items, questions).
func (r *Reader) Mappings(key string) []map[string]any {
	v, ok := r.m.Values[key]
	if !ok || v == nil {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		r.wrongType(key, "a list", v, key+":\n  - name: value")
		return nil
	}
	out := make([]map[string]any, 0, len(list))
	for i, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			r.wrongType(fmt.Sprintf("%s[%d]", key, i), "a mapping", item, "- name: value")
			continue
		}
		out = append(out, m)
	}
	return out
}
