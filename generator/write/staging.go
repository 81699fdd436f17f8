package write

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// Staging is the Sink of `build`: it writes into a fresh hidden directory
// beside the output directory and swaps it in on Commit, so a failed or
// cancelled build leaves the previous output exactly as it was.
type Staging struct {
	fs    FS
	dest  string // absolute OS path of the output directory
	shown string // the output directory as the user named it, for messages
	stage string // the staging directory, a sibling of dest
	user  userIndex
	reg   *registry
	// made holds the folders already created in stage: one a page at
	// 100,000 pages, where sync.Map's nodes cost three times a map's.
	madeMu sync.RWMutex
	made   map[string]struct{}
	files  atomic.Int64
	bytes  atomic.Int64
	ctx    context.Context
	stop   func() bool

	mu         sync.RWMutex // writes share it; Commit and Abort take it alone
	closed     error        // why the sink no longer accepts writes; nil while open
	destExists bool
	lock       *os.File // the staging marker, locked while the build runs
	notes      []string // what Open did to recover from stopped builds
}

// testHook, when set (by tests), is called at the points where a build
// may be killed: "opened", "wrote" (after each file), "prepared", "aside"
// (between the two renames of the swap), "swapped" and "removed" (after
// each entry of the previous site is removed).
var testHook func(point string)

func hook(point string) {
	if testHook != nil {
		testHook(point)
	}
}

// Open checks the output directory dest and creates a staging directory
// beside it (.NAME.playbook-XXXX). It refuses a non-empty dest that lacks
// playbook's marker. The caller must end with Commit or Abort; deferring
// Abort is safe, it does nothing after Commit.
func Open(dest string, opts ...Option) (*Staging, error) {
	o := buildOptions(opts)
	abs, err := resolveDest(o.fs, dest)
	if err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := o.fs.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the folder of output directory %s: %w", dest, err)
	}
	unlock := lockParent(o.fs, abs)
	defer unlock()
	notes, err := recoverDest(o.fs, abs, dest)
	if err != nil {
		return nil, err
	}
	st, err := scanDest(o.fs, abs, dest)
	if err != nil {
		return nil, err
	}
	stagingPrefix, _ := siblingPrefixes(abs)
	stage, err := reserveDir(o.fs, parent, stagingPrefix)
	if err != nil {
		return nil, fmt.Errorf("cannot create a staging directory beside %s: %w", dest, err)
	}
	lock, err := createStagingMarker(o.fs, stage)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("cannot create a staging directory beside %s: %w", dest, err), o.fs.RemoveAll(stage))
	}
	s := &Staging{fs: o.fs, dest: abs, shown: dest, stage: stage, user: st.user, reg: newRegistry(), made: map[string]struct{}{}, ctx: o.ctx, lock: lock, notes: notes}
	s.stop = context.AfterFunc(o.ctx, func() { s.abort(context.Cause(o.ctx)) })
	hook("opened")
	return s, nil
}

// Notes returns what Open did to recover from builds that were stopped
// (a previous site put back, leftover folders removed), for the user.
func (s *Staging) Notes() []string { return s.notes }

// removeStage removes the staging directory, its marker last, and lets go
// of the marker's lock.
func (s *Staging) removeStage() error {
	err := removeOwned(s.fs, s.stage, StagingMarkerName, MarkerName)
	s.unlock()
	return err
}

func (s *Staging) unlock() {
	if s.lock != nil {
		s.lock.Close()
		s.lock = nil
	}
}

// Write implements Sink.Write.
func (s *Staging) Write(p string, data []byte) error {
	if err := s.claim(p); err != nil {
		return err
	}
	return s.store(p, func(name string) (int64, error) {
		return int64(len(data)), s.fs.WriteFile(name, data, 0o644)
	})
}

// WriteFrom implements StreamWriter.WriteFrom: it copies r to disk without
// holding the whole file in memory.
func (s *Staging) WriteFrom(p string, r io.Reader) error {
	if err := s.claim(p); err != nil {
		return err
	}
	return s.store(p, func(name string) (int64, error) {
		w, err := s.fs.Create(name, 0o644)
		if err != nil {
			return 0, err
		}
		n, err := io.Copy(w, r)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return n, err
	})
}

// claim reserves p for one output, failing on an invalid path, a duplicate
// or a user file that the output would replace.
func (s *Staging) claim(p string) error {
	if err := s.reg.claim(p); err != nil {
		return err
	}
	if u, ok := s.user.clash(p); ok {
		return collisionProblem(s.shown, p, u)
	}
	return nil
}

// store runs put on the staging file for p while holding the sink open, so
// Abort never removes the directory under a write in flight.
func (s *Staging) store(p string, put func(name string) (int64, error)) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed != nil {
		return s.closed
	}
	if err := s.mkdirs(path.Dir(p)); err != nil {
		return fmt.Errorf("cannot write %s into %s: %w", p, s.shown, err)
	}
	n, err := put(filepath.Join(s.stage, filepath.FromSlash(p)))
	if err != nil {
		return fmt.Errorf("cannot write %s into %s: %w", p, s.shown, err)
	}
	s.files.Add(1)
	s.bytes.Add(n)
	hook("wrote")
	return nil
}

// mkdirs creates folder dir of the staging tree once, however many files
// go into it.
func (s *Staging) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	if s.isMade(dir) {
		return nil
	}
	full := filepath.Join(s.stage, filepath.FromSlash(dir))
	// Pretty URLs make a folder per page: when the parent is known to
	// exist, one mkdir does it (MkdirAll would stat its way up first).
	err := errParentUnknown
	if parent := path.Dir(dir); parent == "." || s.isMade(parent) {
		err = s.fs.Mkdir(full, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		if err = s.fs.MkdirAll(full, 0o755); err != nil {
			return err
		}
	}
	s.madeMu.Lock()
	s.made[dir] = struct{}{}
	s.madeMu.Unlock()
	return nil
}

var errParentUnknown = errors.New("parent folder not made yet")

func (s *Staging) isMade(dir string) bool {
	s.madeMu.RLock()
	_, ok := s.made[dir]
	s.madeMu.RUnlock()
	return ok
}

// Abort ends a build that will not be committed: it removes the staging
// directory and leaves the output directory untouched. It does nothing if
// the build was already committed or aborted.
func (s *Staging) Abort() error { return s.abort(ErrClosed) }

func (s *Staging) abort(reason error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed != nil {
		return nil
	}
	s.closed = reason
	s.stop()
	return s.removeStage()
}
