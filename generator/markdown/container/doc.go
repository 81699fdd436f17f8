// Package container is a goldmark extension for fenced containers, the
// Pandoc / Docusaurus form used by playbook pages:
//
//	::: answer
//	LTV is the revenue a customer brings over the whole relationship.
//	:::
//
// A line of three or more colons followed by a NAME, an optional ARG and
// optional key="value" pairs opens a block; a line of at least as many
// colons closes it. Blocks nest: the innermost open block takes a closing
// line first, and outer fences may be made longer (":::: steps" around
// "::: tip") to keep the source readable.
//
// The package has the three goldmark parts: a block parser producing
// Container nodes, an AST transformer that groups faq questions and steps
// and marks the parts of a best answer, and an HTML renderer. Problems a
// writer can cause (an unknown name, an unclosed block, a question with no
// answer) never stop the parse; they are recorded in the parser.Context and
// read back with Problems.
package container
