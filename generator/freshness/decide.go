package freshness

import "time"

// Facts are what is known of when one page changed.
type Facts struct {
	Front time.Time // `updated` in front matter; wins when set
	Git   time.Time // last commit touching the file; zero when unknown
	Date  time.Time // `date` (published) in front matter
	// Prev is the page's entry in the previous build's manifest; HadPrev
	// tells whether there was one.
	Prev    Entry
	HadPrev bool
	Hash    uint64 // the page's content now
	Now     time.Time
}

// Updated is the page's last-modified time; zero leaves it to the page's
// date.
//
//   - front matter's `updated` wins;
//   - content unchanged since the previous build keeps that build's time,
//     so a rebuild (or a new commit that changes nothing a reader sees)
//     moves no date;
//   - changed content takes the last commit's time when that is newer
//     than the previous build's, else now (an edit not yet committed: the
//     build is the best witness of when it happened);
//   - a page the previous build did not have takes the last commit's time.
//
// A commit time before the publication date (a page written ahead and
// dated later) is ignored.
func Updated(f Facts) time.Time {
	if !f.Front.IsZero() {
		return f.Front
	}
	git := f.Git
	if !f.Date.IsZero() && git.Before(f.Date) {
		git = time.Time{}
	}
	if !f.HadPrev {
		return git
	}
	if f.Prev.Hash == f.Hash {
		return f.Prev.Lastmod
	}
	if git.After(f.Prev.Lastmod) {
		return git
	}
	return f.Now.UTC().Truncate(time.Second)
}
