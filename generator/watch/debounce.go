package watch

import (
	"slices"
	"strings"
	"time"
)

// debounce reads changes from in and sends them on out in batches. A batch
// is ready once no change arrived for quiet, or maxWait after its first
// change, whichever comes first. While the receiver is busy (rebuilding),
// ready changes keep merging, so it gets all of them at once when it asks
// again. It closes out when in is closed.
func debounce(in <-chan Change, out chan<- Batch, quiet, maxWait time.Duration) {
	defer close(out)
	pending := map[string]Change{}
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
			timer.Reset(min(quiet, time.Until(first.Add(maxWait))))
		case <-timer.C:
			ready = Merge(ready, sorted(pending))
			clear(pending)
		case send <- ready:
			ready = nil
		}
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
