package render

import (
	"html/template"
	"maps"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"playbook/generator/ltv"
	"playbook/generator/model"
)

// Funcs returns the template functions of the theme. basePath is the path
// of the site's base URL ("/" or "/docs/"), prefixed to root-relative URLs.
func Funcs(basePath string) template.FuncMap {
	f := template.FuncMap{
		"relURL":     func(u string) string { return RelURL(basePath, u) },
		"isoDate":    func(t time.Time) string { return t.Format(time.RFC3339) },
		"humanDate":  func(t time.Time) string { return t.Format("January 2, 2006") },
		"join":       strings.Join,
		"urlize":     model.Urlize,
		"stageTitle": stageTitle,
		"kindLabel":  kindLabel,
		"truncate":   truncate,
		"add":        func(a, b int) int { return a + b },
		"num":        ltv.Format,
		"pct":        signedPercent,
	}
	maps.Copy(f, ltv.FuncMap())
	return f
}

// RelURL prefixes a root-relative URL with the site's base path; other
// URLs (absolute, fragment-only) are returned as they are.
func RelURL(basePath, u string) string {
	if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
		return u
	}
	return strings.TrimSuffix(basePath, "/") + u
}

func stageTitle(name string) string {
	for _, s := range model.Stages {
		if s.Name == name {
			return s.Title
		}
	}
	return name
}

var kindLabels = map[model.Kind]string{
	model.KindGuide: "Guide", model.KindFAQ: "FAQ", model.KindAnswer: "Best answer",
	model.KindWorkflow: "Prompt workflow", model.KindVertical: "Industry example",
	model.KindCalculator: "Calculator", model.KindSection: "Section", model.KindTerm: "Topic",
	model.KindTaxonomy: "Index", model.KindHome: "Home",
}

func kindLabel(k model.Kind) string { return kindLabels[k] }

// truncate shortens text to at most n runes at a word boundary.
func truncate(n int, s string) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := []rune(s)[:n]
	if i := strings.LastIndexByte(string(cut), ' '); i > n/2 {
		return strings.TrimRight(string(cut)[:i], " ,;:.") + "…"
	}
	return string(cut) + "…"
}

// signedPercent prints a relative change: 38.0952 -> "+38.1%".
func signedPercent(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if v > 0 {
		s = "+" + s
	}
	return s + "%"
}
