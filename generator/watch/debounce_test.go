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
	go debounce(in, out, 40*time.Millisecond, time.Minute)
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
	go debounce(in, out, 10*time.Millisecond, time.Minute)
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
	go debounce(in, out, 5*time.Millisecond, time.Minute)
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
	go debounce(in, out, time.Hour, 30*time.Millisecond)
	defer close(in)
	start := time.Now()
	in <- Change{Path: "content/a.md", Kind: Content}
	receive(t, out)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("batch took %v; MaxWait must bound a long quiet period", d)
	}
}
