package serve

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadSize reads a load-test knob from the environment: make test runs a
// short variant, make loadtest the full one (200 connections, 100
// rebuilds).
func loadSize(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// TestServeUnderLoad drives many concurrent keep-alive connections at the
// server while the site is rebuilt again and again: no request may fail,
// every HTML response must be a whole page of one build, and memory must
// stay bounded.
func TestServeUnderLoad(t *testing.T) {
	conns := loadSize("PLAYBOOK_LOAD_CONNS", 50)
	rebuilds := loadSize("PLAYBOOK_LOAD_REBUILDS", 10)
	r := startServe(t, copySite(t))
	ev := r.events()
	ev.waitFor("hello")
	heapBefore := heapInUse()

	transport := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}
	stop := make(chan struct{})
	var requests, failures atomic.Int64
	var mu sync.Mutex
	var bad []string
	report := func(format string, args ...any) {
		failures.Add(1)
		mu.Lock()
		defer mu.Unlock()
		if len(bad) < 10 {
			bad = append(bad, fmt.Sprintf(format, args...))
		}
	}
	paths := []string{"/guides/first/", "/", "/guides/", "/guides/first/index.html.md", "/sitemap.xml", "/llms-full.txt", "/missing/", "/tags/fixture/"}
	var wg sync.WaitGroup
	for i := range conns {
		wg.Go(func() {
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				p := paths[(i+n)%len(paths)]
				status, body, err := fetch(client, r.url+strings.TrimPrefix(p, "/"))
				requests.Add(1)
				if err != nil {
					report("%s: %v", p, err)
					continue
				}
				checkWhole(p, status, body, report)
			}
		})
	}
	start := time.Now()
	r.rebuildVersions(ev, rebuilds)
	close(stop)
	wg.Wait()
	elapsed := time.Since(start)
	heapAfter := heapInUse()
	for _, b := range bad {
		t.Error(b)
	}
	t.Logf("%d connections, %d rebuilds in %v: %d requests (%.0f/s), %d failed; heap in use %d KB -> %d KB",
		conns, rebuilds, elapsed.Round(time.Millisecond), requests.Load(), float64(requests.Load())/elapsed.Seconds(),
		failures.Load(), heapBefore>>10, heapAfter>>10)
	if requests.Load() < int64(conns) {
		t.Errorf("only %d requests were made", requests.Load())
	}
	// The fixture site is a few hundred kilobytes: snapshots of old builds
	// must not pile up, whatever the number of rebuilds.
	if heapAfter > heapBefore+64<<20 {
		t.Errorf("heap grew from %d KB to %d KB over %d rebuilds", heapBefore>>10, heapAfter>>10, rebuilds)
	}
}

func fetch(c *http.Client, url string) (int, string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}
