package freshness

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is a review interval: "6 months", "1 year", "2 weeks", "90 days".
type Period struct {
	N    int
	Unit string // "day", "week", "month" or "year"
}

// ParsePeriod reads "N unit" (singular or plural unit).
func ParsePeriod(s string) (Period, error) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) != 2 {
		return Period{}, fmt.Errorf("%q is not a number and a unit, such as \"6 months\"", s)
	}
	n, err := strconv.Atoi(f[0])
	if err != nil || n <= 0 || n > 1000 {
		return Period{}, fmt.Errorf("%q does not start with a whole number from 1 to 1000", s)
	}
	unit := strings.TrimSuffix(f[1], "s")
	switch unit {
	case "day", "week", "month", "year":
		return Period{N: n, Unit: unit}, nil
	}
	return Period{}, fmt.Errorf("%q: the unit must be days, weeks, months or years", s)
}

// After is t moved on by the period.
func (p Period) After(t time.Time) time.Time {
	switch p.Unit {
	case "day":
		return t.AddDate(0, 0, p.N)
	case "week":
		return t.AddDate(0, 0, 7*p.N)
	case "month":
		return t.AddDate(0, p.N, 0)
	case "year":
		return t.AddDate(p.N, 0, 0)
	}
	return time.Time{}
}

// String implements fmt.Stringer.
func (p Period) String() string {
	if p.N == 1 {
		return "1 " + p.Unit
	}
	return strconv.Itoa(p.N) + " " + p.Unit + "s"
}

// ReviewDue is when a page must be reviewed: its own review_by, else its
// last change moved on by the period of its kind; zero when neither is
// known.
func ReviewDue(reviewBy, lastmod time.Time, every Period) time.Time {
	if !reviewBy.IsZero() {
		return reviewBy
	}
	if lastmod.IsZero() || every.N == 0 {
		return time.Time{}
	}
	return every.After(lastmod)
}

// Overdue reports whether a page due at due is past it on day now (a page
// due today is not overdue yet).
func Overdue(due, now time.Time) bool {
	return !due.IsZero() && due.Before(startOfDay(now))
}

// DueThisMonth reports whether due falls on or before the last day of
// now's month: what `check --stale` lists.
func DueThisMonth(due, now time.Time) bool {
	if due.IsZero() {
		return false
	}
	y, m, _ := now.UTC().Date()
	return due.Before(time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC))
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
