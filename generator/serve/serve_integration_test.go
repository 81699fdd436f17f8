package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestServeEditReloadAndBrokenEdit(t *testing.T) {
	r := startServe(t, copySite(t))
	status, page := r.get("/guides/first/")
	if status != 200 || !strings.Contains(page, "Original paragraph") {
		t.Fatalf("first page: %d\n%s", status, page)
	}
	if !strings.Contains(page, `<link rel="canonical" href="`+r.url+`guides/first/">`) {
		t.Errorf("canonical link does not use the serve URL %s", r.url)
	}
	ev := r.events()
	if data := ev.waitFor("hello"); data != `{"build":1}` {
		t.Fatalf("hello = %s", data)
	}

	r.edit("content/guides/first.md", func(s string) string { return strings.Replace(s, "Original paragraph", "Edited paragraph", 1) })
	if data := ev.waitFor("reload"); data != `{"build":2}` {
		t.Fatalf("reload = %s, want build 2", data)
	}
	_, page = r.get("/guides/first/")
	if !strings.Contains(page, "Edited paragraph") || !strings.Contains(page, `data-build="2"`) {
		t.Fatalf("edited page not served:\n%s", page)
	}

	// A broken edit: the errors reach the tab, the last good page stays.
	r.edit("content/guides/first.md", func(s string) string { return s + "\n::: note\nunfinished BROKEN-MARKER <b>\n" })
	data := ev.waitFor("problems")
	for _, want := range []string{`"position":"content/guides/first.md:`, `never closed`, `playbook-overlay`} {
		if !strings.Contains(data, want) {
			t.Errorf("problems event lacks %q: %s", want, data)
		}
	}
	status, page = r.get("/guides/first/")
	if status != 200 || !strings.Contains(page, "Edited paragraph") || !strings.Contains(page, `id="playbook-overlay"`) {
		t.Fatalf("during a broken edit: %d, want the last good page with the overlay:\n%s", status, page)
	}
	if strings.Contains(page, "BROKEN-MARKER") {
		t.Error("the broken text reached the served page")
	}

	// Fixing the file removes the overlay.
	r.edit("content/guides/first.md", func(s string) string { return strings.TrimSuffix(s, "\n::: note\nunfinished BROKEN-MARKER <b>\n") })
	if data := ev.waitFor("reload"); data != `{"build":3}` {
		t.Fatalf("reload after the fix = %s", data)
	}
	_, page = r.get("/guides/first/")
	if strings.Contains(page, "playbook-overlay") {
		t.Error("overlay still shown after the fix")
	}
	out := r.out.String()
	for _, want := range []string{"content/guides/first.md changed: 1 page re-rendered in ", "build failed with 1 error", "Serving " + r.url} {
		if !strings.Contains(out, want) {
			t.Errorf("terminal output lacks %q:\n%s", want, out)
		}
	}
	// Ctrl-C: the server stops, and open event streams end with it.
	r.stop()
	if !ev.endsWithin(2 * time.Minute) {
		t.Error("event stream still open after the server stopped")
	}
}

// rawStatus sends a request line as written, without a client cleaning
// the path, and returns the status.
func rawStatus(t *testing.T, url, target string) (int, string) {
	t.Helper()
	host := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	conn, err := net.DialTimeout("tcp", host, 2*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(2 * time.Minute))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	defer res.Body.Close()
	var b strings.Builder
	bufio.NewReader(res.Body).WriteTo(&b)
	return res.StatusCode, b.String()
}

func TestServeRefusesTraversal(t *testing.T) {
	r := startServe(t, copySite(t))
	for _, target := range []string{
		"/../site.yaml",
		"/../../../../etc/passwd",
		"/%2e%2e/site.yaml",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/guides/%2e%2e/%2e%2e/site.yaml",
		"/..%2fsite.yaml",
		"/..%5csite.yaml",
		"//etc/passwd",
		"/guides/./first/",
	} {
		status, body := rawStatus(t, r.url, target)
		if status < 400 || status >= 500 {
			t.Errorf("%s: status %d, want 4xx", target, status)
		}
		if strings.Contains(body, "base_url") || strings.Contains(body, "root:") {
			t.Errorf("%s: a file outside the site leaked: %s", target, body)
		}
	}
	// Source files are not output: the site folder itself is never served.
	if status, _ := rawStatus(t, r.url, "/site.yaml"); status != 404 {
		t.Errorf("/site.yaml: %d, want 404", status)
	}
	if status, _ := rawStatus(t, r.url, "/content/guides/first.md"); status != 404 {
		t.Errorf("/content/guides/first.md: %d, want 404", status)
	}
}

func TestServeFirstBuildFails(t *testing.T) {
	dir := copySite(t)
	if err := writeSiteFile(dir, "content/guides/broken.md", "---\ntitle: \"Broken\"\ndescription: \"A page with an unclosed block, present when serve starts.\"\n---\n\n::: warning\nno end\n"); err != nil {
		t.Fatal(err)
	}
	r := startServe(t, dir)
	status, page := r.get("/guides/first/")
	if status != 500 || !strings.Contains(page, "could not be built") || !strings.Contains(page, "content/guides/broken.md:6:1") {
		t.Fatalf("with no good build: %d\n%s", status, page)
	}
	ev := r.events()
	if data := ev.waitFor("hello"); data != `{"build":0}` {
		t.Errorf("hello = %s, want build 0", data)
	}
	ev.waitFor("problems")
	r.edit("content/guides/broken.md", func(s string) string { return s + ":::\n" })
	if data := ev.waitFor("reload"); data != `{"build":1}` {
		t.Fatalf("reload = %s", data)
	}
	if status, page := r.get("/guides/broken/"); status != 200 || !strings.Contains(page, "no end") {
		t.Errorf("after the fix: %d", status)
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = Run(ctx, Options{Source: copySite(t), Port: port})
	if !errors.Is(err, ErrListen) {
		t.Fatalf("Run on a taken port = %v, want ErrListen", err)
	}
	for _, want := range []string{"port " + strconv.Itoa(port) + " on 127.0.0.1 is already in use", "--port " + strconv.Itoa(port+1)} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

func TestSiteURL(t *testing.T) {
	tests := []struct{ bind, want string }{
		{"127.0.0.1", "http://127.0.0.1:1313/"},
		{"0.0.0.0", "http://localhost:1313/"},
		{"::", "http://localhost:1313/"},
		{"::1", "http://[::1]:1313/"},
		{"localhost", "http://localhost:1313/"},
	}
	for _, tt := range tests {
		if got := siteURL(tt.bind, &net.TCPAddr{Port: 1313}); got != tt.want {
			t.Errorf("siteURL(%q) = %q, want %q", tt.bind, got, tt.want)
		}
	}
}
