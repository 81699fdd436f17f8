package meta

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func TestPackedKeepsValues(t *testing.T) {
	when := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	cases := []map[string]any{
		{},
		{"title": "A", "": "", "n": int64(3), "on": true, "date": when, "none": nil},
		{"tags": []any{"ltv", "churn", "", int64(1)}, "metrics": []any{map[string]any{"name": "AOV", "before": 1.5}}},
		{"a": map[string]any{"b": map[string]any{"c": "deep", "d": []any{[]any{"x"}}}}},
	}
	for _, in := range cases {
		if got := packed(in); !reflect.DeepEqual(got, in) {
			t.Errorf("packed(%v) = %v", in, got)
		}
	}
}

func TestDecodedFrontMatterIsPacked(t *testing.T) {
	m, probs := DecodeYAML("a.md", []byte("title: \"Growth\"\ntags: [ltv, churn]\nauthor: Ana\n"), 1)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want := map[string]any{"title": "Growth", "tags": []any{"ltv", "churn"}, "author": "Ana"}
	if !reflect.DeepEqual(m.Values, want) {
		t.Fatalf("Values = %v, want %v", m.Values, want)
	}
}

// Two pages with the same short value hold one copy of it, boxed once; a
// long value is the page's own.
func TestShortValuesAreShared(t *testing.T) {
	long := strings.Repeat("a long title ", 5)
	a := packed(map[string]any{"stage": "adoption", "title": long, "tags": []any{"ltv"}})
	b := packed(map[string]any{"stage": "adoption", "title": long, "tags": []any{"ltv"}})
	if dataOf(a["stage"]) != dataOf(b["stage"]) {
		t.Error("the same short value is boxed twice")
	}
	if dataOf(a["tags"].([]any)[0]) != dataOf(b["tags"].([]any)[0]) {
		t.Error("the same tag in two lists is boxed twice")
	}
	if dataOf(a["title"]) == dataOf(b["title"]) {
		t.Error("a long value is shared")
	}
	if a["title"] != long || b["stage"] != "adoption" {
		t.Errorf("values changed: %v, %v", a, b)
	}
}

// dataOf is the address an interface's value is boxed at.
func dataOf(v any) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1]
}
