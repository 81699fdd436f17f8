// Package report builds the answer-readiness report of `playbook check
// --report`: per page its questions, best answers and their word counts,
// sources, evidence warnings, dates and review status, with totals and
// the pages that need the most work first. It writes the same data as
// JSON or as one self-contained HTML page with inline SVG charts (no
// script, no external file).
package report
