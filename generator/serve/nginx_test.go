package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"playbook/generator/pipeline"
)

// TestNginxSnippetNegotiates builds the example site, runs a real nginx
// (Debian's package; .ci/run installs it) on 127.0.0.1 with the snippets
// the build wrote, and checks over HTTP that it negotiates the twins and
// sets the headers as serve does.
func TestNginxSnippetNegotiates(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	opts := pipeline.Options{Source: "../..", Dest: dest, Minify: true,
		BaseURL: "https://playbook.example.com/", Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
	res, err := pipeline.Build(context.Background(), opts)
	if err != nil || res.Failed(false) {
		t.Fatalf("build: %v %v", err, res.Problems)
	}
	// A folder with an index.html but no twin (a static file): HTML for
	// everyone, no Link, nothing to vary on.
	if err := os.MkdirAll(filepath.Join(dest, "plain"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dest, "plain", "index.html"), []byte("<p>plain</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := startNginx(t, dest)
	srv := NewServer()
	srv.Publish(dirFiles(dest))

	page := "/guides/grow-ltv-after-purchase/"
	html := readOut(t, dest, page+"index.html")
	twin := readOut(t, dest, page+"index.html.md")
	const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
	tests := []struct {
		path, accept string
		status       int
		ctype        string
		body         []byte // nil: not compared (serve adds its live script to HTML)
		headers      map[string]string
	}{
		{page, browser, 200, "text/html", html, map[string]string{"Vary": "Accept",
			"Link": `<` + page + `index.html.md>; rel="alternate"; type="text/markdown", </llms.txt>; rel="describedby"; type="text/markdown"`}},
		{page, "text/markdown", 200, "text/markdown; charset=utf-8", twin, map[string]string{"Vary": "Accept",
			"Link": `<` + page + `>; rel="canonical"; type="text/html"`, "X-Robots-Tag": ""}},
		{page, "text/markdown, text/html;q=0.9, */*;q=0.1", 200, "text/markdown; charset=utf-8", twin, nil},
		{page, "text/plain", 200, "text/markdown; charset=utf-8", twin, nil},
		{"/", "text/markdown", 200, "text/markdown; charset=utf-8", readOut(t, dest, "/index.html.md"), nil},
		{"/guides/grow-ltv-after-purchase.md", "", 200, "text/markdown; charset=utf-8", twin, map[string]string{"X-Robots-Tag": "noindex"}},
		{page + "index.html.md", browser, 200, "text/markdown; charset=utf-8", twin, map[string]string{"X-Robots-Tag": "noindex"}},
		{"/plain/", "text/markdown", 200, "text/html", []byte("<p>plain</p>"), map[string]string{"Link": "", "Vary": ""}},
		{"/llms.txt", "", 200, "text/plain; charset=utf-8", readOut(t, dest, "/llms.txt"), nil},
		{"/guides/llms.txt", "", 200, "text/plain; charset=utf-8", readOut(t, dest, "/guides/llms.txt"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.accept, func(t *testing.T) {
			ngx := nginxGet(t, base+tt.path, tt.accept)
			for name, r := range map[string]*http.Response{"nginx": ngx, "serve": serveGet(srv, tt.path, tt.accept)} {
				b, _ := io.ReadAll(r.Body)
				if r.StatusCode != tt.status || !strings.HasPrefix(r.Header.Get("Content-Type"), tt.ctype) {
					t.Errorf("%s: %d %q, want %d %q", name, r.StatusCode, r.Header.Get("Content-Type"), tt.status, tt.ctype)
				}
				if tt.body != nil && (name == "nginx" || !strings.HasPrefix(tt.ctype, "text/html")) && !bytes.Equal(b, tt.body) {
					t.Errorf("%s: the body is not the file's (%d bytes, want %d)", name, len(b), len(tt.body))
				}
				for k, want := range tt.headers {
					if got := r.Header.Get(k); got != want {
						t.Errorf("%s: %s = %q, want %q", name, k, got, want)
					}
				}
			}
		})
	}
	for _, p := range []string{"/_headers", "/_nginx/http.conf", "/_nginx/server.conf"} {
		if r := nginxGet(t, base+p, ""); r.StatusCode != http.StatusNotFound {
			t.Errorf("nginx serves the host file %s: %d", p, r.StatusCode)
		}
	}
	if r := nginxGet(t, base+"/answers.json", ""); r.Header.Get("Access-Control-Allow-Origin") != "*" || r.Header.Get("Content-Type") != "application/json" {
		t.Errorf("answers.json: CORS %q, type %q", r.Header.Get("Access-Control-Allow-Origin"), r.Header.Get("Content-Type"))
	}
	if cc := nginxGet(t, base+"/css/site.css", "").Header.Get("Cache-Control"); cc != "public, max-age=3600" {
		t.Errorf("CSS Cache-Control = %q", cc)
	}
	if cc := nginxGet(t, base+"/llms-full.txt", "").Header.Get("Cache-Control"); cc != "public, max-age=0, must-revalidate" {
		t.Errorf("llms-full.txt Cache-Control = %q", cc)
	}
	// The map reads the Accept header's order where serve weighs q-values;
	// on the headers clients send they agree.
	for _, accept := range []string{"", "*/*", browser, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
		"text/markdown", "text/markdown, text/html", "text/markdown, text/html;q=0.9, */*;q=0.1", "text/markdown;q=0",
		"text/html, text/markdown;q=0.5", "text/markdown;q=0.5, */*", "text/markdown;q=0.9, text/html",
		"text/plain", "text/plain, text/html", "text/plain, text/html;q=0.8", "text/plain, */*;q=0.8",
		"application/json", "text/*", "Text/Markdown"} {
		md := strings.HasPrefix(nginxGet(t, base+page, accept).Header.Get("Content-Type"), "text/markdown")
		if md != wantsMarkdown(accept) {
			t.Errorf("Accept %q: nginx gives Markdown %v, serve %v", accept, md, wantsMarkdown(accept))
		}
	}
}

// dirFiles serves a built site from its folder.
type dirFiles string

func (d dirFiles) Get(p string) ([]byte, bool) {
	b, err := os.ReadFile(filepath.Join(string(d), filepath.FromSlash(p)))
	return b, err == nil
}

func readOut(t *testing.T, dest, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(p, "/"))))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func serveGet(h http.Handler, path, accept string) *http.Response {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", path, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func nginxGet(t *testing.T, u, accept string) *http.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", u, err)
	}
	b, err := io.ReadAll(r.Body)
	r.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	return r
}

