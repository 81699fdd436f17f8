package meta

import (
	"reflect"
	"testing"
	"time"
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
