package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"playbook/generator/diag"
	"playbook/generator/write"
)

// site is a small built site in memory.
func site(t *testing.T, files map[string]string) Files {
	t.Helper()
	mem := write.NewMemory()
	for p, s := range files {
		if err := mem.Write(p, []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	return mem.Snapshot()
}

var testFiles = map[string]string{
	"index.html":                "<!doctype html><html><body><h1>Home</h1></body></html>",
	"guides/index.html":         "<html><body>Guides</body></html>",
	"guides/grow/index.html":    "<html><BODY>Grow</BODY></html>",
	"guides/grow/index.html.md": "# Grow\n",
	"404.html":                  "<html><body>Not here</body></html>",
	"css/site.css":              "body{color:red}",
	"js/app.js":                 "console.log(1)",
	"sitemap.xml":               "<urlset/>",
	"llms.txt":                  "# Site",
	"img/logo.svg":              "<svg/>",
	"img/photo.png":             "\x89PNG\r\n\x1a\n",
	"data/blob.unknownext":      "plain words",
	"minified/index.html":       "<p>no body end tag",
}

func get(t *testing.T, h http.Handler, method, target string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(method, target, nil))
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestServeFiles(t *testing.T) {
	s := NewServer()
	s.Publish(site(t, testFiles))
	tests := []struct {
		target, wantType, wantBody string
		wantStatus                 int
	}{
		{"/", "text/html; charset=utf-8", "<h1>Home</h1>", 200},
		{"/guides/", "text/html; charset=utf-8", "Guides", 200},
		{"/guides/grow/", "text/html; charset=utf-8", "Grow", 200},
		{"/guides/grow/index.html", "text/html; charset=utf-8", "Grow", 200},
		{"/guides/grow/index.html.md", "text/markdown; charset=utf-8", "# Grow\n", 200},
		{"/css/site.css", "text/css; charset=utf-8", "body{color:red}", 200},
		{"/js/app.js", "text/javascript; charset=utf-8", "console.log(1)", 200},
		{"/sitemap.xml", "application/xml; charset=utf-8", "<urlset/>", 200},
		{"/llms.txt", "text/plain; charset=utf-8", "# Site", 200},
		{"/img/logo.svg", "image/svg+xml", "<svg/>", 200},
		{"/img/photo.png", "image/png", "\x89PNG", 200},
		{"/data/blob.unknownext", "text/plain; charset=utf-8", "plain words", 200},
		{"/nope/", "text/html; charset=utf-8", "Not here", 404},
		{"/guides/grow/missing.png", "text/html; charset=utf-8", "Not here", 404},
		{"/css/", "text/html; charset=utf-8", "Not here", 404}, // no directory listing
		{"/__playbook/live.js", "text/javascript; charset=utf-8", "EventSource", 200},
		{"/__playbook/other", "text/plain; charset=utf-8", "404 page not found", 404},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res := get(t, s, "GET", tt.target)
			if res.StatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", res.StatusCode, tt.wantStatus)
			}
			if ct := res.Header.Get("Content-Type"); ct != tt.wantType {
				t.Errorf("Content-Type = %q, want %q", ct, tt.wantType)
			}
			if b := body(t, res); !strings.Contains(b, tt.wantBody) {
				t.Errorf("body %q does not hold %q", b, tt.wantBody)
			}
			if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("Cache-Control = %q", cc)
			}
		})
	}
}

