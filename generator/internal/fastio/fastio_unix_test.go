//go:build linux || darwin || freebsd || netbsd || openbsd

package fastio

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

func TestReadFd(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	big := filepath.Join(dir, "big")
	for p, n := range map[string]int{small: 5, big: 11} {
		if err := os.WriteFile(p, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		path string
		want error // nil: reads 5 bytes
	}{
		{"regular file", small, nil},
		{"over the limit", big, ErrTooLarge},
		{"a folder", dir, fs.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fd, err := unix.Open(tt.path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer unix.Close(fd)
			b, err := ReadFd(nil, fd, tt.path, 10)
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("want %v, got %v", tt.want, err)
				}
				return
			}
			if err != nil || len(b) != 5 {
				t.Fatalf("read %d bytes, %v", len(b), err)
			}
		})
	}
}
