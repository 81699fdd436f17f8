package incremental_test

import (
	"testing"

	"playbook/generator/internal/sitetest"
)

// TestHugoSiteEdits edits the Hugo-shaped fixture in running mode: a
// hidden answer that another page includes, a cascade, a build option and
// a shortcode. After each edit the rebuild must equal a fresh build.
func TestHugoSiteEdits(t *testing.T) {
	site := &sitetest.Site{T: t, Dir: t.TempDir()}
	sitetest.CopyTree(t, "../pipeline/testdata/hugo-site", site.Dir)
	s := site.Running()
	s.AssertMatchesFullBuild()

	s.EditFileReplaceAll("content/snippets/shared-answer.md", "in under a minute", "in about a minute").Rebuild()
	s.AssertFileContent("docs/getting-started/install/index.html", "installs in about a minute")
	s.AssertMatchesFullBuild()

	s.EditFileReplaceAll("content/snippets/_index.md", "render: never", "render: always").Rebuild()
	s.AssertFileContent("snippets/shared-answer/index.html", "Shared answer")
	s.AssertMatchesFullBuild()

	s.EditFileReplaceAll("content/blog/never.md", "render: never", "render: always").Rebuild()
	s.AssertFileContent("blog/never/index.html", "Not published.")
	s.AssertMatchesFullBuild()

	s.EditFileReplaceAll("content/docs/getting-started/configure.md", `{{< figure src="/images/config.png" caption="The file" >}}`, "![The file](/config.png)").Rebuild()
	s.AssertMatchesFullBuild()
}

// TestCascadeSurvivesBodySwap: a body edit of a page under a cascade takes
// the fast path and keeps the cascaded fields and build options.
func TestCascadeSurvivesBodySwap(t *testing.T) {
	s := sitetest.Running(t, `
-- site.yaml --
title: T
base_url: https://example.com/
-- layouts/single.html --
{{ define "main" }}<p data-banner="{{ .Page.Params.banner }}">{{ .Content }}</p>{{ end }}
-- content/docs/_index.md --
---
title: Docs
description: "The docs section, which cascades a banner and an unlisted build option to its pages."
cascade:
  banner: blue
  build: {list: never}
---
-- content/docs/a.md --
---
title: A
description: "Page A of the cascade test, a page that is published but not listed anywhere."
---
First body.
`)
	s.AssertFileContent("docs/a/index.html", `data-banner="blue"`, "First body.")
	s.EditFileReplaceAll("content/docs/a.md", "First body.", "Second body.").Rebuild()
	s.AssertSwapped(true)
	s.AssertFileContent("docs/a/index.html", `data-banner="blue"`, "Second body.")
	s.AssertMatchesFullBuild()
}
