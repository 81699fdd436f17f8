package images

import (
	"os"
	"path/filepath"
)

// Cache is a folder of processed files (image versions, social cards),
// each named by a key made of its source's content and the settings it was
// made with, so a file is found again exactly when nothing that made it
// changed. It is safe to delete: whatever is missing is made again. A nil
// Cache keeps nothing.
type Cache struct {
	dir string
}

// OpenCache returns the cache in dir ("" gives nil, no cache). The folder
// is made on first write, with a .gitignore that keeps it out of git.
func OpenCache(dir string) *Cache {
	if dir == "" {
		return nil
	}
	return &Cache{dir: dir}
}

// Get returns the file stored under key.
func (c *Cache) Get(key string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	b, err := os.ReadFile(filepath.Join(c.dir, key))
	return b, err == nil
}

// Put stores b under key. A cache that cannot be written (a read-only
// site folder) only costs the next build the work again, so failures are
// ignored.
func (c *Cache) Put(key string, b []byte) {
	if c == nil {
		return
	}
	if err := c.ensure(); err != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(b)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(c.dir, key)) != nil {
		os.Remove(tmp.Name())
	}
}

func (c *Cache) ensure() error {
	ignore := filepath.Join(c.dir, ".gitignore")
	if _, err := os.Stat(ignore); err == nil {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(ignore, []byte("# playbook's cache: safe to delete, made again by the next build\n*\n"), 0o644)
}
