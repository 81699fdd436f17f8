//go:build scratch

package build_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"playbook/generator/build"
	"playbook/generator/watch"
)

func TestScratch10k(t *testing.T) {
	dir := "/tmp/c10k"
	live, err := build.NewLive(build.Options{Source: dir, BaseURL: "http://127.0.0.1:1313/"})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	up, err := live.Build(context.Background())
	t.Logf("full: %v, %d files, %d problems, err %v", time.Since(t0), up.Files, len(up.Problems), err)
	page := "content/seo/10-a-b-test-tactics-that-improve-activation.md"
	if _, err := os.Stat(filepath.Join(dir, page)); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create("/tmp/scratch/rebuild.prof")
	pprof.StartCPUProfile(f)
	for i := range 10 {
		b, _ := os.ReadFile(filepath.Join(dir, page))
		os.WriteFile(filepath.Join(dir, page), append(b, []byte("\nMore text.\n")...), 0o644)
		t0 = time.Now()
		up, err = live.Rebuild(context.Background(), watch.Batch{{Path: page, Kind: watch.Content, Op: fsnotify.Write}})
		t.Logf("edit %d: %v, rendered %d, full %v, err %v", i, time.Since(t0), up.Rendered, up.Full, err)
	}
	pprof.StopCPUProfile()
}
