package pipeline

import (
	"errors"
	"os"
	"sync"

	"playbook/generator/render"
)

// preparedRef is where a page's prepared parts wait for the render stage:
// on the heap (mem), in the spill file (s), or nowhere, for a page with
// nothing prepared (the zero value). It is a plain value kept inside the
// page's parse result: an interface would box one more object a page for
// the collector to visit, a hundred thousand on a big site.
type preparedRef struct {
	// mem keeps the prepared parts on the heap: serve renders pages
	// again after edits, and a small site gains nothing from a disk
	// round trip.
	mem *render.Prepared

	// s holds the parts at n bytes from off, which start with the answer
	// and text parts (ends). The best answer an answer page offers to
	// others stays in memory: every page that includes it needs it.
	s      *spill
	off    int64
	n      int
	ends   render.PartEnds
	answer *render.IncludedAnswer
}

// spill is a file without a name that holds prepared pages between parse
// and render. The HTML and twins of every page are most of what a build
// would otherwise hold at once (18 KB of 26 KB a page on the bench corpus:
// 1.8 GB at 100,000 pages); on disk they sit in the kernel's page cache,
// which the kernel can drop, and the process's memory stays flat.
type spill struct {
	mu   sync.Mutex
	f    *os.File
	end  int64
	buf  []byte
	fail error
}

// openSpill makes an unnamed file in dir ("" is the system's temporary
// folder): nothing is left behind however the process ends.
func openSpill(dir string) (*spill, error) {
	f, err := openUnnamed(dir)
	if err != nil {
		return nil, err
	}
	return &spill{f: f}, nil
}

func (s *spill) close() { s.f.Close() }

// put writes a prepared page and returns where it is.
func (s *spill) put(prep *render.Prepared) (preparedRef, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail != nil {
		return preparedRef{}, s.fail
	}
	var ends render.PartEnds
	s.buf, ends = prep.Encode(s.buf[:0])
	if _, err := s.f.WriteAt(s.buf, s.end); err != nil {
		s.fail = err
		return preparedRef{}, err
	}
	ref := preparedRef{s: s, off: s.end, n: len(s.buf), ends: ends, answer: prep.Answer}
	s.end += int64(len(s.buf))
	if cap(s.buf) > 1<<20 {
		s.buf = nil // a rare huge page does not pin its buffer
	}
	return ref, nil
}

// load returns the part asked for; nil for a page with nothing prepared.
// From the spill, the site files that read every page after it is
// rendered (llms-full.txt, answers.json) read only a prefix, so each
// page's HTML body is read from disk once.
func (r preparedRef) load(part render.PreparedPart) (*render.Prepared, error) {
	if r.s == nil {
		return r.mem, nil
	}
	buf := getLoadBuffer(r.ends.Len(part, r.n))
	b := *buf
	if _, err := r.s.f.ReadAt(b, r.off); err != nil {
		putLoadBuffer(buf)
		return nil, errors.Join(errors.New("reading the prepared page back"), err)
	}
	prep, err := render.DecodePrepared(b, part)
	if err != nil {
		putLoadBuffer(buf)
		return nil, err
	}
	prep.Answer = r.answer
	prep.OnRelease(func() { putLoadBuffer(buf) })
	return prep, nil
}

// loadBuffers are the memory spilled pages are read back into, taken
// back when the renderer releases the page: every page is read two or
// three times, and fresh memory each time was a tenth of all a build
// allocated, each byte of which brings the next collection closer.
var loadBuffers sync.Pool

func getLoadBuffer(n int) *[]byte {
	buf, _ := loadBuffers.Get().(*[]byte)
	if buf == nil || cap(*buf) < n {
		b := make([]byte, n)
		return &b
	}
	*buf = (*buf)[:n]
	return buf
}

// putLoadBuffer keeps buf for the next page unless it is unusually big.
func putLoadBuffer(buf *[]byte) {
	if cap(*buf) <= 1<<20 {
		loadBuffers.Put(buf)
	}
}

// createRemoved makes a temporary file and removes its name at once; the
// open file stays usable until it is closed.
func createRemoved(dir string) (*os.File, error) {
	f, err := os.CreateTemp(dir, ".playbook-spill-*")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
