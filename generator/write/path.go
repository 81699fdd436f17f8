package write

import (
	"fmt"
	"io/fs"
	"strings"
)

// MarkerName is the ownership marker at the root of every output directory
// playbook writes. No generated file may use this path.
const MarkerName = ".playbook"

// ValidPath reports why p cannot be an output path, or nil when it can.
// A valid path is slash-separated, relative, clean, without "..", backslash
// or control characters, and is not the ownership marker. Joined to a
// directory it can never name anything outside that directory.
func ValidPath(p string) error {
	reason := pathProblem(p)
	if reason == "" {
		return nil
	}
	return &fs.PathError{Op: "write", Path: p, Err: fmt.Errorf("%w: %s", ErrInvalidPath, reason)}
}

func pathProblem(p string) string {
	switch {
	case p == "":
		return "empty path"
	case strings.HasPrefix(p, "/"):
		return "absolute path"
	case strings.ContainsRune(p, '\\'):
		return "backslash in path (use forward slashes)"
	case hasControl(p):
		return "control character in path"
	case p == MarkerName:
		return "path is reserved for playbook's ownership marker"
	case p == "." || !fs.ValidPath(p):
		// fs.ValidPath rejects "..", "." and empty elements and a trailing slash.
		return `path is not clean or contains ".."`
	}
	return ""
}

// hasControl also catches newlines, which would corrupt the marker's
// one-path-per-line manifest.
func hasControl(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] < 0x20 || p[i] == 0x7f {
			return true
		}
	}
	return false
}
