package write

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// previousSite is the output of an earlier, successful build plus a file
// the user dropped into it.
var previousSite = map[string]string{
	"index.html":            "<h1>v1</h1>",
	"guides/ltv/index.html": "<h1>ltv v1</h1>",
	"faq/index.html":        "<h1>faq v1</h1>",
}

var nextSite = map[string]string{
	"index.html":            "<h1>v2</h1>",
	"guides/ltv/index.html": "<h1>ltv v2</h1>",
	"guides/cac/index.html": "<h1>cac v2</h1>",
	"faq/index.html":        "<h1>faq v2</h1>",
	"robots.txt":            "User-agent: *",
	"sitemap.xml":           "<urlset/>",
}

func TestFailedBuildKeepsPreviousDest(t *testing.T) {
	tests := []struct {
		name string
		rule func(dest string) func(op, name, to string, n int) error
		want error // the injected error the build must report
	}{
		{"disk full at the 5th write", func(string) func(string, string, string, int) error {
			return func(op, _, _ string, n int) error { return errIf(op == "write" && n == 5, syscall.ENOSPC) }
		}, syscall.ENOSPC},
		{"read-only parent folder", func(dest string) func(string, string, string, int) error {
			return func(op, name, _ string, _ int) error {
				writing := op == "mkdir" || op == "write" || op == "rename" || op == "symlink"
				return errIf(writing && strings.HasPrefix(name, filepath.Dir(dest)), syscall.EROFS)
			}
		}, syscall.EROFS},
		{"marker cannot be written", func(string) func(string, string, string, int) error {
			return func(op, name, _ string, _ int) error {
				return errIf(op == "write" && filepath.Base(name) == MarkerName, syscall.EIO)
			}
		}, syscall.EIO},
		{"user file cannot be carried over", func(string) func(string, string, string, int) error {
			return func(op, name, _ string, _ int) error {
				return errIf(op == "write" && filepath.Base(name) == "notes.txt", syscall.ENOSPC)
			}
		}, syscall.ENOSPC},
		{"old site cannot be moved aside", func(dest string) func(string, string, string, int) error {
			return func(op, name, _ string, _ int) error { return errIf(op == "rename" && name == dest, syscall.EBUSY) }
		}, syscall.EBUSY},
		{"new site cannot be moved in, old one is put back", func(dest string) func(string, string, string, int) error {
			return func(op, name, to string, _ int) error {
				return errIf(op == "rename" && to == dest && strings.Contains(name, ".public.playbook-") &&
					!strings.Contains(name, "-old-"), syscall.EXDEV)
			}
		}, syscall.EXDEV},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			mustBuild(t, dest, previousSite)
			writeFile(t, filepath.Join(dest, "notes.txt"), "mine")
			before := treeListing(t, dest)

			_, err := build(t, dest, nextSite, WithFS(newFaultFS(tt.rule(dest))))
			if !errors.Is(err, tt.want) {
				t.Fatalf("build error = %v, want %v", err, tt.want)
			}
			if after := treeListing(t, dest); after != before {
				t.Errorf("dest changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			if left := leftovers(t, parent); len(left) > 0 {
				t.Errorf("temporary folders left: %v", left)
			}
		})
	}
}

func TestFailedBuildReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores permissions; TestFailedBuildKeepsPreviousDest covers this with the fault FS")
	}
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, dest, previousSite)
	before := treeListing(t, dest)
	if err := os.Chmod(parent, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(parent, 0o755)
	if _, err := build(t, dest, nextSite); !errors.Is(err, os.ErrPermission) {
		t.Fatalf("build error = %v, want permission denied", err)
	}
	if after := treeListing(t, dest); after != before {
		t.Errorf("dest changed:\n%s\n%s", before, after)
	}
	if left := leftovers(t, parent); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

func TestCancelledBuildKeepsPreviousDest(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, dest, previousSite)
	before := treeListing(t, dest)

	ctx, cancel := context.WithCancel(context.Background())
	s, err := Open(dest, WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write("index.html", []byte("v2")); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := s.Abort(); err != nil { // what a Ctrl-C handler does; waits for the cancel
		t.Fatal(err)
	}
	if err := s.Write("faq/index.html", []byte("v2")); !errors.Is(err, context.Canceled) && err != ErrClosed {
		t.Errorf("Write after cancel = %v, want an error", err)
	}
	if _, err := s.Commit(); err == nil {
		t.Error("Commit after cancel succeeded")
	}
	if after := treeListing(t, dest); after != before {
		t.Errorf("dest changed:\n%s\n%s", before, after)
	}
	if left := leftovers(t, parent); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

func TestCancelRemovesStagingByItself(t *testing.T) {
	parent := t.TempDir()
	ctx, cancel := context.WithCancelCause(context.Background())
	s, err := Open(filepath.Join(parent, "public"), WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	interrupted := errors.New("interrupted")
	cancel(interrupted)
	// The abort runs on the context's own goroutine: wait for it.
	deadline := time.Now().Add(2 * time.Minute)
	for len(leftovers(t, parent)) > 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if left := leftovers(t, parent); len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
	if err := s.Write("index.html", nil); !errors.Is(err, interrupted) {
		t.Fatalf("Write after cancel = %v, want the cancel cause", err)
	}
	if _, err := s.Commit(); !errors.Is(err, interrupted) {
		t.Fatalf("Commit after cancel = %v, want the cancel cause", err)
	}
}

func TestSwapFailureThatCannotBeUndone(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, dest, previousSite)
	rule := func(op, name, to string, _ int) error {
		moveIn := op == "rename" && to == dest && !strings.Contains(name, "-old-")
		putBack := op == "rename" && to == dest && strings.Contains(name, "-old-")
		return errIf(moveIn || putBack, syscall.EIO)
	}
	_, err := build(t, dest, nextSite, WithFS(newFaultFS(rule)))
	if err == nil || !strings.Contains(err.Error(), "nor put the previous one back") {
		t.Fatalf("build error = %v, want it to say where the previous site is", err)
	}
	left := leftovers(t, parent)
	if len(left) != 1 || !strings.Contains(left[0], ".public.playbook-old-") || !strings.Contains(err.Error(), left[0]) {
		t.Fatalf("left %v; the previous site must survive in the folder the error names", left)
	}
	if got := readTree(t, filepath.Join(parent, left[0])); got["index.html"] != previousSite["index.html"] {
		t.Errorf("previous site lost: %v", got)
	}
}

func TestOldSiteNotRemovable(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, dest, previousSite)
	rule := func(op, name, _ string, _ int) error {
		return errIf(op == "removeall" && strings.Contains(name, "-old-"), syscall.EBUSY)
	}
	stats, err := build(t, dest, nextSite, WithFS(newFaultFS(rule)))
	if !errors.Is(err, syscall.EBUSY) || !strings.Contains(err.Error(), "the new site is in") {
		t.Fatalf("build error = %v, want the leftover reported", err)
	}
	if stats.Files != len(nextSite) || readTree(t, dest)["index.html"] != nextSite["index.html"] {
		t.Errorf("the new site was not published: %+v", stats)
	}
}

func errIf(cond bool, err error) error {
	if cond {
		return err
	}
	return nil
}
