package search_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"playbook/generator/internal/sitetest"
	"playbook/generator/search"
)

// outputIndex is the search index of a running site's latest build.
func outputIndex(t *testing.T, l *sitetest.Live) *search.Index {
	t.Helper()
	files := fstest.MapFS{}
	for _, p := range l.Update.Output.Paths() {
		if strings.HasPrefix(p, "search/") {
			b, _ := l.Update.Output.Get(p)
			files[p] = &fstest.MapFile{Data: b}
		}
	}
	idx, err := search.Open(fs.FS(files))
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func firstURL(t *testing.T, idx *search.Index, q string) string {
	t.Helper()
	results, err := idx.Query(q, search.Filter{}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) == 0 {
		return ""
	}
	return results[0].URL
}

// TestServeIndexesNewFAQ adds a question to a page while serve runs and
// finds it on the next build, which matches a fresh build byte for byte;
// a removed page leaves the index.
func TestServeIndexesNewFAQ(t *testing.T) {
	l := sitetest.Running(t, `
-- site.yaml --
title: Live
base_url: https://live.example/
-- content/faq/renewals.md --
---
title: Renewals
description: "Questions teams ask before a renewal, answered briefly."
---
::: faq
### When should the renewal talk start?

Ninety days before the date, with a recap of results.
:::
-- content/guides/other.md --
---
title: Other
description: "Another page, so the index has more than one."
---
Nothing about the question here.
`)
	if got := firstURL(t, outputIndex(t, l), "quarterly business review"); got != "" {
		t.Fatalf("before the edit the question is found at %s", got)
	}
	l.EditFileReplaceAll("content/faq/renewals.md", ":::\n", "### Who runs the quarterly business review?\n\nThe account owner, with the customer's sponsor.\n:::\n").Rebuild()
	l.AssertProblems()
	if got := firstURL(t, outputIndex(t, l), "quarterly business review"); got != "/faq/renewals/#who-runs-the-quarterly-business-review" {
		t.Errorf("after the edit the first result is %q", got)
	}
	l.AssertMatchesFullBuild()
	l.RemoveFile("content/faq/renewals.md").Rebuild()
	if got := firstURL(t, outputIndex(t, l), "quarterly business review"); got != "" {
		t.Errorf("a removed page is still found: %s", got)
	}
	l.AssertMatchesFullBuild()
}
