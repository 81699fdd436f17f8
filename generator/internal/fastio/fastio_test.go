package fastio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

func TestWriteFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	for _, data := range []string{"hello", "", "x"} {
		if err := WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(p); err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", info.Mode())
	}
}

func TestReadAll(t *testing.T) {
	tests := []struct {
		name, data  string
		size, limit int64
		tooLarge    bool
	}{
		{"exact size", "hello", 5, 10, false},
		{"grew since stat", "hello world", 5, 20, false},
		{"shrank since stat", "hi", 5, 10, false},
		{"empty", "", 0, 10, false},
		{"at the limit", "0123456789", 10, 10, false},
		{"stat over the limit", "0123456789x", 11, 10, true},
		{"grew over the limit", "0123456789x", 3, 10, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := iotest.OneByteReader(strings.NewReader(tt.data))
			got, err := ReadAll(make([]byte, 0, 4), r, "f", tt.size, tt.limit)
			if tt.tooLarge {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("want ErrTooLarge, got %q, %v", got, err)
				}
				return
			}
			if err != nil || string(got) != tt.data {
				t.Fatalf("read %q, %v; want %q", got, err, tt.data)
			}
		})
	}
}

func TestReadAllReusesBuffer(t *testing.T) {
	buf := make([]byte, 0, 64)
	got, err := ReadAll(buf, strings.NewReader("hello"), "f", 5, 10)
	if err != nil || &got[0] != &buf[:1][0] {
		t.Fatalf("read %q, %v into new memory; want buf's", got, err)
	}
}

func TestReadAllError(t *testing.T) {
	boom := errors.New("boom")
	if _, err := ReadAll(nil, iotest.ErrReader(boom), "f", 0, 10); !errors.Is(err, boom) {
		t.Fatalf("got %v", err)
	}
}