func TestServeRedirectsFolders(t *testing.T) {
	s := NewServer()
	s.Publish(site(t, testFiles))
	for target, want := range map[string]string{
		"/guides":          "/guides/",
		"/guides/grow?x=1": "/guides/grow/?x=1",
	} {
		res := get(t, s, "GET", target)
		if res.StatusCode != http.StatusMovedPermanently || res.Header.Get("Location") != want {
			t.Errorf("%s: %d to %q, want 301 to %q", target, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
}

func TestServeRefusesEscapes(t *testing.T) {
	s := NewServer()
	s.Publish(site(t, testFiles))
	for _, target := range []string{
		"/../site.yaml",
		"/%2e%2e/site.yaml",
		"/%2E%2E/%2e%2e/etc/passwd",
		"/guides/../../etc/passwd",
		"/guides/%2e%2e/%2e%2e/etc/passwd",
		"/..%2f..%2fetc/passwd",
		"//etc/passwd",
		"/guides//grow/",
		"/./index.html",
		"/guides/.",
		"/a%5c..%5cb",
		"/a%00b",
	} {
		t.Run(target, func(t *testing.T) {
			res := get(t, s, "GET", target)
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("status = %d, want 400", res.StatusCode)
			}
			if b := body(t, res); strings.Contains(b, "Home") || strings.Contains(b, "root:") {
				t.Errorf("body leaks a file: %q", b)
			}
		})
	}
}

func TestServeInjectsOnlyIntoHTML(t *testing.T) {
	files := site(t, testFiles)
	s := NewServer()
	s.Publish(files)
	script := `<script src="/__playbook/live.js" data-build="1"></script>`
	if b := body(t, get(t, s, "GET", "/")); !strings.Contains(b, "<h1>Home</h1>"+script+"</body>") {
		t.Errorf("script not before </body>: %s", b)
	}
	if b := body(t, get(t, s, "GET", "/guides/grow/")); !strings.Contains(b, "Grow"+script+"</BODY>") {
		t.Errorf("script not before </BODY>: %s", b)
	}
	if b := body(t, get(t, s, "GET", "/minified/")); b != "<p>no body end tag"+script {
		t.Errorf("page without </body>: %s", b)
	}
	if b := body(t, get(t, s, "GET", "/nope/")); !strings.Contains(b, script) {
		t.Errorf("404 page lacks the script: %s", b)
	}
	for _, target := range []string{"/css/site.css", "/guides/grow/index.html.md", "/sitemap.xml"} {
		if b := body(t, get(t, s, "GET", target)); strings.Contains(b, "__playbook") {
			t.Errorf("%s: script injected into a non-HTML file: %s", target, b)
		}
	}
	if stored, _ := files.Get("index.html"); strings.Contains(string(stored), "__playbook") {
		t.Error("injection modified the stored build")
	}
}

func TestServeHeadAndMethods(t *testing.T) {
	s := NewServer()
	s.Publish(site(t, testFiles))
	res := get(t, s, "HEAD", "/css/site.css")
	if res.StatusCode != 200 || res.Header.Get("Content-Length") != "15" || body(t, res) != "" {
		t.Errorf("HEAD: %d, length %q", res.StatusCode, res.Header.Get("Content-Length"))
	}
	res = get(t, s, "POST", "/")
	if res.StatusCode != http.StatusMethodNotAllowed || res.Header.Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d, Allow %q", res.StatusCode, res.Header.Get("Allow"))
	}
}

func TestServeOverlayIsEscaped(t *testing.T) {
	s := NewServer()
	s.Publish(site(t, testFiles))
	s.Fail(diag.List{diag.Errorf("content/guides/grow.md", 7, 3, `close it with a line ":::"`, "the block <script>alert(1)</script> is never closed")})
	b := body(t, get(t, s, "GET", "/guides/grow/"))
	for _, want := range []string{`id="playbook-overlay"`, "<code>content/guides/grow.md:7:3</code>", "&lt;script&gt;alert(1)&lt;/script&gt;", "Grow", `data-build="1"`} {
		if !strings.Contains(b, want) {
			t.Errorf("page lacks %q:\n%s", want, b)
		}
	}
	if strings.Contains(b, "<script>alert(1)") {
		t.Error("problem text was not escaped")
	}
	s.Publish(site(t, testFiles))
	if b := body(t, get(t, s, "GET", "/guides/grow/")); strings.Contains(b, "playbook-overlay") || !strings.Contains(b, `data-build="2"`) {
		t.Errorf("overlay still shown after a good build: %s", b)
	}
}

func TestServeBeforeFirstGoodBuild(t *testing.T) {
	s := NewServer()
	res := get(t, s, "GET", "/guides/")
	if res.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body(t, res), "Building the site") {
		t.Errorf("while building: %d", res.StatusCode)
	}
	s.Fail(diag.List{diag.Errorf("site.yaml", 2, 1, "", "bad base_url")})
	res = get(t, s, "GET", "/any/page/")
	b := body(t, res)
	if res.StatusCode != http.StatusInternalServerError || !strings.Contains(b, "site.yaml:2:1") || !strings.Contains(b, "could not be built") {
		t.Errorf("after a failed first build: %d %s", res.StatusCode, b)
	}
}

func TestSitePath(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"/", "", true},
		{"/a/b/", "a/b/", true},
		{"/a/b.html", "a/b.html", true},
		{"/a/..", "", false},
		{"/a//b", "", false},
		{"a", "", false},
		{"/a/./b", "", false},
		{"/.well-known/x", ".well-known/x", true},
	}
	for _, tt := range tests {
		got, ok := sitePath(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("sitePath(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
