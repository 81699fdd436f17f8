package markdown

// Release drops the syntax tree and the source of a parsed page once
// everything needed from them was rendered, keeping the Outline's text the
// model needs (questions, answers' words, calculator bodies). A 10,000-page
// site's trees take most of a build's memory; released, they are garbage
// as soon as each page is prepared.
func (d *Doc) Release() {
	d.Root, d.Source, d.blocks = nil, nil, nil
	o := &d.Outline
	// The outline lives as long as the build, and what it keeps is kept
	// for every page: the headings were made into the table of contents,
	// and a broken link's line is found by parsing its page again.
	o.Headings, o.Links = nil, nil
	for i := range o.FAQs {
		o.FAQs[i].Answer = nil
	}
	for i := range o.Steps {
		o.Steps[i].Body = nil
	}
	for i := range o.Answers {
		a := &o.Answers[i]
		a.Node, a.Direct, a.Proof, a.Next = nil, nil, nil, nil
	}
	for i := range o.Calculators {
		c := &o.Calculators[i]
		c.Node = nil
		c.Body = append([]byte(nil), c.Body...) // let go of the source it points into
	}
}

// Released reports whether Release was called.
func (d *Doc) Released() bool { return d.Root == nil }
