//go:build !linux

package load

// openConfined opens dir with os.Root: only Linux has openat2.
func openConfined(dir string) (opener, error) { return openRoot(dir) }
