package meta

import (
	"cmp"
	"hash/maphash"
	"slices"
)

// positions holds where each key path of a mapping is written. A build
// keeps the front matter of every page until its last problem can be
// reported, and a map of path strings to positions was a tenth of the
// memory a 100,000-page build holds; this is one allocation with no
// pointers in it, which the garbage collector never scans. Paths are
// known by a 64-bit hash: two paths of one mapping sharing one is beyond
// any front matter's size.
type positions struct {
	entries []posEntry // sorted by hash once recorded (seal)
}

type posEntry struct {
	hash      uint64
	line, col int32
}

var pathSeed = maphash.MakeSeed()

// set records path at p. The recorders visit each path once (a YAML key
// written twice is refused before).
func (ps *positions) set(path string, p Pos) {
	ps.entries = append(ps.entries, posEntry{maphash.String(pathSeed, path), int32(p.Line), int32(p.Col)})
}

// seal sorts the entries for get and lets go of spare capacity.
func (ps *positions) seal() {
	slices.SortFunc(ps.entries, func(a, b posEntry) int { return cmp.Compare(a.hash, b.hash) })
	if cap(ps.entries) > len(ps.entries) {
		ps.entries = slices.Clone(ps.entries)
	}
}

func (ps *positions) get(path string) (Pos, bool) {
	h := maphash.String(pathSeed, path)
	i, ok := slices.BinarySearchFunc(ps.entries, h, func(e posEntry, h uint64) int { return cmp.Compare(e.hash, h) })
	if !ok {
		return Pos{}, false
	}
	return Pos{int(ps.entries[i].line), int(ps.entries[i].col)}, true
}
