package main

import (
	"strings"
	"testing"
)

func TestCheckStaleListsPagesDueThisMonth(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.yaml":             "title: T\nbase_url: https://example.com/\ndescription: d\n",
		"content/guides/old.md": "---\ntitle: Old\ndescription: \"A page whose review date passed long ago.\"\ndate: 2019-10-01\nreview_by: 2020-01-01\n---\nHello.\n",
		"content/guides/new.md": "---\ntitle: New\ndescription: \"A page reviewed recently, due again in 2099.\"\ndate: 2026-10-01\nreview_by: 2099-01-01\n---\nHello.\n",
	})
	code, out, errOut := run(t, "check", "--source", dir, "--stale", "--no-git-dates")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "content/guides/old.md:5:1: warning: the page was due for review on 2020-01-01 (review_by) — review the page") {
		t.Errorf("no overdue warning:\n%s", errOut)
	}
	if !strings.Contains(out, "1 page due for review by the end of") || !strings.Contains(out, "content/guides/old.md  overdue since 2020-01-01  (/guides/old/)") || strings.Contains(out, "new.md") {
		t.Errorf("stale list:\n%s", out)
	}
	if code, _, _ := run(t, "check", "--source", dir, "--strict", "--no-git-dates"); code != exitContent {
		t.Errorf("--strict exit %d: an overdue review must fail it", code)
	}
}

func TestCheckReport(t *testing.T) {
	dir := writeSite(t, goodSite)
	if code, _, errOut := run(t, "check", "--source", dir, "--report", dir+"/r.txt"); code != exitUsage || !strings.Contains(errOut, "must end in .html or .json") {
		t.Errorf("exit %d, %s", code, errOut)
	}
	for _, name := range []string{"r.html", "r.json"} {
		code, out, errOut := run(t, "check", "--source", dir, "--report", dir+"/"+name)
		if code != 0 || !strings.Contains(out, "report: 1 pages, 0 evidence warnings -> ") {
			t.Errorf("%s: exit %d\n%s\n%s", name, code, out, errOut)
		}
	}
}
