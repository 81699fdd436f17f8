package container

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// Classes the transformer puts on the paragraphs of an answer block.
const (
	ClassDirect = "answer-direct"
	ClassProof  = "answer-proof"
	ClassNext   = "answer-next"
)

// markAnswer gives an answer block an id and classes its paragraphs: the
// first plain one is the direct answer, "Proof:" and "Next step:" ones are
// the proof cue and the next step.
func markAnswer(c *Container, src []byte, pc parser.Context) {
	if !c.HasChildren() {
		if c.Arg == "" {
			report(pc, src, c.Offset, `write the direct answer inside the block, or name an answer to include: "::: answer SLUG"`,
				"answer block is empty")
		}
		return
	}
	id := "answer"
	if c.Arg != "" {
		id += "-" + c.Arg
	}
	c.SetAttributeString("id", pc.IDs().Generate([]byte(id), KindContainer))
	for ch := c.FirstChild(); ch != nil; ch = ch.NextSibling() {
		p, ok := ch.(*ast.Paragraph)
		if !ok {
			continue
		}
		switch leadLabel(p, src) {
		case ClassProof:
			p.SetAttributeString("class", []byte(ClassProof))
			c.proof = firstOf(c.proof, p)
		case ClassNext:
			p.SetAttributeString("class", []byte(ClassNext))
			c.next = firstOf(c.next, p)
		default:
			if c.direct == nil {
				p.SetAttributeString("class", []byte(ClassDirect))
				c.direct = p
			}
		}
	}
}

func firstOf(a, b *ast.Paragraph) *ast.Paragraph {
	if a != nil {
		return a
	}
	return b
}

// leadLabel tells a "Proof:" or "Next step:" paragraph by its first bytes,
// ignoring emphasis marks so "**Proof:**" counts too.
func leadLabel(p *ast.Paragraph, src []byte) string {
	lines := p.Lines()
	if lines.Len() == 0 {
		return ""
	}
	var buf [16]byte
	n := 0
	first := lines.At(0)
	for _, ch := range first.Value(src) {
		if ch == '*' || ch == '_' {
			continue
		}
		if n == len(buf) {
			break
		}
		if 'A' <= ch && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		buf[n] = ch
		n++
	}
	switch {
	case bytes.HasPrefix(buf[:n], []byte("proof:")):
		return ClassProof
	case bytes.HasPrefix(buf[:n], []byte("next step:")):
		return ClassNext
	}
	return ""
}
