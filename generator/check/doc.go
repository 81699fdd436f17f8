// Package check verifies a build's own output: every internal link and
// #anchor resolves, and every page carries exactly one JSON-LD graph that
// parses and follows the rich-result rules. It reads the HTML as the render
// stage writes it (a write.Sink wrapper), so links written in templates are
// checked too, and reports problems with the Markdown line of the link.
package check
