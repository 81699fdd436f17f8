// Package markdown is the Markdown stage of the build: the one place the
// goldmark instance is configured (CommonMark, GFM tables, strikethrough,
// autolinks and task lists, heading ids, the ::: containers of package
// container, and, unless switched off, footnotes, definition lists,
// heading attributes and Chroma highlighting of package highlight), and
// the one walk that extracts what later stages need from a
// page body: headings, questions and answers, steps, best answers,
// calculators, links and prompt placeholders (Outline).
//
// It also writes a page's Markdown twin, the clean CommonMark copy that
// llms.txt points answer engines to, from the source and the node
// positions of the parsed tree.
//
// An Engine is built once per build and is safe for concurrent use; Parse
// never fails and reports what it finds wrong in Doc.Problems.
package markdown
