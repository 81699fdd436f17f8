package watch

import (
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/fsnotify/fsnotify"
)

// The debounce tests run in a synctest bubble: its clock is fake and moves
// only when every goroutine of the test is blocked, so "no change for 40ms"
// means exactly that however slow or busy the machine is.

// receive takes the next batch, failing the test if the debouncer closed.
// In a bubble a batch that never comes is a deadlock, reported by synctest.
func receive(t *testing.T, out <-chan Batch) Batch {
	t.Helper()
	b, ok := <-out
	if !ok {
		t.Fatal("batches closed early")
	}
	return b
}

func paths(b Batch) []string {
	var out []string
	for _, c := range b {
		out = append(out, c.Path)
	}
	return out
}

// start runs debounce in the bubble and returns its channels.
func start(tm timing) (chan<- Change, <-chan Batch) {
	in, out := make(chan Change), make(chan Batch)
	go debounce(in, out, tm)
	return in, out
}

func TestDebounceJoinsABurst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := start(timing{quiet: 40 * time.Millisecond, reappear: 40 * time.Millisecond, maxWait: time.Minute})
		// An editor's save: write a temp file, rename over the page, chmod it.
		in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Rename}
		time.Sleep(30 * time.Millisecond) // within the quiet window
		in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Create}
		in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Write}
		time.Sleep(30 * time.Millisecond)
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
	})
}

func TestDebounceSeparatesQuietGaps(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := start(timing{quiet: 10 * time.Millisecond, reappear: 10 * time.Millisecond, maxWait: time.Minute})
		defer close(in)
		in <- Change{Path: "content/a.md", Kind: Content}
		time.Sleep(11 * time.Millisecond)
		in <- Change{Path: "content/b.md", Kind: Content}
		if got := paths(receive(t, out)); !slices.Equal(got, []string{"content/a.md"}) {
			t.Fatalf("first batch = %v", got)
		}
		if got := paths(receive(t, out)); !slices.Equal(got, []string{"content/b.md"}) {
			t.Fatalf("second batch = %v", got)
		}
	})
}

func TestDebounceMergesWhileReceiverIsBusy(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := start(timing{quiet: 5 * time.Millisecond, reappear: 5 * time.Millisecond, maxWait: time.Minute})
		defer close(in)
		in <- Change{Path: "content/a.md", Kind: Content}
		time.Sleep(50 * time.Millisecond) // the batch is ready, nobody takes it
		in <- Change{Path: "layouts/x.html", Kind: Layout}
		time.Sleep(50 * time.Millisecond)
		b := receive(t, out)
		if !slices.Equal(paths(b), []string{"content/a.md", "layouts/x.html"}) {
			t.Fatalf("batch = %v, want both changes in one", paths(b))
		}
	})
}

func TestDebounceMaxWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := start(timing{quiet: time.Hour, reappear: time.Hour, maxWait: 30 * time.Millisecond})
		defer close(in)
		began := time.Now()
		in <- Change{Path: "content/a.md", Kind: Content}
		receive(t, out)
		if d := time.Since(began); d != 30*time.Millisecond {
			t.Errorf("batch sent after %v, want maxWait (30ms) bounding the hour of quiet", d)
		}
	})
}

// TestDebounceWaitsForAPathToReappear is vim's save on a stalled machine:
// the page is renamed away and written again later than the quiet window.
// The batch must hold both, and a removal that stays must still be sent.
func TestDebounceWaitsForAPathToReappear(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		in, out := start(timing{quiet: 5 * time.Millisecond, reappear: 2 * time.Second, maxWait: time.Minute})
		defer close(in)
		in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Rename}
		time.Sleep(50 * time.Millisecond) // ten quiet windows
		in <- Change{Path: "content/a.md", Kind: Content, Op: fsnotify.Create}
		back := time.Now()
		b := receive(t, out)
		if len(b) != 1 || b[0].Op != fsnotify.Rename|fsnotify.Create {
			t.Fatalf("batch = %v, want the rename and the create of a.md in one", b)
		}
		if d := time.Since(back); d != 5*time.Millisecond {
			t.Errorf("batch came %v after the page was back; once back, quiet (5ms) applies", d)
		}

		in <- Change{Path: "content/b.md", Kind: Content, Op: fsnotify.Remove}
		removed := time.Now()
		b = receive(t, out)
		if d := time.Since(removed); d != 2*time.Second || len(b) != 1 || b[0].Path != "content/b.md" {
			t.Errorf("removal sent after %v as %v, want b.md alone after the 2s reappear window", d, b)
		}
	})
}
