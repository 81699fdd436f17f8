package render

import (
	"bytes"
	"encoding/binary"
	"errors"

	"playbook/generator/markdown"
	"playbook/generator/model"
	"playbook/generator/search"
)

// Prepared is what the render stage needs from a content page's syntax
// tree, made once right after the page is parsed (Prepare) so the tree need
// not outlive the parse. Body and Twin may hold holes where content from
// other pages goes (included answers, calculator widgets); Page fills them.
type Prepared struct {
	Body       []byte   // HTML of the body
	Twin       []byte   // clean Markdown of the body
	FAQAnswers []string // per Outline.FAQs: answer HTML reduced to the tags rich results allow
	StepTexts  []string // per Outline.Steps: plain text of the step's body
	FAQTexts   []string // per Outline.FAQs: plain text of the answer
	// AnswerHTML and AnswerTexts are, per Outline.Answers, the block's
	// HTML reduced to the tags rich results allow and its plain text; ""
	// for an included answer (its own page lists it).
	AnswerHTML, AnswerTexts []string
	// TOC is the table of contents: the page's h2 headings with an id.
	TOC []markdown.Heading
	// Answer is an answer page's best answer, which other pages include
	// (`::: answer SLUG`); nil for other pages.
	Answer *IncludedAnswer
	// Search are the page's results in the site search.
	Search []search.Part

	release func() // see OnRelease
}

// OnRelease has Release call f: a reader that lent the memory Body and
// Twin point into (a spilled page read back) takes it back there.
func (pr *Prepared) OnRelease(f func()) { pr.release = f }

// Keep makes pr own Body and Twin, which Prepare lent: a copy of each
// without spare capacity, for a prepared page kept in memory.
func (pr *Prepared) Keep() {
	if pr.release == nil {
		return
	}
	pr.Body, pr.Twin = bytes.Clone(pr.Body), bytes.Clone(pr.Twin)
	pr.Release()
}

// Release tells that nothing will read pr again. The renderer calls it
// once the page's files are written; a Prepared without OnRelease stays
// as it is.
func (pr *Prepared) Release() {
	if pr != nil && pr.release != nil {
		pr.release()
		pr.release = nil
	}
}

// IncludedAnswer is an answer page's best answer as other pages show it.
type IncludedAnswer struct {
	HTML, Markdown []byte
}

// PreparedOf returns what Prepare made of a content page, all of it or
// only its text parts; nil, nil for a page without a body (a list the
// model made up).
type PreparedOf func(p *model.Page, part PreparedPart) (*Prepared, error)

// PreparedPart is how much of a prepared page a reader needs.
type PreparedPart int

const (
	// AllParts is everything: what rendering the page needs.
	AllParts PreparedPart = iota
	// TextParts are Twin and the answer and FAQ texts (Body, TOC and
	// Search stay nil): all that llms-full.txt and answers.json read of
	// every page, a fraction of a spilled page's bytes.
	TextParts
	// AnswerParts are the answer and FAQ texts alone (Twin stays nil
	// too): what answers.json reads of a page, once for the site's file
	// and once for its section's.
	AnswerParts
)

// PartEnds says where the prefixes of an encoding that hold AnswerParts
// and TextParts end (Encode writes them first, in that order).
type PartEnds struct{ Answer, Text int }

// Len is the length of the prefix of an encoding all bytes long that
// DecodePrepared needs for part.
func (e PartEnds) Len(part PreparedPart, all int) int {
	switch part {
	case AnswerParts:
		return e.Answer
	case TextParts:
		return e.Text
	}
	return all
}

// Encode appends the page-local parts (everything but Answer, which the
// whole build keeps) to b, so a big build can keep them out of memory
// between parse and render. The answer parts come first, then Twin: the
// prefixes ends gives decode on their own (DecodePrepared with
// AnswerParts, TextParts).
func (pr *Prepared) Encode(b []byte) (enc []byte, ends PartEnds) {
	start := len(b)
	b = appendStrings(b, pr.FAQAnswers)
	b = appendStrings(b, pr.StepTexts)
	b = appendStrings(b, pr.FAQTexts)
	b = appendStrings(b, pr.AnswerHTML)
	b = appendStrings(b, pr.AnswerTexts)
	ends.Answer = len(b) - start
	b = appendBytes(b, pr.Twin)
	ends.Text = len(b) - start
	b = appendBytes(b, pr.Body)
	b = binary.AppendUvarint(b, uint64(len(pr.TOC)))
	for _, h := range pr.TOC {
		b = binary.AppendUvarint(b, uint64(h.Line))
		b = appendBytes(b, []byte(h.ID))
		b = appendBytes(b, []byte(h.Text))
	}
	b = binary.AppendUvarint(b, uint64(len(pr.Search)))
	for _, s := range pr.Search {
		b = appendStrings(b, []string{s.Kind, s.Anchor, s.Heading, s.Snippet, s.Text})
	}
	return b, ends
}

// DecodePrepared reverses Encode: b is all it wrote for AllParts, the
// prefix PartEnds.Len gives for the others. The result's Body and Twin share b's
// memory, so b must not be reused.
func DecodePrepared(b []byte, part PreparedPart) (*Prepared, error) {
	d := decoder{b: b}
	pr := &Prepared{FAQAnswers: d.strings(), StepTexts: d.strings(),
		FAQTexts: d.strings(), AnswerHTML: d.strings(), AnswerTexts: d.strings()}
	if part != AnswerParts {
		pr.Twin = d.bytes()
	}
	if part == AllParts {
		pr.Body = d.bytes()
		if n := d.len(); n > 0 && d.err == nil {
			pr.TOC = make([]markdown.Heading, n)
			for i := range pr.TOC {
				line := int(d.uint())
				pr.TOC[i] = markdown.Heading{Level: 2, Line: line, ID: string(d.bytes()), Text: string(d.bytes())}
			}
		}
		if n := d.len(); n > 0 && d.err == nil {
			pr.Search = make([]search.Part, n)
			for i := range pr.Search {
				if f := d.strings(); len(f) == 5 {
					pr.Search[i] = search.Part{Kind: f[0], Anchor: f[1], Heading: f[2], Snippet: f[3], Text: f[4]}
				} else {
					d.err = errCorrupt
				}
			}
		}
	}
	if d.err != nil || len(d.b) != 0 {
		return nil, errCorrupt
	}
	return pr, nil
}

var errCorrupt = errors.New("prepared page: corrupt encoding")

func appendBytes(b, v []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	return append(b, v...)
}

func appendStrings(b []byte, v []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(v)))
	for _, s := range v {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

type decoder struct {
	b   []byte
	err error
}

// len reads a length, which the bytes left must be able to hold.
func (d *decoder) len() int {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.err, d.b = errCorrupt, nil
		return 0
	}
	return int(n)
}

func (d *decoder) uint() uint64 {
	n, k := binary.Uvarint(d.b)
	if k <= 0 || n > 1<<31 {
		d.err, d.b = errCorrupt, nil
		return 0
	}
	d.b = d.b[k:]
	return n
}

func (d *decoder) bytes() []byte {
	n := d.len()
	if d.err != nil {
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *decoder) strings() []string {
	n := d.len()
	if d.err != nil || n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		k := d.len()
		if d.err != nil {
			return nil
		}
		out[i] = string(d.b[:k])
		d.b = d.b[k:]
	}
	return out
}
