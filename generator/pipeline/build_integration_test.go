package pipeline_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
)

const smallSite = `
-- site.yaml --
title: "Test Site"
description: "A site for tests."
base_url: "https://example.com/"
author: { name: "Ann Author" }
-- content/_index.md --
---
title: "Home"
description: "The home page of the test site, used to check the list and home templates."
---
Welcome. Read [the guide](/guides/grow/).
-- content/guides/_index.md --
---
title: "Guides"
description: "Every guide of the test site, in order of weight then date."
---
-- content/guides/grow.md --
---
title: "Grow LTV"
description: "How to grow lifetime value after the first purchase, with a best answer and steps."
date: 2026-10-02
stage: expansion
tags: [ltv, retention]
---
## What is LTV?

::: answer
Customer lifetime value is the total revenue or gross profit a business expects from one customer over the whole relationship, from the first order to the last renewal. It tells you what a customer is worth, so you know how much you can spend to win, serve and keep one.

Proof: for example, $80 a order, three orders a year for 2.5 years is $600.

Next step: see [the FAQ](/faq/basics/#what-is-a-cohort).
:::

::: steps
### Pick a metric
Choose revenue or profit LTV.
### Measure it
Pull a year of orders.
:::
-- content/faq/basics.md --
---
title: "Basics"
description: "Plain answers to the questions customers ask first about lifetime value and cohorts."
date: 2026-10-01
---
## What is a cohort?

A group of customers who started in the same period.

## Why track cohorts?

They show when customers drop off.
`

