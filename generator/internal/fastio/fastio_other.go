//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package fastio

import (
	"io"
	"io/fs"
	"os"
)

// WriteFile creates or truncates name and writes data.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// ReadFile reads a regular file of at most limit bytes. noFollow is not
// supported here: symlinks are refused by an Lstat first.
func ReadFile(name string, limit int64, noFollow bool) ([]byte, error) {
	if noFollow {
		if info, err := os.Lstat(name); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			return nil, &fs.PathError{Op: "open", Path: name, Err: errSymlink}
		}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(b)) > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrTooLarge}
	}
	return b, err
}

// ReadFileInto is ReadFile; buf is not reused on this platform.
func ReadFileInto(_ []byte, name string, limit int64, noFollow bool) ([]byte, error) {
	return ReadFile(name, limit, noFollow)
}

var errSymlink = fs.ErrInvalid

// IsSymlinkErr reports whether err is what ReadFile returns with noFollow
// for a symlink.
func IsSymlinkErr(err error) bool {
	pe, ok := err.(*fs.PathError)
	return ok && pe.Err == errSymlink
}
