package pipeline_test

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
)

const datedSite = `
-- site.yaml --
title: "Dated"
base_url: "https://example.com/"
-- content/guides/a.md --
---
title: "Page A"
description: "Page A is committed first and never edited again in this test."
date: 2026-01-01
---
Alpha.
-- content/guides/b.md --
---
title: "Page B"
description: "Page B is committed second and edited by the rebuild test."
date: 2026-01-01
---
Bravo.
-- content/guides/c.md --
---
title: "Page C"
description: "Page C says when it was updated in its front matter, which wins."
date: 2026-01-01
updated: 2026-03-03
---
Charlie.
`

// gitRun runs git in dir with fixed identities and dates.
func gitRun(t *testing.T, dir, when string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
		"GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// gitSite is datedSite as a repository: a.md and c.md committed on
// 2026-02-01, b.md on 2026-02-15.
func gitSite(t *testing.T) *sitetest.Site {
	s := sitetest.New(t, datedSite)
	gitRun(t, s.Dir, "2026-02-01T10:00:00Z", "init", "-q")
	gitRun(t, s.Dir, "2026-02-01T10:00:00Z", "add", "site.yaml", "content/guides/a.md", "content/guides/c.md")
	gitRun(t, s.Dir, "2026-02-01T10:00:00Z", "commit", "-q", "-m", "a and c")
	gitRun(t, s.Dir, "2026-02-15T12:30:00Z", "add", "content/guides/b.md")
	gitRun(t, s.Dir, "2026-02-15T12:30:00Z", "commit", "-q", "-m", "b")
	return s
}

var lastmodRe = regexp.MustCompile(`<loc>([^<]+)</loc><lastmod>([^<]+)</lastmod>`)

func lastmods(t *testing.T, s *sitetest.Site) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, m := range lastmodRe.FindAllStringSubmatch(s.Read("sitemap.xml"), -1) {
		out[strings.TrimPrefix(m[1], "https://example.com")] = m[2]
	}
	return out
}

func TestGitDatesAreThePagesUpdated(t *testing.T) {
	s := gitSite(t)
	sitetest.AssertProblems(t, s.Build(s.Options()))
	got := lastmods(t, s)
	want := map[string]string{
		"/guides/a/": "2026-02-01T10:00:00Z", // its commit
		"/guides/b/": "2026-02-15T12:30:00Z",
		"/guides/c/": "2026-03-03T00:00:00Z", // front matter wins
	}
	for url, w := range want {
		if got[url] != w {
			t.Errorf("lastmod of %s = %q, want %q", url, got[url], w)
		}
	}
	if page := s.Read("guides/b/index.html"); !strings.Contains(page, `"dateModified":"2026-02-15T12:30:00Z"`) &&
		!strings.Contains(page, `"dateModified":"2026-02-15"`) {
		t.Errorf("b's JSON-LD dateModified is not its commit date")
	}
	if feed := s.Read("feed.xml"); !strings.Contains(feed, "<updated>2026-02-15T12:30:00Z</updated>") {
		t.Errorf("the feed's updated is not b's commit date:\n%s", feed)
	}

	opts := s.Options()
	opts.NoGitDates = true
	os.RemoveAll(s.Dest) // a fresh folder: no manifest to keep dates from
	sitetest.AssertProblems(t, s.Build(opts))
	if got := lastmods(t, s)["/guides/a/"]; got != "2026-01-01T00:00:00Z" {
		t.Errorf("with NoGitDates, a's lastmod = %q, want its date", got)
	}
}

func TestGitDatesOffInSiteConfig(t *testing.T) {
	s := gitSite(t)
	s.WriteFile("site.yaml", "title: \"Dated\"\nbase_url: \"https://example.com/\"\ngit_dates: false\n")
	sitetest.AssertProblems(t, s.Build(s.Options()))
	if got := lastmods(t, s)["/guides/b/"]; got != "2026-01-01T00:00:00Z" {
		t.Errorf("with git_dates: false, b's lastmod = %q, want its date", got)
	}
}

