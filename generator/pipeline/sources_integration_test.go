package pipeline_test

import (
	"strings"
	"testing"

	"playbook/generator/internal/sitetest"
)

const sourcedSite = `
-- site.yaml --
title: "Sourced"
base_url: "https://example.com/"
-- content/guides/cited.md --
---
title: "Cited guide"
description: "A guide that names the studies its figures come from, shown as a Sources list."
date: 2026-01-05
sources:
  - title: "GEO: Generative Engine Optimization"
    url: "https://arxiv.org/abs/2311.09735"
    publisher: "KDD 2024"
    date: 2024-08-25
  - { title: "What gets cited [and why]", url: "https://example.org/study?a=1&b=2" }
---
Adding citations raised visibility in generated answers.
-- content/faq/plain.md --
---
title: "Undated FAQ"
description: "An undated page: its sources go on the WebPage node, as it has no Article."
sources:
  - { title: "Ahrefs freshness study", url: "https://ahrefs.com/blog/" }
---
## Does freshness matter?

Cited pages are fresher than organic results.
`

func TestSourcesShowOnThePageTwinAndJSONLD(t *testing.T) {
	s := sitetest.New(t, sourcedSite)
	sitetest.AssertProblems(t, s.Build(s.Options()))
	s.AssertFileContent("guides/cited/index.html",
		`<section class="sources" aria-labelledby="page-sources">`,
		`<cite><a href="https://arxiv.org/abs/2311.09735">GEO: Generative Engine Optimization</a></cite>, KDD 2024, <time datetime="2024-08-25T00:00:00Z">August 25, 2024</time>`,
		`<a href="https://example.org/study?a=1&amp;b=2">What gets cited [and why]</a>`,
		`"citation":[{"@type":"CreativeWork","name":"GEO: Generative Engine Optimization","url":"https://arxiv.org/abs/2311.09735","publisher":{"@type":"Organization","name":"KDD 2024"},"datePublished":"2024-08-25"}`,
	)
	twin := s.Read("guides/cited/index.html.md")
	for _, want := range []string{
		"## Sources\n\n1. [GEO: Generative Engine Optimization](<https://arxiv.org/abs/2311.09735>), KDD 2024, August 25, 2024\n",
		`2. [What gets cited \[and why\]](<https://example.org/study?a=1&b=2>)`,
	} {
		if !strings.Contains(twin, want) {
			t.Errorf("twin lacks %q:\n%s", want, twin)
		}
	}
	page := s.Read("faq/plain/index.html")
	webpage := page[strings.Index(page, `"@type":"WebPage"`):]
	if !strings.Contains(webpage[:strings.Index(webpage, "}]")+2], `"citation":[{"@type":"CreativeWork","name":"Ahrefs freshness study","url":"https://ahrefs.com/blog/"}]`) {
		t.Errorf("the undated page's WebPage has no citation:\n%s", page)
	}
}

func TestSourcesWithoutURLAreErrors(t *testing.T) {
	s := sitetest.New(t, sourcedSite)
	s.WriteFile("content/guides/bad.md", "---\ntitle: \"Bad\"\ndescription: \"A page with a source that has no address, so it cannot be cited.\"\nsources:\n  - { title: \"Hearsay\" }\n---\nBody.\n")
	res := s.Build(s.Options())
	sitetest.AssertProblems(t, res, `content/guides/bad.md:5:5: error: source 1: url "" is not an absolute http(s) URL — write each source as`)
}
