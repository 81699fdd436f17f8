//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package fastio

import (
	"io/fs"
	"os"
)

// WriteFile creates or truncates name and writes data.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}
