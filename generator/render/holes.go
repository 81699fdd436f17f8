package render

import (
	"bytes"
	"strconv"
)

// A hole marks, in prepared HTML or Markdown, where content from another
// page goes: NUL, a kind byte, an argument, NUL. Content cannot contain NUL
// (load rejects it and goldmark replaces it), so a hole cannot be forged
// by a page.
const (
	holeMark    = 0
	holeInclude = 'I' // argument: the answer's slug
	holeCalc    = 'C' // argument: the index in Doc.Outline.Calculators
)

func hole(kind byte, arg string) []byte {
	b := make([]byte, 0, len(arg)+3)
	b = append(b, holeMark, kind)
	b = append(b, arg...)
	return append(b, holeMark)
}

func calcHole(i int) []byte { return hole(holeCalc, strconv.Itoa(i)) }

// filler writes what a hole stands for. prefix is the start of the
// hole's line up to the hole when it is only quote and indent characters,
// so multi-line Markdown can continue a blockquote or list item.
type filler func(w *bytes.Buffer, kind byte, arg string, prefix []byte)

// fillHoles writes frag to w with every hole replaced.
func fillHoles(w *bytes.Buffer, frag []byte, fill filler) {
	for {
		i := bytes.IndexByte(frag, holeMark)
		if i < 0 || i+1 >= len(frag) {
			w.Write(frag)
			return
		}
		end := bytes.IndexByte(frag[i+1:], holeMark)
		if end < 0 {
			w.Write(frag)
			return
		}
		w.Write(frag[:i])
		fill(w, frag[i+1], string(frag[i+2:i+1+end]), linePrefix(w.Bytes()))
		frag = frag[i+2+end:]
	}
}

// stripHoles removes holes, for text that has no place for other pages'
// content (structured data answers).
func stripHoles(s []byte) []byte {
	if bytes.IndexByte(s, holeMark) < 0 {
		return s
	}
	var w bytes.Buffer
	fillHoles(&w, s, func(*bytes.Buffer, byte, string, []byte) {})
	return w.Bytes()
}

// linePrefix returns the quote and indent characters that start the last
// line of b ("> ", "  > "), for continuing a quoted block.
func linePrefix(b []byte) []byte {
	start := bytes.LastIndexByte(b, '\n') + 1
	line := b[start:]
	n := 0
	for n < len(line) && (line[n] == '>' || line[n] == ' ') {
		n++
	}
	return line[:n]
}

// writePrefixed writes multi-line Markdown whose first line continues the
// current line and whose other lines start with prefix.
func writePrefixed(w *bytes.Buffer, md, prefix []byte) {
	md = bytes.TrimRight(md, "\n")
	for i, line := range bytes.Split(md, []byte("\n")) {
		if i > 0 {
			w.WriteByte('\n')
			if len(line) > 0 {
				w.Write(prefix)
			} else {
				w.Write(bytes.TrimRight(prefix, " "))
			}
		}
		w.Write(line)
	}
}
