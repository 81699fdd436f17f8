package meta

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unique"
	"unsafe"
)

// packed returns v with its long strings copied into one allocation and
// its keys and short strings shared (shared). Decoded front matter is a
// few dozen small strings a page, and a build keeps every page's: at
// 100,000 pages they were most of the objects the garbage collector had
// to visit, for a few hundred bytes of text each. Values other than
// strings, maps and lists are kept as they are.
func packed(v map[string]any) map[string]any {
	var p packer
	p.measure(v)
	p.buf = make([]byte, 0, p.size)
	p.gather(v)
	p.all = unsafe.String(unsafe.SliceData(p.buf), len(p.buf)) // buf is never written again
	return p.rebuild(v).(map[string]any)
}

// packer copies long strings into buf in one pass (gather), then hands
// out substrings of it in the same order (rebuild).
type packer struct {
	size int
	buf  []byte
	all  string
	next int
}

func (p *packer) measure(v any) {
	switch t := v.(type) {
	case string:
		if packs(t) {
			p.size += len(t)
		}
	case map[string]any:
		for _, x := range t {
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
		if packs(t) {
			p.buf = append(p.buf, t...)
		}
	case map[string]any:
		for _, k := range sortedKeys(t) {
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
		if packs(t) {
			return p.take(len(t))
		}
		return shared(t)
	case map[string]any:
		out := make(map[string]any, len(t))
		for _, k := range sortedKeys(t) {
			out[unique.Make(k).Value()] = p.rebuild(t[k])
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

// packs reports whether s goes into the page's buffer: too long to be
// worth sharing (shared).
func packs(s string) bool { return len(s) > sharedMaxLen }

func (p *packer) take(n int) string {
	s := p.all[p.next : p.next+n]
	p.next += n
	return s
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

// Front matter repeats itself from page to page: the same keys, tags,
// kinds, stages and authors. Boxed into an any, each value is an object of
// its own, and each one more for the collector to visit on every
// collection, so short values are shared: one boxed copy each for the
// whole process (keys go through package unique). Long values (titles,
// descriptions) are rarely repeated and stay the page's. The table is
// bounded: once full, new values are boxed per page again.
const (
	sharedMaxLen = 48
	sharedMax    = 1 << 16
)

var (
	sharedValues sync.Map // string -> any holding that string
	sharedCount  atomic.Int32
)

// shared returns s boxed, one copy for every page that has it while the
// table has room. The copy's bytes are its own: it does not keep the
// decoded file's memory.
func shared(s string) any {
	if v, ok := sharedValues.Load(s); ok {
		return v
	}
	c := strings.Clone(s)
	if sharedCount.Load() >= sharedMax {
		return c
	}
	v, loaded := sharedValues.LoadOrStore(c, any(c))
	if !loaded {
		sharedCount.Add(1)
	}
	return v
}