// startNginx runs nginx as this (unprivileged, or CI's) user in one
// process, with its own prefix, pid, logs and temp paths, serving root on a
// free loopback port, and returns its base URL. It is stopped when the test
// ends.
func startNginx(t *testing.T, root string) string {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		if bin, err = exec.LookPath("/usr/sbin/nginx"); err != nil {
			t.Fatal("nginx is not installed: apt-get install nginx (.ci/run does)")
		}
	}
	prefix := t.TempDir()
	for attempt := 0; ; attempt++ {
		port := freePort(t)
		conf := filepath.Join(prefix, "nginx.conf")
		if err := os.WriteFile(conf, []byte(nginxConf(prefix, root, port)), 0o644); err != nil {
			t.Fatal(err)
		}
		errLog := filepath.Join(prefix, "error.log")
		cmd := exec.Command(bin, "-p", prefix, "-c", conf, "-e", errLog)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		base := fmt.Sprintf("http://127.0.0.1:%d", port)
		if waitListening(port, exited) {
			t.Cleanup(func() {
				_ = cmd.Process.Kill()
				<-exited
			})
			return base
		}
		logText, _ := os.ReadFile(errLog)
		if attempt == 4 || !strings.Contains(string(logText), "in use") {
			t.Fatalf("nginx did not start: %s\n%s", out.String(), logText)
		}
	}
}

// waitListening waits until the port takes connections (true) or nginx
// exits (false). A generous limit only guards against a hang.
func waitListening(port int, exited chan error) bool {
	deadline := time.After(2 * time.Minute)
	for {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err == nil {
			c.Close()
			return true
		}
		select {
		case <-exited:
			return false
		case <-deadline:
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// nginxConf is a whole configuration around the build's two snippets, as
// the README tells a user to write it.
func nginxConf(prefix, root string, port int) string {
	return strings.NewReplacer("PREFIX", prefix, "ROOT", root, "PORT", fmt.Sprint(port)).Replace(`
daemon off;
master_process off;
pid PREFIX/nginx.pid;
error_log PREFIX/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path PREFIX/client_body;
    proxy_temp_path PREFIX/proxy;
    fastcgi_temp_path PREFIX/fastcgi;
    uwsgi_temp_path PREFIX/uwsgi;
    scgi_temp_path PREFIX/scgi;
    types {
        text/html html;
        text/css css;
        text/javascript js;
        application/json json;
        application/xml xml;
        image/svg+xml svg;
        image/png png;
    }
    default_type application/octet-stream;
    include ROOT/_nginx/http.conf;
    server {
        listen 127.0.0.1:PORT;
        root ROOT;
        include ROOT/_nginx/server.conf;
    }
}
`)
}
