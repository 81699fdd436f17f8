package serve

import (
	"net"
	"net/http"
	"strings"
	"time"

	"golang.org/x/net/netutil"
)

// Limits of the HTTP server. Event streams set their own write deadline
// for every event (stream.write), so WriteTimeout only bounds ordinary
// responses; IdleTimeout frees the descriptors of keep-alive connections
// nobody uses (a few hundred of them once starved serve of descriptors).
const (
	readTimeout  = 30 * time.Second
	writeTimeout = 30 * time.Second
	idleTimeout  = 30 * time.Second
)

// newHTTPServer is serve's http.Server, with every timeout set and the
// Host header checked in front of h.
func newHTTPServer(h http.Handler, bind string, allow []string) *http.Server {
	return &http.Server{
		Handler:           hostGuard(h, bind, allow),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
	}
}

// limitConns caps the open connections at half the descriptors the
// process may have (at most 1024): a flood of connections waits for one
// to close instead of leaving serve unable to open files.
func limitConns(ln net.Listener) net.Listener {
	return netutil.LimitListener(ln, int(min(max(openFileLimit()/2, 16), 1024)))
}

// hostGuard answers 403 to a request whose Host header names a server
// other than this one: a page on another site that rebinds its own name
// to 127.0.0.1 (DNS rebinding) must not read the local site and its
// drafts. Allowed: localhost (and *.localhost), any IP address (a
// rebinding page cannot make the browser send one), the bound address and
// the names given with --allow-host.
func hostGuard(h http.Handler, bind string, allow []string) http.Handler {
	names := map[string]bool{"localhost": true, strings.ToLower(bind): true}
	for _, a := range allow {
		names[strings.ToLower(strings.TrimSuffix(a, "."))] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowedHost(r.Host, names) {
			http.Error(w, "forbidden: this server answers to localhost and its IP address only; "+
				"to reach it by another name, start it with --allow-host NAME", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}

func allowedHost(hostport string, names map[string]bool) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if net.ParseIP(host) != nil {
		return true
	}
	return names[host] || strings.HasSuffix(host, ".localhost")
}
