package config

import "playbook/generator/meta"

// Evidence holds the site config of issue 17's evidence and freshness
// features: true dates, review dates, authors and IndexNow.
type Evidence struct {
	// GitDates takes a page's `updated` from the last commit that touched
	// its file when the site is a git repository (`git_dates: false`
	// turns it off).
	GitDates bool
}

func readEvidence(r *meta.Reader, s *Site) {
	s.Evidence.GitDates = true
	if _, set := s.Params["git_dates"]; set {
		s.Evidence.GitDates = r.Bool("git_dates")
	}
}
