package markdown

import (
	"slices"
	"testing"

	"playbook/generator/markdown/container"
)

const outlineSrc = `# Grow LTV

Intro with [a guide](/guides/ltv/) and ![chart](chart.png "c").

## What is LTV?

::: answer
LTV is the total revenue a customer brings over the whole relationship with you.

Proof: Cohort data shows it.

**Next step:** Measure your AOV.
:::

## Included

::: answer what-is-ltv
:::

::: faq
### How often should I measure?
Every [quarter](#cadence).

### Does margin matter?
Yes.
:::

:::: steps
### Map the journey
List the moments.
### Pick one
Start small.
::::

::: calculator ltv
aov: 40
frequency: 3
:::

` + "```prompt\nI have [NUMBER] customers, [AOV] average order and [CURRENT %] repeat.\nAgain [NUMBER], a link [AOV](x), not [lower] or [ X].\n```\n\n```prompt\nSecond: [CURRENT %] and [MAIN_BLOCKER].\n```\n"

func TestOutline(t *testing.T) {
	d := New(Options{}).Parse([]byte(outlineSrc), false)
	o := d.Outline
	if len(d.Problems) != 0 {
		t.Fatalf("problems: %v", d.Problems)
	}
	if o.Title != "Grow LTV" {
		t.Errorf("Title = %q", o.Title)
	}
	t.Run("headings", func(t *testing.T) {
		want := []Heading{
			{1, "Grow LTV", "grow-ltv", 1}, {2, "What is LTV?", "what-is-ltv", 5}, {2, "Included", "included", 15},
			{3, "How often should I measure?", "how-often-should-i-measure", 21}, {3, "Does margin matter?", "does-margin-matter", 24},
			{3, "Map the journey", "map-the-journey", 29}, {3, "Pick one", "pick-one", 31},
		}
		if !slices.Equal(o.Headings, want) {
			t.Errorf("got  %v\nwant %v", o.Headings, want)
		}
	})
	t.Run("faqs", func(t *testing.T) {
		if len(o.FAQs) != 2 {
			t.Fatalf("got %d FAQs", len(o.FAQs))
		}
		q := o.FAQs[0]
		if q.Question != "How often should I measure?" || q.Line != 21 || q.ID != "how-often-should-i-measure" {
			t.Errorf("got %+v", q)
		}
		if _, ok := q.Answer.(*container.FAQAnswer); !ok || PlainText(d, q.Answer) != "Every quarter." {
			t.Errorf("answer = %T %q", q.Answer, PlainText(d, q.Answer))
		}
	})
	t.Run("steps", func(t *testing.T) {
		if len(o.Steps) != 2 || o.Steps[1].Name != "Pick one" || o.Steps[1].Line != 31 || o.Steps[1].ID != "pick-one" {
			t.Fatalf("got %+v", o.Steps)
		}
		if s, ok := o.Steps[0].Body.(*container.Step); !ok || s.Index != 1 {
			t.Errorf("body = %T", o.Steps[0].Body)
		}
	})
	t.Run("answers", func(t *testing.T) {
		if len(o.Answers) != 2 {
			t.Fatalf("got %d answers", len(o.Answers))
		}
		a := o.Answers[0]
		if a.Words != 14 || a.Line != 7 || a.Heading != "What is LTV?" || a.Include != "" {
			t.Errorf("got words=%d line=%d heading=%q include=%q", a.Words, a.Line, a.Heading, a.Include)
		}
		if a.DirectText != "LTV is the total revenue a customer brings over the whole relationship with you." {
			t.Errorf("DirectText = %q", a.DirectText)
		}
		if PlainText(d, a.Proof) != "Proof: Cohort data shows it." || PlainText(d, a.Next) != "Next step: Measure your AOV." {
			t.Errorf("proof = %q, next = %q", PlainText(d, a.Proof), PlainText(d, a.Next))
		}
		b := o.Answers[1]
		if b.Include != "what-is-ltv" || b.Direct != nil || b.Proof != nil || b.Next != nil || b.Heading != "Included" {
			t.Errorf("include answer = %+v", b)
		}
	})
	t.Run("calculators", func(t *testing.T) {
		if len(o.Calculators) != 1 {
			t.Fatalf("got %d", len(o.Calculators))
		}
		c := o.Calculators[0]
		if c.Kind != "ltv" || string(c.Body) != "aov: 40\nfrequency: 3\n" || c.BodyLine != 36 || c.Line != 35 {
			t.Errorf("got kind=%q body=%q bodyLine=%d line=%d", c.Kind, c.Body, c.BodyLine, c.Line)
		}
	})
	t.Run("links", func(t *testing.T) {
		want := []Link{{"/guides/ltv/", 3, 12}, {"chart.png", 3, 40}, {"#cadence", 22, 7}}
		if !slices.Equal(o.Links, want) {
			t.Errorf("got %v, want %v", o.Links, want)
		}
	})
	t.Run("prompts", func(t *testing.T) {
		want := []string{"[NUMBER]", "[AOV]", "[CURRENT %]", "[MAIN_BLOCKER]"}
		if !slices.Equal(o.Placeholders, want) {
			t.Errorf("Placeholders = %q, want %q", o.Placeholders, want)
		}
		if len(o.Prompts) != 2 || o.Prompts[0].Line != 40 || o.Prompts[1].Text != "Second: [CURRENT %] and [MAIN_BLOCKER].\n" {
			t.Errorf("Prompts = %+v", o.Prompts)
		}
	})
}

func TestOutlineFAQPage(t *testing.T) {
	src := "# FAQ\n\n## What is *LTV*?\nRevenue over time.\n\n## Why `churn`?\nIt compounds.\n"
	d := New(Options{}).Parse([]byte(src), true)
	if len(d.Problems) != 0 {
		t.Fatalf("problems: %v", d.Problems)
	}
	got := make([]string, 0, 2)
	for _, q := range d.Outline.FAQs {
		got = append(got, q.Question+"|"+PlainText(d, q.Answer)+"|"+q.ID)
	}
	want := []string{"What is LTV?|Revenue over time.|what-is-ltv", "Why churn?|It compounds.|why-churn"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if d := New(Options{}).Parse([]byte(src), false); len(d.Outline.FAQs) != 0 {
		t.Error("## headings are questions only on faq pages")
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"I have [NUMBER] customers", []string{"[NUMBER]"}},
		{"[AOV] and [AOV] again", []string{"[AOV]"}},
		{"[CURRENT %] of revenue", []string{"[CURRENT %]"}},
		{"[A-B/C_D 2]", []string{"[A-B/C_D 2]"}},
		{"[[NESTED]]", []string{"[NESTED]"}},
		{"[lower] [Mixed] [ SPACE] [TRAIL ] [1ST] []", nil},
		{"[LINK](https://x) counts inside prompts", []string{"[LINK]"}},
		{"[UNCLOSED and [NEXT]", []string{"[NEXT]"}},
		{"[ÉTÉ] is not ASCII", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Placeholders(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPlainText(t *testing.T) {
	src := "Para with **bold**, `code`, a [link](/x) and <b>raw</b>\nover two lines.\n\n- one\n- two\n"
	d := New(Options{}).Parse([]byte(src), false)
	tests := []struct {
		name string
		n    int // index of the top-level block
		want string
	}{
		{"paragraph", 0, "Para with bold, code, a link and raw over two lines."},
		{"list", 1, "one two"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := d.Root.FirstChild()
			for range tt.n {
				n = n.NextSibling()
			}
			if got := PlainText(d, n); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if PlainText(d, nil) != "" {
		t.Error("PlainText(nil) must be empty")
	}
}
