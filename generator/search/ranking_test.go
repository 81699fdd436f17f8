package search_test

import (
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"playbook/generator/search"
)

// TestRankingExampleSite asks the example site's index the questions
// visitors ask and checks what comes first.
func TestRankingExampleSite(t *testing.T) {
	idx, err := search.Open(os.DirFS(exampleSite(t)))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		query  string
		filter search.Filter
		first  string // URL of the first result
		within int    // or, when > 0, somewhere in the first within
	}{
		{query: "how do I calculate ltv", first: "/guides/grow-ltv-after-purchase/#how-do-you-calculate-ltv"},
		{query: "cross sell vs upsell", first: "/answers/upsell-vs-cross-sell/"},
		{query: "What is the difference between an upsell and a cross-sell?", first: "/answers/upsell-vs-cross-sell/"},
		{query: "net revenue retention", first: "/answers/net-revenue-retention/"},
		{query: "calcualte ltv", first: "/guides/grow-ltv-after-purchase/#how-do-you-calculate-ltv", within: 3}, // a typo
		{query: "how do I calc", first: "/guides/grow-ltv-after-purchase/#how-do-you-calculate-ltv", within: 3}, // a prefix
		{query: "retension", first: "/answers/net-revenue-retention/", within: 3},
		{query: "cohort", filter: search.Filter{Kind: search.KindAnswer}, first: "/answers/what-is-a-cohort/"},
	}
	for _, c := range cases {
		results, err := idx.Query(c.query, c.filter, 10)
		if err != nil {
			t.Fatal(err)
		}
		n := max(1, c.within)
		found := false
		for _, r := range results[:min(n, len(results))] {
			found = found || r.URL == c.first
		}
		if !found {
			t.Errorf("%q: want %s in the first %d, got:\n%s", c.query, c.first, n, listing(results))
		}
	}
}

func listing(results []search.Result) string {
	var b strings.Builder
	for i, r := range results {
		b.WriteString("  " + strconv.Itoa(i+1) + ". " + r.Kind + " " + r.URL + " " + r.Heading + "\n")
	}
	return b.String()
}

// TestFilters checks every result a filter keeps is of its kind and stage.
func TestFilters(t *testing.T) {
	idx, err := search.Open(os.DirFS(exampleSite(t)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []search.Filter{{Kind: search.KindQuestion}, {Stage: "expansion"}, {Kind: search.KindAnswer, Stage: "activation"}} {
		results, err := idx.Query("ltv customer value", f, 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(results) == 0 {
			t.Errorf("%+v: no results", f)
		}
		for _, r := range results {
			if f.Kind != "" && r.Kind != f.Kind || f.Stage != "" && r.Stage != f.Stage {
				t.Errorf("%+v kept %s %s (%s)", f, r.Kind, r.Stage, r.URL)
			}
		}
	}
}

var idAttr = regexp.MustCompile(`id="?([^" >]+)`)

// TestDeepLinks checks every result's link leads to a page of the output
// and, when it has an anchor, to an element of that page with that id.
func TestDeepLinks(t *testing.T) {
	dest := exampleSite(t)
	idx, err := search.Open(os.DirFS(dest))
	if err != nil {
		t.Fatal(err)
	}
	all, err := idx.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 100 {
		t.Fatalf("%d results in the example site's index, want more than 100", len(all))
	}
	ids := map[string]map[string]bool{}
	for _, r := range all {
		page, anchor, _ := strings.Cut(r.URL, "#")
		if ids[page] == nil {
			b, err := os.ReadFile(path.Join(dest, page, "index.html"))
			if err != nil {
				t.Errorf("%s: %v", r.URL, err)
				continue
			}
			ids[page] = map[string]bool{}
			for _, m := range idAttr.FindAllStringSubmatch(string(b), -1) {
				ids[page][m[1]] = true
			}
		}
		if anchor != "" && !ids[page][anchor] {
			t.Errorf("%s: no element with id %q", r.URL, anchor)
		}
		if r.Kind == "" || r.Title == "" {
			t.Errorf("%s: kind %q, title %q", r.URL, r.Kind, r.Title)
		}
	}
}
