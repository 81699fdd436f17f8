package main

import (
	"fmt"
	"io"
	"slices"
	"time"

	"playbook/generator/freshness"
	"playbook/generator/model"
)

// printStale lists the pages due for review by the end of now's month,
// the earliest first: what `check --stale` prints.
func printStale(w io.Writer, site *model.Site, now time.Time) {
	var due []*model.Page
	if site != nil {
		for _, p := range site.Pages {
			if p.File != "" && freshness.DueThisMonth(p.ReviewBy, now) {
				due = append(due, p)
			}
		}
	}
	slices.SortStableFunc(due, func(a, b *model.Page) int { return a.ReviewBy.Compare(b.ReviewBy) })
	if len(due) == 0 {
		fmt.Fprintf(w, "no page is due for review by the end of %s\n", now.Format("January 2006"))
		return
	}
	fmt.Fprintf(w, "%s due for review by the end of %s:\n", plural(len(due), "page"), now.Format("January 2006"))
	for _, p := range due {
		state := "due"
		if freshness.Overdue(p.ReviewBy, now) {
			state = "overdue since"
		}
		fmt.Fprintf(w, "  %s  %s %s  (%s)\n", p.File, state, p.ReviewBy.Format("2006-01-02"), p.URL)
	}
}
