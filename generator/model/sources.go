package model

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"playbook/generator/markdown"
	"playbook/generator/meta"
)

// Source is a work a page cites: from front matter `sources:`, or a
// footnote whose text holds a link.
type Source struct {
	Title     string
	URL       string
	Publisher string
	Date      time.Time
	// Line is the line of the file that names it (for problems and the
	// report); 0 when unknown.
	Line int
}

const fixSource = `write each source as - { title: "GEO: Generative Engine Optimization", url: "https://arxiv.org/abs/2311.09735", publisher: "KDD 2024", date: 2024-08-25 }`

// readSources reads front matter `sources:`, a list of title, url and
// optional publisher and date. An entry without a title or an absolute
// http(s) url is an error: it would be a citation that cites nothing.
func readSources(r *meta.Reader, m *meta.Map) []Source {
	items := r.Mappings("sources")
	if len(items) == 0 {
		return nil
	}
	out := make([]Source, 0, len(items))
	for i, item := range items {
		path := fmt.Sprintf("sources[%d]", i)
		s := Source{Title: str(item["title"]), URL: str(item["url"]), Publisher: str(item["publisher"]), Line: m.Pos(path).Line}
		if s.Title == "" {
			r.Errorf(path, fixSource, "source %d has no title", i+1)
		}
		if !absoluteURL(s.URL) {
			at := path
			if _, has := item["url"]; has {
				at += ".url"
			}
			r.Errorf(at, fixSource, "source %d: url %q is not an absolute http(s) URL", i+1, s.URL)
		}
		s.Date = sourceDate(r, path+".date", item["date"])
		if s.Title != "" && absoluteURL(s.URL) {
			out = append(out, s)
		}
	}
	return out
}

func sourceDate(r *meta.Reader, path string, v any) time.Time {
	switch t := v.(type) {
	case nil:
		return time.Time{}
	case time.Time:
		return t
	case string:
		if d, err := meta.ParseDate(t); err == nil {
			return d
		}
	}
	r.Errorf(path, "write the date as 2024-08-25", "%s must be an ISO 8601 date", path)
	return time.Time{}
}

func absoluteURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(raw, " \"<>\\`")
}

// noteSources are the footnotes of a parsed page whose text holds a link:
// each is a source, titled by the footnote's text. It finds goldmark's
// footnote nodes (bodyLine is the file's lines before the body), so it needs nothing but the footnote extension being
// enabled in the engine.
func noteSources(d *markdown.Doc, bodyLine int) []Source {
	if d == nil || d.Root == nil {
		return nil
	}
	var out []Source
	_ = ast.Walk(d.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		fn, ok := n.(*extast.Footnote)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		if s, ok := footnoteSource(d, fn); ok {
			s.Line += bodyLine
			out = append(out, s)
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

func footnoteSource(d *markdown.Doc, fn *extast.Footnote) (Source, bool) {
	var link string
	_ = ast.Walk(fn, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch l := n.(type) {
		case *ast.Link:
			link = string(l.Destination)
		case *ast.AutoLink:
			link = string(l.URL(d.Source))
		}
		if link != "" && entering {
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if !absoluteURL(link) {
		return Source{}, false
	}
	title := strings.TrimSpace(markdown.PlainText(d, fn))
	if title == "" {
		title = link
	}
	line := 0
	for c := ast.Node(fn); c != nil; c = c.FirstChild() {
		if c.Type() == ast.TypeBlock && c.Lines().Len() > 0 {
			line = lineOf(d.Source, c.Lines().At(0).Start)
			break
		}
	}
	return Source{Title: title, URL: link, Line: line}, true
}

func lineOf(src []byte, offset int) int {
	return strings.Count(string(src[:min(offset, len(src))]), "\n") + 1
}
