package config

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
)

// FuzzParse decodes a fuzzed site.yaml or site.toml. Whatever the file
// holds, the result must be usable by every later stage: a title, and a
// base URL that is absolute http(s) and ends in exactly one "/" (canonical
// URLs, the sitemap and JSON-LD ids are built by appending to it); every
// problem points inside the file.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, toml bool, src []byte) {
		name := "site.yaml"
		if toml {
			name = "site.toml"
		}
		s, probs := Parse(name, src)
		// YAML and TOML end a line at LF, CRLF or a lone CR.
		lines := bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) + 1
		for _, p := range probs {
			if p.File != name || p.Line < 0 || p.Line > lines || p.Msg == "" {
				t.Fatalf("problem outside %s (%d lines): %+v", name, lines, p)
			}
		}
		if s.Title == "" || s.Language == "" || s.Params == nil {
			t.Fatalf("config without defaults: %+v", s)
		}
		u, err := url.Parse(s.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !strings.HasSuffix(s.BaseURL, "/") || strings.HasSuffix(s.BaseURL, "//") {
			t.Fatalf("base URL %q is not an absolute http(s) URL ending in one slash", s.BaseURL)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil || strings.ContainsAny(s.BaseURL, " \"<>") {
			t.Fatalf("base URL %q has parts that break the URLs appended to it", s.BaseURL)
		}
		for _, m := range s.Menu {
			if m.Name == "" || m.URL == "" {
				t.Fatalf("menu item without a name or URL: %+v", m)
			}
		}
	})
}
