package write

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"playbook/generator/diag"
)

// maxLinkHops bounds symbolic link chains, as the kernel's ELOOP does.
const maxLinkHops = 40

// CopyFS copies the tree at root in src (static/, a bundle's folder) into
// sink under prefix ("" for the site root). Regular files are copied,
// streamed when sink is a StreamWriter. A symbolic link is followed when it
// stays inside root; one that leads outside root (or loops) is skipped and
// reported. A missing root copies nothing. All problems are returned
// together.
func CopyFS(sink Sink, src fs.FS, root, prefix string) error {
	root = path.Clean(root)
	if _, err := fs.Stat(src, root); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	c := &copier{sink: sink, src: src, root: root}
	c.walk(root, prefix, []string{root})
	return errors.Join(c.errs...)
}

// copier holds one CopyFS run and the problems it found.
type copier struct {
	sink Sink
	src  fs.FS
	root string
	errs []error
}

// walk copies the folder dir to out; visiting holds the folders being
// walked, so a link back to one of them is caught as a loop.
func (c *copier) walk(dir, out string, visiting []string) {
	err := fs.WalkDir(c.src, dir, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			c.errs = append(c.errs, err)
			return nil // skip what cannot be read, copy the rest
		}
		target := path.Join(out, relTo(dir, name))
		switch {
		case d.IsDir():
		case d.Type()&fs.ModeSymlink != 0:
			c.link(name, target, visiting)
		case d.Type().IsRegular():
			c.errs = append(c.errs, c.file(name, target))
		default:
			c.errs = append(c.errs, diag.Errorf(name, 0, 0, "remove it", "not a regular file, so it is not copied"))
		}
		return nil
	})
	c.errs = append(c.errs, err)
}

// relTo returns name, a path WalkDir found under dir, relative to dir.
func relTo(dir, name string) string {
	switch {
	case name == dir:
		return "."
	case dir == ".":
		return name
	}
	return strings.TrimPrefix(name, dir+"/")
}

// file copies one regular file.
func (c *copier) file(name, target string) error {
	sw, ok := c.sink.(StreamWriter)
	if !ok {
		data, err := fs.ReadFile(c.src, name)
		if err != nil {
			return err
		}
		return c.sink.Write(target, data)
	}
	f, err := c.src.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return sw.WriteFrom(target, f)
}

// link copies what the link name points to, if it stays inside root.
func (c *copier) link(name, target string, visiting []string) {
	resolved, err := c.resolve(name)
	if err != nil {
		c.errs = append(c.errs, err)
		return
	}
	fi, err := fs.Stat(c.src, resolved)
	switch {
	case err != nil:
		c.errs = append(c.errs, err)
	case fi.IsDir() && slices.Contains(visiting, resolved):
		c.errs = append(c.errs, loopProblem(name))
	case fi.IsDir():
		c.walk(resolved, target, append(slices.Clip(visiting), resolved))
	case fi.Mode().IsRegular():
		c.errs = append(c.errs, c.file(resolved, target))
	default:
		c.errs = append(c.errs, diag.Errorf(name, 0, 0, "remove it", "link to something that is not a regular file, so it is not copied"))
	}
}
