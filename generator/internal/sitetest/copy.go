package sitetest

import (
	"os"
	"path/filepath"
	"testing"
)

// CopyTree copies the regular files under from into to, creating folders,
// so a test can edit a copy of a fixture site.
func CopyTree(tb testing.TB, from, to string) {
	tb.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return WriteTreeFile(to, rel, b)
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// WriteTreeFile writes one file under dir, creating its folders; rel is
// slash-separated.
func WriteTreeFile(dir, rel string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}
