package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"playbook/generator/pipeline"
	"playbook/generator/search"
)

var (
	searchPages = flag.Int("search-pages", 1000, "corpus size of TestSearchFirstQuerySize (bench/run.sh uses 10000)")
	searchOut   = flag.String("search-out", "", "measure the index of a corpus already built there instead")
)

// Targets of the site search's first query: what the search box fetches
// for the first word a visitor types (results appear as they type), or
// for a whole question pasted or opened from a ?q= link.
const (
	firstQueryBytes    = 40 << 10 // gzip-compressed bytes
	firstQueryRequests = 3
)

// firstWords are first words a visitor of the bench corpus would type,
// whole and half typed; wholeQuestions are whole questions pasted (a ?q=
// link), short and long, some mostly stop words.
var (
	firstWords = []string{"churn", "onboarding", "webinar", "referral", "attribution", "retargeting", "pricing",
		"lifetime", "activation", "keyword", "onb", "conv", "pod", "camp", "newsl"}
	wholeQuestions = []string{"how do I reduce churn", "customer lifetime value", "onboarding checklist",
		"landing page conversion", "referral program for b2b teams", "cross sell vs upsell", "how do i calculate ltv",
		"what is the best way to improve activation", "how can we measure net revenue retention",
		"why do customers churn after onboarding", "what should our email nurture sequence look like",
		"how do I set up a referral program", "is it worth it", "what are the benefits of a customer advisory board",
		"which onboarding emails should we send in the first week of a free trial", "pricing page"}
)

// TestSearchFirstQuerySize builds a bench corpus (1,000 pages by default;
// the number of shards follows the number of pages, and bench/run.sh
// measures 10,000 pages with -search-out) and fails when a first query,
// a word or a whole question, downloads more than firstQueryBytes
// compressed or makes more than firstQueryRequests requests.
func TestSearchFirstQuerySize(t *testing.T) {
	out := *searchOut
	if out == "" {
		out = buildCorpus(t, *searchPages)
	}
	for _, set := range []struct {
		name    string
		queries []string
	}{{"first word", firstWords}, {"whole question", wholeQuestions}} {
		worst, most := 0, 0
		for _, q := range set.queries {
			n, size := firstQuery(t, out, q)
			worst, most = max(worst, size), max(most, n)
			if n > firstQueryRequests || size > firstQueryBytes {
				t.Errorf("first query %q: %d requests, %d bytes compressed; want at most %d and %d",
					q, n, size, firstQueryRequests, firstQueryBytes)
			}
		}
		t.Logf("%s: at most %d requests, %d bytes compressed", set.name, most, worst)
	}
}

func buildCorpus(t *testing.T, pages int) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := writeCorpus(options{pages: pages, sections: 10, seed: 42}, filepath.Join(dir, "site")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	res, err := pipeline.Build(context.Background(), pipeline.Options{Source: filepath.Join(dir, "site"), Dest: out, Minify: true})
	if err != nil || res.Failed(false) {
		t.Fatalf("build: %v %v", err, res.Problems)
	}
	return out
}

// firstQuery runs q on a fresh index, as a visitor's first query, and
// returns the requests it made and their compressed size.
func firstQuery(t *testing.T, out, q string) (requests, size int) {
	t.Helper()
	idx, err := search.Open(os.DirFS(out))
	if err != nil {
		t.Fatal(err)
	}
	results, err := idx.Query(q, search.Filter{}, search.TopShown)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		t.Errorf("%q: no results", q)
	}
	for _, f := range idx.Fetched {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		size += gzipSize(b)
	}
	t.Logf("%-32q %2d requests %6d bytes compressed", q, len(idx.Fetched), size)
	return len(idx.Fetched), size
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}
