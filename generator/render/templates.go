package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"

	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/model"
)

// Templates holds one parsed template set per page kind, built once per
// build and safe for concurrent execution.
type Templates struct {
	sets map[model.Kind]*template.Template
	// origins maps each template file's name to where it was read from
	// ("layouts/x.html", "theme:x.html"), for errors found running it.
	origins map[string]string
	memo    atomic.Pointer[memo] // the current render's cards and cached partials (bindMemo)
}

// layoutNames maps each kind to the template files tried in order.
var layoutNames = map[model.Kind][]string{
	model.KindGuide:      {"guide.html", "single.html"},
	model.KindFAQ:        {"faq.html", "single.html"},
	model.KindAnswer:     {"answer.html", "single.html"},
	model.KindWorkflow:   {"workflow.html", "single.html"},
	model.KindVertical:   {"vertical.html", "single.html"},
	model.KindCalculator: {"calculator.html", "single.html"},
	model.KindHome:       {"home.html", "list.html"},
	model.KindSection:    {"section.html", "list.html"},
	model.KindTaxonomy:   {"taxonomy.html", "list.html"},
	model.KindTerm:       {"term.html", "list.html"},
	kind404:              {"404.html", "single.html"},
	kindSearch:           {"search.html", "single.html"},
}

// kind404 is the pseudo-kind of the not-found page.
const kind404 model.Kind = "404"

// layoutFS overlays a site's layouts/ on the built-in theme: a file the
// site has wins, file by file, as in Hugo and Zola.
type layoutFS struct {
	site    fs.FS // may be nil
	theme   fs.FS
	origins map[string]string // filled by read
}

func (l layoutFS) read(name string) ([]byte, string, error) {
	if l.site != nil {
		if b, err := fs.ReadFile(l.site, name); err == nil {
			l.origins[name] = "layouts/" + name
			return b, "layouts/" + name, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, "layouts/" + name, err
		}
	}
	b, err := fs.ReadFile(l.theme, name)
	l.origins[name] = "theme:" + name
	return b, "theme:" + name, err
}

