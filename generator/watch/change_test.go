package watch

import (
	"slices"
	"testing"

	"github.com/fsnotify/fsnotify"
)

func TestBatch(t *testing.T) {
	b := Merge(
		Batch{{Path: "content/b.md", Kind: Content, Op: fsnotify.Write}, {Path: "layouts/x.html", Kind: Layout, Op: fsnotify.Create}},
		Batch{{Path: "content/b.md", Kind: Content, Op: fsnotify.Rename}, {Path: "content/a.md", Kind: Content, Op: fsnotify.Write}},
	)
	wantPaths := []string{"content/a.md", "content/b.md", "layouts/x.html"}
	var got []string
	for _, c := range b {
		got = append(got, c.Path)
	}
	if !slices.Equal(got, wantPaths) {
		t.Fatalf("merged paths = %v, want %v", got, wantPaths)
	}
	if b[1].Op != fsnotify.Write|fsnotify.Rename {
		t.Errorf("ops on content/b.md = %v, want WRITE|RENAME", b[1].Op)
	}
	if k := b.Kind(); k != Layout {
		t.Errorf("Kind() = %v, want layout (the widest)", k)
	}
	if p := b.Paths(Content); !slices.Equal(p, []string{"content/a.md", "content/b.md"}) {
		t.Errorf("Paths(Content) = %v", p)
	}
	tests := []struct {
		b    Batch
		want string
	}{
		{nil, "nothing"},
		{Batch{{Path: "content/a.md"}}, "content/a.md"},
		{b, "content/a.md and 2 more"},
		{Batch{{Kind: Config}}, "files (events were lost)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.b.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
		})
	}
	if k := Batch(nil).Kind(); k != Ignore {
		t.Errorf("empty batch Kind() = %v, want ignore", k)
	}
}
