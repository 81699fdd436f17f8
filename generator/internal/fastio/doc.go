// Package fastio reads and writes whole files with as few system calls as
// the platform allows. A 10,000-page build writes 20,000 files and reads
// 10,000; os.ReadFile and os.WriteFile spend extra calls on each (fstat,
// fcntl, an epoll registration that fails for regular files), which on a
// virtual disk cost more than the work itself.
package fastio

import "errors"

// ErrTooLarge is returned by ReadFile for a file over the limit.
var ErrTooLarge = errors.New("file too large")
