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
	if msg, fix, ok := simpleAnswerTextProblem(s); ok {
		return msg, fix
	}
	return tokenizedAnswerTextProblem(s)
}

// tokenizedAnswerTextProblem is answerTextProblem on any HTML, read as
// browsers read it.
func tokenizedAnswerTextProblem(s string) (msg, fix string) {
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

// simpleAnswerTextProblem is answerTextProblem for the plain HTML the
// sanitizer writes (lower-case tags, at most an href in double quotes, text
// without '<'), which every answer of a build is: it reads the tags
// directly instead of setting up a tokenizer (and its 4 KB buffer) per
// answer. Anything else, or anything whose reading would need entities
// decoded, it leaves to the tokenizer (ok false); TestSimpleAnswerText
// and FuzzSimpleAnswerText hold it to the tokenizer's answers.
func simpleAnswerTextProblem(s string) (msg, fix string, ok bool) {
	hasText, undecided := false, false
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			i = len(s)
		}
		switch text := s[:i]; {
		case hasText:
		case !strings.Contains(text, "&"):
			hasText = strings.TrimSpace(text) != ""
		case strings.TrimSpace(text[:strings.IndexByte(text, '&')]) != "":
			hasText = true
		default:
			undecided = true // only entities decide whether it shows
		}
		if i == len(s) {
			break
		}
		tag, href, hasHref, rest, simple := simpleTag(s[i:])
		if !simple {
			return "", "", false
		}
		if !answerTags[tag] {
			return fmt.Sprintf("contains <%s>, which rich results do not allow in answers", tag), fixAnswerTag, true
		}
		if hasHref {
			if tag != "a" {
				return fmt.Sprintf("contains attribute href on <%s>; answers keep only href on links", tag), fixAnswerTag, true
			}
			if !isSafeHref(href) {
				return fmt.Sprintf("links to %q; answer links must be absolute http(s) URLs or root-relative paths", href), fixAnswerTag, true
			}
		}
		s = rest
	}
	switch {
	case hasText:
		return "", "", true
	case undecided:
		return "", "", false
	}
	return "is empty", fixAnswer, true
}

// simpleTag reads one tag at the start of s in the forms <name>, <name/>,
// </name> and <name href="value"> (lower-case letters and digits, a value
// without quotes, brackets or entities); simple is false for any other.
func simpleTag(s string) (name, href string, hasHref bool, rest string, simple bool) {
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return "", "", false, "", false
	}
	body, rest := s[1:end], s[end+1:]
	closing := strings.HasPrefix(body, "/")
	if closing {
		body = body[1:]
	} else {
		body = strings.TrimSuffix(body, "/")
	}
	name, attr, hasAttr := strings.Cut(body, " ")
	if !isLowerAlnum(name) || name[0] < 'a' {
		return "", "", false, "", false
	}
	if !hasAttr {
		return name, "", false, rest, true
	}
	value, found := strings.CutPrefix(attr, `href="`)
	if closing || !found || !strings.HasSuffix(value, `"`) {
		return "", "", false, "", false
	}
	value = value[:len(value)-1]
	if strings.ContainsAny(value, "\"&<>'\r\x00") { // the tokenizer reads \r as \n, \x00 as U+FFFD
		return "", "", false, "", false
	}
	return name, value, true, rest, true
}

func isLowerAlnum(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
