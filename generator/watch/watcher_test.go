package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newSite makes a site folder and a watcher on it, closed at the end.
func newSite(t *testing.T) (string, *Watcher) {
	t.Helper()
	return newSiteWatched(t, Options{Quiet: 30 * time.Millisecond})
}

// newSiteWatched is newSite with the watcher tuned by opts.
func newSiteWatched(t *testing.T, opts Options) (string, *Watcher) {
	t.Helper()
	root := t.TempDir()
	write(t, filepath.Join(root, "site.yaml"), "title: x\n")
	write(t, filepath.Join(root, "content", "guides", "a.md"), "---\ntitle: A\n---\n")
	write(t, filepath.Join(root, "layouts", "baseof.html"), "<html></html>")
	w, err := New(root, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := w.Close(); err != nil {
			t.Error(err)
		}
	})
	return root, w
}

// hang bounds a wait that only a hang would exhaust: generous, so that a
// busy machine never fails a test.
const hang = 2 * time.Minute

// next waits for the next batch holding a change to want.
func next(t *testing.T, w *Watcher, want string) Batch {
	t.Helper()
	deadline := time.After(hang)
	for {
		select {
		case b := <-w.Batches():
			if slices.Contains(paths(b), want) {
				return b
			}
		case <-deadline:
			t.Fatalf("no batch with %s within %v", want, hang)
			return nil
		}
	}
}

// quiet asserts that no batch arrives for a while.
func quiet(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Fatalf("unexpected batch %v", b)
	case <-time.After(200 * time.Millisecond):
	}
}

func TestWatcherEditorSaveIsOneChange(t *testing.T) {
	root, w := newSite(t)
	page := filepath.Join(root, "content", "guides", "a.md")
	// Vim's save: probe file, backup by rename, write the new file, drop the backup.
	write(t, filepath.Join(root, "content", "guides", "4913"), "")
	os.Remove(filepath.Join(root, "content", "guides", "4913"))
	if err := os.Rename(page, page+"~"); err != nil {
		t.Fatal(err)
	}
	write(t, page, "---\ntitle: A2\n---\n")
	os.Chmod(page, 0o644)
	os.Remove(page + "~")
	b := next(t, w, "content/guides/a.md")
	if !slices.Equal(paths(b), []string{"content/guides/a.md"}) {
		t.Errorf("batch = %v, want only the page (temp files ignored)", paths(b))
	}
	if b.Kind() != Content {
		t.Errorf("kind = %v", b.Kind())
	}
	quiet(t, w)
}

