package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/freshness"
	"playbook/generator/indexnow"
	"playbook/generator/model"
	"playbook/generator/render"
	"playbook/generator/write"
)

// trueDates is what a session knows of when its pages changed: the git
// log, read once, and the previous build's manifest of content hashes.
type trueDates struct {
	gitRead bool
	git     freshness.GitDates
	// prev is the manifest of the output folder being replaced; nil when
	// the run builds no folder (check, serve).
	prev freshness.Manifest
}

// loadGitDates reads the git log once per session, unless the command
// line or the site config turned true dates off.
func (s *Session) loadGitDates(ctx context.Context, cfg *config.Site) {
	if s.dates.gitRead || s.opts.NoGitDates || !cfg.Evidence.GitDates {
		return
	}
	s.dates.gitRead = true
	s.dates.git = freshness.LoadGitDates(ctx, s.opts.Source)
}

// readManifest reads the manifest the previous build left in dest; a
// missing or unreadable one means every page is new.
func readManifest(dest string) freshness.Manifest {
	f, err := os.Open(filepath.Join(dest, freshness.ManifestName))
	if err != nil {
		return freshness.Manifest{}
	}
	defer f.Close()
	return freshness.ReadManifest(f)
}

// contentHash sums what a reader of the page sees of its own content:
// title, description, rendered body and front matter (dates and order
// left out). Included answers are holes in the body, so a page that
// includes an edited answer keeps its date.
func contentHash(p *model.Page, prep *render.Prepared) uint64 {
	h := freshness.NewHasher()
	h.String(p.Title)
	h.String(p.Description)
	if prep != nil {
		h.Bytes(prep.Body)
	}
	h.Params(p.Params)
	return h.Sum64()
}

// settleUpdated sets the page's `updated` from what is known of it
// (freshness.Updated) and returns its content hash.
func (s *Session) settleUpdated(p *model.Page, prep *render.Prepared) uint64 {
	sum := contentHash(p, prep)
	prev, had := s.dates.prev[p.URL]
	now := s.now()
	p.Updated = freshness.Updated(freshness.Facts{
		Front: p.Updated, Git: s.dates.git[p.File], Date: p.Date,
		Prev: prev, HadPrev: had, Hash: sum, Now: now,
	})
	return sum
}

// manifest is the run's manifest: every content page's hash and date.
func (s *Session) manifest(site *model.Site) freshness.Manifest {
	m := make(freshness.Manifest, len(site.Pages))
	for _, p := range site.Pages {
		if r, ok := s.cache[p.File]; ok && p.File != "" && r.page == p {
			m[p.URL] = freshness.Entry{Hash: r.hash, Lastmod: p.Updated}
		}
	}
	return m
}

// writeManifest leaves the run's manifest in the staging folder for the
// next build and, with IndexNow configured, the key file and the URLs to
// send: those still pending in dest, and those whose content changed (or
// that went away) since the previous build.
func (s *Session) writeManifest(staging *write.Staging, site *model.Site, dest string) error {
	if site == nil {
		return nil
	}
	next := s.manifest(site)
	if err := staging.Write(freshness.ManifestName, next.Format()); err != nil {
		return err
	}
	in := site.Config.Evidence.IndexNow
	if in.Key == "" {
		return nil
	}
	if err := staging.Write(in.Key+".txt", []byte(in.Key)); err != nil {
		return err
	}
	pending := readPending(dest)
	for _, u := range changedURLs(s.dates.prev, next) {
		pending = append(pending, site.Config.BaseURL+strings.TrimPrefix(u, "/"))
	}
	return staging.Write(indexnow.PendingName, indexnow.FormatPending(pending))
}

// changedURLs are the pages new or changed in next, and those gone from it.
func changedURLs(prev, next freshness.Manifest) []string {
	out := prev.Changed(next)
	for u := range prev {
		if _, ok := next[u]; !ok {
			out = append(out, u)
		}
	}
	return out
}

func readPending(dest string) []string {
	f, err := os.Open(filepath.Join(dest, indexnow.PendingName))
	if err != nil {
		return nil
	}
	defer f.Close()
	return indexnow.ReadPending(f)
}

// settleReview sets when the page is due for review and warns when that
// day has passed.
func (s *Session) settleReview(cfg *config.Site, p *model.Page) diag.List {
	fromFront := !p.ReviewBy.IsZero()
	every := cfg.Evidence.ReviewEvery[string(p.Kind)]
	p.ReviewBy = freshness.ReviewDue(p.ReviewBy, p.Lastmod(), every)
	if !freshness.Overdue(p.ReviewBy, s.now()) || p.Source == nil {
		return nil
	}
	due := p.ReviewBy.Format("2006-01-02")
	if fromFront {
		line := p.Source.Front.Pos("review_by").Line
		return diag.List{diag.Warnf(p.File, line, 1, "review the page, commit the change (or set updated:), then move review_by: to the next review date",
			"the page was due for review on %s (review_by)", due)}
	}
	return diag.List{diag.Warnf(p.File, 1, 1, "review the page and commit the change (or set updated: to the day you reviewed it); review_by: in front matter sets a date of its own",
		"the page was due for review on %s: %s after its last change on %s (review_every in %s)", due, every, p.Lastmod().Format("2006-01-02"), cfg.File)}
}

func (s *Session) now() time.Time {
	if s.opts.Now.IsZero() {
		return time.Now()
	}
	return s.opts.Now
}
