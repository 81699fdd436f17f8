package render

import (
	"encoding/binary"
	"errors"

	"playbook/generator/model"
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
	// Answer is an answer page's best answer, which other pages include
	// (`::: answer SLUG`); nil for other pages.
	Answer *IncludedAnswer
}

// IncludedAnswer is an answer page's best answer as other pages show it.
type IncludedAnswer struct {
	HTML, Markdown []byte
}

// PreparedOf returns what Prepare made of a content page; nil, nil for a
// page without a body (a list the model made up).
type PreparedOf func(p *model.Page) (*Prepared, error)

// Size is roughly the memory the prepared parts take.
func (pr *Prepared) Size() int {
	n := len(pr.Body) + len(pr.Twin)
	for _, s := range pr.FAQAnswers {
		n += len(s)
	}
	for _, s := range pr.StepTexts {
		n += len(s)
	}
	return n
}

// AppendBinary encodes the page-local parts (everything but Answer, which
// the whole build keeps) so a big build can keep them out of memory
// between parse and render.
func (pr *Prepared) AppendBinary(b []byte) []byte {
	b = appendBytes(b, pr.Body)
	b = appendBytes(b, pr.Twin)
	b = appendStrings(b, pr.FAQAnswers)
	return appendStrings(b, pr.StepTexts)
}

// DecodePrepared reverses AppendBinary. The result's Body and Twin share
// b's memory, so b must not be reused.
func DecodePrepared(b []byte) (*Prepared, error) {
	d := decoder{b: b}
	pr := &Prepared{Body: d.bytes(), Twin: d.bytes(), FAQAnswers: d.strings(), StepTexts: d.strings()}
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

func (d *decoder) len() int {
	n, k := binary.Uvarint(d.b)
	if k <= 0 || n > uint64(len(d.b)-k) {
		d.err, d.b = errCorrupt, nil
		return 0
	}
	d.b = d.b[k:]
	return int(n)
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
