package render

import (
	"bytes"
	"html/template"
	"sync"

	"playbook/generator/model"
)

// cardPartial is the template of one page's card in a list.
const cardPartial = "partials/card.html"

// cards memoizes the card of each page for one render: a page appears in
// its section's list, its tags' lists and its stage's list, and on a big
// site executing the card template for every appearance was a third of all
// template time. A card depends only on its page, so rendering it once is
// the same HTML.
type cards struct {
	tpl  *Templates
	memo sync.Map // *model.Page -> template.HTML
}

// card returns the HTML of partials/card.html for p, rendered once.
func (c *cards) card(p *model.Page) (template.HTML, error) {
	if v, ok := c.memo.Load(p); ok {
		return v.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := c.tpl.Set(model.KindSection).ExecuteTemplate(&buf, cardPartial, p); err != nil {
		return "", err
	}
	html := template.HTML(buf.String())
	c.memo.Store(p, html)
	return html, nil
}

// bindCards gives the templates' `card` function a fresh memo for the
// render about to start. A Templates renders one site at a time (a build,
// then serve's rebuilds one after another), so the memo never outlives the
// pages it was filled from.
func (t *Templates) bindCards() {
	t.cards.Store(&cards{tpl: t})
}

// card is the `card` template function: {{ card . }} writes a page's card
// (partials/card.html), as {{ template "partials/card.html" . }} would.
func (t *Templates) card(p *model.Page) (template.HTML, error) {
	c := t.cards.Load()
	if c == nil {
		c = &cards{tpl: t} // outside a render (a test executing a set): no memo
	}
	return c.card(p)
}
