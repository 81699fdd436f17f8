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
	// NoGitDates leaves `updated` to the front matter instead of taking
	// it from the last commit that touched the page's file.
	NoGitDates bool
	// CacheDir keeps processed images and social cards between builds
	// (the commands use SOURCE/resources/_gen); "" keeps them only for
	// the session.
	CacheDir string
	// NoEncode makes no image versions and no social cards: check reads
	// image sizes only.
	NoEncode bool
	Now      time.Time
	// FS does Build's disk writes (the staging folder and the swap); nil
	// is the operating system. Tests inject a full disk through it.
	FS write.FS
	// WrapSource, when set, wraps the site folder's file system before
	// the build reads it; tests inject read faults (a file deleted after
	// the walk) through it.
	WrapSource func(fs.FS) fs.FS
	// Progress, when set, is kept up to date as the run goes, for a
	// progress line.
	Progress *Progress
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
	Media    Media   // image versions and social cards made and reused
	Dest     string
	// Notes say what the build did to recover from earlier builds that
	// were stopped (a previous site put back, leftover folders removed).
	Notes []string
}

// Failed reports whether the run's problems fail it.
func (r *Result) Failed(strict bool) bool { return r.Problems.HasErrors(strict) }
