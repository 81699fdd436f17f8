package write

import (
	"slices"
	"sync"
)

// Memory is a Sink that keeps every file in memory, for `serve`, `check`
// and tests. When the build is done, Snapshot freezes it.
type Memory struct {
	reg   *registry
	mu    sync.RWMutex
	files map[string][]byte
	bytes int64
	snap  *Snapshot
}

// NewMemory returns an empty Memory sink.
func NewMemory() *Memory {
	return &Memory{reg: newRegistry(), files: map[string][]byte{}}
}

// Write implements Sink.Write. It copies data, so the caller may reuse it.
func (m *Memory) Write(p string, data []byte) error {
	m.mu.RLock()
	closed := m.snap != nil
	m.mu.RUnlock()
	if closed {
		return ErrClosed
	}
	if err := m.reg.claim(p); err != nil {
		return err
	}
	own := slices.Clone(data)
	if own == nil {
		own = []byte{} // an empty file still exists: Get must report it
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.snap != nil {
		return ErrClosed
	}
	m.files[p] = own
	m.bytes += int64(len(own))
	return nil
}

// Get returns the content of the file at p and whether it exists. The
// caller must not modify the returned slice.
func (m *Memory) Get(p string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[p]
	return b, ok
}

// Paths returns the paths written so far, sorted.
func (m *Memory) Paths() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return sortedKeys(m.files)
}

// Len returns the number of files written so far.
func (m *Memory) Len() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files)
}

// Snapshot ends the build: it freezes the sink, so every later Write fails
// with ErrClosed, and returns its files as an immutable Snapshot. Calling it
// again returns the same Snapshot.
func (m *Memory) Snapshot() *Snapshot {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.snap == nil {
		// The map is never written again, so the snapshot can share it.
		m.snap = &Snapshot{files: m.files, paths: sortedKeys(m.files), bytes: m.bytes}
	}
	return m.snap
}

func sortedKeys(files map[string][]byte) []string {
	out := make([]string, 0, len(files))
	for p := range files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
