package markdown

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"playbook/generator/markdown/container"
)

// specInputs returns the Markdown of the container spec cases, the
// richest set of ::: inputs there is.
func specInputs(t testing.TB) []string {
	const sep = "//- - - - - - - - -//\n"
	var out []string
	for _, file := range []string{"container/_test/container.txt", "testdata/spec/features.txt"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range strings.Split(string(b), "//= = = = = = = = = = = = = = = = = = = = = = = =//") {
			if parts := strings.Split(c, sep); len(parts) == 3 {
				out = append(out, strings.TrimSuffix(parts[1], "\n"))
			}
		}
	}
	return out
}

// fuzzEngine is shared: building goldmark per input would dominate the run.
var fuzzEngine = New(Options{})

func addSeeds(f *testing.F) {
	for _, s := range specInputs(f) {
		f.Add(s)
		f.Add(strings.ReplaceAll(s, "\n", "\r\n"))
	}
	f.Add(outlineSrc)
	f.Add("\ufeff::: note\n\tTabbed.\n:::\n")
	f.Add(":::\tnote\t\"T\"\r\n\tx\r\n:::")
	f.Add(strings.Repeat("::::: note\n", 30) + "deep\n" + strings.Repeat(":::::\n", 10))
	f.Add(strings.Repeat("- ", 20) + "::: faq\n### Q\n")
	f.Add("> - ::: answer x\n> :::\n")
	f.Add("## Q?\n\n## R?\nA\n# H\n::: steps\n### S\n:::\n")
	f.Add("::: steps\n### S {#s}\nx[^1]\n:::\n\n[^1]: n\n[^2]: m\n\nT\n: D\n")
	f.Add("- <div>\n  x\n</div>\n> <!--\n> c -->\n::: answer\nA <b>b</b><!-- c\nd -->.\n\n<script>\n:::\n")
	f.Add("::: steps\n### A <em>b</em>\n<p>x</p>\n:::\n<?php x ?>\n<![CDATA[y]]>\n")
}

// check runs every stage on src and fails on an error, a problem outside
// the input, or a twin that is not LF-only.
func check(t *testing.T, src string, faqPage bool) *Doc {
	e := fuzzEngine
	d := e.Parse([]byte(src), faqPage)
	lines := bytes.Count(d.Source, []byte{'\n'}) + 1
	for _, p := range d.Problems {
		if p.Line < 0 || p.Line > lines || p.Msg == "" || p.Fix == "" {
			t.Fatalf("bad problem %+v", p)
		}
	}
	if err := e.Render(io.Discard, d); err != nil {
		t.Fatal(err)
	}
	var twin bytes.Buffer
	if err := e.Twin(&twin, d, twinOptions); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(twin.Bytes(), []byte("\r\n")) {
		t.Fatalf("twin keeps CRLF: %q", twin.Bytes())
	}
	// Linear in the source: every line gains at most a quote marker per
	// level of nesting, every block a label.
	if limit := 64 + (2*container.MaxDepth+8)*len(d.Source); twin.Len() > limit {
		t.Fatalf("twin of %d bytes is %d bytes, over %d", len(d.Source), twin.Len(), limit)
	}
	if len(d.blocks) == 0 && !bytes.Equal(twin.Bytes(), d.Source) {
		t.Fatalf("twin of a page without blocks must equal the source:\n%q\n%q", d.Source, twin.Bytes())
	}
	return d
}

func FuzzContainer(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		d := check(t, src, false)
		for _, a := range d.Outline.Answers {
			if a.Words != len(strings.Fields(a.DirectText)) {
				t.Fatalf("word count %d for %q", a.Words, a.DirectText)
			}
		}
	})
}

func FuzzFAQPage(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		d := check(t, src, true)
		for _, q := range d.Outline.FAQs {
			if _, ok := q.Answer.(*container.FAQAnswer); !ok || q.Line < 1 {
				t.Fatalf("bad FAQ %+v", q)
			}
		}
	})
}

func FuzzPlaceholders(f *testing.F) {
	for _, s := range []string{"[NUMBER] [AOV] [CURRENT %]", "[[X]]", "[A-B/C_D 9]", "[x] [ X] [X ]", "[", "]", "[É]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		seen := map[string]bool{}
		for _, tok := range Placeholders(s) {
			if len(tok) < 3 || tok[0] != '[' || tok[len(tok)-1] != ']' || !isUpper(tok[1]) || tok[len(tok)-2] == ' ' {
				t.Fatalf("bad token %q", tok)
			}
			if seen[tok] || !strings.Contains(s, tok) {
				t.Fatalf("token %q repeated or not in input", tok)
			}
			seen[tok] = true
		}
	})
}

// FuzzTwin drives the twin writer with nested, unclosed and quoted blocks
// (the cubic case of issue 21 was "::: note" repeated and never closed).
func FuzzTwin(f *testing.F) {
	addSeeds(f)
	f.Add(strings.Repeat("::: note\n", 40))
	f.Add(strings.Repeat("> ::: tip\n", 20) + "x\n")
	f.Add(strings.Repeat("::: answer\nA.\n", 10) + strings.Repeat(":::\n", 3))
	f.Add("- ::: note \"T\"\n  ::: warning\n  - ::: key\n    x\n")
	f.Fuzz(func(t *testing.T, src string) { check(t, src, false) })
}

// FuzzBudget: the body budget scan never panics and refuses with a
// position inside the input.
func FuzzBudget(f *testing.F) {
	f.Add(strings.Repeat("[a](", 2000))
	f.Add(strings.Repeat(">", 100) + " x\n")
	f.Add(strings.Repeat("[", 200) + "a")
	f.Add("```\n" + strings.Repeat(">", 50) + "\n```\n" + strings.Repeat("[[\n", 60))
	f.Add(strings.Repeat(`\[`, 300))
	f.Fuzz(func(t *testing.T, src string) {
		p := checkBudget([]byte(src))
		if p == nil {
			return
		}
		if lines := strings.Count(src, "\n") + 1; p.Line < 1 || p.Line > lines || p.Col < 1 || p.Msg == "" || p.Fix == "" {
			t.Fatalf("bad problem %+v for %d lines", *p, lines)
		}
	})
}
