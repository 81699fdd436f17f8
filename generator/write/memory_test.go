package write

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestMemoryWriteGet(t *testing.T) {
	m := NewMemory()
	buf := []byte("<h1>a</h1>")
	if err := m.Write("a/index.html", buf); err != nil {
		t.Fatal(err)
	}
	if err := m.Write("empty.txt", nil); err != nil {
		t.Fatal(err)
	}
	buf[1] = 'X' // the caller reuses its buffer
	if got, ok := m.Get("a/index.html"); !ok || string(got) != "<h1>a</h1>" {
		t.Errorf("Get = %q, %v; want the bytes as written", got, ok)
	}
	if got, ok := m.Get("empty.txt"); !ok || len(got) != 0 {
		t.Errorf("empty file: %q, %v", got, ok)
	}
	if _, ok := m.Get("missing"); ok {
		t.Error("Get(missing) found a file")
	}
	if got := m.Paths(); !slices.Equal(got, []string{"a/index.html", "empty.txt"}) || m.Len() != 2 {
		t.Errorf("Paths = %v, Len = %d", got, m.Len())
	}
}

func TestMemoryRejects(t *testing.T) {
	tests := []struct {
		name   string
		first  string // written before, "" for none
		path   string
		target error
	}{
		{"parent escape", "", "../x", ErrInvalidPath},
		{"absolute", "", "/abs", ErrInvalidPath},
		{"backslash", "", `a\b`, ErrInvalidPath},
		{"empty", "", "", ErrInvalidPath},
		{"escape after a folder", "", "a/../../b", ErrInvalidPath},
		{"duplicate", "x/index.html", "x/index.html", ErrDuplicate},
		{"file under a file", "x", "x/index.html", ErrConflict},
		{"file over a folder", "x/index.html", "x", ErrConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMemory()
			if tt.first != "" {
				if err := m.Write(tt.first, nil); err != nil {
					t.Fatal(err)
				}
			}
			err := m.Write(tt.path, []byte("x"))
			if !errors.Is(err, tt.target) {
				t.Fatalf("Write(%q) = %v, want %v", tt.path, err, tt.target)
			}
			if !strings.HasPrefix(err.Error(), "write "+tt.path+": ") {
				t.Errorf("error %q does not name the path", err)
			}
		})
	}
}

func TestMemorySnapshotIsImmutable(t *testing.T) {
	m := NewMemory()
	if err := m.Write("index.html", []byte("v1")); err != nil {
		t.Fatal(err)
	}
	snap := m.Snapshot()
	if err := m.Write("late.html", []byte("late")); err != ErrClosed {
		t.Errorf("Write after Snapshot = %v, want ErrClosed", err)
	}
	if m.Snapshot() != snap {
		t.Error("second Snapshot returned a different value")
	}
	paths := snap.Paths()
	paths[0] = "changed"
	if got := snap.Paths(); !slices.Equal(got, []string{"index.html"}) || snap.Len() != 1 {
		t.Errorf("Paths = %v after the caller changed its copy", got)
	}
	if got, _ := snap.Get("index.html"); string(got) != "v1" {
		t.Errorf("Get = %q", got)
	}
	if _, ok := snap.Get("late.html"); ok {
		t.Error("a write after Snapshot reached it")
	}
	if st := snap.Stats(); st != (Stats{Files: 1, Bytes: 2}) {
		t.Errorf("Stats = %+v", st)
	}
}

func TestMemoryConcurrentWrites(t *testing.T) {
	m := NewMemory()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 200 {
				p := fmt.Sprintf("w%d/%d.html", w, i)
				if err := m.Write(p, []byte(p)); err != nil {
					t.Error(err)
				}
				m.Get(p) // reads during the build are safe too
			}
		})
	}
	wg.Wait()
	snap := m.Snapshot()
	if snap.Len() != 1600 {
		t.Fatalf("Len = %d, want 1600", snap.Len())
	}
	for _, p := range snap.Paths() {
		if got, _ := snap.Get(p); string(got) != p {
			t.Errorf("%s = %q", p, got)
		}
	}
}
