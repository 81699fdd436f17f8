package meta

import (
	"fmt"
	"testing"
)

func TestPositionsFindEveryPath(t *testing.T) {
	src := "title: T\ntags:\n  - a\n  - b\nmetrics:\n  - before: 1\n    after: 2\nnested:\n  deep:\n    key: v\n"
	m, probs := DecodeYAML("p.md", []byte(src), 1)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	for _, tc := range []struct {
		path string
		want Pos
	}{
		{"title", Pos{2, 1}},
		{"tags", Pos{3, 1}},
		{"tags[0]", Pos{4, 5}},
		{"tags[1]", Pos{5, 5}},
		{"metrics[0].before", Pos{7, 5}},
		{"metrics[0].after", Pos{8, 5}},
		{"nested.deep.key", Pos{11, 5}},
		{"missing", Pos{2, 1}}, // the mapping's start
		{"tags[2]", Pos{2, 1}},
	} {
		if got := m.Pos(tc.path); got != tc.want {
			t.Errorf("Pos(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestPositionsManyKeys(t *testing.T) {
	var ps positions
	for i := range 1000 {
		ps.set(fmt.Sprintf("k%d", i), Pos{i + 1, 2})
	}
	ps.seal()
	for i := range 1000 {
		if got, ok := ps.get(fmt.Sprintf("k%d", i)); !ok || got != (Pos{i + 1, 2}) {
			t.Fatalf("k%d: got %v %v", i, got, ok)
		}
	}
	if _, ok := ps.get("k1000"); ok {
		t.Error("an unrecorded path was found")
	}
}
