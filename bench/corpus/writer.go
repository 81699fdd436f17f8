package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// pageWriter writes the Markdown blocks of one page from its own random
// stream and counts the words it has written.
type pageWriter struct {
	r     *rand.Rand
	pages []pagePlan
	self  int
	topic string
	words int
}

// newPageWriter returns a writer for page self of pages.
func newPageWriter(r *rand.Rand, pages []pagePlan, self int) *pageWriter {
	return &pageWriter{r: r, pages: pages, self: self, topic: pages[self].topic}
}

// add counts the words of block and returns it, so every block that ends
// up in the page passes through the word count.
func (w *pageWriter) add(block string) string {
	w.words += countWords(block)
	return block
}

// link returns a Markdown link to another page of the corpus (to itself
// only when the corpus has one page).
func (w *pageWriter) link() string {
	j := w.r.IntN(len(w.pages))
	if j == w.self {
		j = (j + 1) % len(w.pages)
	}
	return "[" + w.pages[j].title + "](" + w.pages[j].url() + ")"
}

// sentence returns one generated sentence; emphasis may bold or italicise
// its object and linkChance is the chance of a trailing internal link.
func (w *pageWriter) sentence(emphasis bool, linkChance float64) string {
	r := w.r
	subj := pick(r, subjects)
	var parts []string
	if r.Float64() < 0.3 {
		parts = append(parts, pick(r, connectors))
		subj = strings.ToLower(subj[:1]) + subj[1:]
	}
	parts = append(parts, subj, pick(r, verbs), w.object(emphasis))
	if r.Float64() < 0.6 {
		parts = append(parts, pick(r, tails))
	}
	s := strings.Join(parts, " ")
	if r.Float64() < 0.25 {
		s += " for the " + w.topic
	}
	if linkChance > 0 && r.Float64() < linkChance {
		s += ", as covered in " + w.link()
	}
	return s + "."
}

// object returns a sentence object, about 12% bold and 10% italic when
// emphasis is on.
func (w *pageWriter) object(emphasis bool) string {
	obj := pick(w.r, objects)
	if !emphasis {
		return obj
	}
	switch x := w.r.Float64(); {
	case x < 0.12:
		return "**" + obj + "**"
	case x < 0.22:
		return "*" + obj + "*"
	}
	return obj
}

// sentences returns n generated sentences joined by spaces.
func (w *pageWriter) sentences(n int, emphasis bool, linkChance float64) string {
	s := make([]string, n)
	for i := range s {
		s[i] = w.sentence(emphasis, linkChance)
	}
	return strings.Join(s, " ")
}

// para returns a paragraph of lo to hi sentences.
func (w *pageWriter) para(lo, hi int, linkChance float64) string {
	return w.add(w.sentences(lo+w.r.IntN(hi-lo+1), true, linkChance))
}

// bullets returns a bullet list of 4–6 items with bold leads.
func (w *pageWriter) bullets() string {
	items := make([]string, 4+w.r.IntN(3))
	for i := range items {
		lead := titleCase(pick(w.r, objects))
		items[i] = "- **" + lead + "**: " + w.sentence(false, 0)
	}
	return w.add(strings.Join(items, "\n"))
}

// numbered returns a numbered list of 5–7 items.
func (w *pageWriter) numbered() string {
	items := make([]string, 5+w.r.IntN(3))
	for i := range items {
		items[i] = fmt.Sprintf("%d. %s", i+1, w.sentence(true, 0.1))
	}
	return w.add(strings.Join(items, "\n"))
}

// table returns a lead-in sentence and a 5-row, 4-column GFM table with
// right-aligned number columns.
func (w *pageWriter) table() string {
	rows := []string{
		"Use these benchmarks as a starting point:",
		"",
		"| " + strings.Join(tableHead, " | ") + " |",
		"| --- | ---: | ---: | --- |",
	}
	for _, m := range sample(w.r, tableMetrics, 5) {
		base := 2 + w.r.IntN(59)
		target := base + 1 + w.r.IntN(25)
		rows = append(rows, fmt.Sprintf("| %s | %d%% | %d%% | %s |", m, base, target, pick(w.r, owners)))
	}
	return w.add(strings.Join(rows, "\n"))
}

// heading returns a Markdown heading of the given level.
func (w *pageWriter) heading(level int, text string) string {
	return w.add(strings.Repeat("#", level) + " " + text)
}

// fill replaces {topic} in a heading or question template.
func (w *pageWriter) fill(template string) string {
	return strings.ReplaceAll(template, "{topic}", w.topic)
}

// countWords counts whitespace-separated tokens that hold a letter or a
// digit, so Markdown markup (#, |, -, :::, ---:) is not counted as words.
func countWords(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.ContainsFunc(f, isWordRune) {
			n++
		}
	}
	return n
}

// isWordRune reports whether c makes a token a word.
func isWordRune(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