// TestDefaultQuietJoinsEditorSaves saves a page the ways editors and tools
// do, with the default quiet window, and checks each save is one batch.
func TestDefaultQuietJoinsEditorSaves(t *testing.T) {
	saves := map[string]func(t *testing.T, page string){
		"vim: backup by rename, write, chmod": func(t *testing.T, page string) {
			if err := os.Rename(page, page+"~"); err != nil {
				t.Fatal(err)
			}
			write(t, page, "---\ntitle: A2\n---\n")
			os.Chmod(page, 0o644)
			os.Remove(page + "~")
		},
		"safe write: temporary file renamed over the page, chmod": func(t *testing.T, page string) {
			write(t, page+".tmp", "---\ntitle: A2\n---\n")
			if err := os.Rename(page+".tmp", page); err != nil {
				t.Fatal(err)
			}
			os.Chmod(page, 0o644)
		},
		"in place: truncate, then two writes": func(t *testing.T, page string) {
			f, err := os.OpenFile(page, os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("---\ntitle: A2\n")
			f.WriteString("---\nBody.\n")
			f.Close()
		},
		"sed -i: temporary file without an extension renamed over": func(t *testing.T, page string) {
			tmp := filepath.Join(filepath.Dir(page), "sedX1b2c3")
			write(t, tmp, "---\ntitle: A2\n---\n")
			if err := os.Rename(tmp, page); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, save := range saves {
		t.Run(name, func(t *testing.T) {
			// A save is only expected to be one batch if its steps came
			// within the quiet window; on a busy machine the test (or the
			// watcher's reader) can stall longer, so a split proves a
			// fault only when the save was quick, and more than once: a
			// stall between delivering two events can split a quick one.
			fastSplits := 0
			for attempt := 1; attempt <= 50; attempt++ {
				root, w := newSiteWatched(t, Options{})
				page := filepath.Join(root, "content", "guides", "a.md")
				began := time.Now()
				save(t, page)
				took := time.Since(began)
				b := next(t, w, "content/guides/a.md")
				select {
				case extra := <-w.Batches():
					if took < defaultQuiet/2 {
						if fastSplits++; fastSplits == 3 {
							t.Fatalf("save took %v and came as two batches: %v, then %v", took, paths(b), paths(extra))
						}
					}
					t.Logf("attempt %d: the save took %v (quiet window %v) and was split; again", attempt, took, defaultQuiet)
					continue
				case <-time.After(200 * time.Millisecond):
				}
				return
			}
			t.Skip("the machine was too busy for any of 50 saves to come within the quiet window")
		})
	}
}

func TestWatcherIgnoresTempFilesAndOutput(t *testing.T) {
	root, w := newSite(t)
	write(t, filepath.Join(root, "content", "guides", ".a.md.swp"), "x")
	write(t, filepath.Join(root, "content", "guides", "#a.md#"), "x")
	write(t, filepath.Join(root, "public", "index.html"), "x")
	write(t, filepath.Join(root, "README.md"), "x")
	quiet(t, w)
}

func TestWatcherFollowsNewFolders(t *testing.T) {
	root, w := newSite(t)
	// A folder created after start, with a page written at once (before
	// the watch on it can exist) and another written later.
	write(t, filepath.Join(root, "content", "faq", "deep", "b.md"), "---\ntitle: B\n---\n")
	next(t, w, "content/faq/deep/b.md")
	time.Sleep(50 * time.Millisecond)
	write(t, filepath.Join(root, "content", "faq", "deep", "c.md"), "---\ntitle: C\n---\n")
	next(t, w, "content/faq/deep/c.md")
	// static/ did not exist at start.
	write(t, filepath.Join(root, "static", "css", "x.css"), "a{}")
	b := next(t, w, "static/css/x.css")
	if b.Kind() != Static {
		t.Errorf("kind = %v, want static", b.Kind())
	}
}

func TestWatcherKinds(t *testing.T) {
	root, w := newSite(t)
	write(t, filepath.Join(root, "site.yaml"), "title: y\n")
	if b := next(t, w, "site.yaml"); b.Kind() != Config {
		t.Errorf("config change kind = %v", b.Kind())
	}
	write(t, filepath.Join(root, "layouts", "baseof.html"), "<html><body></body></html>")
	if b := next(t, w, "layouts/baseof.html"); b.Kind() != Layout {
		t.Errorf("layout change kind = %v", b.Kind())
	}
	os.Remove(filepath.Join(root, "content", "guides", "a.md"))
	next(t, w, "content/guides/a.md")
}

func TestWatcherRenamedFolder(t *testing.T) {
	root, w := newSite(t)
	from, to := filepath.Join(root, "content", "guides"), filepath.Join(root, "content", "playbooks")
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
	next(t, w, "content/playbooks/a.md")
	time.Sleep(50 * time.Millisecond)
	write(t, filepath.Join(to, "b.md"), "---\ntitle: B\n---\n")
	next(t, w, "content/playbooks/b.md")
}

func TestWatcherCloseEndsBatches(t *testing.T) {
	_, w := newSite(t)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case _, ok := <-w.Batches():
		if ok {
			t.Error("a batch arrived after Close")
		}
	case <-time.After(hang):
		t.Error("Batches not closed by Close")
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close = %v", err)
	}
}

// TestWatcherFollowsALinkedContentFolder: content/ is a symlink to a
// folder elsewhere (a monorepo), which the build follows; so does the
// watcher.
func TestWatcherFollowsALinkedContentFolder(t *testing.T) {
	outside := t.TempDir()
	write(t, filepath.Join(outside, "content", "guides", "a.md"), "---\ntitle: A\n---\n")
	root := t.TempDir()
	write(t, filepath.Join(root, "site.yaml"), "title: x\n")
	if err := os.Symlink(filepath.Join(outside, "content"), filepath.Join(root, "content")); err != nil {
		t.Fatal(err)
	}
	w, err := New(root, Options{Quiet: 30 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	write(t, filepath.Join(outside, "content", "guides", "a.md"), "---\ntitle: A2\n---\n")
	if b := next(t, w, "content/guides/a.md"); b.Kind() != Content {
		t.Errorf("kind = %v", b.Kind())
	}
}
