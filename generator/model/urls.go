package model

import (
	"path"
	"strconv"
	"strings"
	"unicode"

	"playbook/generator/meta"
)

// pageDir splits a content file path into its section folder and the
// page's own URL segment: "content/guides/a.md" -> ("guides", "a"),
// "content/guides/ltv/index.md" -> ("guides", "ltv") as a bundle,
// "content/guides/_index.md" -> ("guides", "") as a list.
func pageDir(file string) (section, name string, bundle, list bool) {
	rel := strings.TrimPrefix(file, "content/")
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	stem := strings.TrimSuffix(base, path.Ext(base))
	switch stem {
	case "_index":
		return dir, "", false, true
	case "index":
		if dir == "" { // content/index.md is the home page, as _index.md
			return "", "", false, true
		}
		parent, leaf := path.Split(dir)
		return strings.TrimSuffix(parent, "/"), leaf, true, false
	}
	return dir, stem, false, false
}

// Urlize makes one URL segment of a file or folder name the way Hugo does
// by default: lower case, spaces as hyphens, and characters that would need
// escaping dropped.
func Urlize(s string) string {
	var b strings.Builder
	lastDash := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.':
			b.WriteRune(r)
			lastDash = false
		case r == '-' || unicode.IsSpace(r):
			if !lastDash {
				b.WriteByte('-')
			}
			lastDash = true
		}
	}
	return strings.Trim(b.String(), "-.")
}

// sectionURL is the URL of a content folder ("guides/x" -> "/guides/x/").
func sectionURL(dir string) string {
	if dir == "" {
		return "/"
	}
	segs := strings.Split(dir, "/")
	for i, s := range segs {
		segs[i] = Urlize(s)
	}
	return "/" + strings.Join(segs, "/") + "/"
}

// validSlug reports whether a front matter slug can be one URL segment: it
// must not climb out of its section or name a path.
func validSlug(s string) bool {
	return s != "" && s != "." && s != ".." && !strings.ContainsAny(s, "/\\?#%\x00") && Urlize(s) != ""
}

// readAliases keeps the aliases that are paths of this site. An alias with
// a scheme or host, a ".." segment, or a character a request path cannot
// carry as is (quotes, angle brackets, ? # %) would write a redirect page
// no visitor reaches, or under a folder named "https:".
func readAliases(r *meta.Reader) []string {
	var out []string
	for i, a := range r.Strings("aliases") {
		if !validAlias(a) {
			r.Errorf("aliases["+strconv.Itoa(i)+"]", `write the old path of the page, such as "/old-name/"`,
				"alias %q is not a path of this site", a)
			continue
		}
		out = append(out, a)
	}
	return out
}

func validAlias(a string) bool {
	a = strings.TrimSpace(a)
	if a == "" || a == "/" || strings.HasPrefix(a, "//") || strings.Contains(a, ":") {
		return false
	}
	for _, seg := range strings.Split(a, "/") {
		if seg == ".." {
			return false
		}
	}
	return !strings.ContainsFunc(a, func(r rune) bool {
		return unicode.IsControl(r) || strings.ContainsRune(`"<>\?#%`, r)
	})
}
