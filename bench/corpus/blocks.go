package main

import (
	"fmt"
	"strings"
)

// Best-answer bounds from SPEC section 8: outside them playbook warns.
const (
	answerMinWords = 40
	answerMaxWords = 60
)

// answerBlock returns a `::: answer` block: a 40–60-word direct answer,
// then a Proof: and a Next step: paragraph (SPEC section 4).
func (w *pageWriter) answerBlock() string {
	return w.add(strings.Join([]string{
		"::: answer",
		w.bestAnswer(),
		w.proof(),
		"Next step: compare your numbers with " + w.link() + ".",
		":::",
	}, "\n\n"))
}

// bestAnswer returns plain sentences totalling 40–60 words. A sentence that
// would pass 60 is skipped; after 20 tries short fillers finish the job, so
// the loop always ends.
func (w *pageWriter) bestAnswer() string {
	var s []string
	n := 0
	for try := 0; n < answerMinWords; try++ {
		c := w.sentence(false, 0)
		if try >= 20 {
			c = pick(w.r, fillers)
		}
		if k := countWords(c); n+k <= answerMaxWords {
			s, n = append(s, c), n+k
		}
	}
	return strings.Join(s, " ")
}

// proof returns the Proof: paragraph, a before/after figure with a link to
// where it was measured, as the evidence checks ask of a figure.
func (w *pageWriter) proof() string {
	base := 2 + w.r.IntN(40)
	return fmt.Sprintf("Proof: across %d %s we reviewed (method in %s), %s moved from %d%% to %d%% within %d weeks.",
		12+w.r.IntN(40), strings.ToLower(pick(w.r, audiences)), w.link(),
		strings.ToLower(pick(w.r, tableMetrics)), base, base+1+w.r.IntN(20), 2+w.r.IntN(11))
}

// faq returns the page's FAQ section: an h2, then 3–6 `###` questions each
// followed by an answer paragraph, wrapped in `::: faq` when block is set.
func (w *pageWriter) faq(block bool) []string {
	out := []string{w.heading(2, "FAQ")}
	if block {
		out = append(out, "::: faq")
	}
	for _, q := range sample(w.r, questions, 3+w.r.IntN(4)) {
		out = append(out, w.heading(3, w.fill(q)), w.para(2, 4, 0.05))
	}
	if block {
		out = append(out, ":::")
	}
	return out
}
