package pipeline

import (
	"io/fs"
	"time"

	"playbook/generator/diag"
	"playbook/generator/model"
	"playbook/generator/write"
)

// Options are what the commands pass to a build.
type Options struct {
	Source  string // site folder
	Dest    string // output folder; "" means Source/public
	BaseURL string // overrides the config's base_url when set
	Drafts  bool
	Minify  bool
	Strict  bool // warnings fail the run
	// KeepLLMSFull leaves llms-full.txt out of the sink: serve's engine
	// keeps it as a render.LLMSFull over the twins it holds, joined only
	// when the file is asked for.
	KeepLLMSFull bool
	// Unsafe lets raw HTML in Markdown through (site config `unsafe_html`
	// may also turn it on).
	Unsafe bool
	Now    time.Time
	// FS does Build's disk writes (the staging folder and the swap); nil
	// is the operating system. Tests inject a full disk through it.
	FS write.FS
	// WrapSource, when set, wraps the site folder's file system before
	// the build reads it; tests inject read faults (a file deleted after
	// the walk) through it.
	WrapSource func(fs.FS) fs.FS
	// NoSearch leaves the site search (index, page, box) out; benchmarks
	// measure what the index costs with it.
	NoSearch bool
}

// Result is what a run did and found.
type Result struct {
	Problems diag.List
	Site     *model.Site
	Pages    map[model.Kind]int // content and list pages by kind
	Files    int
	Bytes    int64
	Elapsed  time.Duration
	Timings  Timings // how long each stage took
	Dest     string
}

// Failed reports whether the run's problems fail it.
func (r *Result) Failed(strict bool) bool { return r.Problems.HasErrors(strict) }
