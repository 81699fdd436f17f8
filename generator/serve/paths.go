package serve

import "strings"

// sitePath turns a request's URL path into a path inside the site, without
// the leading slash ("/guides/" -> "guides/"). It refuses any path that
// could name something outside the site or is not in its canonical form:
// "." and ".." segments (however they were encoded: the server decodes
// %2e%2e before the handler sees it), empty segments ("//etc/passwd"),
// backslashes and NUL bytes.
func sitePath(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", false
	}
	rel := urlPath[1:]
	segs := strings.Split(rel, "/")
	for i, seg := range segs {
		switch {
		case seg == "." || seg == "..":
			return "", false
		case seg == "" && i < len(segs)-1:
			return "", false
		}
	}
	return rel, true
}

// fileFor is the file a site path names: itself, or the index.html of a
// folder ("" and "guides/" end in a slash).
func fileFor(rel string) string {
	if rel == "" || strings.HasSuffix(rel, "/") {
		return rel + "index.html"
	}
	return rel
}
