package serve

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestChangeCancelsRebuild: a change saved while a long rebuild runs
// cancels it; one rebuild then covers both changes, and the site shows
// the later one.
func TestChangeCancelsRebuild(t *testing.T) {
	started := make(chan struct{}, 16)
	rebuildStarted = func() { started <- struct{}{} }
	t.Cleanup(func() { rebuildStarted = nil })
	dir := copySite(t)
	r := startServe(t, dir)
	// Pages near the nesting budget: seconds of work, all within budget.
	one := strings.Repeat("::: note\n", 16) + "Text.\n" + strings.Repeat(":::\n", 16) + "\n"
	for i := range 3 {
		if err := writeSiteFile(dir, "content/guides/big"+string(rune('a'+i))+".md",
			"---\ntitle: Big\ndescription: A long page of the cancel test.\n---\n"+strings.Repeat(one, 1000)); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-started:
	case <-time.After(time.Minute):
		t.Fatalf("no rebuild started\n%s", r.out)
	}
	if err := writeSiteFile(dir, "content/guides/later.md", "---\ntitle: Later\ndescription: Saved during the rebuild.\n---\nText.\n"); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if code, _ := r.get("/guides/later/"); code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the later page never appeared\n%s", r.out)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if code, _ := r.get("/guides/biga/"); code != http.StatusOK {
		t.Errorf("the first change's page: %d", code)
	}
	if !strings.Contains(r.out.String(), "changed during the rebuild: starting again") {
		t.Errorf("the rebuild was not restarted:\n%s", r.out)
	}
}
