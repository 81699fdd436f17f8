package build

import (
	"maps"
	"slices"
)

// Output is the complete output of one serve build, held in memory. It
// never changes once returned, so `serve` can swap outputs atomically and
// read one from many goroutines without locks. Consecutive outputs share
// the bytes of the files a rebuild did not touch.
type Output struct {
	files map[string][]byte
}

// Get returns the content of the file at p and whether it exists. The
// caller must not modify the returned slice.
func (o *Output) Get(p string) ([]byte, bool) {
	b, ok := o.files[p]
	return b, ok
}

// Len returns the number of files.
func (o *Output) Len() int { return len(o.files) }

// Paths returns every path, sorted.
func (o *Output) Paths() []string { return slices.Sorted(maps.Keys(o.files)) }

// size is the total size of the files.
func (o *Output) size() int64 {
	var n int64
	for _, b := range o.files {
		n += int64(len(b))
	}
	return n
}
