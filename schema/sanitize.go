package schema

import (
	"regexp"

	"github.com/microcosm-cc/bluemonday"
)

// safeHrefPattern is isSafeHref as a regexp, for bluemonday: an absolute
// http(s) URL or a root-relative path, never "//host" or a backslash.
var safeHrefPattern = regexp.MustCompile(`(?i)^(?:https?://[^/\\\s?#]+[^\\\s]*|/(?:[^/\\\s][^\\\s]*)?)$`)

// answerPolicy is built once: bluemonday policies are safe for concurrent
// use and costly to build, and SanitizeAnswerHTML runs for every answer.
var answerPolicy = newAnswerPolicy()

func newAnswerPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	for tag := range answerTags {
		p.AllowElements(tag)
	}
	p.AllowAttrs("href").Matching(safeHrefPattern).OnElements("a")
	p.AllowURLSchemes("http", "https")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	return p
}

// SanitizeAnswerHTML reduces rendered answer HTML to what the rich-result
// rules allow: h1–h6, br, ol, ul, li, a, p, div, b, strong, i and em, with no
// attributes except href on a link when it is an absolute http(s) URL or a
// root-relative path. Other tags are dropped but their text is kept; the
// content of script, style and similar elements is dropped whole.
func SanitizeAnswerHTML(html string) string {
	return answerPolicy.Sanitize(html)
}
