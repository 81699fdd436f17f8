package write

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
)

// resolveDest makes dest absolute and, when it is a symbolic link, follows
// it: swapping the link itself would leave the real directory stale.
func resolveDest(fsys FS, dest string) (string, error) {
	if dest == "" {
		return "", errors.New("no output directory given: pass --dest DIR")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", err
	}
	for range 40 {
		if filepath.Dir(abs) == abs {
			return "", fmt.Errorf("output directory %s is the root of the file system: choose another --dest", dest)
		}
		fi, err := fsys.Lstat(abs)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return abs, nil // a missing dest is created; other errors surface in scanDest
		}
		target, err := fsys.Readlink(abs)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(abs), target)
		}
		abs = filepath.Clean(target)
	}
	return "", fmt.Errorf("output directory %s: too many levels of symbolic links", dest)
}

// reserveDir creates a new, empty directory prefix+random in parent.
// Mkdir fails on an existing name, so two builds never share one.
func reserveDir(fsys FS, parent, prefix string) (string, error) {
	var err error
	for range 100 {
		name := filepath.Join(parent, prefix+randomSuffix())
		err = fsys.Mkdir(name, 0o755)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", err
}

// freeName returns a name prefix+random in parent that does not exist yet.
func freeName(fsys FS, parent, prefix string) (string, error) {
	for range 100 {
		name := filepath.Join(parent, prefix+randomSuffix())
		if _, err := fsys.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name, nil
		}
	}
	return "", fmt.Errorf("no free temporary name in %s", parent)
}

func randomSuffix() string {
	var b [6]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}
