package write

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

func TestStagingBuild(t *testing.T) {
	site := map[string]string{
		"index.html":                  "<h1>home</h1>",
		"guides/ltv/index.html":       "<h1>ltv</h1>",
		"guides/ltv/index.html.md":    "# ltv",
		"sitemap.xml":                 "<urlset/>",
		"guides/ltv/chart-figure.svg": "<svg/>",
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dest string) // prepares dest before the build
	}{
		{"dest does not exist", func(t *testing.T, dest string) {}},
		{"dest is an empty folder", func(t *testing.T, dest string) { mkdir(t, dest) }},
		{"dest and its parent do not exist", nil},
		{"rebuild replaces the previous site", func(t *testing.T, dest string) {
			mustBuild(t, dest, map[string]string{"index.html": "old", "old/index.html": "gone"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			if tt.setup == nil {
				dest = filepath.Join(parent, "out", "public")
			} else {
				tt.setup(t, dest)
			}
			stats, err := build(t, dest, site)
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			if want := (Stats{Files: 5, Bytes: 45}); stats != want {
				t.Errorf("stats = %+v, want %+v", stats, want)
			}
			if got := readTree(t, dest); !maps.Equal(got, site) {
				t.Errorf("tree = %v, want %v", got, site)
			}
			wantMarker := markerHeader + "\nguides/ltv/chart-figure.svg\nguides/ltv/index.html\nguides/ltv/index.html.md\nindex.html\nsitemap.xml\n"
			if got := readString(t, filepath.Join(dest, MarkerName)); got != wantMarker {
				t.Errorf("marker = %q, want %q", got, wantMarker)
			}
			if left := leftovers(t, filepath.Dir(dest)); len(left) > 0 {
				t.Errorf("temporary folders left: %v", left)
			}
		})
	}
}

func TestStagingWritesNothingBeforeCommit(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, dest, map[string]string{"index.html": "v1"})
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write("index.html", []byte("v2")); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, filepath.Join(dest, "index.html")); got != "v1" {
		t.Errorf("dest changed before Commit: %q", got)
	}
	if err := s.Abort(); err != nil {
		t.Fatal(err)
	}
	if left := leftovers(t, parent); len(left) > 0 {
		t.Errorf("Abort left %v", left)
	}
	if err := s.Write("x.html", nil); err != ErrClosed {
		t.Errorf("Write after Abort = %v, want ErrClosed", err)
	}
	if _, err := s.Commit(); err != ErrClosed {
		t.Errorf("Commit after Abort = %v, want ErrClosed", err)
	}
}

func TestStagingConcurrentWrites(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	const workers, each = 8, 100
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				p := fmt.Sprintf("s%d/p%03d/index.html", i%5, w*each+i)
				errs <- s.Write(p, []byte(p))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("write: %v", err)
		}
	}
	stats, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if stats.Files != workers*each {
		t.Errorf("files = %d, want %d", stats.Files, workers*each)
	}
	tree := readTree(t, dest)
	if len(tree) != workers*each {
		t.Errorf("tree has %d files, want %d", len(tree), workers*each)
	}
	for p, content := range tree {
		if p != content {
			t.Errorf("%s holds %q", p, content)
		}
	}
}

func TestStagingRejectsBadAndDuplicatePaths(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	for _, p := range []string{"../x", "/abs", `a\b`, "", "a/../../b", MarkerName} {
		if err := s.Write(p, []byte("x")); !errorsIs(err, ErrInvalidPath) {
			t.Errorf("Write(%q) = %v, want ErrInvalidPath", p, err)
		}
	}
	if err := s.Write("a/index.html", nil); err != nil {
		t.Fatal(err)
	}
	err = s.Write("a/index.html", nil)
	if !errorsIs(err, ErrDuplicate) || err.Error() != "write a/index.html: "+ErrDuplicate.Error() {
		t.Errorf("second write = %v, want ErrDuplicate naming the path", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); slices.ContainsFunc(entries, func(e os.DirEntry) bool { return e.Name() == "x" || e.Name() == "b" }) {
		t.Error("an invalid path was written outside the staging directory")
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func readString(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
