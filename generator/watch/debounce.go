package watch

import (
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// timing is when debounce declares a batch ready; see Options.
type timing struct {
	quiet, reappear, maxWait time.Duration
}

// debounce reads changes from in and sends them on out in batches. A batch
// is ready once no change arrived for quiet (reappear while a path of it
// is gone), or maxWait after its first change, whichever comes first.
// While the receiver is busy (rebuilding), ready changes keep merging, so
// it gets all of them at once when it asks again. It closes out when in is
// closed.
func debounce(in <-chan Change, out chan<- Batch, t timing) {
	defer close(out)
	pending := map[string]Change{}
	gone := map[string]bool{} // pending paths whose last operation took them away
	var ready Batch
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		var send chan<- Batch
		if len(ready) > 0 {
			send = out
		}
		select {
		case c, ok := <-in:
			if !ok {
				timer.Stop()
				return
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			add(pending, c)
			trackGone(gone, c)
			wait := t.quiet
			if len(gone) > 0 {
				wait = t.reappear
			}
			timer.Reset(min(wait, time.Until(first.Add(t.maxWait))))
		case <-timer.C:
			ready = Merge(ready, sorted(pending))
			clear(pending)
			clear(gone)
		case send <- ready:
			ready = nil
		}
	}
}

// trackGone records whether c's path is missing after c: removed or
// renamed away, and not created or written by the same event.
func trackGone(gone map[string]bool, c Change) {
	if c.Op.Has(fsnotify.Create) || c.Op.Has(fsnotify.Write) {
		delete(gone, c.Path)
	} else if c.Op.Has(fsnotify.Remove) || c.Op.Has(fsnotify.Rename) {
		gone[c.Path] = true
	}
}

// add records c, combining its operations with earlier ones on the path.
func add(pending map[string]Change, c Change) {
	if old, ok := pending[c.Path]; ok {
		c.Op |= old.Op
	}
	pending[c.Path] = c
}

func sorted(pending map[string]Change) Batch {
	out := make(Batch, 0, len(pending))
	for _, c := range pending {
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y Change) int { return strings.Compare(x.Path, y.Path) })
	return out
}
