package write

import (
	"playbook/generator/internal/fastio"

	"io"
	"io/fs"
	"os"
)

// FS is every disk operation the Staging sink performs, so tests can put a
// fault-injecting implementation in its place (a full disk, a read-only
// directory, a failure at the N-th write). Names are OS paths. OSFS is the
// real implementation.
type FS interface {
	// Mkdir creates one directory and fails if it exists; staging
	// directories are reserved this way.
	Mkdir(name string, perm fs.FileMode) error
	// MkdirAll creates a directory and its missing parents.
	MkdirAll(name string, perm fs.FileMode) error
	// WriteFile writes a whole file.
	WriteFile(name string, data []byte, perm fs.FileMode) error
	// Create creates a new file for streaming and fails if it exists.
	Create(name string, perm fs.FileMode) (io.WriteCloser, error)
	// Open opens a file for reading.
	Open(name string) (io.ReadCloser, error)
	// ReadDir lists a directory without following symbolic links in it.
	ReadDir(name string) ([]fs.DirEntry, error)
	// Lstat describes a file without following a symbolic link.
	Lstat(name string) (fs.FileInfo, error)
	// Readlink returns a symbolic link's target.
	Readlink(name string) (string, error)
	// Symlink creates newname as a symbolic link to oldname.
	Symlink(oldname, newname string) error
	// Rename moves oldpath to newpath.
	Rename(oldpath, newpath string) error
	// RemoveAll removes a tree without following symbolic links.
	RemoveAll(name string) error
}

// OSFS is the FS of the operating system, through package os.
type OSFS struct{}

// Mkdir implements FS.Mkdir.
func (OSFS) Mkdir(name string, perm fs.FileMode) error { return os.Mkdir(name, perm) }

// MkdirAll implements FS.MkdirAll.
func (OSFS) MkdirAll(name string, perm fs.FileMode) error { return os.MkdirAll(name, perm) }

// WriteFile implements FS.WriteFile.
func (OSFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	return fastio.WriteFile(name, data, perm)
}

// Create implements FS.Create.
func (OSFS) Create(name string, perm fs.FileMode) (io.WriteCloser, error) {
	return os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
}

// Open implements FS.Open.
func (OSFS) Open(name string) (io.ReadCloser, error) { return os.Open(name) }

// ReadDir implements FS.ReadDir.
func (OSFS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }

// Lstat implements FS.Lstat.
func (OSFS) Lstat(name string) (fs.FileInfo, error) { return os.Lstat(name) }

// Readlink implements FS.Readlink.
func (OSFS) Readlink(name string) (string, error) { return os.Readlink(name) }

// Symlink implements FS.Symlink.
func (OSFS) Symlink(oldname, newname string) error { return os.Symlink(oldname, newname) }

// Rename implements FS.Rename.
func (OSFS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// RemoveAll implements FS.RemoveAll.
func (OSFS) RemoveAll(name string) error { return os.RemoveAll(name) }
