package write

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"playbook/generator/diag"
	"playbook/generator/load"
)

// CopyFS copies the tree at root in src (static/, a bundle's folder) into
// sink under prefix ("" for the site root). Regular files are copied,
// streamed when sink is a StreamWriter. Symbolic links are followed as
// far as src lets them: src is the site's load.SiteFS, which refuses a
// link leading out of the site folder, so such a link, a broken one or a
// loop is skipped and reported. A missing root copies nothing. All
// problems are returned together, as diag.Problems; other errors (a full
// disk) are joined with them.
func CopyFS(sink Sink, src fs.FS, root, prefix string) error {
	root = path.Clean(root)
	if _, err := fs.Stat(src, root); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var errs []error
	err := load.WalkDir(src, root, func(name string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			errs = append(errs, linkProblem(name, d, err))
		case d.IsDir():
		case d.Type().IsRegular():
			errs = append(errs, copyFile(sink, src, name, path.Join(prefix, relTo(root, name))))
		default:
			errs = append(errs, diag.Errorf(name, 0, 0, "remove it", "not a regular file, so it is not copied"))
		}
		return nil // skip what cannot be read, copy the rest
	})
	return errors.Join(append(errs, err)...)
}

// relTo returns name, a path found under dir, relative to dir.
func relTo(dir, name string) string {
	switch {
	case name == dir:
		return "."
	case dir == ".":
		return name
	}
	return strings.TrimPrefix(name, dir+"/")
}

// copyFile copies one regular file.
func copyFile(sink Sink, src fs.FS, name, target string) error {
	sw, ok := sink.(StreamWriter)
	if !ok {
		data, err := fs.ReadFile(src, name)
		if err != nil {
			return err
		}
		return sink.Write(target, data)
	}
	f, err := src.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return sw.WriteFrom(target, f)
}

// linkProblem turns the error of following a symbolic link into a
// problem of the site; any other error is returned as it is.
func linkProblem(name string, d fs.DirEntry, err error) error {
	switch {
	case errors.Is(err, load.ErrOutside):
		return diag.Errorf(name, 0, 0, "point the link inside the site folder by a relative path, or copy the file in",
			"symbolic link leads outside the site folder or is absolute, so it is not copied")
	case errors.Is(err, load.ErrLoop):
		return diag.Errorf(name, 0, 0, "remove the link or point it elsewhere",
			"symbolic link loop, so it is not copied")
	case errors.Is(err, fs.ErrNotExist) && d != nil && d.Type()&fs.ModeSymlink != 0:
		return diag.Errorf(name, 0, 0, "remove the link or point it at a file",
			"symbolic link leads to nothing, so it is not copied")
	}
	return err
}
