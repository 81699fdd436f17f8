package schema

import (
	"net/url"
	"strings"
	"time"
)

// isAbsURL reports whether s is an absolute http or https URL with a host,
// the only kind of URL search engines resolve the same way everywhere.
func isAbsURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return scheme == "http" || scheme == "https"
}

// isSafeHref reports whether a link in answer text may stay: an absolute
// http(s) URL, or a root-relative path ("/guides/x/"). Protocol-relative
// ("//host") and backslash forms are refused because browsers read them as
// another host.
func isSafeHref(s string) bool {
	if strings.ContainsAny(s, " \t\r\n\\") {
		return false
	}
	if strings.HasPrefix(s, "/") {
		_, err := url.Parse(s)
		return !strings.HasPrefix(s, "//") && err == nil
	}
	return isAbsURL(s)
}

// date is a parsed ISO 8601 date; dayOnly dates carry no time of day.
type date struct {
	t       time.Time
	dayOnly bool
}

// parseDate accepts the two ISO 8601 forms search engines document:
// YYYY-MM-DD and RFC 3339 date-times with a zone.
func parseDate(s string) (date, bool) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return date{t: t, dayOnly: true}, true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return date{t: t}, true
	}
	return date{}, false
}

// before reports whether d is earlier than e. When either is a bare day the
// comparison is by calendar day, so "2024-05-01" is not before
// "2024-05-01T09:00:00+02:00".
func (d date) before(e date) bool {
	if d.dayOnly || e.dayOnly {
		return d.t.Format(time.DateOnly) < e.t.Format(time.DateOnly)
	}
	return d.t.Before(e.t)
}
