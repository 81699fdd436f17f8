package model

import (
	"path"
	"slices"
	"strings"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/evidence"
	"playbook/generator/hugocompat"
	"playbook/generator/load"
	"playbook/generator/markdown"
	"playbook/generator/meta"
	"playbook/generator/suggest"
)

// NewPage reads a content file's front matter into a Page and parses its
// body. It needs nothing from other pages, so the build calls it for all
// files in parallel; cross-page work happens in Assemble.
func NewPage(cfg *config.Site, src *load.Source, eng *markdown.Engine) (*Page, diag.List) {
	liftZola(src.Front)
	r := meta.NewReader(src.Front)
	p := &Page{File: src.Path, Source: src, Params: src.Front.Values}
	section, name, bundle, list := pageDir(src.Path)
	p.Bundle = bundle
	readCommon(r, p, cfg)
	p.Kind = pageKind(r, section, list)
	if !src.HasFront && !src.FrontBroken { // unclosed front matter was reported by load
		r.Problems.Add(diag.Errorf(src.Path, 1, 1, "start the file with:\n---\ntitle: \"Page title\"\n---",
			"the page has no front matter"))
	} else if p.Title == "" && !src.FrontBroken && !list {
		r.Errorf("title", `add title: "Page title" to the front matter`, "the page has no title")
	}
	if p.Title == "" && list && section != "" {
		// As in Hugo, an untitled list page is named after its folder
		// (the home page after the site, in buildSections).
		p.Title = titleFromDir(path.Base(section))
	} else if p.Title == "" { // reported above; a stand-in keeps later stages from reporting it again
		p.Title = titleFromDir(strings.TrimPrefix(name, "_"))
	}
	p.URL = pageURL(r, section, name, list)
	if src.Front != nil && src.Front.Has("slug") && !list {
		p.SlugLine = src.Front.Pos("slug").Line
	}

	body, scProbs := hugocompat.Shortcodes(src.Body, src.Path, contentURL)
	for _, prob := range scProbs {
		r.Problems.Add(prob.Shift(src.Path, src.BodyLine))
	}
	p.Doc = eng.Parse(body, p.Kind == KindFAQ)
	p.Sources = append(readSources(r, src.Front), noteSources(p.Doc, src.BodyLine)...)
	for _, prob := range p.Doc.Problems {
		r.Problems.Add(prob.Shift(src.Path, src.BodyLine))
	}
	readKind(r, p)
	r.Problems.Add(src.Front.NearMisses(knownFields, otherFields)...)
	p.Evidence = evidence.Check(p.Doc)
	for _, f := range p.Evidence {
		r.Problems.Add(f.Problem(src.Path, src.BodyLine))
	}
	return p, r.Problems
}

func readCommon(r *meta.Reader, p *Page, cfg *config.Site) {
	p.Title = strings.TrimSpace(r.String("title"))
	p.Description = strings.TrimSpace(r.String("description"))
	p.Summary = strings.TrimSpace(r.String("summary"))
	p.Author = strings.TrimSpace(r.String("author"))
	if a, ok := cfg.Evidence.Authors[p.Author]; ok {
		p.AuthorSlug, p.Author = a.Slug, a.Name
	}
	if p.Author == "" {
		p.Author = cfg.Author.Name
	}
	p.Date, _ = r.Time("date")
	p.Updated, _ = r.Time("updated")
	if p.Updated.IsZero() && p.Source != nil && !p.Source.Front.Has("updated") {
		p.Updated, _ = r.Time("lastmod") // Hugo's name for it
	}
	if !p.Date.IsZero() && !p.Updated.IsZero() && p.Updated.Before(p.Date) {
		r.Errorf("updated", "set updated to the date of the last change, on or after date", "updated (%s) is before date (%s)",
			p.Updated.Format("2006-01-02"), p.Date.Format("2006-01-02"))
	}
	p.ReviewBy, _ = r.Time("review_by")
	p.Draft = r.Bool("draft")
	p.Weight = r.Int("weight")
	p.Tags = readTags(r)
	p.Aliases = readAliases(r)
	p.Keywords = r.Strings("keywords")
	p.Stage = r.OneOf("stage", StageNames()...)
}

// pageKind takes `type` from the front matter, else the folder name
// ("guides" -> guide), else guide.
func pageKind(r *meta.Reader, section string, list bool) Kind {
	if list {
		if section == "" {
			return KindHome
		}
		return KindSection
	}
	top, _, _ := strings.Cut(section, "/")
	if t := strings.TrimSpace(r.String("type")); t != "" {
		if slices.Contains(ContentKinds, t) {
			return Kind(t)
		}
		if suggest.Closest(t, ContentKinds) != "" {
			r.OneOf("type", ContentKinds...) // a typo of a kind: an error that names it
			return folderKind(top)
		}
		// Hugo sites name layouts with type ("docs"): not a mistake of
		// theirs, so the page builds with the kind its folder gives.
		r.Warnf("type", "use one of: "+strings.Join(ContentKinds, ", ")+", or remove it",
			"type %q is not a playbook page type; the page is built as a %s", t, folderKind(top))
	}
	return folderKind(top)
}

// folderKind is the kind of the pages of a top-level folder: "guides" ->
// guide, and guide for a folder with no kind of its own.
func folderKind(top string) Kind {
	if k, ok := folderKinds[strings.ToLower(top)]; ok {
		return k
	}
	return KindGuide
}

var folderKinds = map[string]Kind{
	"guides": KindGuide, "guide": KindGuide, "playbooks": KindGuide,
	"faq": KindFAQ, "faqs": KindFAQ,
	"answers": KindAnswer, "answer": KindAnswer,
	"workflows": KindWorkflow, "workflow": KindWorkflow,
	"verticals": KindVertical, "vertical": KindVertical,
	"calculators": KindCalculator, "calculator": KindCalculator,
}

// contentURL is the URL of the page a content file would be, by the
// file's path alone (a slug in its front matter is not seen): the target
// of Hugo's ref and relref.
func contentURL(file string) string {
	section, name, _, list := pageDir(file)
	if list || name == "" {
		return sectionURL(section)
	}
	return path.Join(sectionURL(section), Urlize(name)) + "/"
}

func pageURL(r *meta.Reader, section, name string, list bool) string {
	base := sectionURL(section)
	if list {
		return base
	}
	seg := Urlize(name)
	if slug := strings.TrimSpace(r.String("slug")); slug != "" {
		if validSlug(slug) {
			seg = Urlize(slug)
		} else {
			r.Errorf("slug", "use letters, digits and hyphens only, such as slug: my-page", "slug %q is not a single URL segment", slug)
		}
	}
	if seg == "" {
		r.Errorf("title", "rename the file with letters or digits in its name, or set slug:", "the file name %q gives an empty URL", name)
		seg = "page"
	}
	return path.Join(base, seg) + "/"
}
