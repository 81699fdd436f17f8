package write

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

const killedFiles = 40

// TestKilledBuilds kills a build (SIGKILL, in a child process) at every
// point of its life, the swap's two renames included, and checks that
// what is at dest is one complete site or, between the renames, nothing;
// that the next build recovers (putting the previous site back when the
// swap was cut), says so, and leaves exactly one complete site and no
// leftovers; and that folders beside dest that are not playbook's are
// never touched.
func TestKilledBuilds(t *testing.T) {
	if point := os.Getenv("PLAYBOOK_KILL_AT"); point != "" {
		killedChild(t, point)
		return
	}
	points := []struct {
		point string
		n     int
	}{
		{"opened", 1}, {"wrote", 1}, {"wrote", killedFiles / 2}, {"wrote", killedFiles}, {"prepared", 1},
		{"aside", 1}, {"swapped", 1}, {"removed", 1}, {"removed", killedFiles / 2},
	}
	for _, p := range points {
		t.Run(fmt.Sprintf("%s %d", p.point, p.n), func(t *testing.T) {
			dir := t.TempDir()
			dest := filepath.Join(dir, "public")
			buildVersion(t, dest, "v1")
			foreign := []string{".public.playbook-mine", ".public.playbook-old-mine"}
			for _, f := range foreign {
				if err := os.MkdirAll(filepath.Join(dir, f, "sub"), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			killBuild(t, dest, p.point, p.n)

			// Right after the kill: one complete site, or none between the renames.
			if v, ok := siteVersion(t, dest); !ok && p.point != "aside" {
				t.Fatalf("after a kill at %s: dest is not a complete site", p.point)
			} else if ok && v != "v1" && v != "v2" {
				t.Fatalf("after a kill at %s: dest holds %q", p.point, v)
			}

			// A failing build first: it must leave the previous site in place.
			s, err := Open(dest)
			if err != nil {
				t.Fatal(err)
			}
			notes := s.Notes()
			if err := s.Abort(); err != nil {
				t.Fatal(err)
			}
			if v, ok := siteVersion(t, dest); !ok || (p.point == "aside" && v != "v1") {
				t.Fatalf("after recovery and a failed build: dest holds %q (complete: %v)", v, ok)
			}
			if p.point == "aside" && !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, "was put back") }) {
				t.Errorf("the recovery did not say it put the site back: %q", notes)
			}

			buildVersion(t, dest, "v3")
			if v, ok := siteVersion(t, dest); !ok || v != "v3" {
				t.Fatalf("the next build: dest holds %q (complete: %v)", v, ok)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if want := append([]string{"public"}, foreign...); !slices.Equal(sorted(names), sorted(want)) {
				t.Errorf("beside dest after the next build: %q, want %q", names, want)
			}
		})
	}
}

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

// killBuild runs a build of version v2 in a child process that kills
// itself at the n-th time it reaches point.
func killBuild(t *testing.T, dest, point string, n int) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuilds$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PLAYBOOK_KILL_AT="+point, "PLAYBOOK_KILL_N="+strconv.Itoa(n), "PLAYBOOK_KILL_DEST="+dest)
	out, err := cmd.CombinedOutput()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the child was not killed at %s %d: %v\n%s", point, n, err, out)
	}
}

func killedChild(t *testing.T, point string) {
	n, _ := strconv.Atoi(os.Getenv("PLAYBOOK_KILL_N"))
	var seen atomic.Int64
	testHook = func(p string) {
		if p == point && seen.Add(1) == int64(n) {
			_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // the signal is on its way
		}
	}
	buildVersion(t, os.Getenv("PLAYBOOK_KILL_DEST"), "v2")
	t.Fatalf("the build never reached %s %d", point, n)
}

// buildVersion builds a site of killedFiles files that all say v.
func buildVersion(t *testing.T, dest, v string) {
	t.Helper()
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	for i := range killedFiles {
		if err := s.Write(fmt.Sprintf("p%d/index.html", i), []byte(v)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

// siteVersion returns the version of the site at dest and whether it is
// complete: a marker listing every file, and every file of one version.
func siteVersion(t *testing.T, dest string) (string, bool) {
	t.Helper()
	entries, err := os.ReadDir(dest)
	if err != nil || len(entries) != killedFiles+1 {
		return "", false
	}
	manifest, ok, err := readMarker(OSFS{}, dest)
	if err != nil || !ok || len(manifest) != killedFiles {
		return "", false
	}
	version := ""
	for i := range killedFiles {
		b, err := os.ReadFile(filepath.Join(dest, fmt.Sprintf("p%d", i), "index.html"))
		if err != nil || (version != "" && string(b) != version) {
			return "", false
		}
		version = string(b)
	}
	return version, true
}

// TestRecoveryLeavesLiveBuildsAlone: a build that starts while another
// one of the same dest runs does not take the other's staging folder for
// a leftover.
func TestRecoveryLeavesLiveBuildsAlone(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Write("a/index.html", []byte("first")); err != nil {
		t.Fatal(err)
	}
	buildVersion(t, dest, "v2")
	if err := first.Write("b/index.html", []byte("first")); err != nil {
		t.Fatalf("the running build lost its staging folder: %v", err)
	}
	if _, err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "a", "index.html")); err != nil || string(b) != "first" {
		t.Errorf("the first build's site: %q, %v", b, err)
	}
}
