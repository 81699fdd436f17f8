package incremental

import (
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"playbook/generator/write"
)

// TestOutFilesMatchAMap runs many rebuilds' worth of drops and writes
// through outFiles, folds included, and checks every version against a
// plain map: each must keep reading as it was when made, as requests may
// still be reading it.
func TestOutFilesMatchAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	want := map[string][]byte{}
	for i := range 2000 {
		want[fmt.Sprintf("p%d/index.html", i)] = []byte(fmt.Sprint("v0-", i))
	}
	files := filesOf(maps.Clone(want))
	type version struct {
		files *outFiles
		want  map[string][]byte
	}
	var versions []version
	for build := range 300 {
		var drop []string
		mem := write.NewMemory()
		for range 1 + rng.IntN(4) {
			p := fmt.Sprintf("p%d/index.html", rng.IntN(2100)) // some new, some gone
			if !slices.Contains(drop, p) {
				drop = append(drop, p)
			}
			delete(want, p)
			if rng.IntN(5) > 0 { // written again, or dropped for good
				data := []byte(fmt.Sprint("v", build+1, "-", p))
				if err := mem.Write(p, data); err != nil {
					t.Fatal(err)
				}
				want[p] = data
			}
		}
		next, err := files.with(drop, mem.Snapshot())
		if err != nil {
			t.Fatalf("build %d: %v", build, err)
		}
		files = next
		versions = append(versions, version{files, maps.Clone(want)})
	}
	for i, v := range versions {
		if msg := sameFiles(v.files, v.want); msg != "" {
			t.Fatalf("version %d: %s", i, msg)
		}
	}
}

func sameFiles(f *outFiles, want map[string][]byte) string {
	if f.n != len(want) {
		return fmt.Sprintf("%d files, want %d", f.n, len(want))
	}
	if got := slices.Sorted(slices.Values(f.paths())); !slices.Equal(got, slices.Sorted(maps.Keys(want))) {
		return "paths differ"
	}
	for p, w := range want {
		if g, ok := f.get(p); !ok || string(g) != string(w) {
			return fmt.Sprintf("%s = %q, want %q", p, g, w)
		}
	}
	if _, ok := f.get("no/such/file"); ok {
		return "a file that was never written is there"
	}
	return ""
}

func TestOutFilesRefuseAPathTwice(t *testing.T) {
	files := filesOf(map[string][]byte{"a/index.html": []byte("a")})
	mem := write.NewMemory()
	if err := mem.Write("a/index.html", []byte("again")); err != nil {
		t.Fatal(err)
	}
	if _, err := files.with(nil, mem.Snapshot()); !errors.Is(err, write.ErrDuplicate) {
		t.Fatalf("writing a kept path: err = %v, want ErrDuplicate", err)
	}
	next, err := files.with([]string{"a/index.html"}, mem.Snapshot())
	if err != nil {
		t.Fatalf("writing a dropped path: %v", err)
	}
	if got, _ := next.get("a/index.html"); string(got) != "again" {
		t.Errorf("a/index.html = %q, want the new content", got)
	}
	if got, _ := files.get("a/index.html"); string(got) != "a" {
		t.Errorf("the earlier files changed: %q", got)
	}
}
