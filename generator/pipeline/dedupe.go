package pipeline

import "playbook/generator/diag"

// dedupe drops repeated problems of a sorted list: a template error, say,
// is found once per kind that uses the template.
func dedupe(l diag.List) diag.List {
	out := l[:0]
	for i, p := range l {
		if i > 0 && p == l[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}
