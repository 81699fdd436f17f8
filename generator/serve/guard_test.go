package serve

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"playbook/generator/diag"
)

func TestHostGuard(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	tests := []struct {
		bind, host string
		allow      []string
		want       int
	}{
		{"127.0.0.1", "127.0.0.1:1313", nil, http.StatusOK},
		{"127.0.0.1", "localhost:1313", nil, http.StatusOK},
		{"127.0.0.1", "LocalHost.:1313", nil, http.StatusOK},
		{"127.0.0.1", "app.localhost:1313", nil, http.StatusOK},
		{"127.0.0.1", "[::1]:1313", nil, http.StatusOK},
		{"0.0.0.0", "192.168.1.20:1313", nil, http.StatusOK},
		{"mybox.lan", "mybox.lan:1313", nil, http.StatusOK},
		{"127.0.0.1", "docs.test:1313", []string{"docs.test"}, http.StatusOK},
		{"127.0.0.1", "attacker.example:1313", nil, http.StatusForbidden},
		{"127.0.0.1", "attacker.example", []string{"docs.test"}, http.StatusForbidden},
		{"127.0.0.1", "localhost.attacker.example:1313", nil, http.StatusForbidden},
		{"127.0.0.1", "", nil, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			r.Host = tt.host
			w := httptest.NewRecorder()
			hostGuard(ok, tt.bind, tt.allow).ServeHTTP(w, r)
			if w.Code != tt.want {
				t.Errorf("Host %q (bind %s, allow %v): %d, want %d", tt.host, tt.bind, tt.allow, w.Code, tt.want)
			}
		})
	}
}

func TestServerTimeouts(t *testing.T) {
	hs := newHTTPServer(http.NotFoundHandler(), "127.0.0.1", nil)
	if hs.ReadHeaderTimeout == 0 || hs.ReadTimeout == 0 || hs.WriteTimeout == 0 || hs.IdleTimeout == 0 {
		t.Errorf("timeouts: header %v, read %v, write %v, idle %v; want all set",
			hs.ReadHeaderTimeout, hs.ReadTimeout, hs.WriteTimeout, hs.IdleTimeout)
	}
}

// TestOverlayIsBounded: 50,000 problems show the first maxShown and a
// count of the rest, in pages and in the problems event.
func TestOverlayIsBounded(t *testing.T) {
	var probs diag.List
	for i := range 50_000 {
		probs.Add(diag.Errorf("content/a.md", i+1, 1, "", "broken link %q", fmt.Sprint("/x", i)))
	}
	s := NewServer()
	s.Fail(probs)
	v := s.view.Load()
	page := string(inject([]byte("<html><body></body></html>"), v))
	if n := strings.Count(page, "<li>"); n != maxShown+1 {
		t.Errorf("%d items in the overlay, want %d and one for the rest", n, maxShown+1)
	}
	for _, want := range []string{"(50000 errors)", "… and 49950 more"} {
		if !strings.Contains(page, want) {
			t.Errorf("the overlay lacks %q", want)
		}
	}
	if len(page) > 64<<10 {
		t.Errorf("the page with the overlay is %d bytes", len(page))
	}
	if e := problemsEvent(v); len(e.data) > 64<<10 {
		t.Errorf("the problems event is %d bytes", len(e.data))
	}
}
