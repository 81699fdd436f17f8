package serve

import (
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	"playbook/generator/diag"
)

// Files is a finished site, read by many requests at once and never
// changed: a *write.Snapshot or a *incremental.Output.
type Files interface {
	// Get returns the content of the file at a slash-separated path
	// relative to the site root, and whether it exists.
	Get(path string) ([]byte, bool)
}

// view is what the server shows at one moment. It is replaced whole, so a
// request sees one build and its status, never a mix.
type view struct {
	files    Files          // the last good build; nil before the first
	build    int            // number of that build, 0 before the first
	problems []diag.Problem // errors of the latest build when it failed
}

func (v *view) failed() bool { return len(v.problems) > 0 }

// Server serves the last good build of a site and streams reload and
// problem events to open tabs. It is an http.Handler.
type Server struct {
	view atomic.Pointer[view]
	hub  *hub
}

// NewServer returns a server with no site yet: until Publish or Fail, every
// page says the site is being built.
func NewServer() *Server {
	s := &Server{hub: newHub()}
	s.view.Store(&view{})
	return s
}

// Publish starts serving a good build and tells open tabs to reload.
func (s *Server) Publish(files Files) {
	next := &view{files: files, build: s.view.Load().build + 1}
	s.view.Store(next)
	s.hub.publish(reloadEvent(next.build))
}

// Fail records a failed build: the last good one is still served, with the
// errors shown over it, in open tabs at once and in pages loaded later.
func (s *Server) Fail(problems diag.List) {
	cur := s.view.Load()
	next := &view{files: cur.files, build: cur.build, problems: problems}
	s.view.Store(next)
	s.hub.publish(problemsEvent(next))
}

// Close ends every event stream, so that http.Server.Shutdown, which waits
// for requests to finish, is not held up by open tabs. Register it with
// http.Server.RegisterOnShutdown.
func (s *Server) Close() { s.hub.close() }

// internalPrefix holds the server's own URLs; no site file is served there.
const internalPrefix = "/__playbook/"

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: the site is read-only", http.StatusMethodNotAllowed)
		return
	}
	rel, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad request: the path leaves the site or is not clean", http.StatusBadRequest)
		return
	}
	if strings.HasPrefix(r.URL.Path, internalPrefix) {
		s.internal(w, r)
		return
	}
	v := s.view.Load()
	if v.files == nil {
		s.noSite(w, r, v)
		return
	}
	s.serveFile(w, r, v, rel)
}

// internal answers the server's own URLs: the event stream and the script
// that listens to it.
func (s *Server) internal(w http.ResponseWriter, r *http.Request) {
	switch strings.TrimPrefix(r.URL.Path, internalPrefix) {
	case "events":
		s.events(w, r)
	case "live.js":
		send(w, r, http.StatusOK, "text/javascript; charset=utf-8", liveJS)
	default:
		notFound(w, r)
	}
}

// serveFile answers with a site file, a redirect to a folder's URL, or the
// site's 404 page.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, v *view, rel string) {
	name := fileFor(rel)
	if data, ok := v.files.Get(name); ok {
		if twin, ok := twinOf(v.files, name); ok {
			if negotiateTwin(w, r, name, twin) {
				return
			}
		}
		s.sendFile(w, r, v, http.StatusOK, name, data)
		return
	}
	if _, ok := v.files.Get(rel + "/index.html"); ok {
		target := "/" + rel + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	if data, ok := v.files.Get("404.html"); ok {
		s.sendFile(w, r, v, http.StatusNotFound, "404.html", data)
		return
	}
	notFound(w, r)
}

// notFound answers a miss when there is no 404 page to show.
func notFound(w http.ResponseWriter, r *http.Request) {
	send(w, r, http.StatusNotFound, "text/plain; charset=utf-8", []byte("404 page not found\n"))
}

// sendFile writes a file, with the live script (and the overlay, when the
// latest build failed) in HTML.
func (s *Server) sendFile(w http.ResponseWriter, r *http.Request, v *view, status int, name string, data []byte) {
	ct := contentType(name, data)
	if isHTML(ct) {
		data = inject(data, v)
	}
	if strings.HasSuffix(name, ".md") {
		w.Header().Set("X-Robots-Tag", "noindex") // search engines index the page, not its twin
	}
	send(w, r, status, ct, data)
}

// noSite answers while there is no good build to serve: the first build is
// running, or it failed (the overlay then shows why).
func (s *Server) noSite(w http.ResponseWriter, r *http.Request, v *view) {
	if v.failed() {
		send(w, r, http.StatusInternalServerError, "text/html; charset=utf-8", inject(errorPage, v))
		return
	}
	w.Header().Set("Retry-After", "1")
	send(w, r, http.StatusServiceUnavailable, "text/html; charset=utf-8", inject(buildingPage, v))
}

// send writes a whole response. Nothing is cached: every reload must show
// the latest build.
func send(w http.ResponseWriter, r *http.Request, status int, contentType string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}
