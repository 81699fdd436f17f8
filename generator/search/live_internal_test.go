package search

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"playbook/generator/model"
)

type recordingSink struct {
	mu      sync.Mutex
	written []string
}

func (s *recordingSink) Write(p string, _ []byte) error {
	s.mu.Lock()
	s.written = append(s.written, p)
	s.mu.Unlock()
	return nil
}

// TestLiveWritesOnlyChanges rebuilds a live index with one page changed
// and checks only that page's chunk and the shards of the terms it
// changed are written again.
func TestLiveWritesOnlyChanges(t *testing.T) {
	var pages []*model.Page
	for _, title := range []string{"alpha guide", "bravo guide", "charlie guide", "delta guide", "echo guide", "foxtrot guide"} {
		pages = append(pages, &model.Page{Kind: model.KindGuide, Title: title, URL: "/" + title[:5] + "/", Params: map[string]any{}})
	}
	parts := func(text string) []Part { return []Part{{Kind: KindPage, Snippet: text, Text: text}} }
	live := NewLive()
	run := func(edit map[int]string) []string {
		sink := &recordingSink{}
		b := live.Builder(pages, func(u string) string { return u }, sink, false)
		for i, p := range pages {
			if text, ok := edit[i]; ok {
				if err := b.Add(p, parts(text)); err != nil {
					t.Fatal(err)
				}
			}
		}
		written, err := b.Finish()
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(sink.written)
		if !slices.Equal(written, sink.written) {
			t.Errorf("Finish says it wrote %v, the sink got %v", written, sink.written)
		}
		return written
	}
	all := map[int]string{}
	for i := range pages {
		all[i] = "common words for every page"
	}
	first := run(all)
	if len(first) != 2+(len(pages)+PagesPerChunk-1)/PagesPerChunk { // meta, one shard, the chunks
		t.Fatalf("first build wrote %v", first)
	}
	if again := run(nil); len(again) != 0 {
		t.Errorf("nothing changed, yet the rebuild wrote %v", again)
	}
	got := run(map[int]string{5: "common words for every page and zebra"})
	want := []string{ChunkFile(5 / PagesPerChunk), ShardFile(0)}
	if !slices.Equal(got, want) {
		t.Errorf("one page edited: wrote %v, want %v", got, want)
	}
}

// TestBuilderKeepsOnlyShownDisplays adds many pages of two words, their
// scores varied so that results enter and leave the terms' shown lists,
// and checks the builder keeps the display data of those in a list only.
func TestBuilderKeepsOnlyShownDisplays(t *testing.T) {
	var pages []*model.Page
	for i := range 400 {
		pages = append(pages, &model.Page{Kind: model.KindGuide, Title: "guide", URL: "/p" + strconv.Itoa(i) + "/", Params: map[string]any{}})
	}
	b := NewBuilder(pages, func(u string) string { return u }, &recordingSink{})
	for i, p := range pages {
		text := strings.Repeat("alpha ", 1+i*7%11) + strings.Repeat("words ", i%13) + "bravo"
		if err := b.Add(p, []Part{{Kind: KindPage, Snippet: text, Text: text}}); err != nil {
			t.Fatal(err)
		}
	}
	in := map[uint32]bool{}
	for _, term := range b.list {
		for _, p := range term.shown {
			in[p.ref] = true
			if b.shown[p.ref] == nil {
				t.Fatalf("result %d is shown, but its display data is gone", p.ref)
			}
		}
	}
	if len(b.shown) != len(in) {
		t.Errorf("the builder keeps the display data of %d results, %d are shown", len(b.shown), len(in))
	}
}
