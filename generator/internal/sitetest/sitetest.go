// Package sitetest builds small sites written inline as txtar archives, in
// the manner of Hugo's integration test builder: a test writes its site as
// "-- site.yaml --" and "-- content/a.md --" sections, builds it, and
// asserts on the output files and the problems.
//
// In running mode (Running, Site.Running) the site is built in memory by
// serve's engine and then edited and rebuilt, as Hugo's builder does with
// TestOptRunning: EditFile, WriteFile, RemoveFile and RenameFile record the
// changes the watcher would send, Rebuild sends them, and the assertions
// (AssertFileContent, AssertRendered, AssertMatchesFullBuild, ...) read the
// latest build.
package sitetest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"playbook/generator/pipeline"
)

// Site is a site written to a temporary folder.
type Site struct {
	T    testing.TB
	Dir  string // the site folder
	Dest string // the output folder
}

// New writes the archive's files into a fresh temporary folder.
func New(t testing.TB, archive string) *Site {
	t.Helper()
	dir := t.TempDir()
	s := &Site{T: t, Dir: filepath.Join(dir, "site"), Dest: filepath.Join(dir, "public")}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		s.WriteFile(f.Name, string(f.Data))
	}
	return s
}

// WriteFile writes (or replaces) one file of the site.
func (s *Site) WriteFile(name, content string) {
	s.T.Helper()
	p := filepath.Join(s.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.T.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		s.T.Fatal(err)
	}
}

// Options returns build options for the site; minify is off so tests can
// assert on readable output.
func (s *Site) Options() pipeline.Options {
	return pipeline.Options{Source: s.Dir, Dest: s.Dest, Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
}

// Build builds the site to s.Dest and fails the test on a machinery error.
func (s *Site) Build(opts pipeline.Options) *pipeline.Result {
	s.T.Helper()
	res, err := pipeline.Build(context.Background(), opts)
	if err != nil {
		s.T.Fatalf("build: %v", err)
	}
	return res
}

// Read returns an output file, failing the test when it is missing.
func (s *Site) Read(name string) string {
	s.T.Helper()
	b, err := os.ReadFile(filepath.Join(s.Dest, filepath.FromSlash(name)))
	if err != nil {
		s.T.Fatalf("output %s: %v", name, err)
	}
	return string(b)
}

// AssertFileContent checks that an output file contains every substring;
// one starting with "! " must not be there.
func (s *Site) AssertFileContent(name string, subs ...string) {
	s.T.Helper()
	assertContent(s.T, name, s.Read(name), subs)
}

// assertContent checks that content, the output file name, contains every
// substring; one starting with "! " must not be there.
func assertContent(t testing.TB, name, content string, subs []string) {
	t.Helper()
	for _, sub := range subs {
		if neg, ok := strings.CutPrefix(sub, "! "); ok {
			if strings.Contains(content, neg) {
				t.Errorf("%s contains %q", name, neg)
			}
		} else if !strings.Contains(content, sub) {
			t.Errorf("%s does not contain %q", name, sub)
		}
	}
}

// AssertProblems checks the problem lines of a result, in order, each
// given as a prefix of the printed problem.
func AssertProblems(t testing.TB, res *pipeline.Result, want ...string) {
	t.Helper()
	if len(res.Problems) != len(want) {
		var got []string
		for _, p := range res.Problems {
			got = append(got, p.String())
		}
		t.Fatalf("got %d problems, want %d:\n%s", len(res.Problems), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if got := res.Problems[i].String(); !strings.HasPrefix(got, w) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i, got, w)
		}
	}
}
