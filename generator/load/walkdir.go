package load

import (
	"io/fs"
	"os"
	"path"
)

// maxLinkDepth bounds how many symlinked folders one path may pass
// through, for file systems whose FileInfo cannot tell two folders apart
// (os.SameFile knows only the os package's).
const maxLinkDepth = 40

// WalkDir is fs.WalkDir that follows symlinks: a symlinked folder is
// walked under the link's name and a symlinked file is passed to fn as
// the file it leads to. Keeping links inside the site is fsys's job, as
// SiteFS does: a link it refuses comes to fn as the link's entry with
// the error, as does a folder link back into a folder being walked
// (ErrLoop).
func WalkDir(fsys fs.FS, root string, fn fs.WalkDirFunc) error {
	info, err := fs.Stat(fsys, root)
	if err != nil {
		err = fn(root, nil, err)
	} else {
		w := &walker{fsys: fsys, fn: fn}
		err = w.walk(root, fs.FileInfoToDirEntry(info), info)
	}
	if err == fs.SkipDir || err == fs.SkipAll {
		return nil
	}
	return err
}

// walker is one WalkDir run.
type walker struct {
	fsys    fs.FS
	fn      fs.WalkDirFunc
	folders []fs.FileInfo // the folders being walked, outermost first
	links   int           // how many of them were reached by a link
}

// walk visits name and, if it is a folder, what it holds; info describes
// the folder (nil: d.Info tells).
func (w *walker) walk(name string, d fs.DirEntry, info fs.FileInfo) error {
	if err := w.fn(name, d, nil); err != nil || !d.IsDir() {
		if err == fs.SkipDir && d.IsDir() {
			err = nil
		}
		return err
	}
	entries, err := fs.ReadDir(w.fsys, name)
	if err != nil {
		if err = w.fn(name, d, err); err != nil {
			if err == fs.SkipDir {
				err = nil
			}
			return err
		}
	}
	w.folders = append(w.folders, folderInfo(d, info))
	defer func() { w.folders = w.folders[:len(w.folders)-1] }()
	for _, e := range entries {
		if err := w.entry(path.Join(name, e.Name()), e); err != nil {
			if err == fs.SkipDir {
				break
			}
			return err
		}
	}
	return nil
}

// entry visits one entry of a folder, following it if it is a symlink.
func (w *walker) entry(name string, d fs.DirEntry) error {
	if d.Type()&fs.ModeSymlink == 0 {
		return w.walk(name, d, nil)
	}
	info, err := fs.Stat(w.fsys, name)
	if err == nil && info.IsDir() && w.walking(info) {
		err = &fs.PathError{Op: "walk", Path: name, Err: ErrLoop}
	}
	if err != nil {
		return w.fn(name, d, err)
	}
	if !info.IsDir() {
		return w.walk(name, fs.FileInfoToDirEntry(info), nil)
	}
	w.links++
	defer func() { w.links-- }()
	return w.walk(name, fs.FileInfoToDirEntry(info), info)
}

// walking reports whether the folder info is one being walked, or lies
// too many links deep to tell.
func (w *walker) walking(info fs.FileInfo) bool {
	if w.links >= maxLinkDepth {
		return true
	}
	for _, f := range w.folders {
		if f != nil && os.SameFile(f, info) {
			return true
		}
	}
	return false
}

// folderInfo describes a folder about to be walked, nil when it cannot
// be described: such a folder is only missed by the loop check.
func folderInfo(d fs.DirEntry, info fs.FileInfo) fs.FileInfo {
	if info != nil {
		return info
	}
	info, _ = d.Info()
	return info
}
