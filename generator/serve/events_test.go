package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"playbook/generator/diag"
)

// sse reads events from a stream.
type sse struct {
	t   testing.TB
	r   *bufio.Reader
	res *http.Response
}

func openEvents(t testing.TB, ctx context.Context, base string) *sse {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/__playbook/events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type = %q", ct)
	}
	return &sse{t: t, r: bufio.NewReader(res.Body), res: res}
}

// next returns the next event's name and data, skipping comments.
func (s *sse) next() (name, data string) {
	s.t.Helper()
	for {
		line, err := s.r.ReadString('\n')
		if err != nil {
			s.t.Fatalf("event stream ended: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			data = strings.TrimPrefix(line, "data: ")
		case line == "" && name != "":
			return name, data
		}
	}
}

func TestEvents(t *testing.T) {
	s := NewServer()
	s.Publish(site(t, testFiles))
	ts := httptest.NewServer(s)
	defer ts.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ev := openEvents(t, ctx, ts.URL)
	if name, data := ev.next(); name != "hello" || data != `{"build":1}` {
		t.Fatalf("first event %s %s, want hello of build 1", name, data)
	}
	s.Fail(diag.List{diag.Errorf("content/a.md", 3, 1, "close it", "unclosed <block>")})
	name, data := ev.next()
	if name != "problems" {
		t.Fatalf("event %s, want problems", name)
	}
	var payload struct {
		Problems []problemJSON
		HTML     string
	}
	if err := json.Unmarshal([]byte(data), &payload); err != nil {
		t.Fatal(err)
	}
	if len(payload.Problems) != 1 || payload.Problems[0].Position != "content/a.md:3:1" || payload.Problems[0].Message != "unclosed <block>" {
		t.Errorf("problems = %+v", payload.Problems)
	}
	if !strings.Contains(payload.HTML, "unclosed &lt;block&gt;") {
		t.Errorf("overlay HTML not escaped: %s", payload.HTML)
	}
	// A tab that connects now learns of the failure at once.
	late := openEvents(t, ctx, ts.URL)
	if name, _ := late.next(); name != "hello" {
		t.Fatalf("late tab first event %s", name)
	}
	if name, _ := late.next(); name != "problems" {
		t.Fatalf("late tab second event %s, want problems", name)
	}
	s.Publish(site(t, testFiles))
	for _, e := range []*sse{ev, late} {
		if name, data := e.next(); name != "reload" || data != `{"build":2}` {
			t.Errorf("event %s %s, want reload of build 2", name, data)
		}
	}
	// Close ends the streams, so a server shutdown is not held up.
	s.Close()
	done := make(chan struct{})
	go func() {
		_, err := ev.r.ReadString('\n')
		for err == nil {
			_, err = ev.r.ReadString('\n')
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("stream still open after Close")
	}
	res := get(t, s, "GET", "/__playbook/events")
	if res.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("events after Close: %d, want 503", res.StatusCode)
	}
}

func TestHubDropsSlowStreams(t *testing.T) {
	h := newHub()
	ch, _ := h.subscribe()
	for i := range 40 {
		h.publish(reloadEvent(i))
	}
	n := 0
	for range ch {
		n++
	}
	if n != 16 {
		t.Errorf("slow stream got %d events before being closed, want its queue of 16", n)
	}
	h.unsubscribe(ch) // already dropped: must not panic
}
