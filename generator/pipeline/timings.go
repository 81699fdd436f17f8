package pipeline

import (
	"fmt"
	"strings"
	"time"
)

// Stage is how long one stage of a run took.
type Stage struct {
	Name string
	Took time.Duration
}

// Timings are the stages of one run, in order.
type Timings []Stage

// String renders "load+parse 1.2s · model 30ms · …".
func (t Timings) String() string {
	parts := make([]string, len(t))
	for i, s := range t {
		parts[i] = fmt.Sprintf("%s %s", s.Name, s.Took.Round(time.Millisecond))
	}
	return strings.Join(parts, " · ")
}

// stopwatch records stage times as a run passes them.
type stopwatch struct {
	last   time.Time
	stages Timings
}

func newStopwatch() *stopwatch { return &stopwatch{last: time.Now()} }

// lap ends the stage name.
func (w *stopwatch) lap(name string) {
	now := time.Now()
	w.stages = append(w.stages, Stage{name, now.Sub(w.last)})
	w.last = now
}
