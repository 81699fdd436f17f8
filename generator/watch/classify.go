package watch

import (
	"path"
	"slices"
	"strings"

	"playbook/generator/config"
	"playbook/generator/load"
)

// ChangeKind is what a changed file is to the site, which decides how much
// of it must be rebuilt. Kinds are ordered: a batch is rebuilt for its
// widest kind.
type ChangeKind int

const (
	// Ignore is a file the site does not read: output, editor leftovers,
	// anything outside the site's folders.
	Ignore ChangeKind = iota
	// Static is a file under static/, copied as is.
	Static
	// Content is a file under content/: a page or a page's resource.
	Content
	// Layout is a template under layouts/: every page may use it.
	Layout
	// Config is the site config (site.yaml, site.yml or site.toml): it
	// changes every page.
	Config
)

// String implements fmt.Stringer.
func (k ChangeKind) String() string {
	switch k {
	case Static:
		return "static"
	case Content:
		return "content"
	case Layout:
		return "layout"
	case Config:
		return "config"
	}
	return "ignore"
}

// trees maps the site's top folders to the kind of their files.
var trees = map[string]ChangeKind{
	"content": Content,
	"layouts": Layout,
	"static":  Static,
}

// Classify says what the file at p, a slash-separated path relative to the
// site folder, is to the site. It reads nothing from disk. Editor temporary
// files and hidden files are ignored (load.Ignored); inside content/ and
// layouts/ so is everything under a hidden folder, as the build skips them.
func Classify(p string) ChangeKind {
	p = path.Clean(strings.TrimPrefix(p, "./"))
	if p == "." || p == ".." || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") {
		return Ignore
	}
	top, rest, nested := strings.Cut(p, "/")
	if !nested {
		if slices.Contains(config.Files, top) {
			return Config
		}
		return trees[top]
	}
	kind, ok := trees[top]
	if !ok || load.Ignored(path.Base(rest)) {
		return Ignore
	}
	if kind != Static && hiddenFolder(rest) {
		return Ignore
	}
	return kind
}

// hiddenFolder reports whether a folder on the way to the file rel is one
// the build skips.
func hiddenFolder(rel string) bool {
	dirs := strings.Split(rel, "/")
	for _, d := range dirs[:len(dirs)-1] {
		if load.Ignored(d) {
			return true
		}
	}
	return false
}
