package incremental

import (
	"io/fs"
	"maps"
	"slices"

	"playbook/generator/write"
)

// outFiles are the files of a serve build: a base map that consecutive
// builds share and the changes since it. A rebuild that writes a few of
// 20,000 files copies the changes only, where copying the whole map would
// cost milliseconds and garbage on every save; once the changes grow past
// a sixteenth of the base they are folded into a new one. Published files
// are never modified, so requests read them without locks.
type outFiles struct {
	base map[string][]byte // shared between builds: never modified
	over map[string][]byte // files written since base
	gone map[string]bool   // files of base removed since, none in over
	n    int               // how many files there are
}

// minFold is how many changes are always kept apart from the base.
const minFold = 256

// filesOf makes files of a map, which the files then own.
func filesOf(m map[string][]byte) *outFiles {
	return &outFiles{base: m, over: map[string][]byte{}, gone: map[string]bool{}, n: len(m)}
}

// get returns the content of the file at p and whether there is one.
func (f *outFiles) get(p string) ([]byte, bool) {
	if b, ok := f.over[p]; ok {
		return b, true
	}
	if f.gone[p] {
		return nil, false
	}
	b, ok := f.base[p]
	return b, ok
}

func (f *outFiles) has(p string) bool {
	_, ok := f.get(p)
	return ok
}

// paths returns every path, unsorted.
func (f *outFiles) paths() []string {
	out := make([]string, 0, f.n)
	for p := range f.base {
		if _, over := f.over[p]; !over && !f.gone[p] {
			out = append(out, p)
		}
	}
	return slices.AppendSeq(out, maps.Keys(f.over))
}

// with returns new files: these less drop, plus written. A written path
// still there after the drop means two outputs claim one path, as
// write.Memory reports in a full build. f itself is not changed.
func (f *outFiles) with(drop []string, written *write.Snapshot) (*outFiles, error) {
	next := &outFiles{base: f.base, over: make(map[string][]byte, len(f.over)+written.Len()),
		gone: make(map[string]bool, len(f.gone)+len(drop)), n: f.n}
	maps.Copy(next.over, f.over)
	maps.Copy(next.gone, f.gone)
	for _, d := range drop {
		next.remove(d)
	}
	for _, p := range written.Paths() {
		if next.has(p) {
			return nil, &fs.PathError{Op: "write", Path: p, Err: write.ErrDuplicate}
		}
		next.over[p], _ = written.Get(p)
		delete(next.gone, p)
		next.n++
	}
	next.fold()
	return next, nil
}

// remove deletes the file at p, if any, from files not yet published.
func (f *outFiles) remove(p string) {
	if !f.has(p) {
		return
	}
	delete(f.over, p)
	if _, ok := f.base[p]; ok {
		f.gone[p] = true
	}
	f.n--
}

// fold makes a new base of the files once the changes are many, so that
// neither reads nor the next copy of the changes grow without bound.
func (f *outFiles) fold() {
	if len(f.over)+len(f.gone) <= max(minFold, len(f.base)/16) {
		return
	}
	base := make(map[string][]byte, f.n)
	for p, b := range f.base {
		if !f.gone[p] {
			base[p] = b
		}
	}
	maps.Copy(base, f.over)
	f.base, f.over, f.gone = base, map[string][]byte{}, map[string]bool{}
}
