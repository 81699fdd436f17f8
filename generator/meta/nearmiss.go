package meta

import (
	"maps"
	"slices"
	"strings"

	"playbook/generator/diag"
	"playbook/generator/suggest"
)

// NearMisses warns, at its line, about each top-level key of m that is
// neither known nor one of others but is a likely typo of a known key m
// does not set ("tilte", "desciption", "baseurl"). Other unknown keys are
// kept silently: templates may use them.
func (m *Map) NearMisses(known, others []string) diag.List {
	if m == nil {
		return nil
	}
	r := NewReader(m)
	for _, key := range slices.Sorted(maps.Keys(m.Values)) {
		if slices.Contains(known, key) || slices.Contains(others, strings.ToLower(key)) {
			continue
		}
		if c := suggest.Closest(key, known); c != "" && !m.Has(c) {
			r.Warnf(key, `did you mean "`+c+`"? Rename it if so (an unknown field is kept for templates, unused)`,
				"unknown field %q", key)
		}
	}
	return r.Problems
}
