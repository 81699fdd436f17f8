//go:build unix

package serve

import "syscall"

// openFileLimit is how many files the process may have open.
func openFileLimit() uint64 {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return 512
	}
	return rl.Cur
}
