//go:build !unix

package serve

// openFileLimit is a conservative guess where there is no RLIMIT_NOFILE.
func openFileLimit() uint64 { return 512 }
