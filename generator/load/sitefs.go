package load

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"playbook/generator/internal/fastio"
)

// SiteFS is a site folder opened for a build. It is the one way the build
// reads the folder: every path is opened relative to the folder by an
// opener that has the kernel (openat2 with RESOLVE_BENEATH) or os.Root
// refuse any path whose symlinks lead outside it, so a link in content/,
// layouts/ or static/ can reach other files of the site but never a
// private key next to it. Such a path fails with ErrOutside.
//
// content/, layouts/ and static/ may themselves be symlinks (a monorepo
// keeps content elsewhere): the site's owner made such a link, so it is
// followed wherever it leads, and that folder is confined in turn.
type SiteFS struct {
	o    opener
	tops map[string]opener // top-level folders that are symlinks, opened where they lead
}

// LinkedTops are the top-level folders of a site that may be symlinks to a
// folder anywhere.
var LinkedTops = []string{"content", "layouts", "static"}

// opener opens paths of a site folder, never resolving one outside it.
// Every read of SiteFS goes through one; the implementations are the
// only code that hands a path to the operating system.
type opener interface {
	// open opens a file or folder for reading.
	open(name string) (*os.File, error)
	// stat describes a file, following the last symlink when follow is
	// set.
	stat(name string, follow bool) (fs.FileInfo, error)
	// readFile reads a regular file of at most limit bytes into buf's
	// memory when it is big enough.
	readFile(buf []byte, name string, limit int64) ([]byte, error)
	// readLink returns where the symlink name leads.
	readLink(name string) (string, error)
	close() error
}

// OpenSite opens a site folder.
func OpenSite(dir string) (*SiteFS, error) {
	o, err := openConfined(dir)
	if err != nil {
		return nil, err
	}
	s := &SiteFS{o: o, tops: map[string]opener{}}
	for _, top := range LinkedTops {
		if err := s.followTop(dir, top); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// followTop opens the folder the top-level symlink top leads to, if top
// is one. A link to something other than a folder is left to the confined
// opener, which refuses it as any other.
func (s *SiteFS) followTop(dir, top string) error {
	p := filepath.Join(dir, top)
	info, err := os.Lstat(p)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return fmt.Errorf("%s is a symlink that leads nowhere (%w); point it at a folder or remove it", top, err)
	}
	if info, err := os.Stat(target); err != nil || !info.IsDir() {
		return nil
	}
	o, err := openConfined(target)
	if err != nil {
		return err
	}
	s.tops[top] = o
	return nil
}

// route picks the opener of a path and its name there.
func (s *SiteFS) route(name string) (opener, string) {
	top, rest, _ := strings.Cut(name, "/")
	if o, ok := s.tops[top]; ok {
		if rest == "" {
			rest = "."
		}
		return o, rest
	}
	return s.o, name
}

// Close releases the folder.
func (s *SiteFS) Close() error {
	for _, o := range s.tops {
		o.close()
	}
	return s.o.close()
}

// Open implements fs.FS.
func (s *SiteFS) Open(name string) (fs.File, error) {
	if err := checkName("open", name); err != nil {
		return nil, err
	}
	o, rel := s.route(name)
	f, err := o.open(rel)
	if err != nil {
		return nil, err
	}
	return &file{File: f, s: s, name: name}, nil
}

// Stat implements fs.StatFS.
func (s *SiteFS) Stat(name string) (fs.FileInfo, error) {
	if err := checkName("stat", name); err != nil {
		return nil, err
	}
	o, rel := s.route(name)
	return o.stat(rel, true)
}

// Lstat implements fs.ReadLinkFS: it describes a symlink itself, as the
// entries of ReadDir do.
func (s *SiteFS) Lstat(name string) (fs.FileInfo, error) {
	if err := checkName("lstat", name); err != nil {
		return nil, err
	}
	o, rel := s.route(name)
	return o.stat(rel, rel == "." && name != ".") // a linked top folder is described as the folder it is
}

// ReadLink implements fs.ReadLinkFS.
func (s *SiteFS) ReadLink(name string) (string, error) {
	if err := checkName("readlink", name); err != nil {
		return "", err
	}
	o, rel := s.route(name)
	return o.readLink(rel)
}

// ReadDir implements fs.ReadDirFS.
func (s *SiteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := checkName("readdir", name); err != nil {
		return nil, err
	}
	o, rel := s.route(name)
	f, err := o.open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entries, err := (&file{File: f, s: s, name: name}).ReadDir(-1)
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, err
}

// ReadFile implements fs.ReadFileFS.
func (s *SiteFS) ReadFile(name string) ([]byte, error) {
	return s.ReadFileLimitInto(nil, name, math.MaxInt64)
}

// ReadFileLimitInto reads a regular file of at most limit bytes, into
// buf's memory when it is big enough, or fails with fastio.ErrTooLarge.
func (s *SiteFS) ReadFileLimitInto(buf []byte, name string, limit int64) ([]byte, error) {
	if err := checkName("read", name); err != nil {
		return nil, err
	}
	o, rel := s.route(name)
	return o.readFile(buf, rel, limit)
}

// checkName refuses what fs.FS does not accept as a name, ".." above all.
func checkName(op, name string) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	return nil
}

// file is an open file or folder of a SiteFS.
type file struct {
	*os.File
	s    *SiteFS
	name string
}

// ReadDir returns entries whose Info asks the SiteFS: the os.File's own
// would look the entry up by a path outside the opener.
func (f *file) ReadDir(n int) ([]fs.DirEntry, error) {
	entries, err := f.File.ReadDir(n)
	out := make([]fs.DirEntry, len(entries))
	for i, e := range entries {
		out[i] = dirEntry{DirEntry: e, s: f.s, name: path.Join(f.name, e.Name())}
	}
	return out, err
}

// dirEntry is an entry of a SiteFS folder.
type dirEntry struct {
	fs.DirEntry
	s    *SiteFS
	name string
}

// Info describes the entry itself, a symlink rather than where it leads.
func (e dirEntry) Info() (fs.FileInfo, error) { return e.s.Lstat(e.name) }

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
