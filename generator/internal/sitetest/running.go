package sitetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"

	"playbook/generator/incremental"
	"playbook/generator/pipeline"
	"playbook/generator/watch"
)

// Live is a site in running mode: built in memory by serve's engine
// (incremental.Live), then edited and rebuilt as `playbook serve` does.
// Each edit changes the site folder and records the changes the watcher
// would send for it; Rebuild sends them as one batch. The assertions read
// the latest build:
//
//	s := sitetest.Running(t, archive)
//	s.EditFileReplaceAll("content/a.md", "old", "new").Rebuild()
//	s.AssertRendered(1)
//	s.AssertFileContent("a/index.html", "new")
//	s.AssertMatchesFullBuild()
type Live struct {
	T      testing.TB
	Site   *Site
	Opts   pipeline.Options
	Engine *incremental.Live
	// Update is what the latest build (the first one, or the latest
	// Rebuild) did.
	Update *incremental.Update

	pending watch.Batch
	builds  int // rebuilds so far
}

// Running writes the archive's files into a fresh temporary folder and
// builds the site in running mode.
func Running(t testing.TB, archive string) *Live {
	t.Helper()
	return New(t, archive).Running()
}

// Running builds the site in memory with s.Options() and keeps the engine
// for rebuilds until the test ends.
func (s *Site) Running() *Live {
	s.T.Helper()
	return s.RunningWith(s.Options())
}

// RunningWith is Running with other options (a base URL, drafts); their
// Source must be s.Dir.
func (s *Site) RunningWith(opts pipeline.Options) *Live {
	s.T.Helper()
	engine, err := incremental.NewLive(opts)
	if err != nil {
		s.T.Fatalf("open the site: %v", err)
	}
	s.T.Cleanup(func() { engine.Close() })
	up, err := engine.Build(context.Background())
	if err != nil {
		s.T.Fatalf("first build: %v", err)
	}
	return &Live{T: s.T, Site: s, Opts: opts, Engine: engine, Update: up}
}

// Change is the change the watcher sends for an operation on the file (or
// folder) at name, slash-separated and relative to the site folder.
func Change(name string, op fsnotify.Op) watch.Change {
	return watch.Change{Path: name, Kind: watch.Classify(name), Op: op}
}

// record adds the change to the next batch, combining its operation with
// earlier ones on the path as the watcher does. Paths the site does not
// read are dropped, as the watcher drops them.
func (l *Live) record(name string, op fsnotify.Op) {
	if c := Change(name, op); c.Kind != watch.Ignore {
		l.pending = watch.Merge(l.pending, watch.Batch{c})
	}
}

// Pending is the batch the next Rebuild sends.
func (l *Live) Pending() watch.Batch { return slices.Clone(l.pending) }

func (l *Live) path(name string) string { return filepath.Join(l.Site.Dir, filepath.FromSlash(name)) }

// EditFile rewrites an existing file of the site with fn, in place, as an
// editor saves it. An edit that changes nothing fails the test.
func (l *Live) EditFile(name string, fn func(string) string) *Live {
	l.T.Helper()
	b, err := os.ReadFile(l.path(name))
	if err != nil {
		l.T.Fatalf("edit: %v", err)
	}
	out := fn(string(b))
	if out == string(b) {
		l.T.Fatalf("the edit of %s changed nothing", name)
	}
	if err := os.WriteFile(l.path(name), []byte(out), 0o644); err != nil {
		l.T.Fatal(err)
	}
	l.record(name, fsnotify.Write)
	return l
}

// EditFileReplaceAll replaces every old in a file of the site with new;
// a file without old fails the test.
func (l *Live) EditFileReplaceAll(name, old, new string) *Live {
	l.T.Helper()
	return l.EditFile(name, func(s string) string { return strings.ReplaceAll(s, old, new) })
}

