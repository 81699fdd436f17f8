package markdown

import (
	"bytes"
	"strconv"
)

// Line helpers for Twin. They work on LF-only text (Parse normalizes).

func lineStart(src []byte, off int) int {
	off = min(off, len(src))
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

// lineEnd returns the offset just after the newline ending off's line.
func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' {
			return false
		}
	}
	return true
}

// isBlankQuoted is blank once block-quote markers are ignored: such a line
// separates blocks inside a quote.
func isBlankQuoted(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '>' {
			return false
		}
	}
	return true
}

// linePrefix turns what precedes a fence on its line into the prefix of
// the block's other lines: quote markers stay, list markers become spaces.
func linePrefix(b []byte) []byte {
	p := make([]byte, len(b))
	for i, c := range b {
		switch c {
		case '>', '\t':
			p[i] = c
		default:
			p[i] = ' '
		}
	}
	return p
}

// stripPrefix removes prefix from each line; a line without it (a lazy
// continuation, a blank line) loses only its leading spaces, up to the
// prefix's length.
func stripPrefix(b, prefix []byte) []byte {
	if len(prefix) == 0 {
		return b
	}
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		line := b[:lineEnd(b, 0)]
		b = b[len(line):]
		if bytes.HasPrefix(line, prefix) {
			line = line[len(prefix):]
		} else {
			n := 0
			for n < len(prefix) && n < len(line) && (line[n] == ' ' || line[n] == '\t') {
				n++
			}
			line = line[n:]
		}
		out = append(out, line...)
	}
	return out
}

// trimBlankLines drops blank lines at both ends and makes sure the text
// ends in a newline.
func trimBlankLines(b []byte) []byte {
	for len(b) > 0 {
		e := lineEnd(b, 0)
		if !isBlank(b[:e]) {
			break
		}
		b = b[e:]
	}
	for len(b) > 0 {
		s := lineStart(b, len(b)-1)
		if !isBlank(b[s:]) {
			break
		}
		b = b[:s]
	}
	return ensureNewline(b)
}

func ensureNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(b[:len(b):len(b)], '\n')
	}
	return b
}

// quote makes b a blockquote that starts "> **label:**". With inline the
// label goes in front of the first line (the direct answer, a callout's
// first paragraph); otherwise it gets a line of its own.
func quote(b []byte, label string, inline bool) []byte {
	out := make([]byte, 0, len(b)+len(b)/8+len(label)+16)
	out = append(out, "> **"...)
	out = append(out, label...)
	if !endsInPunct(label) {
		out = append(out, ':')
	}
	out = append(out, "**"...)
	if inline && len(b) > 0 {
		out = append(out, ' ')
		e := lineEnd(b, 0)
		out = append(out, bytes.TrimLeft(b[:e], " \t")...)
		b = b[e:]
	} else {
		out = append(out, '\n')
		if len(b) > 0 {
			out = append(out, ">\n"...)
		}
	}
	for len(b) > 0 {
		line := b[:lineEnd(b, 0)]
		b = b[len(line):]
		if isBlank(line) {
			out = append(out, ">\n"...)
			continue
		}
		out = append(out, "> "...)
		out = append(out, line...)
	}
	return ensureNewline(out)
}

// writePrefixed writes block with prefix in front of each line, except the
// first when inline (it continues a line already written). Blank lines
// get only the prefix's quote markers, so they do not leave a list or end
// a quote by accident.
func writePrefixed(w *bytes.Buffer, block, prefix []byte, inline bool) {
	if len(block) == 0 && inline {
		w.WriteByte('\n')
		return
	}
	for first := true; len(block) > 0; first = false {
		line := block[:lineEnd(block, 0)]
		block = block[len(line):]
		switch {
		case first && inline:
		case isBlank(line):
			w.Write(bytes.TrimRight(prefix, " \t"))
		default:
			w.Write(prefix)
		}
		w.Write(line)
	}
}

// writeSeparator ends the paragraph before or after a dropped fence, which
// would otherwise run into the block's text.
func writeSeparator(w *bytes.Buffer, prefix []byte) {
	w.Write(bytes.TrimRight(prefix, " \t"))
	w.WriteByte('\n')
}

// endsBlank reports whether b is empty or ends with a blank line.
func endsBlank(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if b[len(b)-1] != '\n' {
		return false
	}
	return isBlankQuoted(b[lineStart(b, len(b)-1):])
}

// blankNext reports whether the line at off is blank or missing.
func blankNext(src []byte, off int) bool {
	if off >= len(src) {
		return true
	}
	return isBlankQuoted(src[off:lineEnd(src, off)])
}

// numbered reports whether a step name already reads "Step 3: ...".
func numbered(name []byte) bool {
	if len(name) < 6 || !bytes.EqualFold(name[:5], []byte("step ")) {
		return false
	}
	return '0' <= name[5] && name[5] <= '9'
}

// startsParagraph reports whether Markdown b starts with a paragraph, so a
// label can be put in front of its first line.
func startsParagraph(b []byte) bool {
	b = bytes.TrimLeft(b, " \t")
	if len(b) == 0 {
		return false
	}
	switch b[0] {
	case '#', '>', '-', '*', '+', '|', '`', '~', ':', '<', '\n':
		return false
	}
	if '0' <= b[0] && b[0] <= '9' {
		i := 0
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
		}
		return i == len(b) || (b[i] != '.' && b[i] != ')')
	}
	return true
}

// endsInPunct reports whether a label already ends a phrase ("Why?"), so
// no colon is added after it.
func endsInPunct(s string) bool {
	if s == "" {
		return false
	}
	switch s[len(s)-1] {
	case ':', '?', '!', '.':
		return true
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }
