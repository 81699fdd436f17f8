package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"playbook/generator/internal/sitetest"
	"playbook/generator/watch"
)

// copySite copies the fixture site into a fresh folder the test may edit.
func copySite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	sitetest.CopyTree(t, filepath.Join("testdata", "site"), dir)
	return dir
}

func writeSiteFile(dir, rel, content string) error {
	return sitetest.WriteTreeFile(dir, rel, []byte(content))
}

// syncBuffer collects what the server prints from its goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// running is a `playbook serve` started by a test on a free port.
type running struct {
	t      testing.TB
	dir    string
	url    string // ends in "/"
	out    *syncBuffer
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
}

// startServe runs Run over dir until the test ends. Its watcher waits
// 20ms for the tree to settle, which keeps tests steady on a busy machine.
func startServe(t testing.TB, dir string) *running {
	t.Helper()
	return startServeWatching(t, dir, watch.Options{Quiet: 20 * time.Millisecond})
}

// startServeWatching is startServe with the watcher tuned by w; the zero
// Options are what `playbook serve` uses.
func startServeWatching(t testing.TB, dir string, w watch.Options) *running {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{t: t, dir: dir, out: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	ready := make(chan string, 1)
	opts := Options{Source: dir, Port: 0, Stdout: r.out, Stderr: r.out, Watch: w,
		Ready: func(u string) { ready <- u }, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	go func() { r.done <- Run(ctx, opts) }()
	select {
	case r.url = <-ready:
	case err := <-r.done:
		cancel()
		t.Fatalf("serve stopped before serving: %v\n%s", err, r.out)
	case <-time.After(5 * time.Minute): // the benchmark's first build is of 10,000 pages
		cancel()
		t.Fatalf("serve not ready within 5 minutes\n%s", r.out)
	}
	t.Cleanup(r.stop)
	return r
}

// stop cancels the server and waits for a clean shutdown.
func (r *running) stop() {
	r.once.Do(func() {
		r.cancel()
		select {
		case err := <-r.done:
			if err != nil {
				r.t.Errorf("serve returned %v", err)
			}
		case <-time.After(2 * time.Minute):
			r.t.Error("serve did not stop within 2 minutes of cancel")
		}
	})
}

// get fetches a path and returns the status and body.
func (r *running) get(path string) (int, string) {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(r.url, "/")+path, nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		r.t.Fatalf("GET %s: %v", path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		r.t.Fatalf("GET %s: %v", path, err)
	}
	return res.StatusCode, string(b)
}

// edit rewrites a site file the way editors that save safely do: write a
// temporary file beside it, then rename it over the original.
func (r *running) edit(rel string, fn func(string) string) {
	r.t.Helper()
	p := filepath.Join(r.dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		r.t.Fatal(err)
	}
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, []byte(fn(string(b))), 0o644); err != nil {
		r.t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		r.t.Fatal(err)
	}
}

// events opens the event stream for the rest of the test.
func (r *running) events() *sse {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	r.t.Cleanup(cancel)
	return openEvents(r.t, ctx, strings.TrimSuffix(r.url, "/"))
}

// waitFor skips events until one named name arrives and returns its data.
func (s *sse) waitFor(name string) string {
	s.t.Helper()
	for {
		if n, data := s.next(); n == name {
			return data
		}
	}
}

// endsWithin reports whether the stream ends (after what was already sent)
// within d.
func (s *sse) endsWithin(d time.Duration) bool {
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		for {
			if _, err := s.r.ReadString('\n'); err != nil {
				return
			}
		}
	}()
	select {
	case <-ended:
		return true
	case <-time.After(d):
		return false
	}
}

// rebuildVersions edits the fixture's first guide n times, each time
// waiting for the reload event of that build, so the page's text names
// the build it came from.
func (r *running) rebuildVersions(ev *sse, n int) {
	r.t.Helper()
	for v := 1; v <= n; v++ {
		r.edit("content/guides/first.md", func(s string) string {
			if i := strings.Index(s, "Version "); i >= 0 {
				s = s[:i]
			}
			return s + fmt.Sprintf("Version %d of the page.\n", v)
		})
		if data := ev.waitFor("reload"); data != fmt.Sprintf(`{"build":%d}`, v+1) {
			r.t.Fatalf("rebuild %d: reload %s", v, data)
		}
	}
}