// WriteFile writes a file of the site, creating it (and its folders) when
// it is not there.
func (l *Live) WriteFile(name, content string) *Live {
	l.T.Helper()
	op := fsnotify.Write
	if _, err := os.Stat(l.path(name)); errors.Is(err, fs.ErrNotExist) {
		l.recordNewFolders(filepath.Dir(l.path(name)))
		op = fsnotify.Create
		if content != "" {
			op |= fsnotify.Write
		}
	}
	l.Site.WriteFile(name, content)
	l.record(name, op)
	return l
}

// recordNewFolders records the creation of the folders on the way to dir
// that are not there yet: the watcher sees each one appear.
func (l *Live) recordNewFolders(dir string) {
	for d := dir; len(d) > len(l.Site.Dir); d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil {
			return
		}
		l.record(l.rel(d), fsnotify.Create)
	}
}

func (l *Live) rel(p string) string {
	r, err := filepath.Rel(l.Site.Dir, p)
	if err != nil {
		l.T.Fatal(err)
	}
	return filepath.ToSlash(r)
}

// RemoveFile removes a file or a folder of the site. The files of a
// removed folder are deleted one by one, and each is reported.
func (l *Live) RemoveFile(name string) *Live {
	l.T.Helper()
	for _, f := range l.filesUnder(name) {
		l.record(f, fsnotify.Remove)
	}
	if err := os.RemoveAll(l.path(name)); err != nil {
		l.T.Fatal(err)
	}
	l.record(name, fsnotify.Remove)
	return l
}

// RenameFile moves a file or a folder of the site to a new name. The
// watcher sees the old path renamed away and the new one created; a
// folder that appears brings the files in it, which the watcher reports
// as created.
func (l *Live) RenameFile(old, new string) *Live {
	l.T.Helper()
	if _, err := os.Stat(l.path(old)); err != nil {
		l.T.Fatalf("rename: %v", err)
	}
	l.recordNewFolders(filepath.Dir(l.path(new)))
	if err := os.MkdirAll(filepath.Dir(l.path(new)), 0o755); err != nil {
		l.T.Fatal(err)
	}
	if err := os.Rename(l.path(old), l.path(new)); err != nil {
		l.T.Fatal(err)
	}
	l.record(old, fsnotify.Rename)
	l.record(new, fsnotify.Create)
	for _, f := range l.filesUnder(new) {
		l.record(f, fsnotify.Create)
	}
	return l
}

// filesUnder lists the files in the folder name, site-relative; none when
// name is a file.
func (l *Live) filesUnder(name string) []string {
	l.T.Helper()
	root := l.path(name)
	if info, err := os.Stat(root); err != nil || !info.IsDir() {
		return nil
	}
	var out []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, l.rel(p))
		}
		return err
	})
	if err != nil {
		l.T.Fatal(err)
	}
	return out
}

// Rebuild sends the changes recorded since the last build to the engine
// and returns what the rebuild did, which the assertions then read.
func (l *Live) Rebuild() *incremental.Update {
	l.T.Helper()
	batch := l.pending
	l.pending = nil
	l.builds++
	up, err := l.Engine.Rebuild(context.Background(), batch)
	if err != nil {
		l.T.Fatalf("rebuild %d (%s): %v", l.builds, batch, err)
	}
	l.Update = up
	return up
}

// label names the latest build in failure messages.
func (l *Live) label() string {
	if l.builds == 0 {
		return "first build"
	}
	return fmt.Sprintf("rebuild %d", l.builds)
}

// Read returns an output file of the latest build, failing the test when
// the build has no output or not that file.
func (l *Live) Read(name string) string {
	l.T.Helper()
	if l.Update.Output == nil {
		l.T.Fatalf("%s: no output (problems: %v)", l.label(), ProblemStrings(l.Update))
	}
	b, ok := l.Update.Output.Get(name)
	if !ok {
		l.T.Fatalf("%s: no output file %s", l.label(), name)
	}
	return string(b)
}

// AssertFileContent checks that an output file of the latest build
// contains every substring; one starting with "! " must not be there.
func (l *Live) AssertFileContent(name string, subs ...string) {
	l.T.Helper()
	assertContent(l.T, l.label()+": "+name, l.Read(name), subs)
}

