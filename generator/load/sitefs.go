package load

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"playbook/generator/internal/fastio"
)

// SiteFS is a site folder opened for a build. Every read goes through an
// os.Root, so no symlink can lead the build outside the folder, except the
// read of a regular content file found by Walk, which takes one open call
// by path: Walk does not descend into symlinked folders, and the file's
// last element is opened with O_NOFOLLOW, so a symlink there is read
// through the root as well.
type SiteFS struct {
	dir  string
	root *os.Root
	fs.FS
}

// OpenSite opens a site folder.
func OpenSite(dir string) (*SiteFS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &SiteFS{dir: dir, root: root, FS: root.FS()}, nil
}

// Close releases the folder.
func (s *SiteFS) Close() error { return s.root.Close() }

// ReadLink implements fs.ReadLinkFS. Without it (and Lstat) a symlink in
// static/ would be followed by Stat and fail the build, instead of being
// resolved inside the folder or refused with a problem.
func (s *SiteFS) ReadLink(name string) (string, error) { return fs.ReadLink(s.FS, name) }

// Lstat implements fs.ReadLinkFS.
func (s *SiteFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(s.FS, name) }

// ReadFileLimit reads a file of at most limit bytes.
func (s *SiteFS) ReadFileLimit(name string, limit int64) ([]byte, error) {
	return s.ReadFileLimitInto(nil, name, limit)
}

// ReadFileLimitInto is ReadFileLimit reading into buf's memory when it is
// big enough.
func (s *SiteFS) ReadFileLimitInto(buf []byte, name string, limit int64) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	b, err := fastio.ReadFileInto(buf, filepath.Join(s.dir, filepath.FromSlash(name)), limit, true)
	if fastio.IsSymlinkErr(err) {
		return s.readThroughRoot(name, limit)
	}
	return b, err
}

func (s *SiteFS) readThroughRoot(name string, limit int64) ([]byte, error) {
	f, err := s.root.Open(filepath.FromSlash(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err == nil && int64(len(b)) > limit {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fastio.ErrTooLarge}
	}
	return b, err
}

// limitReader is what SiteFS offers beyond fs.FS; a plain fs.FS (tests,
// fault injection) is read with Stat and ReadFile.
type limitReader interface {
	ReadFileLimitInto(buf []byte, name string, limit int64) ([]byte, error)
}

func readLimited(buf []byte, fsys fs.FS, p string) ([]byte, error) {
	if lr, ok := fsys.(limitReader); ok {
		b, err := lr.ReadFileLimitInto(buf, p, MaxPageBytes)
		if errors.Is(err, fastio.ErrTooLarge) {
			return nil, errTooLarge{size: MaxPageBytes + 1}
		}
		return b, err
	}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxPageBytes {
		return nil, errTooLarge{info.Size()}
	}
	return fs.ReadFile(fsys, p)
}
