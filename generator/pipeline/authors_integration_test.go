package pipeline_test

import (
	"strings"
	"testing"

	"playbook/generator/internal/sitetest"
)

const authoredSite = `
-- site.yaml --
title: "Authored"
base_url: "https://example.com/"
author: { name: "Editorial Team" }
authors:
  ana-ruiz:
    name: "Ana Ruiz"
    job_title: "Head of Growth"
    same_as: ["https://www.linkedin.com/in/ana-ruiz", "https://github.com/anaruiz"]
-- content/guides/one.md --
---
title: "One"
description: "A guide written by Ana Ruiz, whose graph names her as a Person."
date: 2026-10-01
author: ana-ruiz
---
Body.
-- content/guides/two.md --
---
title: "Two"
description: "A guide by the site's default author, who has no author page."
date: 2026-10-02
---
Body.
`

func TestAuthorsHavePagesAndPersons(t *testing.T) {
	s := sitetest.New(t, authoredSite)
	sitetest.AssertProblems(t, s.Build(s.Options()))
	person := `{"@type":"Person","@id":"https://example.com/#author-ana-ruiz","name":"Ana Ruiz","url":"https://example.com/authors/ana-ruiz/","jobTitle":"Head of Growth","sameAs":["https://www.linkedin.com/in/ana-ruiz","https://github.com/anaruiz"]}`
	s.AssertFileContent("guides/one/index.html", person, `"author":[{"@id":"https://example.com/#author-ana-ruiz"}]`, "By Ana Ruiz")
	s.AssertFileContent("authors/ana-ruiz/index.html", person, `"mainEntity":{"@id":"https://example.com/#author-ana-ruiz"}`, "Ana Ruiz, Head of Growth", `href="/guides/one/"`)
	if page := s.Read("authors/ana-ruiz/index.html"); strings.Contains(page, `href="/guides/two/"`) {
		t.Error("the author page lists a page she did not write")
	}
	s.AssertFileContent("authors/index.html", `href="/authors/ana-ruiz/"`)
	s.AssertFileContent("sitemap.xml", "https://example.com/authors/ana-ruiz/")
	if strings.Contains(s.Read("guides/two/index.html"), "jobTitle") {
		t.Error("the default author got another author's details")
	}
}
