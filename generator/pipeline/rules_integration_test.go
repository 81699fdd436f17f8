package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"playbook/generator/internal/sitetest"
	"playbook/generator/model"
	"playbook/generator/pipeline"
	"playbook/generator/write"
	"playbook/schema"
)

const siteYAML = "-- site.yaml --\ntitle: T\nbase_url: https://example.com/\n"

// TestEveryRule has one broken site per content check (README "Checks"),
// each asserting the exact message and place.
func TestEveryRule(t *testing.T) {
	tests := []struct {
		rule  string
		files string
		want  []string
	}{
		{"bad front matter", `
-- content/a.md --
---
title: "A"
description: [x
---
`, []string{"content/a.md:3:14: error: invalid YAML"}},
		{"missing title", `
-- content/a.md --
---
description: "d"
---
`, []string{`content/a.md:2:1: error: the page has no title — add title: "Page title" to the front matter`}},
		{"duplicate URLs, case-only", `
-- content/Guide.md --
---
title: "A"
description: "d"
---
-- content/guide.md --
---
title: "B"
description: "d"
---
`, []string{"content/guide.md:1:1: error: the page's URL /guide/ is already used by content/Guide.md — give one of them another file name or slug"}},
		{"unknown block", `
-- content/a.md --
---
title: "A"
description: "d"
---
::: callout
x
:::
`, []string{`content/a.md:5:1: error: unknown block "callout" — use one of: answer, calculator, faq, key, note, steps, tip, warning`}},
		{"unclosed block", `
-- content/a.md --
---
title: "A"
description: "d"
---
::: note
x
`, []string{`content/a.md:5:1: error: block "note" opened here is never closed — add a line ":::" after its last line`}},
		{"question without an answer", `
-- content/faq/a.md --
---
title: "A"
description: "d"
---
## Is this answered?

## Is this one?

Yes.
`, []string{`content/faq/a.md:5:1: error: question "Is this answered?" has no answer`}},
		{"broken internal link", `
-- content/a.md --
---
title: "A"
description: "d"
---
See [b](/b/).
`, []string{`content/a.md:5:5: error: broken link "/b/": no page or file is published at /b/ — fix the link, or create the page it points to`}},
		{"broken anchor", `
-- content/a.md --
---
title: "A"
description: "d"
---
## Start

See [b](/b/#nope).
-- content/b.md --
---
title: "B"
description: "d"
---
## Middle
`, []string{`content/a.md:7:5: error: broken link "/b/#nope": /b/ has no element with id "nope" — link to one of its heading ids, such as #main, #middle`}},
		{"missing included answer", `
-- content/a.md --
---
title: "A"
description: "d"
---
::: answer what-is-ltv
:::
`, []string{`content/a.md:5:1: error: the included answer "what-is-ltv" does not exist — create content/answers/what-is-ltv.md or fix the name`}},
		{"invalid calculator defaults", `
-- content/a.md --
---
title: "A"
description: "d"
---
::: calculator ltv
aov: -5
margin: 2
:::
`, []string{"content/a.md:6:6: error:", "content/a.md:7:9: error:"}},
		{"invalid structured data from a template", `
-- layouts/partials/head.html --
<title>{{ .Page.Title }}</title>{{ .JSONLD }}<script type="application/ld+json">{"@context":"https://schema.org"}</script>
-- content/a.md --
---
title: "A"
description: "d"
---
`, []string{
			// Templates come before content (cause first).
			"layouts (page /): error: invalid structured data in the output at script: the page has more than one JSON-LD script",
			"content/a.md: error: invalid structured data in the output at script: the page has more than one JSON-LD script",
		}},
		{"warnings: best answer length, missing description, prompt without placeholders, unknown workflow", `
-- content/a.md --
---
title: "A"
---
## Why?

::: answer
Because.
:::
-- content/workflows/w.md --
---
title: "W"
description: "d"
---
` + "```prompt\nNo tokens here.\n```" + `
-- content/verticals/v.md --
---
title: "V"
description: "d"
workflow: nope
---
`, []string{
			"content/a.md:6:1: warning: the best answer has 1 word —",
			"content/verticals/v.md:4:1: warning: the vertical names an unknown workflow \"nope\"",
			"content/workflows/w.md:5:1: warning: the workflow prompt has no placeholders",
		}},
		{"missing description is a warning", `
-- content/a.md --
---
title: "A"
---
Text.
`, []string{"content/a.md:1:1: warning: the page has no description and no best answer to derive one from"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			s := sitetest.New(t, siteYAML+tt.files)
			res, err := pipeline.Check(context.Background(), s.Options())
			if err != nil {
				t.Fatal(err)
			}
			sitetest.AssertProblems(t, res, tt.want...)
		})
	}
}

