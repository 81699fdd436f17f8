package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
	"playbook/generator/report"
)

const reportSite = `
-- site.yaml --
title: "Report"
base_url: "https://example.com/"
review_every: { answer: 3 months }
-- content/guides/weak.md --
---
title: "Weak guide"
description: "A guide with an unsourced figure and an answer that opens with a question."
date: 2026-01-10
review_by: 2026-06-01
---
## Does retention matter?

::: answer
Does retention matter? Yes: retained customers spend 67% more than new ones, which is why every growth team should start with the customers it already has before it spends a cent on acquisition.
:::
-- content/answers/good.md --
---
title: "Good answer"
description: "A sourced answer of sixty words that opens with the answer, reviewed on time."
date: 2026-10-01
sources:
  - { title: "GEO study", url: "https://arxiv.org/abs/2311.09735" }
---
## What is GEO?

::: answer
Generative engine optimization is the practice of writing pages so that answer engines can find, trust and quote them. It puts direct answers first, sources named beside each figure, dates that tell the truth and structured data that says what every part of the page is. It borrows from search optimization but aims at being quoted, not at being ranked.
:::
`

func buildReport(t *testing.T) *report.Report {
	t.Helper()
	s := sitetest.New(t, reportSite)
	opts := s.Options()
	opts.NoGitDates = true
	res, err := pipeline.Check(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return report.Build(res.Site, res.Problems, time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))
}

func TestReportWorstFirstWithTotals(t *testing.T) {
	r := buildReport(t)
	if len(r.Pages) != 2 || r.Pages[0].URL != "/guides/weak/" {
		t.Fatalf("pages %+v", r.Pages)
	}
	weak, good := r.Pages[0], r.Pages[1]
	if weak.Review != "overdue" || len(weak.Evidence) != 2 || weak.Issues < 4 || weak.Answers[0].Words != 33 || weak.Answers[0].InBand {
		t.Errorf("weak page: %+v", weak)
	}
	if good.Review != "ok" || good.ReviewBy != "2027-01-01" || len(good.Sources) != 1 || !good.Answers[0].InBand || good.Issues != 0 || good.AgeDays != 50 {
		t.Errorf("good page: %+v", good)
	}
	want := report.Totals{Pages: 2, Answers: 2, AnswersInBand: 1, PagesSourced: 1, Sources: 1, Evidence: 2, OverdueReviews: 1}
	if r.Totals != want {
		t.Errorf("totals %+v, want %+v", r.Totals, want)
	}
	words := map[string]int{}
	for _, b := range r.Charts.Words {
		words[b.Label] = b.Value
	}
	if words["30–39 words"] != 1 || words["50–60 words"] != 1 {
		t.Errorf("word bars %+v", r.Charts.Words)
	}
}

func TestReportJSONAndHTMLHoldTheSameData(t *testing.T) {
	r := buildReport(t)
	var js, page bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back["totals"].(map[string]any)["evidence_warnings"].(float64) != 2 {
		t.Errorf("json totals: %v", back["totals"])
	}
	if err := r.WriteHTML(&page); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	for _, want := range []string{"<main>", `role="img"`, "Weak guide", "overdue 2026-06-01", "unsourced-figure", `<a href="https://arxiv.org/abs/2311.09735">GEO study</a>`, "33 words"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	for _, banned := range []string{"<script", "<link", "src=", "@import"} {
		if strings.Contains(html, banned) {
			t.Errorf("the report is not self-contained: it holds %q", banned)
		}
	}
}
