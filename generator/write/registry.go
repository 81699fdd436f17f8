package write

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sync"
)

// registry claims output paths so that two outputs never share one, and a
// file never sits where another output needs a directory.
type registry struct {
	mu    sync.Mutex
	files map[string]struct{}
	dirs  map[string]string // directory -> first file found under it
}

func newRegistry() *registry {
	return &registry{files: map[string]struct{}{}, dirs: map[string]string{}}
}

// claim validates p and records it, or says why it cannot be written.
func (r *registry) claim(p string) error {
	if err := ValidPath(p); err != nil {
		return err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.clash(p); err != nil {
		return &fs.PathError{Op: "write", Path: p, Err: err}
	}
	r.files[p] = struct{}{}
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if _, ok := r.dirs[d]; ok {
			break // its parents were recorded with it
		}
		r.dirs[d] = p
	}
	return nil
}

func (r *registry) clash(p string) error {
	if _, ok := r.files[p]; ok {
		return ErrDuplicate
	}
	if other, ok := r.dirs[p]; ok {
		return fmt.Errorf("%w (%s is inside it)", ErrConflict, other)
	}
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if _, ok := r.files[d]; ok {
			return fmt.Errorf("%w (%s is already a file)", ErrConflict, d)
		}
	}
	return nil
}

// sorted returns the claimed paths in order.
func (r *registry) sorted() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.files))
	for p := range r.files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
