package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"playbook/generator/internal/fastio"
)

// rootOpener confines paths with os.Root, which resolves them one
// element at a time and follows a symlink only while it stays inside.
// It serves where openat2 does not exist.
type rootOpener struct {
	root *os.Root
	// escape is the error os.Root gives for a path leading out of it,
	// which os does not export.
	escape error
}

func openRoot(dir string) (*rootOpener, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	_, err = root.Stat("..")
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		root.Close()
		return nil, errors.New("os.Root does not refuse paths leading out of it")
	}
	return &rootOpener{root: root, escape: pe.Err}, nil
}

func (r *rootOpener) open(name string) (*os.File, error) {
	local, err := localize("open", name)
	if err != nil {
		return nil, err
	}
	f, err := r.root.Open(local)
	return f, r.confined(err)
}

func (r *rootOpener) stat(name string, follow bool) (fs.FileInfo, error) {
	local, err := localize("stat", name)
	if err != nil {
		return nil, err
	}
	var info fs.FileInfo
	if follow {
		info, err = r.root.Stat(local)
	} else {
		info, err = r.root.Lstat(local)
	}
	return info, r.confined(err)
}

func (r *rootOpener) readFile(buf []byte, name string, limit int64) ([]byte, error) {
	f, err := r.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	return fastio.ReadAll(buf, f, name, info.Size(), limit)
}

func (r *rootOpener) readLink(name string) (string, error) {
	local, err := localize("readlink", name)
	if err != nil {
		return "", err
	}
	target, err := r.root.Readlink(local)
	return filepath.ToSlash(target), r.confined(err)
}

func (r *rootOpener) close() error { return r.root.Close() }

// confined names a refusal of os.Root the way every opener does.
func (r *rootOpener) confined(err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	switch {
	case pe.Err == r.escape:
		pe.Err = ErrOutside
	case errors.Is(pe.Err, syscall.ELOOP):
		pe.Err = ErrLoop
	}
	return err
}

// localize turns a slash-separated name into one os.Root accepts.
func localize(op, name string) (string, error) {
	local, err := filepath.Localize(name)
	if err != nil {
		return "", &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return local, nil
}
