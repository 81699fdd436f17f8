// Package evidence checks that a page's answers carry their evidence: a
// figure in a best answer or FAQ answer has its source beside it, a
// quotation says who said it, and a best answer opens with the answer.
// These are signals associated with being cited by answer engines (the
// GEO study, KDD 2024), not a guarantee; the checks warn and fail a run
// only under --strict. Every rule is one row of Rules.
package evidence
