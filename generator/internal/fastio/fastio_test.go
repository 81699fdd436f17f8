package fastio

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteThenRead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	for _, data := range []string{"hello", "", "x"} {
		if err := WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := ReadFile(p, 100, true)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", info.Mode())
	}
}

func TestReadLimitsAndSymlinks(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big")
	if err := os.WriteFile(big, make([]byte, 11), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(big, 10, false); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("want ErrTooLarge, got %v", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(big, link); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(link, 100, true); !IsSymlinkErr(err) {
		t.Fatalf("want a symlink error, got %v", err)
	}
	if b, err := ReadFile(link, 100, false); err != nil || len(b) != 11 {
		t.Fatalf("following: %v", err)
	}
	if _, err := ReadFile(dir, 100, false); err == nil {
		t.Fatal("a folder must not read as a file")
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 100, false); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("want not-exist, got %v", err)
	}
}
