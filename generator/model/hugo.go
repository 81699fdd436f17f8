package model

import (
	"maps"
	"path"
	"strings"

	"playbook/generator/diag"
	"playbook/generator/meta"
)

// Front matter that Hugo and Zola sites carry, read the way they read it.

// liftZola reads Zola's front matter into the fields playbook knows:
// the keys of [extra] become page fields (templates reach them as
// .Page.Params.NAME), [taxonomies] tags become tags. A key the page sets
// itself wins.
func liftZola(m *meta.Map) {
	if m == nil {
		return
	}
	if extra, ok := m.Values["extra"].(map[string]any); ok {
		for k, v := range extra {
			if _, own := m.Values[k]; !own {
				m.Values[k] = v
			}
		}
	}
	if tax, ok := m.Values["taxonomies"].(map[string]any); ok {
		if tags, ok := tax["tags"]; ok && m.Values["tags"] == nil {
			m.Values["tags"] = tags
		}
	}
}

// readBuildOptions reads Hugo's `headless: true` and `build` (or the older
// `_build`) `render` and `list` options from the page's fields, after
// cascade: a page that is not rendered has no output and is listed
// nowhere, but its best answer can still be included; a page not listed
// is published but left out of its section's list and navigation. A
// value Hugo does not know is a warning (own fields only: a cascaded one
// was reported at its _index.md).
func readBuildOptions(p *Page, probs *diag.List) {
	p.NoRender, p.NoList = false, false
	if h, _ := p.Params["headless"].(bool); h {
		p.NoRender, p.NoList = true, true
	}
	for _, key := range []string{"build", "_build"} {
		opts, ok := p.Params[key].(map[string]any)
		if !ok {
			continue
		}
		if v, ok := opts["render"]; ok {
			switch buildValue(p, key+".render", v, probs, "always", "never", "link") {
			case "never", "link":
				p.NoRender = true
			}
		}
		if v, ok := opts["list"]; ok {
			switch buildValue(p, key+".list", v, probs, "always", "never", "local") {
			case "never", "local":
				p.NoList = true
			}
		}
	}
}

// buildValue returns a build option's value, reporting one Hugo does not
// know. Hugo also takes true and false for always and never.
func buildValue(p *Page, field string, v any, probs *diag.List, allowed ...string) string {
	switch t := v.(type) {
	case bool:
		if t {
			return "always"
		}
		return "never"
	case string:
		for _, a := range allowed {
			if strings.EqualFold(t, a) {
				return a
			}
		}
	}
	if p.Source != nil && p.Source.Front.Has(strings.SplitN(field, ".", 2)[0]) {
		pos := p.Source.Front.Pos(field)
		probs.Add(diag.Warnf(p.File, pos.Line, pos.Col, "use one of: "+strings.Join(allowed, ", "),
			"%s %v is not a build option Hugo knows; the page is built as usual", field, v))
	}
	return "always"
}

// applyCascade gives every page the `cascade` fields of the _index.md
// pages of the folders above it (Hugo's cascade): a field the page does
// not set itself takes the value of the nearest list page that cascades
// it. A cascade entry may be a mapping or a list of mappings; one with a
// `_target` (or `target`) `path` glob applies only to the pages whose
// path below content/ ("/docs/install") matches it. Params are rebuilt
// from each page's own front matter, so applying it again after an edit
// leaves no stale value.
func applyCascade(pages []*Page) {
	lists := map[string]*Page{}
	for _, p := range pages {
		if p == nil || p.Source == nil {
			continue
		}
		if section, _, _, list := pageDir(p.File); list {
			lists[section] = p
		}
	}
	for _, p := range pages {
		if p == nil || p.Source == nil {
			continue
		}
		own := p.Source.Front.Values
		p.Params = own
		p.Draft, _ = own["draft"].(bool)
		section, _, _, list := pageDir(p.File)
		dir := section
		if list { // a list page takes the cascade of the folders above its own
			dir = parentDir(section)
			if section == "" {
				continue
			}
		}
		var merged map[string]any
		for {
			if l, ok := lists[dir]; ok {
				merged = cascadeInto(merged, own, l, p)
			}
			if dir == "" {
				break
			}
			dir = parentDir(dir)
		}
		if merged != nil {
			p.Params = merged
			if d, ok := merged["draft"].(bool); ok {
				p.Draft = d
			}
		}
	}
}

func parentDir(dir string) string {
	if d := path.Dir(dir); d != "." {
		return d
	}
	return ""
}

// cascadeInto adds to merged (a copy of own, made on first use) the
// fields list's cascade sets for p that neither own nor a nearer cascade
// set.
func cascadeInto(merged, own map[string]any, list, p *Page) map[string]any {
	for _, entry := range cascadeEntries(list.Source.Front.Values["cascade"]) {
		if !cascadeTargets(entry, p) {
			continue
		}
		for k, v := range entry {
			if k == "_target" || k == "target" {
				continue
			}
			if merged == nil {
				merged = maps.Clone(own)
			}
			if _, set := merged[k]; !set {
				merged[k] = v
			}
		}
	}
	return merged
}

func cascadeEntries(v any) []map[string]any {
	switch t := v.(type) {
	case map[string]any:
		return []map[string]any{t}
	case []any:
		var out []map[string]any
		for _, item := range t {
			if m, ok := item.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// cascadeTargets reports whether a cascade entry applies to p: it has no
// target path, or p's path matches it ("/docs/**" matches everything
// below /docs/).
func cascadeTargets(entry map[string]any, p *Page) bool {
	target, ok := entry["_target"].(map[string]any)
	if !ok {
		target, ok = entry["target"].(map[string]any)
	}
	if !ok {
		return true
	}
	glob, _ := target["path"].(string)
	if glob == "" {
		return true
	}
	logical := "/" + strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(p.File, "content/"), ".md"), "/_index")
	if prefix, ok := strings.CutSuffix(glob, "/**"); ok {
		return logical == prefix || strings.HasPrefix(logical, prefix+"/")
	}
	matched, _ := path.Match(glob, logical)
	return matched
}

// InHiddenBundle reports whether a content file (an image, a download)
// belongs to a page bundle that is not rendered: Hugo's headless bundle,
// whose resources are not published either.
func (s *Site) InHiddenBundle(file string) bool {
	for _, p := range s.Hidden {
		if p.Bundle && strings.HasPrefix(file, path.Dir(p.File)+"/") {
			return true
		}
	}
	return false
}
