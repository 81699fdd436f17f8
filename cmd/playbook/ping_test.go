package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"playbook/generator/indexnow"
)

// indexNowServer is an IndexNow endpoint on 127.0.0.1 that records what it
// is sent and answers each request with the next status of its script.
type indexNowServer struct {
	mu       sync.Mutex
	statuses []int
	got      []indexnow.Request
}

func (s *indexNowServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req indexnow.Request
	if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") || json.NewDecoder(r.Body).Decode(&req) != nil {
		w.WriteHeader(http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	status := http.StatusOK
	if len(s.statuses) > 0 {
		status, s.statuses = s.statuses[0], s.statuses[1:]
	}
	s.got = append(s.got, req)
	w.WriteHeader(status)
}

func (s *indexNowServer) sent() (urls []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, r := range s.got {
		urls = append(urls, r.URLList...)
	}
	s.got = nil
	return urls
}

func TestPingSendsChangedURLsOnce(t *testing.T) {
	srv := &indexNowServer{}
	ts := httptest.NewServer(srv) // listens on 127.0.0.1
	defer ts.Close()
	pingBatch = 2
	defer func() { pingBatch = indexnow.MaxBatch }()
	page := func(title string) string {
		return "---\ntitle: " + title + "\ndescription: \"A page for the IndexNow exchange test.\"\ndate: 2026-10-01\n---\nBody of " + title + ".\n"
	}
	dir := writeSite(t, map[string]string{
		"site.yaml":           "title: T\nbase_url: https://example.com/\ndescription: d\nindexnow: { key: 0123456789abcdef, endpoint: \"" + ts.URL + "/indexnow\" }\n",
		"content/guides/a.md": page("A"),
		"content/guides/b.md": page("B"),
		"content/guides/c.md": page("C"),
	})
	if code, _, errOut := run(t, "build", "--source", dir, "--no-git-dates"); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	key, err := os.ReadFile(filepath.Join(dir, "public", "0123456789abcdef.txt"))
	if err != nil || string(key) != "0123456789abcdef" {
		t.Fatalf("key file: %q %v", key, err)
	}
	// Three pages (the home and section pages have no file of their own):
	// batches of 2; the second batch is turned away.
	srv.statuses = []int{http.StatusOK, http.StatusTooManyRequests, http.StatusAccepted}
	code, out, errOut := run(t, "ping", "--source", dir)
	if code != exitContent || !strings.Contains(errOut, "URL 3 was not accepted: 429 Too Many Requests — the endpoint asks to slow down") ||
		!strings.Contains(out, "2 of 3 URLs accepted") {
		t.Fatalf("first ping: exit %d\n%s\n%s", code, out, errOut)
	}
	first := srv.sent()
	if len(first) != 3 || srv.got != nil {
		t.Fatalf("first ping sent %v", first)
	}
	// The retry sends only the batch that was turned away.
	code, out, errOut = run(t, "ping", "--source", dir)
	if code != 0 || !strings.Contains(out, "1 of 1 URLs accepted") {
		t.Fatalf("retry: exit %d\n%s\n%s", code, out, errOut)
	}
	if retry := srv.sent(); !slices.Equal(retry, first[2:3]) {
		t.Errorf("retry sent %v, want %v", retry, first[2:3])
	}
	if code, out, _ = run(t, "ping", "--source", dir); code != 0 || !strings.Contains(out, "nothing to send") || len(srv.sent()) != 0 {
		t.Errorf("a third ping sent again: %s", out)
	}

	// One page edited: the next build lists it alone.
	if err := os.WriteFile(filepath.Join(dir, "content/guides/b.md"), []byte(page("B edited")), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "build", "--source", dir, "--no-git-dates"); code != 0 {
		t.Fatalf("rebuild: %s", errOut)
	}
	if code, _, errOut := run(t, "ping", "--source", dir); code != 0 {
		t.Fatalf("ping after edit: %s", errOut)
	}
	if got := srv.sent(); !slices.Equal(got, []string{"https://example.com/guides/b/"}) {
		t.Errorf("after one edit, sent %v", got)
	}
}

func TestPingRequestFormat(t *testing.T) {
	srv := &indexNowServer{}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	c := &indexnow.Client{Endpoint: ts.URL, Key: "0123456789abcdef", BaseURL: "https://example.com/docs/"}
	accepted, errs := c.Send(t.Context(), []string{"https://example.com/docs/a/"})
	if len(errs) > 0 || len(accepted) != 1 {
		t.Fatal(errs)
	}
	want := indexnow.Request{Host: "example.com", Key: "0123456789abcdef", KeyLocation: "https://example.com/docs/0123456789abcdef.txt", URLList: []string{"https://example.com/docs/a/"}}
	if got := srv.got[0]; got.Host != want.Host || got.Key != want.Key || got.KeyLocation != want.KeyLocation || !slices.Equal(got.URLList, want.URLList) {
		t.Errorf("sent %+v, want %+v", got, want)
	}
	ts.Close()
	if _, errs := c.Send(t.Context(), []string{"https://example.com/docs/a/"}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "check the network") {
		t.Errorf("unreachable endpoint: %v", errs)
	}
}
