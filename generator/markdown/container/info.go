package container

import (
	"bytes"
	"strings"
)

// info is what follows the colons of an opening line.
type info struct {
	name  string
	arg   string
	attrs []Attr
	quote bool // a quote was left open
}

// parseInfo reads `NAME [ARG] [key="value" ...]`. Positional words are
// joined by one space, so `::: note Before you start` and
// `::: note "Before you start"` give the same title (Docusaurus writes the
// former). Trailing colons (`::: note :::`, Pandoc) are ignored.
func parseInfo(b []byte) info {
	b = bytes.TrimRight(b, " \t\r\n:")
	var in info
	b = trimLeftSpace(b)
	n := wordLen(b)
	in.name = strings.ToLower(string(b[:n]))
	b = b[n:]
	var args []string
	for b = trimLeftSpace(b); len(b) > 0; b = trimLeftSpace(b) {
		var tok string
		tok, b = nextToken(b, &in.quote)
		if len(b) > 0 && b[0] == '=' {
			var val string
			val, b = nextToken(b[1:], &in.quote)
			in.attrs = append(in.attrs, Attr{Key: tok, Value: val})
			continue
		}
		args = append(args, tok)
	}
	in.arg = strings.Join(args, " ")
	return in
}

// nextToken reads a quoted string or a bare word; open is set when a
// quoted string runs to the end of the line.
func nextToken(b []byte, open *bool) (string, []byte) {
	if len(b) > 0 && (b[0] == '"' || b[0] == '\'') {
		return quoted(b, open)
	}
	n := wordLen(b)
	return string(b[:n]), b[n:]
}

// quoted reads a string in b[0] quotes; a backslash escapes the next byte.
func quoted(b []byte, open *bool) (string, []byte) {
	q := b[0]
	var s []byte
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == '\\' && i+1 < len(b):
			i++
			s = append(s, b[i])
		case c == q:
			return string(s), b[i+1:]
		default:
			s = append(s, c)
		}
	}
	*open = true
	return string(s), nil
}

// wordLen is the length of the bare word at the start of b: it ends at a
// space or at an '=' that follows a key. Quotes inside a word are kept
// (`Don't`); only a token that starts with a quote is a quoted string.
func wordLen(b []byte) int {
	for i, c := range b {
		if c == ' ' || c == '\t' || (c == '=' && i > 0) {
			return i
		}
	}
	return len(b)
}

func trimLeftSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}
