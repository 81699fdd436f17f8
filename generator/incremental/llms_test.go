package incremental_test

import (
	"testing"

	"playbook/generator/incremental"
	"playbook/generator/internal/sitetest"
	"playbook/generator/render"
)

// TestBodyEditKeepsLLMSFullLazy checks that a body edit renders one page,
// keeps the site files, and that llms-full.txt, joined on first read only,
// holds the edit and equals a fresh build's.
func TestBodyEditKeepsLLMSFullLazy(t *testing.T) {
	s := sitetest.Running(t, `
-- site.yaml --
title: T
base_url: https://example.com/
description: d
-- content/a.md --
---
title: A
description: "Page A of the splice test, with enough words."
date: 2026-10-01
---
First body.
-- content/b.md --
---
title: B
description: "Page B of the splice test, with enough words."
date: 2026-10-02
---
Second body.
-- content/c/d.md --
---
title: D
description: "Page D of the splice test, in a section."
date: 2026-10-03
---
Third body.
`)
	s.EditFileReplaceAll("content/b.md", "Second body.", "Second body, edited.").Rebuild()
	s.AssertRendered(1)
	s.AssertSwapped(true)
	if doc, written := incremental.LLMSFullKept(s.Engine); !doc || written {
		t.Fatalf("llms-full.txt kept as a document %v, written during the rebuild %v; want kept and not written", doc, written)
	}
	s.AssertFileContent(render.LLMSFullFile, "Second body, edited.", "! Second body.\n")
	s.AssertMatchesFullBuild()
}

// TestFAQEditUpdatesAnswers checks that answers.json follows a body edit
// (the site files are not rendered again) and equals a fresh build's.
func TestFAQEditUpdatesAnswers(t *testing.T) {
	s := sitetest.Running(t, `
-- site.yaml --
title: T
base_url: https://example.com/
description: d
-- content/faq/a.md --
---
title: A
description: "Page A of the answers test, with enough words."
date: 2026-10-01
---
## Is it first?

Yes, first.
-- content/b.md --
---
title: B
description: "Page B of the answers test, with enough words."
date: 2026-10-02
---
## Why?

::: answer
Because it is.
:::
`)
	s.AssertFileContent(render.AnswersFile, `"question":"Is it first?","answer_text":"Yes, first."`, `"type":"best_answer","question":"Why?"`)
	s.EditFileReplaceAll("content/faq/a.md", "Yes, first.", "Yes, first, edited.").Rebuild()
	s.AssertRendered(1)
	s.AssertFileContent(render.AnswersFile, `"answer_text":"Yes, first, edited."`, `! "answer_text":"Yes, first."`, `"question":"Why?"`)
	s.AssertMatchesFullBuild()
}
