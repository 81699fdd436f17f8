package schema

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// answerTags are the only elements the major search engines accept in
// FAQ answer text.
var answerTags = map[string]bool{
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"br": true, "ol": true, "ul": true, "li": true, "a": true, "p": true,
	"div": true, "b": true, "strong": true, "i": true, "em": true,
}

// answerTextProblem returns what the rich-result rules find wrong with an
// answer's HTML text (as a phrase to follow "answer to ...") and how to fix
// it, or two empty strings. Only the first problem is reported: one fix at a
// time is what a writer can act on.
func answerTextProblem(s string) (msg, fix string) {
	z := html.NewTokenizer(strings.NewReader(s))
	hasText := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			if !hasText {
				return "is empty", fixAnswer
			}
			return "", ""
		case html.TextToken:
			hasText = hasText || len(bytes.TrimSpace(z.Text())) > 0
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			if msg := tagProblem(z); msg != "" {
				return msg, fixAnswerTag
			}
		case html.CommentToken:
			return "contains an HTML comment, which rich results do not allow in answers", fixAnswerTag
		case html.DoctypeToken:
			return "contains a doctype, which rich results do not allow in answers", fixAnswerTag
		}
	}
}

// tagProblem checks the tag z stands on: an allowed element whose only
// attribute, if any, is a safe href on a link.
func tagProblem(z *html.Tokenizer) string {
	name, more := z.TagName()
	tag := string(name)
	if !answerTags[tag] {
		return fmt.Sprintf("contains <%s>, which rich results do not allow in answers", tag)
	}
	for more {
		var key, val []byte
		key, val, more = z.TagAttr()
		if tag != "a" || string(key) != "href" {
			return fmt.Sprintf("contains attribute %s on <%s>; answers keep only href on links", key, tag)
		}
		if !isSafeHref(string(val)) {
			return fmt.Sprintf("links to %q; answer links must be absolute http(s) URLs or root-relative paths", val)
		}
	}
	return ""
}
