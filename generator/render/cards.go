package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"playbook/generator/model"
)

// cardPartial is the template of one page's card in a list.
const cardPartial = "partials/card.html"

// memo holds what the templates render once per render and reuse: page
// cards and cached partials. A fresh memo is bound for every render
// (bindMemo), so nothing outlives the pages it was rendered from.
type memo struct {
	tpl *Templates
	// A big site's memo holds a card for every page: a map under a lock
	// costs a third of what sync.Map's nodes did, and renders on two
	// to a few cores rarely contend for it.
	mu   sync.RWMutex
	done map[any]template.HTML // by *model.Page (a card) or partialKey
}

// once renders the named template of a kind's set with data the first
// time key is asked for, and returns that HTML every other time.
func (m *memo) once(key any, kind model.Kind, name string, data any) (template.HTML, error) {
	m.mu.RLock()
	html, ok := m.done[key]
	m.mu.RUnlock()
	if ok {
		return html, nil
	}
	html, err := m.tpl.render(kind, name, data)
	if err != nil {
		return "", err
	}
	m.mu.Lock()
	m.done[key] = html
	m.mu.Unlock()
	return html, nil
}

// card returns the HTML of partials/card.html for p, rendered once. A page
// appears in its section's list, its tags' lists and its stage's list, and
// on a big site executing the card template for every appearance was a
// third of all template time. A card depends only on its page, so
// rendering it once is the same HTML.
func (m *memo) card(p *model.Page) (template.HTML, error) {
	return m.once(p, model.KindSection, cardPartial, p)
}

// partialKey identifies one rendering of a cached partial. The kind is part
// of it because each kind's template set may define blocks differently.
type partialKey struct {
	kind     model.Kind
	name     string
	variants string
}

// render executes one named template of a kind's set into a string.
func (t *Templates) render(kind model.Kind, name string, data any) (template.HTML, error) {
	set := t.Set(kind)
	if set == nil || set.Lookup(name) == nil {
		return "", fmt.Errorf("no template %q", name)
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// bindMemo gives the templates' `card` and `partialCached` functions a
// fresh memo for the render about to start. A Templates renders one site at
// a time (a build, then serve's rebuilds one after another), so the memo
// never outlives the pages it was filled from.
func (t *Templates) bindMemo() {
	t.memo.Store(&memo{tpl: t, done: map[any]template.HTML{}})
}

// currentMemo is the render's memo, or a throwaway one outside a render (a
// test executing a set), which renders every time.
func (t *Templates) currentMemo() *memo {
	if m := t.memo.Load(); m != nil {
		return m
	}
	return &memo{tpl: t, done: map[any]template.HTML{}}
}

// card is the `card` template function: {{ card . }} writes a page's card
// (partials/card.html), as {{ template "partials/card.html" . }} would.
func (t *Templates) card(p *model.Page) (template.HTML, error) {
	return t.currentMemo().card(p)
}

// partialCached is the `partialCached` template function, as in Hugo:
// {{ partialCached "partials/x.html" . variant... }} renders the partial
// with dot the first time a page of this kind asks for it with these
// variants, and returns that HTML every other time in the build. It is for
// partials that depend only on the variants, not on the page: the theme's
// site navigation changes only with the menu entries that are current
// (.MenuKey), its footer not at all.
func (t *Templates) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	kind := model.KindSection
	if d, ok := data.(*PageData); ok && d.Page != nil {
		kind = d.Page.Kind
	}
	key := partialKey{kind: kind, name: name}
	if len(variants) > 0 {
		key.variants = fmt.Sprintf("%#v", variants)
	}
	return t.currentMemo().once(key, kind, name, data)
}
