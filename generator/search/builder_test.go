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
