package serve

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestWantsMarkdown(t *testing.T) {
	tests := []struct {
		accept string
		want   bool
	}{
		{"", false},
		{"*/*", false},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", false}, // Chrome
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false},                       // Firefox
		{"text/markdown", true},
		{"TEXT/Markdown ; charset=utf-8", true},
		{"text/markdown, text/html", true}, // a tie goes to what the client names as its own
		{"text/markdown, text/html;q=0.9, */*;q=0.1", true},
		{"text/html, text/markdown;q=0.5", false},
		{"text/markdown;q=0", false},
		{"text/markdown;q=0.5, */*", false}, // */* stands for text/html at q=1
		{"text/markdown;q=0.5, text/*;q=0.4", true},
		{"text/plain", true},
		{"text/plain, text/html", false}, // text/plain must be preferred, not only accepted
		{"text/plain, text/html;q=0.8", true},
		{"text/plain;q=0.9, */*;q=0.8", true},
		{"text/*", false},
		{"text/markdown;q=abc", false}, // malformed: skipped
		{"text/markdown;q=2", false},
		{"markdown", false},
		{"text/", false},
		{"/markdown", false},
		{",,,;;", false},
	}
	for _, tt := range tests {
		if got := wantsMarkdown(tt.accept); got != tt.want {
			t.Errorf("wantsMarkdown(%q) = %v, want %v", tt.accept, got, tt.want)
		}
	}
}

// FuzzWantsMarkdown: any header is answered without a panic, and a
// browser's header with anything appended that does not name markdown or
// plain text still gets HTML.
func FuzzWantsMarkdown(f *testing.F) {
	for _, s := range []string{"text/markdown", "text/html;q=0.9, text/markdown", "*/*;q=0.8", "text/plain;q=1e-3", ";q=", "a/b;q=NaN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		_ = wantsMarkdown(accept)
		if !strings.Contains(strings.ToLower(accept), "text/markdown") && !strings.Contains(strings.ToLower(accept), "text/plain") {
			if wantsMarkdown("text/html," + accept) {
				t.Errorf("%q with text/html first chose Markdown", accept)
			}
		}
	})
}

func getAccept(t *testing.T, h http.Handler, target, accept string) *http.Response {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", target, nil)
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestServeNegotiatesTheTwin(t *testing.T) {
	s := NewServer()
	s.Publish(site(t, testFiles))
	const browser = "text/html,application/xhtml+xml,*/*;q=0.8"
	tests := []struct {
		target, accept, wantType, wantBody, wantLink, wantVary string
	}{
		{"/guides/grow/", browser, "text/html; charset=utf-8", "Grow",
			`</guides/grow/index.html.md>; rel="alternate"; type="text/markdown", </llms.txt>; rel="describedby"; type="text/markdown"`, "Accept"},
		{"/guides/grow/", "text/markdown", "text/markdown; charset=utf-8", "# Grow\n", `</guides/grow/>; rel="canonical"; type="text/html"`, "Accept"},
		{"/guides/grow/index.html", "text/plain, text/html;q=0.5", "text/markdown; charset=utf-8", "# Grow\n", `</guides/grow/>; rel="canonical"; type="text/html"`, "Accept"},
		{"/guides/grow/", "", "text/html; charset=utf-8", "Grow", `</guides/grow/index.html.md>; rel="alternate"`, "Accept"},
		// No twin: HTML whatever is asked, and nothing to vary on.
		{"/guides/", "text/markdown", "text/html; charset=utf-8", "Guides", "", ""},
		{"/nope/", "text/markdown", "text/html; charset=utf-8", "Not here", "", ""},
		{"/guides/grow/index.html.md", "", "text/markdown; charset=utf-8", "# Grow\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.target+" "+tt.accept, func(t *testing.T) {
			res := getAccept(t, s, tt.target, tt.accept)
			if ct := res.Header.Get("Content-Type"); ct != tt.wantType {
				t.Errorf("Content-Type = %q, want %q", ct, tt.wantType)
			}
			if b := body(t, res); !strings.Contains(b, tt.wantBody) || strings.Contains(b, "live.js") && tt.wantType == markdownType {
				t.Errorf("body %q, want %q without the live script", b, tt.wantBody)
			}
			if l := res.Header.Get("Link"); !strings.HasPrefix(l, tt.wantLink) || tt.wantLink == "" && l != "" {
				t.Errorf("Link = %q, want %q", l, tt.wantLink)
			}
			if v := res.Header.Get("Vary"); v != tt.wantVary {
				t.Errorf("Vary = %q, want %q", v, tt.wantVary)
			}
		})
	}
	if res := getAccept(t, s, "/guides/grow/index.html.md", ""); res.Header.Get("X-Robots-Tag") != "noindex" {
		t.Errorf("a twin's X-Robots-Tag = %q, want noindex", res.Header.Get("X-Robots-Tag"))
	}
}

// TestServeNegotiatesDuringRebuilds asks for pages as browsers and as
// agents at once while the site is rebuilt; run under -race (make test
// does). Each answer is whole and of the kind asked for.
func TestServeNegotiatesDuringRebuilds(t *testing.T) {
	r := startServe(t, copySite(t))
	ev := r.events()
	ev.waitFor("hello")
	var wg sync.WaitGroup
	stop := make(chan struct{})
	errs := make(chan string, 100)
	for i := range 4 {
		accept := []string{"text/markdown", "text/html"}[i%2]
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				ct, b, err := fetchAccept(r.url+"guides/first/", accept)
				switch {
				case err != nil:
					errs <- err.Error()
				case accept == "text/markdown" && (ct != markdownType || !strings.HasPrefix(b, "# ")):
					errs <- "markdown asked, got " + ct + ": " + b
				case accept == "text/html" && (!strings.HasPrefix(ct, "text/html") || !strings.Contains(b, "</html>")):
					errs <- "HTML asked, got " + ct
				}
			}
		})
	}
	r.rebuildVersions(ev, 5)
	close(stop)
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func fetchAccept(u, accept string) (string, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	req.Header.Set("Accept", accept)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", "", err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.Header.Get("Content-Type"), string(b), err
}
