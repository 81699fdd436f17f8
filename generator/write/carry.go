package write

import (
	"errors"
	"io"
	"io/fs"
	"path/filepath"
)

// carry copies the user's entries of the old output directory into the
// staging directory, so the swap keeps them. Copying (not moving) leaves
// the old directory whole until the swap succeeds.
func (s *Staging) carry(u userIndex) error {
	var errs []error
	for _, p := range u.sorted() {
		from := filepath.Join(s.dest, filepath.FromSlash(p))
		to := filepath.Join(s.stage, filepath.FromSlash(p))
		mode := u.entries[p]
		switch {
		case mode.IsDir():
			errs = append(errs, s.fs.MkdirAll(to, 0o755))
		case mode&fs.ModeSymlink != 0:
			errs = append(errs, s.copyLink(from, to))
		case mode.IsRegular():
			errs = append(errs, s.copyFile(from, to))
		default:
			errs = append(errs, specialFileProblem(s.shown, p))
		}
	}
	return errors.Join(errs...)
}

// copyLink recreates a symbolic link without following it.
func (s *Staging) copyLink(from, to string) error {
	target, err := s.fs.Readlink(from)
	if err != nil {
		return err
	}
	if err := s.fs.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return s.fs.Symlink(target, to)
}

// copyFile streams a regular file, keeping its permission bits.
func (s *Staging) copyFile(from, to string) error {
	fi, err := s.fs.Lstat(from)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &fs.PathError{Op: "keep", Path: from, Err: errors.New("changed while the site was building; build again")}
	}
	if err := s.fs.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	r, err := s.fs.Open(from)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := s.fs.Create(to, fi.Mode().Perm())
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return errors.Join(err, w.Close())
}
