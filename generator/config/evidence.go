package config

import (
	"net/url"
	"slices"
	"strings"

	"playbook/generator/freshness"
	"playbook/generator/indexnow"
	"playbook/generator/meta"
)

// Evidence holds the site config of issue 17's evidence and freshness
// features: true dates, review dates, authors and IndexNow.
type Evidence struct {
	// GitDates takes a page's `updated` from the last commit that touched
	// its file when the site is a git repository (`git_dates: false`
	// turns it off).
	GitDates bool
	// ReviewEvery is how long a page of each kind ("guide") may go
	// without a change before it is due for review (`review_every: 6
	// months` for every kind, or a mapping of kind to period).
	ReviewEvery map[string]freshness.Period
	// IndexNow, when its Key is set, makes build write the key file and
	// the list of changed URLs that `playbook ping` sends.
	IndexNow IndexNow
	// Authors are the site's authors by slug (`authors:` in site.yaml);
	// front matter `author: SLUG` names one.
	Authors map[string]Author
}

// Author is one entry of `authors:`: a schema.org Person.
type Author struct {
	Slug, Name, URL, JobTitle string
	SameAs                    []string // profiles elsewhere (absolute URLs)
}

// IndexNow is `indexnow: { key: ..., endpoint: ... }`.
type IndexNow struct {
	Key      string
	Endpoint string // default indexnow.DefaultEndpoint
}

// reviewKinds are the page kinds review_every may name (model's content
// kinds; config cannot import model).
var reviewKinds = []string{"guide", "faq", "answer", "workflow", "vertical", "calculator"}

const fixReviewEvery = `write review_every: 6 months, or one period per kind: review_every: { guide: 6 months, answer: 1 year }`

func readEvidence(r *meta.Reader, s *Site) {
	s.Evidence.GitDates = true
	if _, set := s.Params["git_dates"]; set {
		s.Evidence.GitDates = r.Bool("git_dates")
	}
	s.Evidence.ReviewEvery = readReviewEvery(r, s.Params["review_every"])
	s.Evidence.IndexNow = readIndexNow(r)
	s.Evidence.Authors = readAuthors(r)
}

const fixAuthor = `write authors: { ana-ruiz: { name: "Ana Ruiz", url: "https://example.com/ana", job_title: "Head of Growth", same_as: ["https://www.linkedin.com/in/ana"] } }`

func readAuthors(r *meta.Reader) map[string]Author {
	m := r.Mapping("authors")
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]Author, len(m))
	for slug, v := range m {
		path := "authors." + slug
		fields, ok := v.(map[string]any)
		if !ok || str(fields["name"]) == "" {
			r.Errorf(path, fixAuthor, "author %q needs at least a name", slug)
			continue
		}
		a := Author{Slug: slug, Name: str(fields["name"]), URL: str(fields["url"]), JobTitle: str(fields["job_title"])}
		for _, u := range append(sameAs(fields["same_as"]), a.URL) {
			if u != "" && !absolute(u) {
				r.Errorf(path, fixAuthor, "author %q: %q is not an absolute http(s) URL", slug, u)
			}
		}
		a.SameAs = sameAs(fields["same_as"])
		out[slug] = a
	}
	return out
}

func sameAs(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{strings.TrimSpace(t)}
	case []any:
		var out []string
		for _, x := range t {
			if s := str(x); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func absolute(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

func readIndexNow(r *meta.Reader) IndexNow {
	m := r.Mapping("indexnow")
	if m == nil {
		return IndexNow{}
	}
	in := IndexNow{Key: str(m["key"]), Endpoint: str(m["endpoint"])}
	if !indexnow.ValidKey(in.Key) {
		r.Errorf("indexnow.key", "write a key of 8 to 128 letters, digits or dashes, such as the output of: openssl rand -hex 16",
			"indexnow.key %q is not a valid IndexNow key", in.Key)
		return IndexNow{}
	}
	if in.Endpoint == "" {
		in.Endpoint = indexnow.DefaultEndpoint
	} else if u, err := url.Parse(in.Endpoint); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		r.Errorf("indexnow.endpoint", "write the endpoint's absolute URL, such as "+indexnow.DefaultEndpoint, "indexnow.endpoint %q is not an absolute http(s) URL", in.Endpoint)
		return IndexNow{}
	}
	return in
}

func readReviewEvery(r *meta.Reader, v any) map[string]freshness.Period {
	out := map[string]freshness.Period{}
	switch t := v.(type) {
	case nil:
		return nil
	case string:
		if p, ok := period(r, "review_every", t); ok {
			for _, k := range reviewKinds {
				out[k] = p
			}
		}
	case map[string]any:
		for kind, raw := range t {
			path := "review_every." + kind
			if !slices.Contains(reviewKinds, kind) {
				r.Errorf(path, "use one of: "+strings.Join(reviewKinds, ", "), "review_every names the unknown page kind %q", kind)
				continue
			}
			text, _ := raw.(string)
			if p, ok := period(r, path, text); ok {
				out[kind] = p
			}
		}
	default:
		r.Errorf("review_every", fixReviewEvery, "review_every must be a period or a mapping of page kind to period")
	}
	return out
}

func period(r *meta.Reader, path, text string) (freshness.Period, bool) {
	p, err := freshness.ParsePeriod(text)
	if err != nil {
		r.Errorf(path, fixReviewEvery, "review_every: %v", err)
		return p, false
	}
	return p, true
}