func TestBuildWritesTheWholeFileSet(t *testing.T) {
	s := sitetest.New(t, smallSite)
	res := s.Build(s.Options())
	sitetest.AssertProblems(t, res)
	for _, f := range []string{
		"index.html", "index.html.md", "guides/index.html", "guides/grow/index.html", "guides/grow/index.html.md",
		"faq/basics/index.html", "tags/index.html", "tags/ltv/index.html", "stages/expansion/index.html",
		"sitemap.xml", "robots.txt", "feed.xml", "llms.txt", "llms-full.txt", "404.html", "css/site.css", ".playbook",
		"guides/grow.md", "guides.md", "guides/llms.txt", "faq/llms.txt",
	} {
		s.Read(f)
	}
	if s.Read("guides/grow.md") != s.Read("guides/grow/index.html.md") {
		t.Error("the twin's two paths differ")
	}
	for _, f := range []string{"index.md", "tags/llms.txt"} {
		if _, err := os.Stat(filepath.Join(s.Dest, f)); !os.IsNotExist(err) {
			t.Errorf("%s should not be written (%v)", f, err)
		}
	}
	s.AssertFileContent("guides/llms.txt", "# Guides\n\n> Every guide of the test site",
		"## Guides\n\n- [Grow LTV](https://example.com/guides/grow/index.html.md): How to grow",
		"## Optional\n\n- [Guides](https://example.com/guides/index.html.md)")
	if strings.Contains(s.Read("guides/llms.txt"), "Basics") {
		t.Error("a section's llms.txt lists another section's page")
	}
	s.AssertFileContent("llms.txt", "## Sections\n", "- [Guides](https://example.com/guides/llms.txt)\n", "- [Faq](https://example.com/faq/llms.txt)\n")
	s.AssertFileContent("guides/grow/index.html",
		`<link rel="canonical" href="https://example.com/guides/grow/">`,
		`<link rel="alternate" type="text/markdown" href="/guides/grow/index.html.md"`,
		`<link rel="describedby" type="text/markdown" href="/llms.txt"`,
		`<meta property="og:title" content="Grow LTV">`,
		`<script type="application/ld+json">`, `"@type":"HowTo"`, `"@type":"BreadcrumbList"`)
	s.AssertFileContent("faq/basics/index.html", `"@type":"FAQPage"`, `"name":"What is a cohort?"`)
	s.AssertFileContent("robots.txt", "Sitemap: https://example.com/sitemap.xml")
	s.AssertFileContent("sitemap.xml", "<loc>https://example.com/guides/grow/</loc><lastmod>2026-10-02T00:00:00Z</lastmod>")
	s.AssertFileContent("llms.txt", "# Test Site\n\n> A site for tests.", "- [Grow LTV](https://example.com/guides/grow/index.html.md)", "## Optional")
	s.AssertFileContent("feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom"`, "<title>Grow LTV</title>")
	if res.Files == 0 || res.Pages["guide"] != 1 || res.Pages["faq"] != 1 {
		t.Errorf("result counts wrong: %+v", res)
	}
}

func TestProblemsAreReportedTogether(t *testing.T) {
	tests := []struct {
		name  string
		files string
		want  []string
	}{
		{"missing title and unknown block and broken link", `
-- content/a.md --
---
description: "x"
---
::: fqa
x
:::

[broken](/nowhere/)
`, []string{
			"content/a.md:2:1: error: the page has no title",
			`content/a.md:4:1: error: unknown block "fqa"`,
			`content/a.md:8:1: error: broken link "/nowhere/"`,
		}},
		{"unclosed block and question without answer", `
-- content/a.md --
---
title: "A"
description: "x"
---
::: faq
### Lonely question?
`, []string{
			`content/a.md:5:1: error: block "faq" opened here is never closed`,
			`content/a.md:6:1: error: question "Lonely question?" has no answer`,
		}},
		{"front matter type errors", `
-- content/a.md --
---
title: "A"
description: "x"
tags: solo
stage: growth
date: soon
---
`, []string{
			`content/a.md:4:1: error: tags must be a list, found the text "solo"`,
			`content/a.md:5:1: error: stage "growth" is not known`,
			`content/a.md:6:1: error: date must be an ISO 8601 date`,
		}},
		{"duplicate URL and missing include", `
-- content/a.md --
---
title: "A"
description: "x"
slug: b
---
::: answer nope
:::
-- content/b.md --
---
title: "B"
description: "x"
---
`, []string{
			"content/a.md:4:1: error: the page's URL /b/ is already used by content/b.md", // at the slug: line
			`content/a.md:6:1: error: the included answer "nope" does not exist`,
		}},
		{"bad slug", `
-- content/a.md --
---
title: "A"
description: "x"
slug: ../../etc
---
`, []string{`content/a.md:4:1: error: slug "../../etc" is not a single URL segment`}},
		{"broken anchor", `
-- content/a.md --
---
title: "A"
description: "x"
---
## Real heading

[jump](#missing) and [ok](#real-heading)
`, []string{`content/a.md:7:1: error: broken link "#missing": /a/ has no element with id "missing"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.New(t, "-- site.yaml --\ntitle: T\nbase_url: https://example.com/\n"+tt.files)
			res := s.Build(s.Options())
			sitetest.AssertProblems(t, res, tt.want...)
			if _, err := os.Stat(s.Dest); !os.IsNotExist(err) {
				t.Errorf("a failed build must not create %s", s.Dest)
			}
		})
	}
}

func TestWarningsDoNotFailUnlessStrict(t *testing.T) {
	s := sitetest.New(t, `
-- site.yaml --
title: T
base_url: https://example.com/
-- content/a.md --
---
title: "A"
---
## Why?

::: answer
Too short.
:::
`)
	res := s.Build(s.Options())
	sitetest.AssertProblems(t, res, "content/a.md:6:1: warning: the best answer has 2 words")
	if res.Failed(false) || !res.Failed(true) {
		t.Fatal("warnings must fail only with --strict")
	}
	s.Read("a/index.html")
}

func TestFailedBuildLeavesPreviousDestUntouched(t *testing.T) {
	s := sitetest.New(t, smallSite)
	sitetest.AssertProblems(t, s.Build(s.Options()))
	before := hashTree(t, s.Dest)
	s.WriteFile("content/guides/grow.md", "---\ntitle: \"Grow\"\n---\n::: faq\n### Q?\n")
	res := s.Build(s.Options())
	if !res.Failed(false) {
		t.Fatal("the broken edit should fail the build")
	}
	if after := hashTree(t, s.Dest); after != before {
		t.Fatal("a failed build changed the previous output")
	}
	assertNoTempDirs(t, filepath.Dir(s.Dest))
}

