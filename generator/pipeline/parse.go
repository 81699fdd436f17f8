package pipeline

import (
	"context"
	"runtime"
	"sync"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/images"
	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/generator/render"
)

// parsed is one content file after load, parse and prepare.
type parsed struct {
	page  *model.Page // nil when the file could not be read
	prep  preparedRef
	probs diag.List
	hash  uint64 // content hash (freshness), for the output's manifest
}

// ioWorkers is how many goroutines parse, render and write pages at once.
// Each page starts with a file read and ends in file creations whose
// latency, on virtual disks especially, is mostly waiting: more workers
// than cores keep the cores busy (on the 2-core reference machine, 8
// concurrent writers create files 4x faster than 2).
func ioWorkers() int { return 4 * runtime.GOMAXPROCS(0) }

// parseAll loads and parses every content file over all cores, reusing
// the cached parse of files that did not change.
func (s *Session) parseAll(ctx context.Context, cfg *config.Site, paths []string) ([]*model.Page, ParseProblems) {
	results := make([]*parsed, len(paths))
	work := make(chan int)
	var wg sync.WaitGroup
	progress := s.opts.Progress
	progress.start("parse", len(paths))
	for range ioWorkers() {
		wg.Go(func() {
			for i := range work {
				if ctx.Err() != nil {
					continue // stopped: drain the queue without parsing
				}
				results[i] = s.parseFile(cfg, paths[i])
				progress.step()
			}
		})
	}
	for i := range paths {
		if ctx.Err() != nil {
			break
		}
		if cached, ok := s.cache[paths[i]]; ok {
			results[i] = cached
			progress.step()
			continue
		}
		work <- i
	}
	close(work)
	wg.Wait()
	return s.keep(paths, results)
}

// keep makes the results the session's cache: files no longer listed are
// forgotten.
func (s *Session) keep(paths []string, results []*parsed) ([]*model.Page, ParseProblems) {
	clear(s.cache)
	pages := make([]*model.Page, 0, len(results))
	probs := ParseProblems{}
	for i, r := range results {
		if r == nil {
			continue
		}
		s.cache[paths[i]] = r
		if len(r.probs) > 0 {
			probs[paths[i]] = r.probs
		}
		if r.page != nil {
			pages = append(pages, r.page)
		}
	}
	return pages, probs
}

// Parse parses one content file again and keeps it in the session's cache
// in place of the previous parse: serve's engine swaps an edited page into
// the previous site with it. page is nil when the file could not be read.
func (s *Session) Parse(cfg *config.Site, path string) (page *model.Page, probs diag.List) {
	r := s.parseFile(cfg, path)
	s.cache[path] = r
	return r.page, r.probs
}

func (s *Session) parseFile(cfg *config.Site, path string) *parsed {
	buf := sourceBuffers.Get().(*[]byte)
	src, probs, file := load.ReadInto(*buf, s.fsys, path)
	if src == nil {
		sourceBuffers.Put(buf)
		return &parsed{probs: probs}
	}
	page, pageProbs := model.NewPage(cfg, src, s.eng)
	probs = append(probs, pageProbs...)
	if page.Doc != nil && !page.Doc.Released() {
		probs = append(probs, s.images.Attach(cfg, page.Doc, images.Page{File: path, URL: page.URL, BodyLine: src.BodyLine})...)
	}
	r := &parsed{page: page}
	prep, err := render.Prepare(s.eng, page)
	r.hash = s.settleUpdated(page, prep)
	probs = append(probs, s.settleReview(cfg, page)...)
	if err == nil {
		r.prep, err = s.store(prep)
	}
	if err != nil {
		probs.Add(diag.Errorf(path, 0, 0, "", "cannot render the page: %v", err))
	}
	if src.Body == nil && (page.Doc == nil || page.Doc.Released()) {
		// Prepared: nothing refers to the file's bytes any more.
		recycleSource(buf, file)
	}
	r.probs = probs
	return r
}

// store keeps a prepared page until it is rendered: in memory, or on disk
// when the session spills.
func (s *Session) store(prep *render.Prepared) (preparedRef, error) {
	if prep == nil {
		return preparedRef{}, nil
	}
	if s.spill == nil {
		prep.Keep()
		return preparedRef{mem: prep}, nil
	}
	ref, err := s.spill.put(prep)
	prep.Release()
	return ref, err
}

// sourceBuffers hold content files while they are parsed. Reading each of
// ten thousand files into fresh memory made the kernel fault in new pages
// for every read; a prepared page keeps only copies of what it needs, so
// its file's memory can take the next file.
var sourceBuffers = sync.Pool{New: func() any { return new([]byte) }}

// poisonRecycled, set by tests, overwrites a recycled file's bytes, so a
// page that still pointed into them would show it.
var poisonRecycled bool

func recycleSource(buf *[]byte, file []byte) {
	if cap(file) > 1<<20 {
		return // a rare big page does not pin its memory
	}
	if poisonRecycled {
		file = file[:cap(file)]
		for i := range file {
			file[i] = '#'
		}
	}
	*buf = file[:0]
	sourceBuffers.Put(buf)
}
