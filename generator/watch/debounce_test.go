package watch

import (
	"slices"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// receive waits for the next batch, failing the test after a generous bound.
func receive(t *testing.T, out <-chan Batch) Batch {
	t.Helper()
	select {
	case b, ok := <-out:
		if !ok {
			t.Fatal("batches closed early")
		}
		return b
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5s")
	}
	return nil
}

func paths(b Batch) []string {
	var out []string
	for _, c := range b {
		out = append(out, c.Path)
	}
	return out
}

func TestDebounceJoinsABurst(t *testing.T) {
	in, out := make(chan Change), make(chan Batch)
	go debounce(in, out, timing{quiet: 40 * time.Millisecond, reappear: 40 * time.Millisecond, maxWait: time.Minute})
	// An editor's save: write a temp file, rename over the page, chmod it.
	in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Rename}
	in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Create}
	in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Write}
	in <- Change{Path: "content/b.md", Kind: Content, Op: fsnotify.Write}
	b := receive(t, out)
	if !slices.Equal(paths(b), []string{"content/a.md", "content/b.md"}) {
		t.Fatalf("batch = %v, want one change per path", b)
	}
	if b[0].Op != fsnotify.Rename|fsnotify.Create|fsnotify.Write {
		t.Errorf("ops = %v, want all three combined", b[0].Op)
	}
	close(in)
	if _, ok := <-out; ok {
		t.Error("out not closed after in")
	}
}

func TestDebounceSeparatesQuietGaps(t *testing.T) {
	in, out := make(chan Change), make(chan Batch)
	go debounce(in, out, timing{quiet: 10 * time.Millisecond, reappear: 10 * time.Millisecond, maxWait: time.Minute})
	defer close(in)
	in <- Change{Path: "content/a.md", Kind: Content}
	if got := paths(receive(t, out)); !slices.Equal(got, []string{"content/a.md"}) {
		t.Fatalf("first batch = %v", got)
	}
	in <- Change{Path: "content/b.md", Kind: Content}
	if got := paths(receive(t, out)); !slices.Equal(got, []string{"content/b.md"}) {
		t.Fatalf("second batch = %v", got)
	}
}

func TestDebounceMergesWhileReceiverIsBusy(t *testing.T) {
	in, out := make(chan Change), make(chan Batch)
	go debounce(in, out, timing{quiet: 5 * time.Millisecond, reappear: 5 * time.Millisecond, maxWait: time.Minute})
	defer close(in)
	in <- Change{Path: "content/a.md", Kind: Content}
	time.Sleep(50 * time.Millisecond) // the batch is ready, nobody takes it
	in <- Change{Path: "layouts/x.html", Kind: Layout}
	time.Sleep(50 * time.Millisecond)
	b := receive(t, out)
	if !slices.Equal(paths(b), []string{"content/a.md", "layouts/x.html"}) {
		t.Fatalf("batch = %v, want both changes in one", paths(b))
	}
}

func TestDebounceMaxWait(t *testing.T) {
	in, out := make(chan Change), make(chan Batch)
	go debounce(in, out, timing{quiet: time.Hour, reappear: time.Hour, maxWait: 30 * time.Millisecond})
	defer close(in)
	start := time.Now()
	in <- Change{Path: "content/a.md", Kind: Content}
	receive(t, out)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("batch took %v; MaxWait must bound a long quiet period", d)
	}
}

// TestDebounceWaitsForAPathToReappear is vim's save on a stalled machine:
// the page is renamed away and written again later than the quiet window.
// The batch must hold both, and a removal that stays must still be sent.
func TestDebounceWaitsForAPathToReappear(t *testing.T) {
	in, out := make(chan Change), make(chan Batch)
	go debounce(in, out, timing{quiet: 5 * time.Millisecond, reappear: 2 * time.Second, maxWait: time.Minute})
	defer close(in)
	in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Rename}
	time.Sleep(50 * time.Millisecond) // ten quiet windows
	in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Create}
	start := time.Now()
	b := receive(t, out)
	if len(b) != 1 || b[0].Op != fsnotify.Rename|fsnotify.Create {
		t.Fatalf("batch = %v, want the rename and the create of a.md in one", b)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("batch came %v after the page was back; once back, quiet applies", d)
	}

	in <- Change{Path: "content/b.md", Kind: Content, Op: fsnotify.Remove}
	start = time.Now()
	b = receive(t, out)
	if d := time.Since(start); d < 2*time.Second || len(b) != 1 || b[0].Path != "content/b.md" {
		t.Errorf("removal sent after %v as %v, want b.md alone after the 2s reappear window", d, b)
	}
}
