package config

import (
	"slices"
	"strings"

	"playbook/generator/meta"
)

// Markdown switches the Markdown extensions (`markdown:` in site.yaml).
// Everything but the typographer is on by default, as in Hugo.
type Markdown struct {
	Typographer       bool // "quotes" -> “quotes”, -- -> –, ... -> …
	Footnotes         bool // [^1] references and [^1]: definitions
	DefinitionLists   bool // Term / : Definition
	Highlight         bool // Chroma syntax highlighting of fenced code
	HeadingAttributes bool // ## Pricing {#pricing}
}

// markdownKeys are the keys of the markdown mapping, in the order the
// README documents them.
var markdownKeys = []string{"typographer", "footnotes", "definition_lists", "highlight", "heading_attributes"}

func defaultMarkdown() Markdown {
	return Markdown{Footnotes: true, DefinitionLists: true, Highlight: true, HeadingAttributes: true}
}

// readMarkdown reads the markdown mapping over the defaults; a key it does
// not know is an error naming the ones it does.
func readMarkdown(r *meta.Reader) Markdown {
	md := defaultMarkdown()
	m := r.Mapping("markdown")
	fields := map[string]*bool{
		"typographer": &md.Typographer, "footnotes": &md.Footnotes, "definition_lists": &md.DefinitionLists,
		"highlight": &md.Highlight, "heading_attributes": &md.HeadingAttributes,
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		path := "markdown." + k
		dst, ok := fields[k]
		if !ok {
			r.Errorf(path, "use one of: "+strings.Join(markdownKeys, ", "), "unknown markdown option %q", k)
			continue
		}
		switch v := m[k].(type) {
		case bool:
			*dst = v
		default:
			r.Errorf(path, "write it as "+path[len("markdown."):]+": true (or false)", "%s must be true or false", path)
		}
	}
	return md
}
