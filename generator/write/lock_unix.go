//go:build unix

package write

import (
	"os"
	"syscall"
)

// flockWorks: a staging marker's lock tells a running build's folder
// from a killed one's.
const flockWorks = true

// lockFile takes an exclusive flock on f, waiting for it when wait is set;
// the lock ends when f is closed or the process dies, however it dies.
func lockFile(f *os.File, wait bool) error {
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	return syscall.Flock(int(f.Fd()), how)
}
