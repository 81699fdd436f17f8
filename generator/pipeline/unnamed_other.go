//go:build !linux

package pipeline

import "os"

func openUnnamed(dir string) (*os.File, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	return createRemoved(dir)
}
