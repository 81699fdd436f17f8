package check

import (
	"bytes"
	stdhtml "html"
	"slices"
	"strings"
	"sync"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// scan reads one HTML file's ids, links and JSON-LD scripts. It runs on
// every page of a build, so it uses the minifier's lexer, which slices the
// input instead of copying tokens and runs several times faster than a
// tokenizer that builds them. The lexer lowercases tag and attribute
// names in place and marks the end of its input, so it reads a pooled
// copy and the caller's bytes stay as they are.
func scan(data []byte) *pageFacts {
	buf := scanBuffers.Get().(*[]byte)
	in := append((*buf)[:0], data...)
	in = preprocess(in)
	var r reading
	r.scanTokens(html.NewLexer(parse.NewInputBytes(in)))
	f := r.facts()
	if cap(in) <= maxPooledScan {
		*buf = in[:0]
		scanBuffers.Put(buf)
	}
	return f
}

// preprocess does what browsers do to a page's bytes before tokenizing
// (HTML's "input stream preprocessing"): CR LF and lone CR become LF. A
// NUL, which the lexer would take for the end of its input, becomes
// U+FFFD, as browsers read it in attribute values.
func preprocess(in []byte) []byte {
	if bytes.IndexByte(in, '\r') >= 0 {
		in = bytes.ReplaceAll(bytes.ReplaceAll(in, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	if bytes.IndexByte(in, 0) >= 0 {
		in = bytes.ReplaceAll(in, []byte{0}, []byte("\uFFFD"))
	}
	return in
}

var scanBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// maxPooledScan keeps a rare huge page from pinning its buffer.
const maxPooledScan = 4 << 20

// scanTokens walks the tokens. Text is skipped except inside a JSON-LD
// script; inline SVG and MathML arrive as one token and are lexed again
// from their first child, so links and ids inside them count too.
func (f *reading) scanTokens(l *html.Lexer) {
	var tag pendingTag
	inLD := false
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return // a tag cut off by the end of the file is dropped, as browsers do
		case html.StartTagToken:
			tag.reset(l.Text())
			inLD = false
		case html.AttributeToken:
			tag.attr(l.AttrKey(), l.AttrVal())
		case html.StartTagCloseToken, html.StartTagVoidToken:
			inLD = f.commit(&tag) // "/>" does not end a script: its text follows
		case html.TextToken:
			if inLD {
				f.jsonLD = append(f.jsonLD, bytes.Clone(data))
			}
			inLD = false
		case html.EndTagToken:
			inLD = false
		case html.SVGToken, html.MathToken, html.XMLToken:
			f.scanForeign(data)
		}
	}
}

// scanForeign scans an inline <svg> or <math> element: its own attributes,
// then its content.
func (f *reading) scanForeign(elem []byte) {
	end := bytes.IndexByte(elem, '>')
	if end < 0 {
		return
	}
	// Re-lex the start tag under a neutral name so the lexer does not
	// swallow the element whole again.
	open := append([]byte("<x"), elem[bytes.IndexAny(elem, " \t\n\r\f/>"):end+1]...)
	f.scanTokens(html.NewLexer(parse.NewInputBytes(append(open, elem[end+1:]...))))
}

// pendingTag is a start tag read so far: its ids and links count once
// the tag is closed.
type pendingTag struct {
	name       []byte
	ids, links []string
	isLD       bool
}

func (t *pendingTag) reset(name []byte) {
	t.name, t.ids, t.links, t.isLD = name, t.ids[:0], t.links[:0], false
}

func (t *pendingTag) attr(key, raw []byte) {
	switch string(key) {
	case "id", "name":
		if string(key) == "id" || string(t.name) == "a" {
			t.ids = append(t.ids, attrValue(raw))
		}
	case "href", "src":
		val := attrValue(raw)
		if string(t.name) != "link" || !strings.HasPrefix(val, "http") {
			t.links = append(t.links, val)
		}
	case "type":
		t.isLD = t.isLD || string(t.name) == "script" && attrValue(raw) == "application/ld+json"
	}
}

// reading is what a scan has found so far.
type reading struct {
	ids, links []string
	jsonLD     [][]byte
}

// commit records a closed tag's ids and links and reports whether it
// opens a JSON-LD script.
func (f *reading) commit(t *pendingTag) bool {
	f.ids = append(f.ids, t.ids...)
	f.links = append(f.links, t.links...)
	return t.isLD
}

// facts keeps the ids sorted and each link once, each list joined into one
// string: a build holds every page's facts until the links are checked,
// and a string per link and id cost more than their text (at 100,000
// pages, hundreds of megabytes).
func (f *reading) facts() *pageFacts {
	slices.Sort(f.ids)
	seen := make(map[string]bool, len(f.links))
	links := f.links[:0]
	for _, l := range f.links {
		if !seen[l] {
			seen[l] = true
			links = append(links, l)
		}
	}
	return &pageFacts{ids: joinFacts(slices.Compact(f.ids)), links: joinFacts(links), jsonLD: f.jsonLD}
}

// factSep ends each id and link of a joined list. No value holds it: a
// scan first turns every NUL of the page into U+FFFD, as browsers do.
const factSep = "\x00"

func joinFacts(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return strings.Join(list, factSep) + factSep
}

// splitFacts reverses joinFacts.
func splitFacts(joined string) []string {
	if joined == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(joined, factSep), factSep)
}

// attrValue is an attribute's value as a browser reads it: unquoted, with
// character references decoded.
func attrValue(raw []byte) string {
	if n := len(raw); n >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[n-1] == raw[0] {
		raw = raw[1 : n-1]
	} else if n >= 1 && (raw[0] == '"' || raw[0] == '\'') {
		raw = raw[1:] // unterminated at the end of the file
	}
	if bytes.IndexByte(raw, '&') < 0 {
		return string(raw)
	}
	return stdhtml.UnescapeString(string(raw))
}
