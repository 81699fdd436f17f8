package write

import (
	"io/fs"
	"path"
	"slices"
)

// userIndex holds the entries of an output directory that playbook did not
// generate, so they can be kept and never overwritten.
type userIndex struct {
	entries map[string]fs.FileMode // slash path -> type bits
	dirs    map[string]bool        // every folder holding an entry
}

func newUserIndex() userIndex {
	return userIndex{entries: map[string]fs.FileMode{}, dirs: map[string]bool{}}
}

func (u userIndex) add(p string, mode fs.FileMode) {
	u.entries[p] = mode
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		u.dirs[d] = true
	}
}

// clash returns the user entry that a generated file at p would replace or
// that stands where p needs a folder.
func (u userIndex) clash(p string) (string, bool) {
	if _, ok := u.entries[p]; ok || u.dirs[p] {
		return p, true
	}
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if mode, ok := u.entries[d]; ok && !mode.IsDir() {
			return d, true // an empty user folder may receive files; anything else may not
		}
	}
	return "", false
}

// sorted returns the entries in order, parents before children.
func (u userIndex) sorted() []string {
	out := make([]string, 0, len(u.entries))
	for p := range u.entries {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