func TestRebuildMovesOnlyTheChangedPagesLastmod(t *testing.T) {
	s := gitSite(t)
	opts := s.Options()
	sitetest.AssertProblems(t, s.Build(opts))
	first := lastmods(t, s)

	opts.Now = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	sitetest.AssertProblems(t, s.Build(opts))
	if again := lastmods(t, s); !equalMaps(first, again) {
		t.Fatalf("an unchanged rebuild moved lastmods:\nbefore %v\nafter  %v", first, again)
	}

	// An edit not yet committed: the build is the witness of the change.
	src, err := os.ReadFile(s.Dir + "/content/guides/a.md")
	if err != nil {
		t.Fatal(err)
	}
	s.WriteFile("content/guides/a.md", strings.Replace(string(src), "Alpha.", "Alpha, edited.", 1))
	opts.Now = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	sitetest.AssertProblems(t, s.Build(opts))
	after := lastmods(t, s)
	var moved []string
	for url, v := range after {
		if first[url] != v {
			moved = append(moved, url)
		}
	}
	if after["/guides/a/"] != "2026-11-21T09:00:00Z" {
		t.Errorf("edited page's lastmod = %q, want the build's time", after["/guides/a/"])
	}
	// Lists take the newest of their pages: they move with it, nothing else does.
	for _, url := range moved {
		if url != "/guides/a/" && after[url] != after["/guides/a/"] {
			t.Errorf("%s moved from %s to %s though only /guides/a/ changed", url, first[url], after[url])
		}
	}
	contentMoved := 0
	for _, url := range moved {
		if strings.Count(url, "/") == 3 {
			contentMoved++
		}
	}
	if contentMoved != 1 {
		t.Errorf("%d content pages moved, want 1: %v", contentMoved, moved)
	}

	// Committing the same content later moves nothing: what a reader sees
	// did not change.
	gitRun(t, s.Dir, "2026-11-25T00:00:00Z", "commit", "-q", "-am", "a edited")
	sitetest.AssertProblems(t, s.Build(opts))
	if final := lastmods(t, s); !equalMaps(after, final) {
		t.Errorf("committing an already built edit moved lastmods:\nbefore %v\nafter  %v", after, final)
	}
}

func TestCheckUsesGitDatesWithoutAManifest(t *testing.T) {
	s := gitSite(t)
	res, err := pipeline.Check(t.Context(), s.Options())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Site.Content {
		if p.URL == "/guides/b/" && !p.Updated.Equal(time.Date(2026, 2, 15, 12, 30, 0, 0, time.UTC)) {
			t.Errorf("check: b's updated = %v", p.Updated)
		}
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestReviewEveryFromTheLastCommit(t *testing.T) {
	s := gitSite(t)
	s.WriteFile("site.yaml", "title: \"Dated\"\nbase_url: \"https://example.com/\"\nreview_every: { guide: 6 months }\n")
	opts := s.Options()
	opts.Now = time.Date(2026, 8, 10, 0, 0, 0, 0, time.UTC)
	res := s.Build(opts)
	// a: committed 2026-02-01, due 2026-08-01: overdue. b: committed
	// 2026-02-15, due 2026-08-15. c: updated 2026-03-03 (front matter).
	sitetest.AssertProblems(t, res,
		"content/guides/a.md:1:1: warning: the page was due for review on 2026-08-01: 6 months after its last change on 2026-02-01 (review_every in site.yaml)")
	for _, p := range res.Site.Content {
		want := map[string]string{"/guides/a/": "2026-08-01", "/guides/b/": "2026-08-15", "/guides/c/": "2026-09-03"}[p.URL]
		if got := p.ReviewBy.Format("2006-01-02"); got != want {
			t.Errorf("%s review by %s, want %s", p.URL, got, want)
		}
	}
}
