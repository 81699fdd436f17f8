package container

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/testutil"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"playbook/generator/diag"
)

// newMarkdown is the instance the spec cases run on: DefinitionList is on
// to pin the parser priority, and one answer can be included.
func newMarkdown() goldmark.Markdown {
	include := func(slug string) ([]byte, bool) {
		if slug == "what-is-ltv" {
			return []byte("<p>LTV is the revenue of a customer.</p>\n"), true
		}
		return nil, false
	}
	return goldmark.New(
		goldmark.WithExtensions(New(WithAnswerIncluder(include)), extension.DefinitionList),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

func TestSpec(t *testing.T) {
	testutil.DoTestCaseFile(newMarkdown(), "_test/container.txt", t, testutil.ParseCliCaseArg()...)
}

// parse parses src and returns the document and the problems found.
func parse(src string, faqPage bool) (ast.Node, []diag.Problem) {
	pc := parser.NewContext()
	if faqPage {
		MarkFAQPage(pc)
	}
	doc := newMarkdown().Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	return doc, Problems(pc)
}

// containers returns the Container nodes of doc in document order.
func containers(doc ast.Node) []*Container {
	var cs []*Container
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*Container); ok && entering {
			cs = append(cs, c)
		}
		return ast.WalkContinue, nil
	})
	return cs
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name, src string
		faqPage   bool
		want      []diag.Problem
	}{
		{"unknown name", "Intro.\n\n  ::: fqa\n  x\n  :::\n", false, []diag.Problem{
			diag.Errorf("", 3, 3, `did you mean "faq"? Else use one of: answer, calculator, faq, key, note, steps, tip, warning`, `unknown block "fqa"`),
		}},
		{"unclosed", "::: faq\n### Q\nA.\n", false, []diag.Problem{
			diag.Errorf("", 1, 1, `add a line ":::" after its last line`, `block "faq" opened here is never closed`),
		}},
		{"unclosed longer fence", "x\n\n:::: note\ny\n:::\n", false, []diag.Problem{
			diag.Errorf("", 3, 1, `add a line "::::" after its last line`, `block "note" opened here is never closed`),
		}},
		{"unclosed inside a list item", "- a\n  ::: tip\n  b\n- c\n", false, []diag.Problem{
			diag.Errorf("", 2, 3, `add a line ":::" after its last line`, `block "tip" opened here is never closed`),
		}},
		{"faq without ###", "Text.\n\n::: faq\nJust text.\n:::\n", false, []diag.Problem{
			diag.Errorf("", 3, 1, `start each question with a "### " heading inside the block`, "faq block has no questions"),
		}},
		{"question without answer", "::: faq\n### Has one?\nYes.\n### No answer?\n:::\n", false, []diag.Problem{
			diag.Errorf("", 4, 1, "write the answer below the ### heading", `question "No answer?" has no answer`),
		}},
		{"steps without ###", "::: steps\n1. one\n2. two\n:::\n", false, []diag.Problem{
			diag.Errorf("", 1, 1, `start each step with a "### " heading inside the block`, "steps block has no steps"),
		}},
		{"empty answer", "::: answer\n:::\n", false, []diag.Problem{
			diag.Errorf("", 1, 1, `write the direct answer inside the block, or name an answer to include: "::: answer SLUG"`,
				"answer block is empty"),
		}},
		{"unterminated quote", `::: note "Open` + "\nx\n:::\n", false, []diag.Problem{
			diag.Errorf("", 1, 1, "close the quote on the same line", `block "note" has an unterminated quote`),
		}},
		{"faq page question without answer", "# FAQ\n\n## Why?\nBecause.\n\n## When?\n", true, []diag.Problem{
			diag.Errorf("", 6, 1, "write the answer below the ## heading", `question "When?" has no answer`),
		}},
		{"faq page without questions", "Just text.\n", true, []diag.Problem{
			diag.Errorf("", 0, 0, `write each question as a "## " heading followed by its answer`, "faq page has no questions"),
		}},
		{"several at once, in line order", "::: fqa\n:::\n\n::: faq\n### Q\n:::\n\n::: steps\n", false, []diag.Problem{
			diag.Errorf("", 1, 1, `did you mean "faq"? Else use one of: answer, calculator, faq, key, note, steps, tip, warning`, `unknown block "fqa"`),
			diag.Errorf("", 5, 1, "write the answer below the ### heading", `question "Q" has no answer`),
			diag.Errorf("", 8, 1, `add a line ":::" after its last line`, `block "steps" opened here is never closed`),
			diag.Errorf("", 8, 1, `start each step with a "### " heading inside the block`, "steps block has no steps"),
		}},
		{"no problems", "::: faq\n### Q\nA.\n:::\n\n::: answer x\n:::\n", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := parse(tt.src, tt.faqPage)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems %v, want %d %v", len(got), got, len(tt.want), tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("problem %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestContainerFields(t *testing.T) {
	src := "Intro.\n\n:::: tip \"Say \\\"hi\\\"\" title='T' level=2 :::\nbody\n::::\n"
	doc, _ := parse(src, false)
	cs := containers(doc)
	if len(cs) != 1 {
		t.Fatalf("got %d containers", len(cs))
	}
	c := cs[0]
	want := []Attr{{"title", "T"}, {"level", "2"}}
	if c.Name != "tip" || c.Arg != `Say "hi"` || c.FenceLen != 4 || c.Offset != 8 || !c.Closed {
		t.Errorf("got %+v", c)
	}
	if len(c.Attrs) != 2 || c.Attrs[0] != want[0] || c.Attrs[1] != want[1] {
		t.Errorf("attrs = %v, want %v", c.Attrs, want)
	}
	if v, ok := c.Attr("level"); !ok || v != "2" {
		t.Errorf("Attr(level) = %q, %v", v, ok)
	}
	if got := src[c.BodyStart:c.CloseStart]; got != "body\n" {
		t.Errorf("body span = %q", got)
	}
	if c.End != len(src) {
		t.Errorf("End = %d, want %d", c.End, len(src))
	}
}

func TestParseInfo(t *testing.T) {
	tests := []struct {
		in        string
		name, arg string
		attrs     []Attr
		quote     bool
	}{
		{" answer", "answer", "", nil, false},
		{" Answer what-is-ltv", "answer", "what-is-ltv", nil, false},
		{` note "Before you start"`, "note", "Before you start", nil, false},
		{" note Before you start", "note", "Before you start", nil, false},
		{" note Don't forget", "note", "Don't forget", nil, false},
		{` tip title="x y" k=v`, "tip", "", []Attr{{"title", "x y"}, {"k", "v"}}, false},
		{" note a = b", "note", "a = b", nil, false},
		{` note "open`, "note", "open", nil, true},
		{" note :::\r\n", "note", "", nil, false},
		{"\tcalculator\tltv", "calculator", "ltv", nil, false},
		{` "x"`, `"x"`, "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := parseInfo([]byte(tt.in))
			if got.name != tt.name || got.arg != tt.arg || got.quote != tt.quote || len(got.attrs) != len(tt.attrs) {
				t.Fatalf("got %+v, want name=%q arg=%q attrs=%v quote=%v", got, tt.name, tt.arg, tt.attrs, tt.quote)
			}
			for i := range got.attrs {
				if got.attrs[i] != tt.attrs[i] {
					t.Errorf("attr %d = %v, want %v", i, got.attrs[i], tt.attrs[i])
				}
			}
		})
	}
}

func TestCalculatorRawBody(t *testing.T) {
	src := "# Calc\n\n  ::: calculator ltv\n  aov: 40\n    nested: 1\n  # comment\n  :::\n"
	doc, problems := parse(src, false)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	c := containers(doc)[0]
	if got, want := string(c.RawBody([]byte(src))), "aov: 40\n  nested: 1\n# comment\n"; got != want {
		t.Errorf("RawBody = %q, want %q", got, want)
	}
	if got := c.BodyLine([]byte(src)); got != 4 {
		t.Errorf("BodyLine = %d, want 4", got)
	}
	if c.HasChildren() {
		t.Error("a calculator body must not be parsed as Markdown")
	}
}

func TestCRLF(t *testing.T) {
	src := "::: note \"T\"\r\nBody.\r\n:::\r\n\r\n::: faq\r\n### Q?\r\nA.\r\n:::\r\n"
	var out bytes.Buffer
	if err := newMarkdown().Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<p class="callout-title">T</p>`, `<h3 id="q">Q?</h3>`, "<p>A.</p>"} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("missing %q in\n%s", want, out.String())
		}
	}
	if _, problems := parse(src, false); len(problems) != 0 {
		t.Errorf("problems: %v", problems)
	}
}

func TestGrouping(t *testing.T) {
	src := "::: faq\nIntro.\n### Q1\nA1.\n\nMore.\n### Q2\nA2.\n:::\n\n::: steps\n### S1\nx\n### S2\n:::\n"
	doc, _ := parse(src, false)
	cs := containers(doc)
	faq, steps := cs[0], cs[1]
	if faq.ChildCount() != 3 {
		t.Fatalf("faq children = %d, want intro + 2 items", faq.ChildCount())
	}
	item, ok := faq.FirstChild().NextSibling().(*FAQItem)
	if !ok {
		t.Fatalf("second child is %T", faq.FirstChild().NextSibling())
	}
	if got := headingText(item.Question(), []byte(src)); got != "Q1" {
		t.Errorf("question = %q, want Q1", got)
	}
	if n := item.Answer().ChildCount(); n != 2 {
		t.Errorf("answer blocks = %d, want 2", n)
	}
	s2, ok := steps.LastChild().(*Step)
	if !ok || s2.Index != 2 || s2.Heading() == nil || s2.ChildCount() != 1 {
		t.Errorf("last step = %+v", steps.LastChild())
	}
}

func TestFAQPage(t *testing.T) {
	src := "# FAQ\n\nIntro.\n\n## One?\nYes.\n\n## Two?\nNo.\n\n# Appendix\n\nTail.\n"
	doc, problems := parse(src, true)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	var kinds []string
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		kinds = append(kinds, c.Kind().String())
	}
	want := "Heading Paragraph FAQItem FAQItem Heading Paragraph"
	if got := join(kinds); got != want {
		t.Errorf("top-level = %q, want %q", got, want)
	}
	var out bytes.Buffer
	if err := newMarkdown().Renderer().Render(&out, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	if bytes.Count(out.Bytes(), []byte(`<div class="faq">`)) != 1 || !bytes.Contains(out.Bytes(), []byte("</details>\n</div>\n<h1")) {
		t.Errorf("faq page items must share one div.faq:\n%s", out.String())
	}
}

func TestCalculatorRenderer(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(New(WithCalculatorRenderer(
		func(w util.BufWriter, source []byte, n *Container) error {
			_, err := w.WriteString("<calc " + n.Arg + ">" + string(n.RawBody(source)) + "</calc>\n")
			return err
		}))))
	var out bytes.Buffer
	if err := md.Convert([]byte("::: calculator ltv\naov: 1\n:::\n"), &out); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "<calc ltv>aov: 1\n</calc>\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func join(s []string) string { return strings.Join(s, " ") }

// TestNestingLimit: openers past MaxDepth are refused once, at the first
// one, and read as text; the blocks that did open report being unclosed.
func TestNestingLimit(t *testing.T) {
	src := strings.Repeat("::: note\n", MaxDepth+5)
	doc, probs := parse(src, false)
	if n := len(containers(doc)); n != MaxDepth {
		t.Errorf("%d blocks opened, want %d", n, MaxDepth)
	}
	want := diag.Errorf("", MaxDepth+1, 1, `close the blocks above with ":::" lines, or nest fewer of them`,
		"blocks are nested more than 16 deep")
	var deep, unclosed int
	for _, p := range probs {
		switch {
		case p == want:
			deep++
		case strings.Contains(p.Msg, "never closed"):
			unclosed++
		default:
			t.Errorf("unexpected problem %v", p)
		}
	}
	if deep != 1 || unclosed != MaxDepth {
		t.Errorf("%d nesting and %d unclosed problems, want 1 and %d: %v", deep, unclosed, MaxDepth, probs)
	}
	if _, probs := parse(strings.Repeat("::: note\n", MaxDepth)+strings.Repeat(":::\n", MaxDepth), false); len(probs) != 0 {
		t.Errorf("nesting at the limit: %v", probs)
	}
}
