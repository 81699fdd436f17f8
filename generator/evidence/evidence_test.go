package evidence

import (
	"strings"
	"testing"

	"playbook/generator/markdown"
)

// ruleCases hold, for every rule, pages that break it and pages that
// pass. TestEveryRuleHasCases keeps the table and Rules in step.
var ruleCases = []struct {
	rule string
	name string
	body string
	want []string // "line:message fragment" of each finding of the rule
}{
	{RuleUnsourcedFigure, "percentage in a best answer", "## Q?\n\n::: answer\nCited pages gain 40% more visibility in generated answers than pages that cite nothing.\n:::\n",
		[]string{`4:the best answer states "40%"`}},
	{RuleUnsourcedFigure, "currency in an FAQ answer", "::: faq\n### How much?\nMost teams spend about $1,200 a month.\n:::\n",
		[]string{`3:the answer to "How much?" states "$1,200"`}},
	{RuleUnsourcedFigure, "multiplier", "## Q?\n\n::: answer\nReferred customers are 4x more valuable.\n:::\n", []string{`4:the best answer states "4x"`}},
	{RuleUnsourcedFigure, "N times more", "## Q?\n\n::: answer\nThey buy three times more often.\n:::\n", []string{`4:the best answer states "three times more"`}},
	{RuleUnsourcedFigure, "figure with a link passes", "## Q?\n\n::: answer\nCited pages gain 40% more visibility ([GEO study](https://arxiv.org/abs/2311.09735)).\n:::\n", nil},
	{RuleUnsourcedFigure, "figure with a footnote passes", "## Q?\n\n::: answer\nCited pages gain 40% more visibility.[^geo]\n:::\n\n[^geo]: https://arxiv.org/abs/2311.09735\n", nil},
	{RuleUnsourcedFigure, "an illustration passes", "## Q?\n\n::: answer\nFor example, at $80 an order and three orders a year, revenue is $240.\n:::\n", nil},
	{RuleUnsourcedFigure, "a frequency is not a multiplier", "## Q?\n\n::: answer\nThey order three times a year.\n:::\n", nil},
	{RuleUnsourcedFigure, "figures outside answers are not checked", "Revenue grew 40% last year.\n", nil},
	{RuleUnsourcedFigure, "the source must be in the same paragraph", "## Q?\n\n::: answer\nRevenue grew 40%.\n\nNext step: read [the study](https://example.org/).\n:::\n",
		[]string{`4:the best answer states "40%"`}},

	{RuleUnattributed, "blockquote without attribution", "> Customers who reach a first win in a week stay twice as long as the rest.\n",
		[]string{"1:a quotation of 16 words"}},
	{RuleUnattributed, "blockquote with a dash line passes", "> Customers who reach a first win in a week stay twice as long as the rest.\n> — Ana Ruiz, Head of Success\n", nil},
	{RuleUnattributed, "blockquote followed by a dash paragraph passes", "> Customers who reach a first win in a week stay twice as long as the rest.\n\n— Ana Ruiz\n", nil},
	{RuleUnattributed, "blockquote with a link passes", "> Customers who reach a first win in a week stay twice as long as the rest.\n> [Ana Ruiz](https://example.org/ana)\n", nil},
	{RuleUnattributed, "a short blockquote passes", "> Start small.\n", nil},
	{RuleUnattributed, "quotation inside an answer", "## Q?\n\n::: answer\nThe best answer: \"customers who reach a first win in a week stay much longer\".\n:::\n",
		[]string{"4:a quotation of 12 words"}},
	{RuleUnattributed, "attributed quotation inside an answer passes", "## Q?\n\n::: answer\nAs Ana Ruiz says, \"customers who reach a first win in a week stay much longer\".\n:::\n", nil},
	{RuleUnattributed, "a quoted question passes", "::: faq\n### What to ask?\nAsk \"how likely are you to recommend us to a friend or colleague?\"\n:::\n", nil},

	{RuleAnswerNotFirst, "opens with a question", "## What is LTV?\n\n::: answer\nWhat is LTV? It is the revenue one customer brings over the whole relationship.\n:::\n",
		[]string{`4:the best answer opens with a question ("What is LTV?")`}},
	{RuleAnswerNotFirst, "first sentence too long", "## Q?\n\n::: answer\n" + strings.Repeat("word ", 36) + "end. Short.\n:::\n",
		[]string{"4:the best answer's first sentence runs to 37 words"}},
	{RuleAnswerNotFirst, "a direct first sentence passes", "## What is LTV?\n\n::: answer\nLTV is the revenue one customer brings, e.g. over 2.5 years. More follows here.\n:::\n", nil},
}

func TestRules(t *testing.T) {
	eng := markdown.New(markdown.Options{})
	for _, tc := range ruleCases {
		t.Run(tc.rule+"/"+tc.name, func(t *testing.T) {
			faqPage := false
			d := eng.Parse([]byte(tc.body), faqPage)
			var got []string
			for _, f := range Check(d) {
				if f.Rule == tc.rule {
					got = append(got, f.String())
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("finding %d = %q, want prefix %q", i, got[i], w)
				}
			}
		})
	}
}

func TestEveryRuleHasCases(t *testing.T) {
	for _, r := range Rules {
		fails, passes := 0, 0
		for _, tc := range ruleCases {
			if tc.rule == r.ID && len(tc.want) > 0 {
				fails++
			} else if tc.rule == r.ID {
				passes++
			}
		}
		if fails == 0 || passes == 0 {
			t.Errorf("rule %s needs a page that breaks it and one that passes (%d, %d)", r.ID, fails, passes)
		}
		if r.Fix == "" || r.Title == "" {
			t.Errorf("rule %s has no title or fix", r.ID)
		}
	}
}

func TestFindingIsAWarningWithItsFix(t *testing.T) {
	p := Finding{Rule: RuleUnsourcedFigure, Line: 4, Msg: "the best answer states \"40%\""}.Problem("content/a.md", 5)
	if got := p.String(); !strings.HasPrefix(got, "content/a.md:9:1: warning: the best answer states \"40%\" (unsourced-figure) — cite where") {
		t.Errorf("got %q", got)
	}
}

func TestFirstSentence(t *testing.T) {
	tests := map[string]string{
		"One. Two.":                        "One.",
		"It is 2.5 years. Then more.":      "It is 2.5 years.",
		"Use e.g. Stripe. Then.":           "Use e.g. Stripe.",
		"Why? Because.":                    "Why?",
		"No end":                           "No end",
		`He said "go." Then left.`:         `He said "go."`,
		"Lower case. after a period stays": "Lower case. after a period stays",
	}
	for in, want := range tests {
		if got := FirstSentence(in); got != want {
			t.Errorf("FirstSentence(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzCheck(f *testing.F) {
	for _, tc := range ruleCases {
		f.Add(tc.body)
	}
	eng := markdown.New(markdown.Options{})
	f.Fuzz(func(t *testing.T, body string) {
		for _, fd := range Check(eng.Parse([]byte(body), false)) {
			if _, ok := RuleByID(fd.Rule); !ok || fd.Msg == "" {
				t.Fatalf("finding %+v", fd)
			}
		}
		FirstSentence(body)
	})
}
