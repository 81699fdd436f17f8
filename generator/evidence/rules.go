package evidence

// Rule is one evidence check: its ID (shown in messages and the report),
// what it looks for and how to fix what it finds.
type Rule struct {
	ID    string
	Title string
	Fix   string
	check func(*page)
}

// The rules' IDs.
const (
	RuleUnsourcedFigure  = "unsourced-figure"
	RuleUnattributed     = "unattributed-quote"
	RuleAnswerNotFirst   = "answer-not-first"
	maxFirstSentence     = 35 // words
	minQuotationWords    = 8  // "more than a few"
	attributionLookahead = 1  // paragraphs after a blockquote that may attribute it
)

// Rules are every evidence check, in the order their findings are listed.
var Rules = []Rule{
	{RuleUnsourcedFigure, "Figure without a source",
		"cite where the figure comes from in the same paragraph: a footnote ([^1]) or a link to the study, or mark it as an illustration (\"for example, …\")",
		checkFigures},
	{RuleUnattributed, "Quotation without attribution",
		"say who said it: a line \"— Name, Role\" under the quote, a link to where it was said, or a footnote",
		checkQuotes},
	{RuleAnswerNotFirst, "Best answer does not open with the answer",
		"start the best answer with one sentence of at most 35 words that answers the question; move context after it",
		checkFirstSentence},
}

// RuleByID returns the rule with the ID, and whether there is one.
func RuleByID(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
