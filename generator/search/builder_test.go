package search

import (
	"encoding/json"
	"testing"
)

// TestAppendJSONString checks the display encoder escapes as
// encoding/json does.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `quote " and \ slash`, "<script>&amp;</script>", "tab\tnew\nline\r\x00\x1f",
		"café ☕ \u2028\u2029 end", "bad \xff utf-8", "emoji 🚀"} {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestShardsFor(t *testing.T) {
	for pages, want := range map[int]int{0: 1, 1: 1, 64: 1, 65: 8, 96: 8, 97: 16, 1000: 128, 10036: 1024, 100036: 16384, 1 << 30: maxShards} {
		if got := ShardsFor(pages); got != want {
			t.Errorf("ShardsFor(%d) = %d, want %d", pages, got, want)
		}
	}
}
