package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher. Zero values take the defaults.
type Options struct {
	// Quiet is how long the tree must stay still before a batch is sent:
	// long enough to join the events of one editor save, short enough to
	// feel instant. Default 10ms: the events of one save that change a
	// file (vim's truncate and write, the temporary file of sed -i or a
	// safe-writing editor renamed over the page) came under 2ms apart on
	// a busy 2-core machine, a chmod that may trail them is ignored, and
	// every millisecond here is one more between saving and the reload.
	Quiet time.Duration
	// Reappear replaces Quiet while a path of the batch was removed or
	// renamed away and not written since. Editors that save by renaming
	// the page to a backup and writing a new one (vim) leave it missing
	// for a moment; sending the batch then would take the page off the
	// site until the next one, and a busy machine can stall the save
	// longer than Quiet between the two steps. Default 100ms: a real
	// deletion reloads that much later.
	Reappear time.Duration
	// MaxWait bounds how long a stream of changes (a git checkout, a large
	// copy) is held before a batch is sent anyway. Default 250ms.
	MaxWait time.Duration
}

// Defaults of the Options left zero.
const (
	defaultQuiet    = 10 * time.Millisecond
	defaultReappear = 100 * time.Millisecond
	defaultMaxWait  = 250 * time.Millisecond
)

// Watcher follows a site folder and sends debounced batches of changes.
type Watcher struct {
	root    string
	fsw     *fsnotify.Watcher
	changes chan Change
	batches chan Batch
	errs    chan error
	done    chan struct{}
	wg      sync.WaitGroup
	dirs    map[string]bool // watched folders, owned by the loop goroutine
}

// New starts watching the site folder root: the folder itself (for the
// site config and for content/, layouts/ or static/ appearing later) and
// every folder under content/, layouts/ and static/.
func New(root string, opts Options) (*Watcher, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: abs, fsw: fsw, changes: make(chan Change), batches: make(chan Batch),
		errs: make(chan error, 16), done: make(chan struct{}), dirs: map[string]bool{}}
	if err := w.start(); err != nil {
		fsw.Close()
		return nil, err
	}
	t := timing{
		quiet:    cmpOr(opts.Quiet, defaultQuiet),
		reappear: cmpOr(opts.Reappear, defaultReappear),
		maxWait:  cmpOr(opts.MaxWait, defaultMaxWait),
	}
	w.wg.Go(w.loop)
	w.wg.Go(func() { debounce(w.changes, w.batches, t) })
	return w, nil
}

func cmpOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// start watches the root and the trees that exist now.
func (w *Watcher) start() error {
	if err := w.fsw.Add(w.root); err != nil {
		return err
	}
	w.dirs[w.root] = true
	for tree := range trees {
		dir := filepath.Join(w.root, tree)
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			if link, err := os.Lstat(dir); err == nil && link.Mode()&fs.ModeSymlink != 0 {
				// A top folder that is a symlink (the build follows it):
				// the trailing separator makes WalkDir enter it.
				dir += string(filepath.Separator)
			}
			if err := w.addTree(dir, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// Batches delivers the batches of changes. It is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors delivers problems the watcher met (a folder it could not watch);
// they are worth printing but do not stop it. Errors that arrive while
// nobody reads are dropped.
func (w *Watcher) Errors() <-chan error { return w.errs }

// Close stops watching; Batches is closed once pending work is done.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	err := w.fsw.Close()
	w.wg.Wait()
	return err
}

// loop turns fsnotify events into changes.
func (w *Watcher) loop() {
	defer close(w.changes)
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.handle(ev)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.handleError(err)
		case <-w.done:
			return
		}
	}
}

func (w *Watcher) handle(ev fsnotify.Event) {
	rel, ok := w.rel(ev.Name)
	if !ok {
		return
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() && watchable(rel) {
			w.report(w.addTree(ev.Name, true))
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(ev.Name)
	}
	kind := Classify(rel)
	if kind == Ignore || ev.Op == fsnotify.Chmod {
		return // a permission or timestamp change alone changes no output
	}
	w.emit(Change{Path: rel, Kind: kind, Op: ev.Op})
}

// handleError turns a lost-events overflow into a change of everything.
func (w *Watcher) handleError(err error) {
	if errors.Is(err, fsnotify.ErrEventOverflow) {
		w.emit(Change{Kind: Config})
		return
	}
	w.report(err)
}

func (w *Watcher) emit(c Change) {
	select {
	case w.changes <- c:
	case <-w.done:
	}
}

func (w *Watcher) report(err error) {
	if err == nil {
		return
	}
	select {
	case w.errs <- err:
	default:
	}
}

// rel makes an event path relative to the root, slash-separated.
func (w *Watcher) rel(name string) (string, bool) {
	rel, err := filepath.Rel(w.root, name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// watchable reports whether files in the folder rel would matter.
func watchable(rel string) bool { return Classify(rel+"/file") != Ignore }

// addTree watches dir and every folder under it. A folder that appeared
// after start may already hold files whose events came before its watch
// did, so with announce each file found is sent as created.
func (w *Watcher) addTree(dir string, announce bool) error {
	var errs []error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		rel, _ := w.rel(p)
		if d.IsDir() {
			if p != dir && !watchable(rel) {
				return filepath.SkipDir
			}
			if err := w.fsw.Add(p); err != nil {
				errs = append(errs, err)
				return filepath.SkipDir
			}
			w.dirs[p] = true
			return nil
		}
		if kind := Classify(rel); announce && kind != Ignore {
			w.emit(Change{Path: rel, Kind: kind, Op: fsnotify.Create})
		}
		return nil
	})
	return errors.Join(append(errs, err)...)
}

// forget stops watching a removed or renamed folder and those under it;
// the kernel drops the watches of deleted folders itself, so errors are
// expected and ignored.
func (w *Watcher) forget(name string) {
	prefix := name + string(filepath.Separator)
	for d := range w.dirs {
		if d == name || strings.HasPrefix(d, prefix) {
			_ = w.fsw.Remove(d)
			delete(w.dirs, d)
		}
	}
}