func TestForeignDestIsRefused(t *testing.T) {
	s := sitetest.New(t, smallSite)
	if err := os.MkdirAll(s.Dest, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.Dest, "mine.txt"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := pipeline.Build(context.Background(), s.Options())
	if err == nil || !strings.Contains(err.Error(), "not created by playbook") {
		t.Fatalf("want a refusal, got %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(s.Dest, "mine.txt")); string(b) != "keep me" {
		t.Fatal("the foreign file was touched")
	}
}

func TestCheckWritesNothing(t *testing.T) {
	s := sitetest.New(t, smallSite)
	res, err := pipeline.Check(context.Background(), s.Options())
	if err != nil {
		t.Fatal(err)
	}
	sitetest.AssertProblems(t, res)
	if _, err := os.Stat(s.Dest); !os.IsNotExist(err) {
		t.Fatal("check wrote the output folder")
	}
	if res.Files == 0 {
		t.Fatal("check built nothing")
	}
}

func hashTree(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		sum := sha256.Sum256(b)
		lines = append(lines, p+" "+hex.EncodeToString(sum[:]))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func assertNoTempDirs(t *testing.T, parent string) {
	t.Helper()
	entries, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary folder left behind: %s", e.Name())
		}
	}
}

// TestSubpathSite publishes under https://example.com/docs/: links written
// from the site's root in Markdown and in templates carry /docs/, and the
// link check follows them there.
func TestSubpathSite(t *testing.T) {
	s := sitetest.New(t, `
-- site.yaml --
title: T
base_url: https://example.com/docs/
-- content/guides/a.md --
---
title: "A"
description: "d"
---
See [b](/guides/b/#part), [the home page](/) and [nothing](/nope/).
-- content/guides/b.md --
---
title: "B"
description: "d"
---
## Part
`)
	res := s.Build(s.Options())
	sitetest.AssertProblems(t, res,
		`content/guides/a.md:5:50: error: broken link "/docs/nope/": no page or file is published at /nope/`)
	s.WriteFile("content/guides/a.md", "---\ntitle: \"A\"\ndescription: \"d\"\n---\nSee [b](/guides/b/#part) and [the home page](/).\n")
	sitetest.AssertProblems(t, s.Build(s.Options()))
	s.AssertFileContent("guides/a/index.html", `<a href="/docs/guides/b/#part">b</a>`, `<a href="/docs/">the home page</a>`,
		`<link rel="stylesheet" href="/docs/css/site.css">`, `<link rel="canonical" href="https://example.com/docs/guides/a/">`)
}

// TestCardOverrideReachesEveryList checks the card memo: a site's own
// partials/card.html is what every list shows (section, tag, stage), and a
// card rendered once for one list is the same in the others.
func TestCardOverrideReachesEveryList(t *testing.T) {
	s := sitetest.New(t, `
-- site.yaml --
title: T
base_url: https://example.com/
-- layouts/partials/card.html --
<li class="my-card">{{ .Title }} ({{ len .Tags }} tags)</li>
-- content/guides/a.md --
---
title: "Alpha & Co"
description: "A."
tags: [ltv, churn]
stage: renewal
---
Body.
-- content/guides/b.md --
---
title: "Beta"
description: "B."
tags: [ltv]
---
Body.
`)
	sitetest.AssertProblems(t, s.Build(s.Options()))
	card := `<li class="my-card">Alpha &amp; Co (2 tags)</li>`
	for _, list := range []string{"guides/index.html", "tags/ltv/index.html", "tags/churn/index.html", "stages/renewal/index.html"} {
		s.AssertFileContent(list, card)
	}
	s.AssertFileContent("tags/ltv/index.html", `<li class="my-card">Beta (1 tags)</li>`)
}
