package pipeline_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"playbook/generator/freshness"
	"playbook/generator/incremental"
	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
	"playbook/generator/write"
)

// TestServeBuildsWhatBuildWrites builds the example site to disk and with
// serve's engine, and checks both give the same files, byte for byte: the
// one keeps prepared pages on disk and streams llms-full.txt, the other
// keeps everything in memory, and neither may show in the output.
func TestServeBuildsWhatBuildWrites(t *testing.T) {
	for _, minify := range []bool{false, true} {
		opts := pipeline.Options{Source: "../..", Dest: filepath.Join(t.TempDir(), "public"), Minify: minify,
			BaseURL: "http://127.0.0.1:1313/", Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}
		res, err := pipeline.Build(context.Background(), opts)
		if err != nil || res.Failed(false) {
			t.Fatalf("build: %v %v", err, res.Problems)
		}
		live, err := incremental.NewLive(opts)
		if err != nil {
			t.Fatal(err)
		}
		up, err := live.Build(context.Background())
		live.Close()
		if err != nil || up.Output == nil {
			t.Fatalf("serve build: %v %v", err, up.Problems)
		}
		disk := filesUnder(t, opts.Dest)
		if !slices.Equal(disk, up.Output.Paths()) {
			t.Fatalf("minify %v: serve's files differ from build's:\nserve %v\nbuild %v", minify, up.Output.Paths(), disk)
		}
		for _, p := range disk {
			want, err := os.ReadFile(filepath.Join(opts.Dest, filepath.FromSlash(p)))
			if err != nil {
				t.Fatal(err)
			}
			if got, _ := up.Output.Get(p); !bytes.Equal(got, want) {
				t.Errorf("minify %v: %s differs between serve and build", minify, p)
			}
		}
	}
}

// filesUnder lists the files playbook wrote under dir, slash-separated and
// sorted, without its ownership marker and dates manifest (build's
// bookkeeping for the next build, which serve has no use for).
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err == nil && rel != write.MarkerName && rel != freshness.ManifestName {
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestBuildFindsWhatServeFinds checks that a one-off run, which settles
// links as pages are written, reports exactly the problems serve's engine
// finds checking every link at the end.
func TestBuildFindsWhatServeFinds(t *testing.T) {
	s := sitetest.New(t, `-- site.yaml --
title: T
base_url: https://example.com/docs/
-- static/files/a.txt --
a
-- content/guides/one.md --
---
title: One
description: "The first guide, which links everywhere, some of it broken."
---
## Here

[fine](/guides/two/) [fine anchor](/guides/two/#there) [own anchor](#here) [file](/files/a.txt)
[no page](/guides/none/) [no anchor](/guides/two/#nowhere) [no own anchor](#gone) [no file](/files/b.txt)
[relative](../two/) [relative broken](../three/) [twin](/guides/two/index.html.md) [feed](/feed.xml)
-- content/guides/two.md --
---
title: Two
description: "The second guide, which the first one links to by anchor."
---
## There

[back](/guides/one/#here) [up](../) [away](https://other.example/)
`)
	opts := s.Options()
	built, err := pipeline.Check(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	live := sitetest.FreshBuild(t, opts)
	got, want := sitetest.ProblemStrings(&incremental.Update{Result: *built}), sitetest.ProblemStrings(live)
	if !slices.Equal(got, want) {
		t.Fatalf("check found\n%s\nserve found\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(got) != 5 {
		t.Fatalf("want a problem for each broken link, got %q", got)
	}
}