// partialNames lists partials/*.html from both trees.
func (l layoutFS) partialNames() []string {
	seen := map[string]bool{}
	for _, fsys := range []fs.FS{l.site, l.theme} {
		if fsys == nil {
			continue
		}
		matches, _ := fs.Glob(fsys, "partials/*.html")
		for _, m := range matches {
			seen[m] = true
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// LoadTemplates parses the theme with the site's overrides. siteLayouts is
// the site's layouts/ folder (nil when it has none). Every template error is
// reported with the file it is in.
func LoadTemplates(siteLayouts, theme fs.FS, funcs template.FuncMap) (*Templates, diag.List) {
	l := layoutFS{site: siteLayouts, theme: theme, origins: map[string]string{}}
	var probs diag.List
	t := &Templates{sets: map[model.Kind]*template.Template{}, origins: l.origins}
	funcs = maps.Clone(funcs)
	funcs["card"] = t.card
	funcs["partialCached"] = t.partialCached
	common, err := l.common(funcs)
	if err != nil {
		return nil, diag.List{templateProblem(err)}
	}
	for kind, names := range layoutNames {
		set, err := l.kindSet(common, names)
		if err != nil {
			probs.Add(templateProblem(err))
			continue
		}
		t.sets[kind] = set
	}
	probs.Sort()
	if len(probs) > 0 {
		return nil, dedupe(probs)
	}
	return t, nil
}

// common parses baseof.html and every partial into one set that each kind
// clones.
func (l layoutFS) common(funcs template.FuncMap) (*template.Template, error) {
	root := template.New("baseof.html").Funcs(funcs)
	src, origin, err := l.read("baseof.html")
	if err != nil {
		return nil, readError(origin, err)
	}
	if _, err := root.Parse(string(src)); err != nil {
		return nil, fileError{file: origin, err: err}
	}
	for _, name := range l.partialNames() {
		src, origin, err := l.read(name)
		if err != nil {
			return nil, readError(origin, err)
		}
		if _, err := root.New(name).Parse(string(src)); err != nil {
			return nil, fileError{file: origin, err: err}
		}
	}
	return root, nil
}

// kindSet clones the common set and adds the first layout file found.
func (l layoutFS) kindSet(common *template.Template, names []string) (*template.Template, error) {
	for _, name := range names {
		src, origin, err := l.read(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, readError(origin, err)
		}
		set, err := common.Clone()
		if err != nil {
			return nil, fileError{file: origin, err: err}
		}
		if _, err := set.New(name).Parse(string(src)); err != nil {
			return nil, fileError{file: origin, err: err}
		}
		return set, nil
	}
	return nil, fileError{file: "layouts/" + names[0], err: fmt.Errorf("no template %s", strings.Join(names, " or "))}
}

// fileError ties a template error to the layout file it came from.
type fileError struct {
	file string
	err  error
	read bool // the file could not be read, rather than parsed or run
}

func readError(file string, err error) fileError { return fileError{file: file, err: err, read: true} }

func (e fileError) Error() string { return e.file + ": " + e.err.Error() }

// execProblem turns an error of running a template into a problem at the
// template file and line:col where it happened ("template: list.html:4:8:
// executing ..."). It names no page, so the same mistake met on many
// pages is reported once.
func (t *Templates) execProblem(err error) diag.Problem {
	msg := err.Error()
	rest, ok := strings.CutPrefix(msg, "template: ")
	if !ok {
		rest, ok = strings.CutPrefix(msg, "html/template:")
	}
	name, pos, _ := strings.Cut(rest, ":")
	origin, known := t.origins[name]
	if !ok || !known {
		return diag.Errorf("layouts", 0, 0, "fix the template", "template error: %v", err)
	}
	line, col := 0, 0
	parts := strings.SplitN(pos, ":", 3)
	if len(parts) == 3 {
		line, _ = strconv.Atoi(parts[0])
		// text/template's column is a 0-based byte offset.
		if c, err := strconv.Atoi(parts[1]); err == nil {
			col = c + 1
		} else {
			parts[2] = parts[1] + ":" + parts[2]
		}
		rest = strings.TrimSpace(parts[2])
	}
	return diag.Errorf(originFile(origin), line, col, "fix the template: it runs for every page of its kind",
		"template error: %s", rest)
}

// originFile is how problems name a template file: the site's own
// layouts/x.html, or the built-in theme's.
func originFile(origin string) string {
	if name, ok := strings.CutPrefix(origin, "theme:"); ok {
		return "layouts/" + name + " (built-in theme)"
	}
	return origin
}

func templateProblem(err error) diag.Problem {
	var fe fileError
	if !errors.As(err, &fe) {
		return diag.Errorf("layouts", 0, 0, "", "%v", err)
	}
	line := templateErrorLine(fe.err.Error())
	file := originFile(fe.file)
	if fe.read {
		fix := "check that the file is readable"
		if errors.Is(fe.err, load.ErrOutside) || errors.Is(fe.err, load.ErrLoop) {
			fix = "point the link inside the site folder by a relative path, or copy the file into layouts/"
		}
		return diag.Errorf(file, 0, 0, fix, "cannot read the layout: %v", fe.err)
	}
	return diag.Errorf(file, line, 0, "fix the template syntax; see https://pkg.go.dev/html/template", "template error: %v", fe.err)
}

// templateErrorLine pulls the line out of text/template's
// "template: name:LINE: message" errors.
func templateErrorLine(msg string) int {
	_, rest, ok := strings.Cut(msg, "template: ")
	if !ok {
		return 0
	}
	parts := strings.SplitN(rest, ":", 3)
	if len(parts) < 2 {
		return 0
	}
	n := 0
	for _, c := range parts[1] {
		if c < '0' || c > '9' {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func dedupe(l diag.List) diag.List {
	out := l[:0]
	for i, p := range l {
		if i == 0 || p.String() != l[i-1].String() {
			out = append(out, p)
		}
	}
	return out
}

// Set returns the template set of a kind.
func (t *Templates) Set(kind model.Kind) *template.Template { return t.sets[kind] }

// layoutName is the entry template of a set: the base skeleton.
const layoutName = "baseof.html"
