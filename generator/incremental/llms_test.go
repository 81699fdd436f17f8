package incremental

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"

	"playbook/generator/pipeline"
	"playbook/generator/render"
	"playbook/generator/watch"
)

// TestBodyEditKeepsLLMSFullLazy checks that a body edit renders one page,
// keeps the site files, and that llms-full.txt, joined on first read only,
// holds the edit and equals a fresh build's.
func TestBodyEditKeepsLLMSFullLazy(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":      "title: T\nbase_url: https://example.com/\ndescription: d\n",
		"content/a.md":   "---\ntitle: A\ndescription: \"Page A of the splice test, with enough words.\"\ndate: 2026-10-01\n---\nFirst body.\n",
		"content/b.md":   "---\ntitle: B\ndescription: \"Page B of the splice test, with enough words.\"\ndate: 2026-10-02\n---\nSecond body.\n",
		"content/c/d.md": "---\ntitle: D\ndescription: \"Page D of the splice test, in a section.\"\ndate: 2026-10-03\n---\nThird body.\n",
	}
	for name, s := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	l, err := NewLive(pipeline.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if _, err := l.Build(ctx); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "b.md"), []byte(strings.Replace(files["content/b.md"], "Second body.", "Second body, edited.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	up, err := l.Rebuild(ctx, watch.Batch{{Path: "content/b.md", Kind: watch.Content, Op: fsnotify.Write}})
	if err != nil {
		t.Fatal(err)
	}
	if up.Rendered != 1 || l.prev.llms == nil {
		t.Fatalf("rendered %d pages, llms-full.txt kept %v; want 1 page and the document", up.Rendered, l.prev.llms != nil)
	}
	if l.prev.out.has(render.LLMSFullFile) {
		t.Error("llms-full.txt was joined during the rebuild")
	}
	got, ok := up.Output.Get(render.LLMSFullFile)
	if !ok || !strings.Contains(string(got), "Second body, edited.") {
		t.Fatalf("llms-full.txt lacks the edit:\n%s", got)
	}
	fresh, err := NewLive(pipeline.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	want, err := fresh.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := want.Output.Get(render.LLMSFullFile); string(w) != string(got) {
		t.Errorf("llms-full.txt after the edit differs from a fresh build's:\n%s\nwant:\n%s", got, w)
	}
}
