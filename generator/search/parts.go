package search

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"playbook/generator/markdown"
	"playbook/generator/markdown/container"
)

// The kinds of result a page gives.
const (
	KindPage     = "page"     // the page itself: its title, description and intro
	KindAnswer   = "answer"   // a best answer, under the question it answers
	KindQuestion = "question" // an FAQ question and its answer
	KindStep     = "step"     // a step of a steps block
	KindSection  = "section"  // a `##` section
)

// Kinds are the result kinds in the order their codes (Kinds index) take
// in the index; search.js holds the same list.
var Kinds = []string{KindPage, KindAnswer, KindQuestion, KindStep, KindSection}

// Part is one result of a page as its syntax tree gives it, before the
// page's URL, title and stage are known.
type Part struct {
	Kind    string
	Anchor  string // id of the heading it links to; "" for the page itself
	Heading string // the question, step or section heading; "" for the page
	Snippet string // what the result shows: the best answer's text, else the first words
	Text    string // the words indexed besides the heading, at most maxPartWords
}

// maxPartWords caps the words indexed of one part: the opening of a long
// section says what it is about, and the cap keeps indexing cheap.
const maxPartWords = 200

// maxSnippet is the longest snippet, in bytes, but a best answer is shown
// whole up to twice that.
const maxSnippet = 200

// Parts returns the results of a parsed page, in document order: the page
// itself, then its answers and sections, then its questions and steps.
// It must run before the tree is released.
func Parts(d *markdown.Doc) []Part {
	if d == nil || d.Released() {
		return nil
	}
	own := map[string]bool{} // anchors that questions and steps link to
	for _, qa := range d.Outline.FAQs {
		own[qa.ID] = true
	}
	for _, s := range d.Outline.Steps {
		own[s.ID] = true
	}
	w := walkers.Get().(*partWalker)
	defer func() {
		w.d, w.own, w.answers, w.out, w.cur = nil, nil, nil, nil, draft{}
		if w.raw.Cap() <= 64<<10 {
			walkers.Put(w)
		}
	}()
	w.d, w.own, w.answers = d, own, map[ast.Node]*markdown.Answer{}
	w.text, w.count = w.text[:0], 0
	// At most one part per level-2 heading, and the page's own, kept
	// until the page is rendered: no spare room.
	n := 1 + len(d.Outline.FAQs) + len(d.Outline.Steps)
	for _, h := range d.Outline.Headings {
		if h.Level == 2 {
			n++
		}
	}
	w.out = make([]Part, 0, n)
	for i := range d.Outline.Answers {
		if a := &d.Outline.Answers[i]; a.Node != nil && a.Include == "" {
			w.answers[a.Node] = a
		}
	}
	for c := d.Root.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
	w.flush()
	for _, qa := range d.Outline.FAQs {
		text := w.words(qa.Answer, false)
		w.out = append(w.out, Part{Kind: KindQuestion, Anchor: qa.ID, Heading: qa.Question,
			Snippet: Cut(text, maxSnippet), Text: text})
	}
	for _, s := range d.Outline.Steps {
		text := w.words(s.Body, true)
		w.out = append(w.out, Part{Kind: KindStep, Anchor: s.ID, Heading: s.Name,
			Snippet: Cut(text, maxSnippet), Text: text})
	}
	return w.out
}

// words is the text of n, whitespace collapsed, its first maxPartWords
// words (more than a snippet holds); a step's body leaves its heading out.
// The current section is flushed: its text buffer is free.
func (w *partWalker) words(n ast.Node, step bool) string {
	if n == nil {
		return ""
	}
	w.raw.Reset()
	if !step {
		markdown.WritePlainText(&w.raw, w.d, n)
	} else {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if _, isHeading := c.(*ast.Heading); !isHeading {
				w.raw.WriteByte(' ')
				markdown.WritePlainText(&w.raw, w.d, c)
			}
		}
	}
	w.text, _ = appendWords(w.text[:0], w.raw.Bytes(), 0)
	return string(w.text)
}

// draft is the section being gathered; its words are in partWalker.text.
type draft struct {
	anchor, heading string
	answer          *markdown.Answer
}

// partWalker finds a page's parts. Its buffers are reused from one block
// and one page to the next (walkers), so gathering a section's text
// allocates only the string it ends as.
type partWalker struct {
	d       *markdown.Doc
	own     map[string]bool
	answers map[ast.Node]*markdown.Answer
	cur     draft
	out     []Part
	raw     bytes.Buffer // a block's text before it is split into words
	text    []byte       // the current section's words, one space apart
	count   int          // how many words text holds
}

var walkers = sync.Pool{New: func() any { return &partWalker{} }}

func (w *partWalker) block(n ast.Node) {
	switch x := n.(type) {
	case *ast.Heading:
		if x.Level <= 2 && x.Level > 1 {
			w.flush()
			id, _ := x.AttributeString("id")
			anchor, _ := id.([]byte)
			w.cur = draft{anchor: string(anchor), heading: markdown.PlainText(w.d, x)}
			return
		}
		w.add(x)
	case *container.Container:
		switch x.Name {
		case container.NameAnswer:
			if a := w.answers[x]; a != nil && w.cur.answer == nil {
				w.cur.answer = a
			}
			w.add(x)
		case container.NameFAQ, container.NameSteps, container.NameCalculator:
			// Questions and steps are results of their own.
		default:
			w.add(x)
		}
	case *container.FAQItem, *container.Step, *ast.FencedCodeBlock, *ast.HTMLBlock:
	default:
		w.add(n)
	}
}

