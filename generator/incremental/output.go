package incremental

import (
	"maps"
	"slices"
	"sync"
)

// Output is the complete output of one serve build, held in memory. It
// never changes once returned, so `serve` can swap outputs atomically and
// read one from many goroutines without locks. Consecutive outputs share
// the bytes of the files a rebuild did not touch.
type Output struct {
	files *outFiles
	lazy  map[string]*lazyFile // made on first read (llms-full.txt)
}

// Get returns the content of the file at p and whether it exists. The
// caller must not modify the returned slice.
func (o *Output) Get(p string) ([]byte, bool) {
	if b, ok := o.files.get(p); ok {
		return b, true
	}
	if f, ok := o.lazy[p]; ok {
		return f.get(), true
	}
	return nil, false
}

// Len returns the number of files.
func (o *Output) Len() int { return o.files.n + len(o.lazy) }

// Paths returns every path, sorted.
func (o *Output) Paths() []string {
	out := slices.AppendSeq(o.files.paths(), maps.Keys(o.lazy))
	slices.Sort(out)
	return out
}

// lazyFile is a file of an Output made on first read: joining
// llms-full.txt copies tens of megabytes, which a save should not pay for
// unless someone asks for the file.
type lazyFile struct {
	once sync.Once
	make func() []byte
	data []byte
}

func (f *lazyFile) get() []byte {
	f.once.Do(func() { f.data, f.make = f.make(), nil })
	return f.data
}
