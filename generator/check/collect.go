package check

import (
	"hash/maphash"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"playbook/generator/diag"
	"playbook/generator/write"
	"playbook/schema"
)

// pageFacts is what one HTML file offers and asks for. A build holds one
// for every page it wrote until the links are checked, so what only serve
// needs hangs off a pointer.
type pageFacts struct {
	ids    string   // sorted, each once, joined (joinFacts)
	links  string   // distinct href and src values as written, joined
	jsonLD [][]byte // bodies of <script type="application/ld+json">, until validated

	// The facts of a file never change, so its structured data is
	// validated once, when it is written (validateNow, before the facts
	// are shared), however many serve rebuilds keep the file.
	violations []schema.Violation
	idList     atomic.Pointer[[]string] // ids split, for pages of many (see hasID)
	resolved   *resolvedLinks           // set for a collector that keeps them (KeepResolved)
}

// resolvedLinks are a file's links as resolved against a base URL: serve
// resolves them once, however many rebuilds keep the file; only whether
// the targets exist is checked again.
type resolvedLinks struct {
	mu      sync.Mutex
	base    string       // the base URL targets were resolved against
	targets []linkTarget // nil until resolved
}

func (f *pageFacts) hasID(id string) bool {
	if len(f.ids) < bigIDs {
		return strings.HasPrefix(f.ids, id+factSep) || strings.Contains(f.ids, factSep+id+factSep)
	}
	// A page of many headings links to each from its table of contents:
	// a scan per link would be quadratic (100,000 headings took minutes).
	list := f.idList.Load()
	if list == nil {
		split := splitFacts(f.ids) // sorted, as joined
		f.idList.CompareAndSwap(nil, &split)
		list = f.idList.Load()
	}
	_, found := slices.BinarySearch(*list, id)
	return found
}

// bigIDs is the size of a page's joined ids past which hasID searches a
// sorted list instead of the string; smaller pages keep no list.
const bigIDs = 4 << 10