// add appends the words of block n to the current section, up to
// maxPartWords words: a section's further blocks are not even read.
func (w *partWalker) add(n ast.Node) {
	if w.count >= maxPartWords {
		return
	}
	w.raw.Reset()
	markdown.WritePlainText(&w.raw, w.d, n)
	w.text, w.count = appendWords(w.text, w.raw.Bytes(), w.count)
}

// appendWords appends the words of text (split at white space, as
// strings.Fields splits) to dst, a space between, while the words in dst
// number fewer than maxPartWords; it returns dst and how many it holds.
// Words one space apart are copied as one run.
func appendWords(dst, text []byte, words int) ([]byte, int) {
	run, end := -1, -1 // the run of text not copied yet
	for i := 0; words < maxPartWords; {
		i = nextWord(text, i)
		if i == len(text) {
			break
		}
		start := i
		i = wordEnd(text, i)
		words++
		if run >= 0 && start == end+1 && text[end] == ' ' {
			end = i // one space from the run: it goes on
			continue
		}
		if run >= 0 {
			dst = append(dst, text[run:end]...)
		}
		if len(dst) > 0 {
			dst = append(dst, ' ')
		}
		run, end = start, i
	}
	if run >= 0 {
		dst = append(dst, text[run:end]...)
	}
	return dst, words
}

// The kinds of byte for the word split: most are a word's; a byte that
// may start a white space character beyond ASCII is decoded to know.
const (
	inWord = iota
	asciiSpace
	maybeSpace
)

var spaceKind = func() (t [256]uint8) {
	for _, c := range []byte("\t\n\v\f\r ") {
		t[c] = asciiSpace
	}
	for r := rune(utf8.RuneSelf); r <= 0x3000; r++ { // none above (TestSpaces)
		if unicode.IsSpace(r) {
			t[string(r)[0]] = maybeSpace
		}
	}
	return t
}()

// nextWord returns the index of the first byte of text from i on that is
// not white space, or len(text).
func nextWord(text []byte, i int) int {
	for i < len(text) {
		switch spaceKind[text[i]] {
		case inWord:
			return i
		case asciiSpace:
			i++
		default:
			r, size := utf8.DecodeRune(text[i:])
			if !unicode.IsSpace(r) {
				return i
			}
			i += size
		}
	}
	return i
}

// wordEnd returns the index of the first white space in text from i on,
// or len(text). It reads eight bytes at a time to the first that is a
// space, a control byte or beyond ASCII, most often the space after the
// word.
func wordEnd(text []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i+8 <= len(text) {
		x := binary.LittleEndian.Uint64(text[i:])
		// The high bit of the first byte below 0x21 or from 0x80 on (a
		// borrow may mark bytes after it, never before).
		m := ((x-0x21*ones)&^x | x) & highs
		if m == 0 {
			i += 8
			continue
		}
		i += bits.TrailingZeros64(m) >> 3
		var atSpace bool
		if i, atSpace = wordStep(text, i); atSpace {
			return i
		}
	}
	for i < len(text) {
		var atSpace bool
		if i, atSpace = wordStep(text, i); atSpace {
			return i
		}
	}
	return i
}

// wordStep reads the byte at i of a word: it returns the index past the
// character there, or i and true when a space starts there.
func wordStep(text []byte, i int) (int, bool) {
	switch spaceKind[text[i]] {
	case inWord:
		return i + 1, false
	case asciiSpace:
		return i, true
	}
	r, size := utf8.DecodeRune(text[i:])
	if unicode.IsSpace(r) {
		return i, true
	}
	return i + size, false
}

// flush ends the current section: an answer when it holds one, else a
// section (or the page itself, before the first heading).
func (w *partWalker) flush() {
	c := &w.cur
	text := string(w.text)
	w.text, w.count = w.text[:0], 0
	switch {
	case c.answer != nil:
		heading := c.answer.Heading
		if c.anchor == "" && c.heading == "" {
			heading = "" // the page's own question: its title
		}
		w.out = append(w.out, Part{Kind: KindAnswer, Anchor: c.anchor, Heading: heading,
			Snippet: Cut(c.answer.DirectText, 3*maxSnippet/2), Text: text})
	case c.anchor == "" && c.heading == "":
		w.out = append(w.out, Part{Kind: KindPage, Snippet: Cut(text, maxSnippet), Text: text})
	case !w.own[c.anchor]:
		w.out = append(w.out, Part{Kind: KindSection, Anchor: c.anchor, Heading: c.heading,
			Snippet: Cut(text, maxSnippet), Text: text})
	}
}

// Cut shortens text to at most n bytes at a word boundary, with an
// ellipsis when it cut.
func Cut(text string, n int) string {
	text = strings.TrimSpace(text)
	if len(text) <= n {
		return text
	}
	i := strings.LastIndexByte(text[:n], ' ')
	if i < n/2 {
		i = n
		for i > 0 && text[i]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			i--
		}
	}
	return strings.TrimRight(text[:i], " ,;:.") + "…"
}
