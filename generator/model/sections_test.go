package model

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestSortedContentIsSortPages checks that merging the sorted sections
// gives the order of sorting all their pages, for sections of many sizes
// and pages that tie on weight, date or title.
func TestSortedContentIsSortPages(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	titles := []string{"Alpha", "alpha", "Beta", "Ärger", "zeta", "Zeta"}
	for _, sections := range []int{0, 1, 2, 3, 7, 10} {
		t.Run(fmt.Sprint(sections, " sections"), func(t *testing.T) {
			s := &Site{Sections: map[string]*Section{}}
			var all []*Page
			for i := range sections {
				sec := &Section{Dir: fmt.Sprint("s", i)}
				for j := range rng.IntN(40) {
					p := &Page{Weight: rng.IntN(3), Title: titles[rng.IntN(len(titles))],
						Date: time.Date(2026, 1, 1+rng.IntN(3), 0, 0, 0, 0, time.UTC), URL: fmt.Sprintf("/s%d/p%d/", i, j)}
					sec.Pages = append(sec.Pages, p)
				}
				SortPages(sec.Pages)
				all = append(all, sec.Pages...)
				s.Sections[sec.Dir] = sec
			}
			SortPages(all)
			got := s.sortedContent()
			if !slices.Equal(got, all) {
				t.Fatalf("merged order differs from SortPages over %d pages", len(all))
			}
			if len(got) > 0 && sections == 1 && &got[0] == &s.Sections["s0"].Pages[0] {
				t.Error("the only section's list is returned, not a copy")
			}
		})
	}
}
