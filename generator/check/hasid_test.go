package check

import (
	"fmt"
	"slices"
	"testing"
)

// TestHasID: the scan (few ids) and the sorted search (many) agree.
func TestHasID(t *testing.T) {
	for _, n := range []int{3, 5000} {
		var ids []string
		for i := range n {
			ids = append(ids, fmt.Sprintf("h-%d", i))
		}
		slices.Sort(ids)
		f := &pageFacts{ids: joinFacts(ids)}
		if n > 100 && len(f.ids) < bigIDs {
			t.Fatalf("%d ids do not reach the sorted search", n)
		}
		for _, id := range []string{"h-0", fmt.Sprintf("h-%d", n-1), "h-1"} {
			if !f.hasID(id) {
				t.Errorf("%d ids: %q not found", n, id)
			}
		}
		for _, id := range []string{"h", "h-", fmt.Sprintf("h-%d", n), "-1", ""} {
			if f.hasID(id) {
				t.Errorf("%d ids: %q found", n, id)
			}
		}
	}
}
