package render

import (
	"bytes"
	"fmt"
	"strings"

	"playbook/generator/model"
)

// llms writes llms.txt in the llmstxt.org format: an H1 with the site
// name, a blockquote summary, then H2 sections listing links to the
// Markdown twins, with list pages under "## Optional".
func (r *Renderer) llms() ([]byte, error) {
	cfg := r.site.Config
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", oneLine(cfg.Title))
	if cfg.Description != "" {
		fmt.Fprintf(&b, "> %s\n\n", oneLine(cfg.Description))
	}
	fmt.Fprintf(&b, "Every page below is the Markdown twin of an HTML page at the same URL without `index.html.md`. The whole site as one file: %sllms-full.txt\n\n", cfg.BaseURL)
	groups := r.llmsGroups()
	r.llmsLists(&b, groups[:len(groups)-1])
	if secs := r.llmsSections(); len(secs) > 0 {
		b.WriteString("## Sections\n\nEach section's pages in a file of their own, in the same format:\n\n")
		for _, sec := range secs {
			fmt.Fprintf(&b, "- [%s](%s%s)\n", oneLine(sec.Page.Title), cfg.BaseURL, SectionLLMSFile(sec))
		}
		b.WriteByte('\n')
	}
	r.llmsLists(&b, groups[len(groups)-1:])
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func (r *Renderer) llmsLists(b *bytes.Buffer, groups []llmsGroup) {
	for _, g := range groups {
		fmt.Fprintf(b, "## %s\n\n", g.title)
		for _, p := range g.pages {
			r.llmsLink(b, p)
		}
		b.WriteByte('\n')
	}
}

// SectionLLMSFile is the path of a section's own llms.txt: "guides/llms.txt".
func SectionLLMSFile(sec *model.Section) string {
	return strings.TrimPrefix(sec.Page.URL, "/") + "llms.txt"
}

// llmsSections are the sections that get an llms.txt of their own: every
// folder with pages, in list order.
func (r *Renderer) llmsSections() []*model.Section {
	var out []*model.Section
	for _, sec := range r.orderedSections() {
		if sec.Dir != "" && len(sec.Pages) > 0 && sec.Page != nil {
			out = append(out, sec)
		}
	}
	return out
}

// sectionLLMS is a section's llms.txt: the root file's format, holding the
// section's pages, and its list page and subsections' under "Optional".
func (r *Renderer) sectionLLMS(sec *model.Section) []byte {
	cfg := r.site.Config
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", oneLine(sec.Page.Title))
	if sec.Page.Description != "" {
		fmt.Fprintf(&b, "> %s\n\n", oneLine(sec.Page.Description))
	}
	fmt.Fprintf(&b, "A section of %s, whose index of every section is %sllms.txt. Every page below is the Markdown twin of an HTML page at the same URL without `index.html.md`.\n\n", oneLine(cfg.Title), cfg.BaseURL)
	optional := []*model.Page{sec.Page}
	for _, sub := range sec.Subs {
		optional = append(optional, sub.Page)
	}
	r.llmsLists(&b, []llmsGroup{{sec.Page.Title, sec.Pages}, {"Optional", optional}})
	return bytes.TrimRight(b.Bytes(), "\n")
}

type llmsGroup struct {
	title string
	pages []*model.Page
}

// llmsGroups puts content pages under their section's title, root pages
// under "Pages", and every list page under "Optional".
func (r *Renderer) llmsGroups() []llmsGroup {
	var groups []llmsGroup
	if root := r.site.Sections[""]; root != nil && len(root.Pages) > 0 {
		groups = append(groups, llmsGroup{"Pages", root.Pages})
	}
	var optional []*model.Page
	for _, sec := range r.orderedSections() {
		if sec.Dir != "" && len(sec.Pages) > 0 {
			groups = append(groups, llmsGroup{sec.Page.Title, sec.Pages})
		}
		optional = append(optional, sec.Page)
	}
	for _, t := range r.site.Taxonomies {
		optional = append(optional, t.Page.Pages...)
	}
	return append(groups, llmsGroup{"Optional", optional})
}

// orderedSections walks sections depth-first in their list order.
func (r *Renderer) orderedSections() []*model.Section {
	var out []*model.Section
	var walk func(s *model.Section)
	walk = func(s *model.Section) {
		out = append(out, s)
		for _, sub := range s.Subs {
			walk(sub)
		}
	}
	if root := r.site.Sections[""]; root != nil {
		walk(root)
	}
	return out
}

func (r *Renderer) llmsLink(b *bytes.Buffer, p *model.Page) {
	fmt.Fprintf(b, "- [%s](%s)", oneLine(p.Title), r.absTwin(p))
	if p.Description != "" {
		fmt.Fprintf(b, ": %s", oneLine(p.Description))
	}
	b.WriteByte('\n')
}
