package serve

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// liveJS is the script injected into served pages.
//
//go:embed live.js
var liveJS []byte

// event is one Server-Sent Event.
type event struct {
	name string
	data []byte // JSON on one line
}

func reloadEvent(build int) event {
	return event{"reload", fmt.Appendf(nil, `{"build":%d}`, build)}
}

func helloEvent(build int) event {
	return event{"hello", fmt.Appendf(nil, `{"build":%d}`, build)}
}

// problemJSON is one problem as the browser gets it.
type problemJSON struct {
	Position string `json:"position"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Fix      string `json:"fix,omitempty"`
}

// problemsEvent carries a failed build's problems, listed and rendered as
// the overlay.
func problemsEvent(v *view) event {
	problems := v.problems
	payload := struct {
		Problems []problemJSON `json:"problems"`
		Total    int           `json:"total"`
		HTML     string        `json:"html"`
	}{HTML: string(overlayHTML(problems, v.files != nil)), Total: len(problems)}
	for _, p := range shownProblems(problems) {
		payload.Problems = append(payload.Problems, problemJSON{p.Position(), p.Severity.String(), p.Msg, p.Fix})
	}
	data, _ := json.Marshal(payload) // strings and slices only: cannot fail
	return event{"problems", data}
}

// hub fans events out to every open event stream.
type hub struct {
	mu     sync.Mutex
	subs   map[chan event]struct{}
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan event]struct{}{}} }

// subscribe opens a stream's queue; ok is false once the hub is closed.
func (h *hub) subscribe() (ch chan event, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	ch = make(chan event, 16)
	h.subs[ch] = struct{}{}
	return ch, true
}

func (h *hub) unsubscribe(ch chan event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.subs[ch]; ok {
		delete(h.subs, ch)
		close(ch)
	}
}

// publish queues e for every stream. A stream too slow to keep up is
// closed: its tab reconnects and the hello event brings it up to date.
func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- e:
		default:
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// close ends every stream and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		delete(h.subs, ch)
		close(ch)
	}
}

// keepAlive is how often an idle stream gets a comment, so proxies and
// browsers do not drop it.
const keepAlive = 15 * time.Second

// events streams reload and problem events to one tab. It starts with a
// hello naming the build being served, so a tab that loaded an older build
// (a rebuild finished while it loaded) reloads at once, and with the
// problems when the latest build failed.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	ch, ok := s.hub.subscribe()
	if !ok {
		http.Error(w, "the server is shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	st := &stream{w: w, rc: http.NewResponseController(w)}
	v := s.view.Load() // after subscribe: a later build arrives as an event
	st.write([]byte("retry: 1000\n\n"))
	st.send(helloEvent(v.build))
	if v.failed() {
		st.send(problemsEvent(v))
	}
	st.pump(r, ch)
}

// stream writes events to one response.
type stream struct {
	w   http.ResponseWriter
	rc  *http.ResponseController
	err error
}

// pump sends queued events until the tab goes away, the hub closes or a
// write fails.
func (st *stream) pump(r *http.Request, ch chan event) {
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for st.err == nil {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-ch:
			if !ok {
				return
			}
			st.send(e)
		case <-tick.C:
			st.write([]byte(": keep-alive\n\n"))
		}
	}
}

func (st *stream) send(e event) {
	st.write(fmt.Appendf(nil, "event: %s\ndata: %s\n\n", e.name, e.data))
}

// write sends b at once; a tab that stops reading for 10 seconds is
// dropped rather than holding the stream forever.
func (st *stream) write(b []byte) {
	if st.err != nil {
		return
	}
	_ = st.rc.SetWriteDeadline(time.Now().Add(10 * time.Second))
	if _, st.err = st.w.Write(b); st.err == nil {
		st.err = st.rc.Flush()
	}
}
