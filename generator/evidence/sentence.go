package evidence

import (
	"strings"
	"unicode"
)

func checkFirstSentence(p *page) {
	for _, a := range p.d.Outline.Answers {
		if a.Include != "" || a.Direct == nil {
			continue
		}
		first := FirstSentence(a.DirectText)
		words := len(strings.Fields(first))
		switch {
		case strings.HasSuffix(first, "?"):
			p.add(RuleAnswerNotFirst, a.Direct, "the best answer opens with a question (%q), not the answer", clip(first))
		case words > maxFirstSentence:
			p.add(RuleAnswerNotFirst, a.Direct, "the best answer's first sentence runs to %d words; an answer engine quotes the first %d at most", words, maxFirstSentence)
		}
	}
}

// FirstSentence returns text up to the end of its first sentence: a ".",
// "!" or "?" followed by a space and a capital letter, a digit or a
// quotation mark, or by the end of the text. "e.g. the" and "2.5 years"
// do not end a sentence.
func FirstSentence(text string) string {
	text = strings.TrimSpace(text)
	rs := []rune(text)
	for i, r := range rs {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`"”’)`, rs[j]) {
			j++
		}
		if j == len(rs) {
			return text
		}
		if !unicode.IsSpace(rs[j]) {
			continue
		}
		k := j
		for k < len(rs) && unicode.IsSpace(rs[k]) {
			k++
		}
		if k < len(rs) && (unicode.IsUpper(rs[k]) || unicode.IsDigit(rs[k]) || strings.ContainsRune(`"“‘(`, rs[k])) && !abbreviation(rs[:i]) {
			return string(rs[:j])
		}
	}
	return text
}

// abbreviation reports whether the word before a period is a short
// abbreviation ("e.g", "Dr", "vs") rather than the end of a sentence.
func abbreviation(before []rune) bool {
	start := len(before)
	for start > 0 && !unicode.IsSpace(before[start-1]) {
		start--
	}
	word := strings.ToLower(string(before[start:]))
	switch word {
	case "e.g", "i.e", "dr", "mr", "mrs", "ms", "vs", "etc", "inc", "no", "st", "approx", "fig":
		return true
	}
	return false
}
