package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// StagingMarkerName is the file a staging directory holds from the moment
// it is made until it is swapped in or removed. A build keeps it open and
// locked (flock) while it runs, so the next build can tell a staging
// directory whose build was killed (unlocked) from one in use.
const StagingMarkerName = ".playbook-staging"

const stagingHeader = markerPrefix + "staging directory: removed by the next build if the one writing it was stopped\n"

// sibling kinds of dest that playbook makes: .NAME.playbook-XXXX (staging)
// and .NAME.playbook-old-XXXX (the previous site, during the swap).
func siblingPrefixes(dest string) (staging, old string) {
	staging = "." + filepath.Base(dest) + ".playbook-"
	return staging, staging + "old-"
}

// lockParent serializes, between builds of the same folder, what must not
// interleave: the recovery and reservation of Open, and the two renames of
// the swap. It is a no-op on a file system that cannot lock.
func lockParent(fsys FS, dest string) (unlock func()) {
	if _, ok := fsys.(interface{ osFS() }); !ok {
		return func() {}
	}
	f, err := os.Open(filepath.Dir(dest))
	if err != nil {
		return func() {}
	}
	if err := lockFile(f, true); err != nil {
		f.Close()
		return func() {}
	}
	return func() { f.Close() } // closing releases the lock
}

func (OSFS) osFS() {}

// createStagingMarker writes the marker of a new staging directory and
// returns it open and locked; closing it releases the lock.
func createStagingMarker(fsys FS, stage string) (*os.File, error) {
	name := filepath.Join(stage, StagingMarkerName)
	if _, ok := fsys.(interface{ osFS() }); !ok {
		return nil, fsys.WriteFile(name, []byte(stagingHeader), 0o644)
	}
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(stagingHeader); err != nil {
		f.Close()
		return nil, err
	}
	if err := lockFile(f, false); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// recoverDest cleans up after builds of dest that were killed: a swap
// stopped between its two renames (no dest, the previous site aside) is
// undone by putting the previous site back; the previous sites and
// staging directories they left are removed. Only directories with one of
// playbook's markers (or empty ones of playbook's names) are touched. It
// returns a note for each thing it did, for the user. The caller holds
// lockParent.
func recoverDest(fsys FS, dest, shown string) ([]string, error) {
	parent := filepath.Dir(dest)
	entries, err := fsys.ReadDir(parent)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	stagingPrefix, oldPrefix := siblingPrefixes(dest)
	var notes []string
	_, statErr := fsys.Lstat(dest)
	destMissing := errors.Is(statErr, fs.ErrNotExist)
	removed := 0
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || !strings.HasPrefix(name, stagingPrefix) {
			continue
		}
		full := filepath.Join(parent, name)
		switch {
		case strings.HasPrefix(name, oldPrefix) && destMissing && hasSiteMarker(fsys, full):
			if err := fsys.Rename(full, dest); err != nil {
				return notes, fmt.Errorf("a previous build stopped while replacing %s, and its previous site in %s could not be put back: %w", shown, full, err)
			}
			destMissing = false
			notes = append(notes, fmt.Sprintf("a previous build was stopped while it replaced %s: the site before it was put back from %s", shown, name))
		case strings.HasPrefix(name, oldPrefix) && (hasSiteMarker(fsys, full) || isEmptyDir(fsys, full)):
			if err := removeOwned(fsys, full, MarkerName); err != nil {
				return notes, err
			}
			removed++
		case !strings.HasPrefix(name, oldPrefix) && staleStaging(fsys, full):
			if err := removeOwned(fsys, full, StagingMarkerName, MarkerName); err != nil {
				return notes, err
			}
			removed++
		}
	}
	if removed > 0 {
		notes = append(notes, fmt.Sprintf("removed %d folder(s) left beside %s by builds that were stopped", removed, shown))
	}
	if !destMissing {
		// A swap stopped after its second rename leaves the staging
		// marker in dest.
		stray := filepath.Join(dest, StagingMarkerName)
		if isStagingMarker(fsys, stray) && hasSiteMarker(fsys, dest) {
			if err := fsys.RemoveAll(stray); err != nil {
				return notes, err
			}
		}
	}
	return notes, nil
}

// staleStaging reports whether a .NAME.playbook-XXXX directory was left by
// a build that is no longer running: it holds playbook's staging marker
// that nobody has locked, or only a site marker (stopped between the two
// steps of the swap, which run under lockParent), or nothing at all
// (reservation and marker are made under lockParent too).
func staleStaging(fsys FS, dir string) bool {
	marker := filepath.Join(dir, StagingMarkerName)
	if isStagingMarker(fsys, marker) {
		return !lockedByOther(fsys, marker)
	}
	return hasSiteMarker(fsys, dir) || isEmptyDir(fsys, dir)
}

func isStagingMarker(fsys FS, name string) bool {
	r, err := fsys.Open(name)
	if err != nil {
		return false
	}
	defer r.Close()
	head := make([]byte, len(stagingHeader))
	n, _ := r.Read(head)
	return string(head[:n]) == stagingHeader
}

// lockedByOther reports whether a running build holds the marker's lock.
func lockedByOther(fsys FS, marker string) bool {
	if _, ok := fsys.(interface{ osFS() }); !ok {
		return false
	}
	if !flockWorks {
		return true
	}
	f, err := os.Open(marker)
	if err != nil {
		return false
	}
	defer f.Close()
	return lockFile(f, false) != nil
}

func hasSiteMarker(fsys FS, dir string) bool {
	_, ok, err := readMarker(fsys, dir)
	return ok && err == nil
}

func isEmptyDir(fsys FS, dir string) bool {
	entries, err := fsys.ReadDir(dir)
	return err == nil && len(entries) == 0
}

// removeOwned removes dir with its markers last, so that a removal stopped
// half-way still leaves a directory the next build recognises as its own.
func removeOwned(fsys FS, dir string, markers ...string) error {
	entries, err := fsys.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	isMarker := func(name string) bool {
		for _, m := range markers {
			if name == m {
				return true
			}
		}
		return false
	}
	for _, e := range entries {
		if !isMarker(e.Name()) {
			if err := fsys.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
			hook("removed")
		}
	}
	return fsys.RemoveAll(dir)
}
