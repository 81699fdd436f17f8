package ltv

import (
	"html/template"
	"strings"
	"unicode"
)

// FuncMap returns the template functions the theme partials use; the site
// merges it into its templates. ltvFormat and ltvPercent print figures as
// Format and Percent do; placeholderLabel labels a workflow prompt input
// (see PlaceholderLabel).
func FuncMap() template.FuncMap {
	return template.FuncMap{
		"ltvFormat":        Format,
		"ltvPercent":       Percent,
		"placeholderLabel": PlaceholderLabel,
	}
}

// acronyms stay upper-case in placeholder labels.
var acronyms = map[string]bool{
	"AOV": true, "ACV": true, "ARR": true, "MRR": true, "ARPA": true, "ARPU": true,
	"CAC": true, "LTV": true, "CLV": true, "NPS": true, "ROI": true, "ROAS": true,
	"KPI": true, "CTR": true, "CRM": true, "URL": true, "SKU": true, "B2B": true,
	"B2C": true, "DTC": true, "SEO": true, "CRO": true, "CTA": true, "AI": true,
	"FAQ": true, "ID": true, "UX": true, "USD": true, "EUR": true, "GBP": true,
}

// PlaceholderLabel turns a prompt placeholder into an input label: the
// brackets go and each word is title-cased, common business acronyms kept:
// "[CURRENT %]" → "Current %", "[NUMBER]" → "Number", "[AOV]" → "AOV".
func PlaceholderLabel(token string) string {
	inner := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(token, "["), "]"))
	words := strings.Fields(inner)
	for i, w := range words {
		if !acronyms[strings.ToUpper(w)] {
			words[i] = titleWord(w)
		}
	}
	return strings.Join(words, " ")
}

// titleWord upper-cases the first letter of w and lower-cases the rest.
func titleWord(w string) string {
	rs := []rune(strings.ToLower(w))
	if len(rs) > 0 {
		rs[0] = unicode.ToUpper(rs[0])
	}
	return string(rs)
}