// TestNothingInContentClosesTheScriptElement puts a script-closing
// sequence in every place content reaches the JSON-LD.
func TestNothingInContentClosesTheScriptElement(t *testing.T) {
	s := sitetest.New(t, siteYAML+`
-- content/faq/x.md --
---
title: "</script><script>alert(1)</script>"
description: "</script><script>alert(2)</script>"
---
## Does </script> break it?

</script><script>alert(3)</script> and `+"`</script>`"+` in code.
`)
	mem := write.NewMemory()
	res, err := pipeline.Into(context.Background(), s.Options(), mem)
	if err != nil {
		t.Fatal(err)
	}
	sitetest.AssertProblems(t, res, `content/faq/x.md:5:9: warning: raw HTML "</script>" is left out of the page`)
	page, _ := mem.Get("faq/x/index.html")
	scripts := jsonLDScripts(page)
	if len(scripts) != 1 {
		t.Fatalf("want one JSON-LD script, got %d", len(scripts))
	}
	if bytes.Contains(bytes.ToLower(scripts[0]), []byte("</script")) {
		t.Fatal("JSON-LD contains </script")
	}
	var doc map[string]any
	if err := json.Unmarshal(scripts[0], &doc); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if !strings.Contains(string(scripts[0]), `\u003c/script\u003e`) {
		t.Fatal("the title should appear, escaped")
	}
	if strings.Contains(string(page), "<script>alert") {
		t.Fatal("raw script reached the page")
	}
}

// TestExampleSite builds the repository's own site: no problems even with
// --strict, and every page carries one JSON-LD graph that parses and
// passes the validator.
func TestExampleSite(t *testing.T) {
	opts := pipeline.Options{Source: "../..", Minify: true, Strict: true}
	mem := write.NewMemory()
	res, err := pipeline.Into(context.Background(), opts, mem)
	if err != nil {
		t.Fatal(err)
	}
	sitetest.AssertProblems(t, res)
	pages := 0
	for _, p := range mem.Paths() {
		if !strings.HasSuffix(p, "index.html") || strings.HasPrefix(p, "old") {
			continue
		}
		data, _ := mem.Get(p)
		if !bytes.Contains(data, []byte(`rel="canonical"`)) {
			continue // an alias redirect
		}
		pages++
		scripts := jsonLDScripts(data)
		if len(scripts) != 1 {
			t.Errorf("%s: %d JSON-LD scripts", p, len(scripts))
			continue
		}
		var doc struct {
			Context string           `json:"@context"`
			Graph   []map[string]any `json:"@graph"`
		}
		if err := json.Unmarshal(scripts[0], &doc); err != nil || doc.Context != "https://schema.org" || len(doc.Graph) < 3 {
			t.Errorf("%s: JSON-LD does not parse into one @graph: %v", p, err)
		}
		for _, v := range schema.ValidateJSON(scripts[0]) {
			t.Errorf("%s: %s", p, v)
		}
	}
	if pages < 20 {
		t.Fatalf("only %d pages checked", pages)
	}
	for kind, n := range res.Pages {
		t.Logf("%s: %d", kind, n)
	}
	for _, k := range []string{"guide", "faq", "answer", "workflow", "vertical", "calculator"} {
		if res.Pages[model.Kind(k)] == 0 {
			t.Errorf("the example site has no %s page", k)
		}
	}
}

var jsonLDRE = regexp.MustCompile(`(?s)<script type="?application/ld\+json"?>(.*?)</script>`)

func jsonLDScripts(page []byte) [][]byte {
	var out [][]byte
	for _, m := range jsonLDRE.FindAllSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}
