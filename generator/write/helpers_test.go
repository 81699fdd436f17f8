package write

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// faultFS is the OS file system with injected failures: rule sees every
// operation (op is "mkdir", "mkdirall", "write", "open", "readdir",
// "lstat", "readlink", "symlink", "rename", "removeall") with the number of
// times that op ran, and returns the error to inject or nil.
type faultFS struct {
	OSFS
	rule   func(op, name, to string, n int) error
	mu     sync.Mutex
	counts map[string]int
}

func newFaultFS(rule func(op, name, to string, n int) error) *faultFS {
	return &faultFS{rule: rule, counts: map[string]int{}}
}

func (f *faultFS) check(op, name, to string) error {
	f.mu.Lock()
	f.counts[op]++
	n := f.counts[op]
	f.mu.Unlock()
	if err := f.rule(op, name, to, n); err != nil {
		return &fs.PathError{Op: op, Path: name, Err: err}
	}
	return nil
}

func (f *faultFS) Mkdir(name string, perm fs.FileMode) error {
	if err := f.check("mkdir", name, ""); err != nil {
		return err
	}
	return f.OSFS.Mkdir(name, perm)
}

func (f *faultFS) MkdirAll(name string, perm fs.FileMode) error {
	if err := f.check("mkdirall", name, ""); err != nil {
		return err
	}
	return f.OSFS.MkdirAll(name, perm)
}

func (f *faultFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if err := f.check("write", name, ""); err != nil {
		return err
	}
	return f.OSFS.WriteFile(name, data, perm)
}

func (f *faultFS) Create(name string, perm fs.FileMode) (io.WriteCloser, error) {
	if err := f.check("write", name, ""); err != nil {
		return nil, err
	}
	return f.OSFS.Create(name, perm)
}

func (f *faultFS) Open(name string) (io.ReadCloser, error) {
	if err := f.check("open", name, ""); err != nil {
		return nil, err
	}
	return f.OSFS.Open(name)
}

func (f *faultFS) Symlink(oldname, newname string) error {
	if err := f.check("symlink", newname, oldname); err != nil {
		return err
	}
	return f.OSFS.Symlink(oldname, newname)
}

func (f *faultFS) Rename(oldpath, newpath string) error {
	if err := f.check("rename", oldpath, newpath); err != nil {
		return err
	}
	return f.OSFS.Rename(oldpath, newpath)
}

func (f *faultFS) RemoveAll(name string) error {
	if err := f.check("removeall", name, ""); err != nil {
		return err
	}
	return f.OSFS.RemoveAll(name)
}

// treeListing describes every entry under dir, one line each: path, type,
// permission bits and a SHA-256 of the content or the link target. Two
// equal listings mean byte-for-byte equal trees.
func treeListing(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		lines = append(lines, fmt.Sprintf("%s %v %s", filepath.ToSlash(rel), info.Mode(), digest(t, p, info)))
		return nil
	})
	if err != nil {
		t.Fatalf("list %s: %v", dir, err)
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func digest(t *testing.T, p string, info fs.FileInfo) string {
	t.Helper()
	var data []byte
	var err error
	switch {
	case info.Mode()&fs.ModeSymlink != 0:
		var target string
		target, err = os.Readlink(p)
		data = []byte(target)
	case info.Mode().IsRegular():
		data, err = os.ReadFile(p)
	}
	if err != nil {
		t.Fatalf("read %s: %v", p, err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(data))
}

// leftovers returns the playbook temporary directories left in parent.
func leftovers(t *testing.T, parent string) []string {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatalf("read %s: %v", parent, err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".playbook-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// build runs one whole build of files into dest and commits it.
func build(t *testing.T, dest string, files map[string]string, opts ...Option) (Stats, error) {
	t.Helper()
	s, err := Open(dest, opts...)
	if err != nil {
		return Stats{}, err
	}
	defer s.Abort()
	for _, p := range slices.Sorted(maps.Keys(files)) {
		if err := s.Write(p, []byte(files[p])); err != nil {
			return Stats{}, err
		}
	}
	return s.Commit()
}

// mustBuild is build that fails the test on error.
func mustBuild(t *testing.T, dest string, files map[string]string) {
	t.Helper()
	if _, err := build(t, dest, files); err != nil {
		t.Fatalf("build %s: %v", dest, err)
	}
}

// readTree returns every regular file under dir, marker excluded.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == MarkerName {
			return nil
		}
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatalf("read tree %s: %v", dir, err)
	}
	return out
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
