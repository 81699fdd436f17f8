package watch

import (
	"fmt"
	"slices"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// Change is one changed path of a batch.
type Change struct {
	// Path is slash-separated and relative to the site folder. It is empty
	// in a Config change the watcher sends when the kernel dropped events:
	// anything may have changed, so everything must be rebuilt.
	Path string
	Kind ChangeKind
	// Op holds every operation seen on the path during the batch.
	Op fsnotify.Op
}

// Batch is the changes of one burst of activity, one per path, sorted by
// path.
type Batch []Change

// Kind is the widest kind of change in the batch, which decides the
// rebuild: a layout change among content changes rebuilds every page.
func (b Batch) Kind() ChangeKind {
	kind := Ignore
	for _, c := range b {
		kind = max(kind, c.Kind)
	}
	return kind
}

// Paths returns the paths of the changes of a kind, in order.
func (b Batch) Paths(kind ChangeKind) []string {
	var out []string
	for _, c := range b {
		if c.Kind == kind {
			out = append(out, c.Path)
		}
	}
	return out
}

// String names the changed paths for a log line: "content/a.md",
// "content/a.md and 2 more".
func (b Batch) String() string {
	if len(b) == 0 {
		return "nothing"
	}
	first := b[0].Path
	if first == "" {
		first = "files (events were lost)"
	}
	if len(b) == 1 {
		return first
	}
	return fmt.Sprintf("%s and %d more", first, len(b)-1)
}

// Merge returns the changes of both batches, one per path, sorted; the
// operations seen on a path in either are combined.
func Merge(a, b Batch) Batch {
	byPath := make(map[string]Change, len(a)+len(b))
	for _, c := range slices.Concat(a, b) {
		if old, ok := byPath[c.Path]; ok {
			c.Op |= old.Op
		}
		byPath[c.Path] = c
	}
	out := make(Batch, 0, len(byPath))
	for _, c := range byPath {
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y Change) int { return strings.Compare(x.Path, y.Path) })
	return out
}
