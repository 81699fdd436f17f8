package markdown

import (
	"io"
	"strings"
	"testing"
)

// benchPage is a guide of about 1,200 words with what real pages hold: an
// answer, a table, lists, callouts, steps and an faq block.
var benchPage = func() string {
	var b strings.Builder
	b.WriteString("# Grow customer lifetime value\n\n")
	b.WriteString("::: answer\nCustomer lifetime value is the revenue, or the profit, a business expects from one customer " +
		"over the whole relationship. Raise it by raising order value, purchase frequency or retention time.\n\n" +
		"Proof: Cohorts that reach a first win early stay longer and buy again.\n\nNext step: Measure your three inputs.\n:::\n\n")
	b.WriteString("| Moment | Customer question | Best next move |\n|---|---|---|\n")
	for _, m := range []string{"Activation", "Adoption", "Expansion", "Advocacy", "Renewal"} {
		b.WriteString("| " + m + " | What do I need **now** to get value? | Guide them to the next [outcome](/guides/" +
			strings.ToLower(m) + "/) |\n")
	}
	for i := range 7 {
		b.WriteString("\n## Lever " + string(rune('A'+i)) + "\n\n")
		b.WriteString("Most teams try to grow with more leads, but the fastest profit often comes from the customers " +
			"they already have. Treat the next offer as the *next best step* in the journey, not as extra selling, " +
			"and time it to the moment the customer is ready to hear it.\n\n")
		b.WriteString("- Deliver a first win within two weeks\n- Reduce effort with templates and checklists\n" +
			"- Show progress with milestones and recap emails\n\n")
		b.WriteString("::: tip \"Keep it simple\"\nStart with one moment, one message and one metric, then add more.\n:::\n")
	}
	b.WriteString("\n::: steps\n")
	for i := range 5 {
		b.WriteString("### Day " + string(rune('1'+i)) + "\nPick one signal, write one message, ship it and record the result in the cohort sheet.\n\n")
	}
	b.WriteString(":::\n\n::: faq\n")
	for i := range 8 {
		b.WriteString("### Question number " + string(rune('1'+i)) + "?\nThe short answer comes first, in one or two " +
			"sentences, and the detail follows with an example the reader can copy into their own plan today.\n\n")
	}
	b.WriteString(":::\n")
	return b.String()
}()

func BenchmarkParseRender(b *testing.B) {
	e := New(Options{})
	src := []byte(benchPage)
	if words := len(strings.Fields(benchPage)); words < 1100 || words > 1400 {
		b.Fatalf("bench page has %d words, want about 1,200", words)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		d := e.Parse(src, false)
		if len(d.Problems) != 0 {
			b.Fatal(d.Problems)
		}
		if err := e.Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
		if err := e.Twin(io.Discard, d, TwinOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
