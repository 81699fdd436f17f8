package pipeline_test

import (
	"fmt"
	"strings"
)

// costCase is one family of pathological input: page(n) is the content
// file at size n. The cost test builds it at small and 8*small and
// compares the costs; `make hostile` builds it at full, the size of the
// report that found it (or larger), and prints time and peak memory.
type costCase struct {
	name  string
	small int
	full  int
	page  func(n int) string
	// refused is what the build must say at full size ("" when it
	// builds): a budget, not a hang or a crash.
	refused string
}

// yamlPage is a page with YAML front matter fm (title included) and body.
func yamlPage(fm, body string) string { return "---\n" + fm + "---\n" + body }

func tomlPage(fm string) string { return "+++\ntitle = \"A\"\n" + fm + "+++\nText.\n" }

func repeat(n int, format string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, format, i)
	}
	return b.String()
}

func costCases() []costCase {
	return append(frontMatterCostCases(), bodyCostCases()...)
}

func frontMatterCostCases() []costCase {
	return []costCase{
		{name: "yaml merge-key chain", small: 8, full: 29, refused: "more than 16 aliases",
			page: func(n int) string {
				fm := "title: A\nb0: &b0 {k0: 0}\n"
				for i := 1; i <= n; i++ {
					fm += fmt.Sprintf("b%d: &b%d {<<: [*b%d, *b%d], k%d: 1}\n", i, i, i-1, i-1, i)
				}
				return yamlPage(fm, "Text.\n")
			}},
		{name: "yaml alias fan-out", small: 2, full: 9, refused: "more than 16 aliases",
			page: func(n int) string {
				fm := "title: A\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
				for i := 1; i <= n; i++ {
					fm += fmt.Sprintf("a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
				}
				return yamlPage(fm, "Text.\n")
			}},
		{name: "yaml flow nesting", small: 1000, full: 100_000, refused: "over the 256 KB limit",
			page: func(n int) string {
				return yamlPage("title: A\nx: "+strings.Repeat("{a: ", n)+"1"+strings.Repeat("}", n)+"\n", "Text.\n")
			}},
		{name: "yaml indentation nesting", small: 100, full: 700, refused: "more than 32 levels deep",
			page: func(n int) string {
				var b strings.Builder
				for i := range n {
					b.WriteString(strings.Repeat(" ", i) + "a:\n")
				}
				return yamlPage("title: A\nx:\n"+b.String(), "Text.\n")
			}},
		{name: "yaml many keys", small: 1000, full: 200_000, refused: "over the 256 KB limit",
			page: func(n int) string { return yamlPage("title: A\n"+repeat(n, "k%d: 1\n"), "Text.\n") }},
		{name: "yaml many keys under the size cap", small: 1000, full: 25_000, refused: "more than 2000 keys",
			page: func(n int) string { return yamlPage("title: A\n"+repeat(n, "k%d: 1\n"), "Text.\n") }},
		{name: "yaml many list items", small: 2000, full: 40_000,
			page: func(n int) string { return yamlPage("title: A\nx:\n"+strings.Repeat("  - x\n", n), "Text.\n") }},
		{name: "yaml long string", small: 20_000, full: 250_000,
			page: func(n int) string { return yamlPage("title: A\nx: "+strings.Repeat("a", n)+"\n", "Text.\n") }},
		{name: "toml dotted key", small: 1000, full: 20_000, refused: "dotted key of more than 32 parts",
			page: func(n int) string { return tomlPage(strings.Repeat("a.", n) + "a = 1\n") }},
		{name: "toml inline tables", small: 1000, full: 10_000, refused: "more than 32 levels deep",
			page: func(n int) string {
				return tomlPage("x = " + strings.Repeat("{a = ", n) + "1" + strings.Repeat("}", n) + "\n")
			}},
		{name: "toml many quoted keys", small: 1000, full: 100_000, refused: "over the 256 KB limit",
			page: func(n int) string { return tomlPage(repeat(n, "\"k %d\" = 1\n")) }},
		{name: "toml many keys under the size cap", small: 1000, full: 20_000, refused: "more than 2000 keys",
			page: func(n int) string { return tomlPage(repeat(n, "k%d = 1\n")) }},
		{name: "calculator block many keys", small: 500, full: 100_000, refused: "over the 256 KB limit",
			page: func(n int) string {
				return yamlPage("title: A\n", "::: calculator ltv\n"+repeat(n, "k%d: 1\n")+":::\n")
			}},
	}
}

func bodyCostCases() []costCase {
	run := func(s string) func(int) string {
		return func(n int) string { return yamlPage("title: A\n", strings.Repeat(s, n)+"\n") }
	}
	return []costCase{
		{name: "unclosed ::: blocks", small: 1000, full: 20_000, refused: "nested more than 16 deep", page: run("::: note\n")},
		{name: "nested ::: blocks, closed", small: 50, full: 5000, page: func(n int) string {
			one := strings.Repeat("::: note\n", 16) + "Text.\n" + strings.Repeat(":::\n", 16) + "\n"
			return yamlPage("title: A\n", strings.Repeat(one, n))
		}},
		// Chroma's own lookup matched an unknown language against every
		// lexer's file globs: 40 ms a name.
		{name: "code fences of made-up languages", small: 20, full: 2000,
			page: func(n int) string { return yamlPage("title: A\n", repeat(n, "```zz%dqq\nx\n```\n\n")) }},
		{name: "code fence with a long language", small: 1000, full: 100_000,
			page: func(n int) string { return yamlPage("title: A\n", "0*\n"+strings.Repeat("~", n)+"\n") }},
		{name: "prompt placeholders", small: 1000, full: 100_000, refused: "more than the 100 a reader can fill in",
			page: func(n int) string {
				return yamlPage("title: A\ntype: workflow\n", "```prompt\n"+repeat(n, "[P%d] ")+"\n```\n")
			}},
		{name: "broken links", small: 500, full: 10_000, refused: "broken link",
			page: func(n int) string { return yamlPage("title: A\n", repeat(n, "[x](/nope-%d/)\n\n")) }},
		{name: "link openers", small: 1000, full: 50_000, refused: "more than 1000 links", page: run("[a](")},
		{name: "&amp; run", small: 20_000, full: 1_000_000, page: run("&amp;")},
		{name: "quote run", small: 20_000, full: 1_000_000, page: run(`"`)},
		{name: "asterisk run", small: 20_000, full: 1_000_000, refused: "emphasis and code marks", page: run("*a ")},
		{name: "backtick run", small: 20_000, full: 1_000_000, refused: "emphasis and code marks", page: run("`a")},
		{name: "emphasis in many paragraphs", small: 2000, full: 100_000, refused: "emphasis and code marks", page: run("*a* _b_\n\n")},
		{name: "bracket run", small: 20_000, full: 1_000_000, refused: "nested more than 100 deep", page: run("[")},
		{name: "angle run", small: 20_000, full: 1_000_000, page: run("<a ")},
		{name: "nested brackets", small: 5000, full: 500_000, refused: "nested more than 100 deep", page: func(n int) string {
			return yamlPage("title: A\n", strings.Repeat("[", n)+"a"+strings.Repeat("]", n)+"\n")
		}},
		{name: "nested lists", small: 1000, full: 100_000, page: run("- ")},
		{name: "nested blockquotes", small: 1000, full: 100_000, refused: "nested more than 32 deep", page: run(">")},
		{name: "many headings", small: 1000, full: 100_000, refused: "more than 10000 headings", page: func(n int) string {
			return yamlPage("title: A\n", repeat(n, "## H%d\n\ntext\n\n"))
		}},
		{name: "headings at the limit", small: 1250, full: 10_000, page: func(n int) string {
			return yamlPage("title: A\n", repeat(n, "## H%d\n\ntext\n\n"))
		}},
		{name: "table columns", small: 100, full: 100_000, refused: "more than 1000 cells", page: func(n int) string {
			row := strings.Repeat("|a", n) + "|\n"
			return yamlPage("title: A\n", row+strings.Repeat("|-", n)+"|\n"+row)
		}},
		{name: "table rows", small: 500, full: 50_000, page: func(n int) string {
			return yamlPage("title: A\n", "|a|b|c|\n|-|-|-|\n"+strings.Repeat("|1|2|3|\n", n))
		}},
		{name: "faq questions", small: 200, full: 10_000, page: func(n int) string {
			return yamlPage("title: A\n", "::: faq\n"+repeat(n, "### Question %d?\n\nAnswer.\n\n")+":::\n")
		}},
		{name: "one long word", small: 100_000, full: 7_000_000, page: run("a")},
	}
}
