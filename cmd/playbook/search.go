package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"testing/fstest"

	"playbook/generator/pipeline"
	"playbook/generator/search"
)

// runSearch prints the results the site search gives a query: the index
// is built in memory from the site (or read from a built --dest) and
// ranked as the browser ranks it.
func runSearch(ctx context.Context, e *env, args []string) int {
	fset := newFlags(e, "search")
	var opts pipeline.Options
	var dest string
	var f search.Filter
	fset.StringVar(&opts.Source, "source", ".", "site folder (holds site.yaml and content/)")
	fset.StringVar(&dest, "dest", "", "read the index of a site built there instead of building it in memory")
	fset.StringVar(&f.Kind, "kind", "", "only results of this kind: "+strings.Join(search.Kinds, ", "))
	fset.StringVar(&f.Stage, "stage", "", "only results of pages at this journey stage")
	limit := fset.Int("limit", 10, "how many results to print")
	pos, code, ok := parseFlags(e, fset, args)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return usageError(e, fset, "search needs a query, e.g. playbook search \"how do I calculate ltv\"")
	}
	if f.Kind != "" && !slices.Contains(search.Kinds, f.Kind) {
		return usageError(e, fset, "unknown --kind %q: use one of %s", f.Kind, strings.Join(search.Kinds, ", "))
	}
	if f.Stage != "" && !slices.Contains(search.Stages, f.Stage) {
		return usageError(e, fset, "unknown --stage %q: use one of %s", f.Stage, strings.Join(search.Stages[1:], ", "))
	}
	fsys, exit := searchIndexFS(ctx, e, opts, dest)
	if fsys == nil {
		return exit
	}
	idx, err := search.Open(fsys)
	if err != nil {
		fmt.Fprintf(e.stderr, "playbook: search: %v\n", err)
		return exitContent
	}
	results, err := idx.Query(strings.Join(pos, " "), f, *limit)
	if err != nil {
		fmt.Fprintf(e.stderr, "playbook: search: %v\n", err)
		return exitContent
	}
	printResults(e, results)
	return exitOK
}

// searchIndexFS is the site's search index: read from dest, or built in
// memory (only the index is kept).
func searchIndexFS(ctx context.Context, e *env, opts pipeline.Options, dest string) (fs.FS, int) {
	if dest != "" {
		return os.DirFS(dest), exitOK
	}
	sink := &indexSink{files: fstest.MapFS{}}
	res, err := pipeline.Into(ctx, opts, sink)
	if res != nil && res.Problems.HasErrors(false) {
		printProblems(e, res.Problems)
	}
	if err != nil || res.Failed(false) {
		return nil, report(e, "search", res, err, false)
	}
	return sink.files, exitOK
}

// indexSink keeps the files of the search index and drops the rest.
type indexSink struct {
	mu    sync.Mutex
	files fstest.MapFS
}

// Write implements write.Sink.
func (s *indexSink) Write(p string, data []byte) error {
	if strings.HasPrefix(p, "search/") {
		s.mu.Lock()
		s.files[p] = &fstest.MapFile{Data: slices.Clone(data)}
		s.mu.Unlock()
	}
	return nil
}

func printResults(e *env, results []search.Result) {
	if len(results) == 0 {
		fmt.Fprintln(e.stdout, "no results")
		return
	}
	for i, r := range results {
		heading := r.Heading
		if heading == "" {
			heading = r.Title
		}
		fmt.Fprintf(e.stdout, "%2d. [%s] %s\n    %s", i+1, r.Kind, heading, r.URL)
		if r.Heading != "" {
			fmt.Fprintf(e.stdout, " (%s)", r.Title)
		}
		fmt.Fprintf(e.stdout, " score %d\n    %s\n", r.Score, r.Snippet)
	}
}