// internalLinks returns the file's distinct internal links, resolved. A
// collector that later ones start from keeps them (see KeepResolved).
func (f *pageFacts) internalLinks(v verifier, out string) []linkTarget {
	r := f.resolved // set only by a collector that keeps them
	if r == nil {
		return v.targets(out, splitFacts(f.links))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.targets == nil || r.base != v.base {
		r.targets, r.base = v.targets(out, splitFacts(f.links)), v.base
	}
	return r.targets
}

// Collector is a write.Sink that passes every file on and remembers the
// links, ids and JSON-LD of HTML files, for Verify.
type Collector struct {
	next  write.Sink
	mu    sync.Mutex
	files map[string]bool
	pages map[string]*pageFacts // by output path
	// A collector started from a previous build's (NewCollectorFrom)
	// keeps it and the files written since, so Verify can reuse what it
	// found for the pages whose outcome cannot have changed.
	prev    *Collector
	written map[string]bool
	found   map[string]diag.List // by output path, set by Verify
	// expected holds, by output path, a hash of the JSON-LD the renderer
	// encoded from a validated graph (Expect).
	expected sync.Map
	// keepResolved keeps each page's resolved links after Verify.
	keepResolved bool
	// settle, when set, checks links as pages are written (Settling).
	settle *settler
}

// KeepResolved makes Verify keep each page's links as it resolved them,
// for serve, where later collectors start from this one and most pages
// are not written again: their links are then resolved once. A one-off
// build lets them go page by page instead.
func (c *Collector) KeepResolved() *Collector {
	c.keepResolved = true
	return c
}

// Expect tells the collector the JSON-LD a page is about to carry, as
// encoded from a graph the renderer already validated. If the written page
// holds exactly that script, parsing it again would only repeat the
// validation; anything else (a template that changed or added a script)
// is validated in full.
func (c *Collector) Expect(path string, jsonLD []byte) {
	c.expected.Store(path, hashBytes(jsonLD))
}

// hashSeed is the process's seed for hashBytes; maphash hashes with the
// CPU's AES instructions, an order faster than FNV on scripts of kilobytes.
var hashSeed = maphash.MakeSeed()

func hashBytes(b []byte) uint64 { return maphash.Bytes(hashSeed, b) }

// NewCollector wraps next.
func NewCollector(next write.Sink) *Collector {
	return &Collector{next: next, files: map[string]bool{}, pages: map[string]*pageFacts{}}
}

// NewCollectorFrom wraps next and starts from what prev collected, less
// the files in drop: a serve rebuild writes only the files that changed
// and keeps the others, whose facts prev already holds.
func NewCollectorFrom(next write.Sink, prev *Collector, drop []string) *Collector {
	prev.mu.Lock()
	c := &Collector{next: next, files: maps.Clone(prev.files), pages: maps.Clone(prev.pages), prev: prev, written: map[string]bool{}, keepResolved: true}
	prev.mu.Unlock()
	for _, p := range drop {
		delete(c.files, p)
		delete(c.pages, p)
	}
	return c
}

// Write implements write.Sink.
func (c *Collector) Write(path string, data []byte) error {
	return c.record(c.next, path, data)
}

// Through returns a sink that records into the collector like Write but
// writes to other: static files are copied as they are, past the minifier,
// yet links to them must still resolve.
func (c *Collector) Through(other write.Sink) write.Sink {
	return sinkFunc(func(path string, data []byte) error { return c.record(other, path, data) })
}

// WriteFrom implements write.StreamWriter, so a large file (llms-full.txt)
// can reach the disk without being held in memory whole.
func (c *Collector) WriteFrom(path string, r io.Reader) error {
	if strings.HasSuffix(path, ".html") { // HTML is scanned, so it is read whole
		data, err := io.ReadAll(r)
		if err != nil {
			return err
		}
		return c.Write(path, data)
	}
	c.mu.Lock()
	c.files[path] = true
	c.mu.Unlock()
	if sw, ok := c.next.(write.StreamWriter); ok {
		return sw.WriteFrom(path, r)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return c.next.Write(path, data)
}

type sinkFunc func(path string, data []byte) error

func (f sinkFunc) Write(path string, data []byte) error { return f(path, data) }

func (c *Collector) record(next write.Sink, path string, data []byte) error {
	var facts *pageFacts
	if strings.HasSuffix(path, ".html") {
		facts = scan(data)
		c.validateNow(path, facts)
		if c.keepResolved {
			facts.resolved = &resolvedLinks{}
		}
		if c.settle != nil {
			facts.links = c.settle.unsettled(path, facts)
		}
	}
	// Record only what was written: a refused write (an alias onto a
	// page) must not replace the facts of the file that stays.
	if err := next.Write(path, data); err != nil {
		return err
	}
	c.mu.Lock()
	c.files[path] = true
	if c.written != nil {
		c.written[path] = true
	}
	if facts != nil {
		c.pages[path] = facts
	}
	c.mu.Unlock()
	return nil
}

// validateNow checks a page's structured data while the page is at hand,
// on the render worker that wrote it, and lets go of the script's bytes.
func (c *Collector) validateNow(path string, f *pageFacts) {
	want, ok := c.expected.LoadAndDelete(path)
	// A script exactly as encoded from a validated graph needs no second
	// look.
	if !ok || len(f.jsonLD) != 1 || hashBytes(f.jsonLD[0]) != want.(uint64) {
		f.violations = f.checkJSONLD()
	}
	f.jsonLD = nil
}

func (f *pageFacts) checkJSONLD() []schema.Violation {
	switch len(f.jsonLD) {
	case 0:
		return []schema.Violation{{Path: "script", Msg: "the page has no <script type=\"application/ld+json\"> element", Fix: "keep {{ .JSONLD }} in the <head> of layouts/partials/head.html"}}
	case 1:
		return schema.ValidateJSON(f.jsonLD[0])
	}
	return []schema.Violation{{Path: "script", Msg: "the page has more than one JSON-LD script", Fix: "emit structured data only through {{ .JSONLD }}"}}
}
