package load

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"playbook/generator/diag"
)

// ContentDir is the folder of a site that holds its pages.
const ContentDir = "content"

// Files is what a walk of content/ found.
type Files struct {
	Pages []string // Markdown files, site-relative ("content/guides/a.md"), sorted
	Other []string // every other regular file (images, downloads), copied as is
}

// Walk lists the content files of the site in fsys. Hidden files and editor
// leftovers are skipped. Symlinks are followed as far as fsys lets them
// (a SiteFS keeps them inside the site), so a file reached through one is
// listed under the link's path; a link that cannot be followed is a
// problem.
func Walk(fsys fs.FS) (Files, diag.List) {
	var files Files
	var probs diag.List
	err := WalkDir(fsys, ContentDir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case p != ContentDir && Ignored(path.Base(p)):
			if err == nil && d.IsDir() {
				return fs.SkipDir
			}
		case err != nil && p == ContentDir && errors.Is(err, fs.ErrNotExist):
			return fs.SkipAll
		case err != nil:
			probs.Add(fileProblem(p, err))
		case d.IsDir():
		case IsMarkdown(p):
			files.Pages = append(files.Pages, p)
		default:
			files.Other = append(files.Other, p)
		}
		return nil
	})
	if err != nil {
		probs.Add(diag.Errorf(ContentDir, 0, 0, "", "cannot walk content: %v", err))
	}
	slices.Sort(files.Pages)
	slices.Sort(files.Other)
	return files, probs
}

// IsMarkdown reports whether a file is a page.
func IsMarkdown(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".md" || ext == ".markdown"
}

// Ignored reports whether a file or folder name is hidden or an editor's
// temporary file (Vim swap, Emacs lock and backup files, JetBrains and
// VS Code temp files), which must neither be published nor trigger rebuilds.
func Ignored(name string) bool {
	switch {
	case name == "" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasPrefix(name, "~$"):
		return true
	case strings.HasSuffix(name, "~") || strings.HasSuffix(name, "#"):
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".swp", ".swo", ".swx", ".tmp", ".bak", ".orig", ".crdownload", ".part":
		return true
	}
	return name == "4913" // Vim's write-permission probe file
}
