package meta

import (
	"maps"
	"slices"
	"unsafe"
)

// packed returns v with every string in it (map keys included) copied
// into one allocation. Decoded front matter is a few dozen small strings a
// page, and a build keeps every page's: at 100,000 pages they were most of
// the objects the garbage collector had to visit, for a few hundred bytes
// of text each. Values other than strings, maps and lists are kept as they
// are.
func packed(v map[string]any) map[string]any {
	var p packer
	p.measure(v)
	p.buf = make([]byte, 0, p.size)
	p.gather(v)
	p.all = unsafe.String(unsafe.SliceData(p.buf), len(p.buf)) // buf is never written again
	return p.rebuild(v).(map[string]any)
}

// packer copies strings into buf in one pass (gather), then hands out
// substrings of it in the same order (rebuild).
type packer struct {
	size int
	buf  []byte
	all  string
	next int
}

func (p *packer) measure(v any) {
	switch t := v.(type) {
	case string:
		p.size += len(t)
	case map[string]any:
		for k, x := range t {
			p.size += len(k)
			p.measure(x)
		}
	case []any:
		for _, x := range t {
			p.measure(x)
		}
	}
}

// gather and rebuild must meet the strings in the same order, so maps are
// walked by sorted keys.
func (p *packer) gather(v any) {
	switch t := v.(type) {
	case string:
		p.buf = append(p.buf, t...)
	case map[string]any:
		for _, k := range sortedKeys(t) {
			p.buf = append(p.buf, k...)
			p.gather(t[k])
		}
	case []any:
		for _, x := range t {
			p.gather(x)
		}
	}
}

func (p *packer) rebuild(v any) any {
	switch t := v.(type) {
	case string:
		return p.take(len(t))
	case map[string]any:
		out := make(map[string]any, len(t))
		for _, k := range sortedKeys(t) {
			key := p.take(len(k))
			out[key] = p.rebuild(t[k])
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = p.rebuild(x)
		}
		return out
	}
	return v
}

func (p *packer) take(n int) string {
	s := p.all[p.next : p.next+n]
	p.next += n
	return s
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