// AssertNoFile checks that the latest build has output without the file.
func (l *Live) AssertNoFile(name string) {
	l.T.Helper()
	if l.Update.Output == nil {
		l.T.Fatalf("%s: no output (problems: %v)", l.label(), ProblemStrings(l.Update))
	}
	if _, ok := l.Update.Output.Get(name); ok {
		l.T.Errorf("%s: output file %s is there", l.label(), name)
	}
}

// AssertProblems checks the problems of the latest build, in order, each
// given as a prefix of the printed problem.
func (l *Live) AssertProblems(want ...string) {
	l.T.Helper()
	AssertProblems(l.T, &l.Update.Result, want...)
}

// AssertRendered checks how many pages the latest build rendered.
func (l *Live) AssertRendered(n int) {
	l.T.Helper()
	if l.Update.Rendered != n {
		l.T.Errorf("%s: rendered %d pages, want %d", l.label(), l.Update.Rendered, n)
	}
}

// AssertFull checks whether the latest build rendered every page.
func (l *Live) AssertFull(full bool) {
	l.T.Helper()
	if l.Update.Full != full {
		l.T.Errorf("%s: full = %v, want %v", l.label(), l.Update.Full, full)
	}
}

// AssertSwapped checks whether the latest build took the fast path of an
// edit to page bodies only.
func (l *Live) AssertSwapped(swapped bool) {
	l.T.Helper()
	if l.Update.Swapped != swapped {
		l.T.Errorf("%s: swapped = %v, want %v", l.label(), l.Update.Swapped, swapped)
	}
}

// AssertMatchesFullBuild checks that the latest build gives exactly what a
// fresh build of the same files gives: every file, byte for byte, and
// every problem.
func (l *Live) AssertMatchesFullBuild() {
	l.T.Helper()
	CompareBuilds(l.T, l.label(), l.Update, FreshBuild(l.T, l.Opts))
}

// FreshBuild builds a site from scratch in memory, as serve's first build
// does.
func FreshBuild(t testing.TB, opts pipeline.Options) *incremental.Update {
	t.Helper()
	live, err := incremental.NewLive(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	up, err := live.Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return up
}

// CompareBuilds checks that two serve builds have the same problems and
// the same output, file for file and byte for byte; label names got in
// failure messages.
func CompareBuilds(t testing.TB, label string, got, want *incremental.Update) {
	t.Helper()
	gotProbs, wantProbs := ProblemStrings(got), ProblemStrings(want)
	if !slices.Equal(gotProbs, wantProbs) {
		t.Errorf("%s: problems differ\n got: %s\nwant: %s", label, strings.Join(gotProbs, "\n      "), strings.Join(wantProbs, "\n      "))
	}
	if (got.Output == nil) != (want.Output == nil) {
		t.Fatalf("%s: output %v, fresh build output %v", label, got.Output != nil, want.Output != nil)
	}
	if got.Output == nil {
		return
	}
	gotPaths, wantPaths := got.Output.Paths(), want.Output.Paths()
	if !slices.Equal(gotPaths, wantPaths) {
		t.Errorf("%s: files differ\n extra: %v\nmissing: %v", label, minus(gotPaths, wantPaths), minus(wantPaths, gotPaths))
	}
	for _, p := range wantPaths {
		g, ok := got.Output.Get(p)
		w, _ := want.Output.Get(p)
		if ok && !bytes.Equal(g, w) {
			t.Errorf("%s: %s differs from a fresh build", label, p)
		}
	}
}

// renderFailureRE matches the page named by a render failure: pages are
// rendered in parallel, so which failing page is reported first varies.
var renderFailureRE = regexp.MustCompile(`cannot render the site: [^:]+: `)

// ProblemStrings prints the problems of a build, the page a render
// failure names replaced by PAGE, so two builds of a site that fails on
// several pages print the same.
func ProblemStrings(up *incremental.Update) []string {
	var out []string
	for _, p := range up.Problems {
		out = append(out, renderFailureRE.ReplaceAllString(p.String(), "cannot render the site: PAGE: "))
	}
	return out
}

func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
