package model

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"playbook/generator/config"
	"playbook/generator/diag"
	"playbook/generator/load"
	"playbook/generator/markdown"
)

// TestNoteSources parses with goldmark's footnote extension (the engine's,
// once it has one): a footnote whose text holds a link is a source.
func TestNoteSources(t *testing.T) {
	src := []byte("Cited pages gain 30%.[^geo] Fresh pages win.[^fresh] Plain.[^plain]\n\n" +
		"[^geo]: Aggarwal et al., [GEO: Generative Engine Optimization](https://arxiv.org/abs/2311.09735), KDD 2024.\n" +
		"[^fresh]: Ahrefs study, https://ahrefs.com/blog/ai-freshness/\n" +
		"[^plain]: A note without a link.\n")
	md := goldmark.New(goldmark.WithExtensions(extension.Footnote, extension.Linkify))
	root := md.Parser().Parse(text.NewReader(src))
	got := noteSources(&markdown.Doc{Source: src, Root: root}, 3)
	if len(got) != 2 {
		t.Fatalf("got %d sources: %+v", len(got), got)
	}
	if got[0].URL != "https://arxiv.org/abs/2311.09735" || got[0].Title != "Aggarwal et al., GEO: Generative Engine Optimization, KDD 2024." || got[0].Line != 6 {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].URL != "https://ahrefs.com/blog/ai-freshness/" {
		t.Errorf("second = %+v", got[1])
	}
}

func TestReadSources(t *testing.T) {
	fm := "title: T\nsources:\n  - { title: GEO, url: \"https://arxiv.org/abs/2311.09735\", publisher: KDD, date: 2024-08-25 }\n" +
		"  - { title: Relative, url: /guides/x/ }\n  - { url: \"https://x.example/\" }\n  - { title: Bad date, url: \"https://y.example/\", date: soon }\n"
	p, probs := newTestPage(t, "content/guides/a.md", fm, "Body.\n")
	want := []string{
		"content/guides/a.md:5:24: error: source 2: url \"/guides/x/\" is not an absolute http(s) URL",
		"content/guides/a.md:6:5: error: source 3 has no title",
		"content/guides/a.md:7:",
	}
	if len(probs) != len(want) {
		t.Fatalf("problems: %v", probs)
	}
	for i, w := range want {
		if got := probs[i].String(); len(got) < len(w) || got[:len(w)] != w {
			t.Errorf("problem %d = %q, want prefix %q", i, got, w)
		}
	}
	if len(p.Sources) != 2 || p.Sources[0].Publisher != "KDD" || p.Sources[0].Date.Year() != 2024 || p.Sources[0].Line != 4 {
		t.Errorf("sources = %+v", p.Sources)
	}
}

func newTestPage(t *testing.T, path, front, body string) (*Page, diag.List) {
	t.Helper()
	s, probs := load.Split(path, []byte("---\n"+front+"---\n"+body))
	if len(probs) > 0 {
		t.Fatalf("%s: %v", path, probs)
	}
	cfg := &config.Site{Title: "T", BaseURL: "https://x.com/", Params: map[string]any{}}
	return NewPage(cfg, s, markdown.New(markdown.Options{}))
}
