package write

import "slices"

// Snapshot is the finished output of one in-memory build. It never changes,
// so `serve` can swap snapshots atomically (an atomic.Pointer[Snapshot]) and
// read one from many goroutines without locks.
type Snapshot struct {
	files map[string][]byte
	paths []string
	bytes int64
}

// Get returns the content of the file at p and whether it exists. The
// caller must not modify the returned slice.
func (s *Snapshot) Get(p string) ([]byte, bool) {
	b, ok := s.files[p]
	return b, ok
}

// Paths returns every path, sorted. The slice is the caller's own.
func (s *Snapshot) Paths() []string { return slices.Clone(s.paths) }

// Len returns the number of files.
func (s *Snapshot) Len() int { return len(s.paths) }

// Stats returns the number of files and their total size.
func (s *Snapshot) Stats() Stats { return Stats{Files: len(s.paths), Bytes: s.bytes} }
