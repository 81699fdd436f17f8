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
