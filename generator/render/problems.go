package render

import (
	"sync"

	"playbook/generator/diag"
)

// problemSink collects content problems found while rendering (structured
// data violations) from many goroutines.
type problemSink struct {
	mu   sync.Mutex
	list diag.List
}

func (s *problemSink) add(p diag.Problem) {
	s.mu.Lock()
	s.list = append(s.list, p)
	s.mu.Unlock()
}

// Problems returns what the render found wrong with the content.
func (r *Renderer) Problems() diag.List {
	r.problems.mu.Lock()
	defer r.problems.mu.Unlock()
	return append(diag.List(nil), r.problems.list...)
}
