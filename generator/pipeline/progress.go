package pipeline

import (
	"sync/atomic"
)

// Progress counts a run's work as it goes, for a progress line on a
// terminal: the stage, and the pages done of the stage's total. It is safe
// for concurrent use; the run updates it, a display reads it.
type Progress struct {
	stage       atomic.Pointer[string]
	done, total atomic.Int64
}

// Snapshot returns the stage ("" before the run starts) and its count.
func (p *Progress) Snapshot() (stage string, done, total int64) {
	if s := p.stage.Load(); s != nil {
		stage = *s
	}
	return stage, p.done.Load(), p.total.Load()
}

// start begins a stage of total items (0 when it does not count pages).
// A nil Progress records nothing.
func (p *Progress) start(stage string, total int) {
	if p == nil {
		return
	}
	p.done.Store(0)
	p.total.Store(int64(total))
	p.stage.Store(&stage)
}

// step counts one item of the stage done.
func (p *Progress) step() {
	if p != nil {
		p.done.Add(1)
	}
}
