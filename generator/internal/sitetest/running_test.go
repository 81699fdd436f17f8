package sitetest_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/fsnotify/fsnotify"

	"playbook/generator/internal/sitetest"
	"playbook/generator/watch"
)

const runningSite = `
-- site.yaml --
title: T
base_url: https://example.com/
description: d
-- content/a.md --
---
title: A
description: "Page A of the running test, with enough words."
date: 2026-10-01
---
First body, see [B](/b/).
-- content/b.md --
---
title: B
description: "Page B of the running test, with enough words."
date: 2026-10-02
---
Second body.
-- content/c/d.md --
---
title: D
description: "Page D of the running test, in a section."
date: 2026-10-03
---
Third body.
`

// TestRunning edits a site in running mode and checks the batch each edit
// records, what the rebuild did and that it matches a fresh build.
func TestRunning(t *testing.T) {
	s := sitetest.Running(t, runningSite)
	s.AssertFull(true)
	s.AssertProblems()
	s.AssertFileContent("a/index.html", "First body")
	s.AssertMatchesFullBuild()

	steps := []struct {
		name    string
		edit    func()
		batch   watch.Batch
		check   func()
		problem []string
	}{
		{"body edited", func() { s.EditFileReplaceAll("content/a.md", "First body", "Edited body") },
			watch.Batch{{Path: "content/a.md", Kind: watch.Content, Op: fsnotify.Write}},
			func() {
				s.AssertRendered(1)
				s.AssertFull(false)
				s.AssertSwapped(true)
				s.AssertFileContent("a/index.html", "Edited body", "! First body")
			}, nil},
		{"page added in a new folder", func() {
			s.WriteFile("content/e/f.md", "---\ntitle: F\ndescription: \"Page F of the running test, added later.\"\ndate: 2026-10-04\n---\nFourth body.\n")
		},
			watch.Batch{{Path: "content/e", Kind: watch.Content, Op: fsnotify.Create}, {Path: "content/e/f.md", Kind: watch.Content, Op: fsnotify.Create | fsnotify.Write}},
			func() { s.AssertFileContent("e/f/index.html", "Fourth body") }, nil},
		{"page removed", func() { s.RemoveFile("content/b.md") },
			watch.Batch{{Path: "content/b.md", Kind: watch.Content, Op: fsnotify.Remove}},
			func() { s.AssertNoFile("b/index.html") },
			[]string{`content/a.md:6:18: error: broken link "/b/"`}},
		{"folder renamed", func() { s.RenameFile("content/c", "content/cc") },
			watch.Batch{{Path: "content/c", Kind: watch.Content, Op: fsnotify.Rename}, {Path: "content/cc", Kind: watch.Content, Op: fsnotify.Create},
				{Path: "content/cc/d.md", Kind: watch.Content, Op: fsnotify.Create}},
			func() {
				s.AssertNoFile("c/d/index.html")
				s.AssertFileContent("cc/d/index.html", "Third body")
			}, []string{`content/a.md:6:18: error: broken link "/b/"`}},
		{"link fixed and an editor leftover written", func() {
			s.EditFileReplaceAll("content/a.md", "(/b/)", "(/cc/d/)")
			s.WriteFile("content/.a.md.swp", "swap")
		},
			watch.Batch{{Path: "content/a.md", Kind: watch.Content, Op: fsnotify.Write}},
			func() { s.AssertRendered(1) }, nil},
		{"static file added in new folders", func() { s.WriteFile("static/files/x.txt", "x") },
			watch.Batch{{Path: "static", Kind: watch.Static, Op: fsnotify.Create}, {Path: "static/files", Kind: watch.Static, Op: fsnotify.Create}, {Path: "static/files/x.txt", Kind: watch.Static, Op: fsnotify.Create | fsnotify.Write}},
			func() {
				s.AssertRendered(0)
				s.AssertFileContent("files/x.txt", "x")
			}, nil},
		{"folder removed", func() { s.RemoveFile("content/e") },
			watch.Batch{{Path: "content/e", Kind: watch.Content, Op: fsnotify.Remove}, {Path: "content/e/f.md", Kind: watch.Content, Op: fsnotify.Remove}},
			func() { s.AssertNoFile("e/f/index.html") }, nil},
		{"config edited", func() { s.EditFileReplaceAll("site.yaml", "title: T", "title: Edited") },
			watch.Batch{{Path: "site.yaml", Kind: watch.Config, Op: fsnotify.Write}},
			func() {
				s.AssertFull(true)
				s.AssertFileContent("index.html", "Edited")
			}, nil},
	}
	for _, step := range steps {
		step.edit()
		if got := s.Pending(); !slices.Equal(got, step.batch) {
			t.Errorf("%s: batch %v, want %v", step.name, got, step.batch)
		}
		s.Rebuild()
		if len(s.Pending()) != 0 {
			t.Errorf("%s: changes still pending after the rebuild", step.name)
		}
		step.check()
		s.AssertProblems(step.problem...)
		s.AssertMatchesFullBuild()
	}
}

// fakeT records what the assertions report; Fatalf ends the goroutine, as
// testing.T's does.
type fakeT struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (f *fakeT) Helper() {}

func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}

func (f *fakeT) Fatalf(format string, args ...any) {
	f.Errorf(format, args...)
	runtime.Goexit()
}

// failures runs fn against s with its reports going to a fakeT and returns
// them.
func failures(t *testing.T, s *sitetest.Live, fn func()) []string {
	f := &fakeT{TB: t}
	real := s.T
	s.T = f
	defer func() { s.T = real }()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	<-done
	return f.errs
}

// TestRunningAssertionsFail checks that each assertion reports a build
// that is not as it says.
func TestRunningAssertionsFail(t *testing.T) {
	s := sitetest.Running(t, runningSite)
	s.EditFileReplaceAll("content/b.md", "Second body.", "Second body, edited.").Rebuild()
	for name, fn := range map[string]func(){
		"content":    func() { s.AssertFileContent("b/index.html", "Second body.<") },
		"negated":    func() { s.AssertFileContent("b/index.html", "! edited") },
		"no file":    func() { s.AssertNoFile("b/index.html") },
		"missing":    func() { s.AssertFileContent("no/such/index.html") },
		"problems":   func() { s.AssertProblems("content/b.md") },
		"rendered":   func() { s.AssertRendered(2) },
		"full":       func() { s.AssertFull(true) },
		"swapped":    func() { s.AssertSwapped(false) },
		"no-op edit": func() { s.EditFileReplaceAll("content/b.md", "no such text", "x") },
	} {
		errs := failures(t, s, fn)
		t.Logf("%s: %q", name, errs)
		if len(errs) == 0 {
			t.Errorf("%s: no failure reported", name)
		}
	}
	if errs := failures(t, s, s.AssertMatchesFullBuild); len(errs) != 0 {
		t.Errorf("AssertMatchesFullBuild: %v", errs)
	}
}
