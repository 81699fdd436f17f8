package build

import (
	"time"

	"playbook/generator/diag"
	"playbook/generator/model"
)

// Options are what the commands pass to a build.
type Options struct {
	Source  string // site folder
	Dest    string // output folder; "" means Source/public
	BaseURL string // overrides the config's base_url when set
	Drafts  bool
	Minify  bool
	Strict  bool // warnings fail the run
	// Unsafe lets raw HTML in Markdown through (site config `unsafe_html`
	// may also turn it on).
	Unsafe bool
	Now    time.Time
}

// Result is what a run did and found.
type Result struct {
	Problems diag.List
	Site     *model.Site
	Pages    map[model.Kind]int // content and list pages by kind
	Files    int
	Bytes    int64
	Elapsed  time.Duration
	Dest     string
}

// Failed reports whether the run's problems fail it.
func (r *Result) Failed(strict bool) bool { return r.Problems.HasErrors(strict) }
