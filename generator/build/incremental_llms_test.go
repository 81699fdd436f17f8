package build

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"

	"playbook/generator/model"
	"playbook/generator/watch"
)

func TestLLMSDoc(t *testing.T) {
	a := &model.Page{URL: "/a/", Permalink: "https://x.com/a/"}
	b := &model.Page{URL: "/b/", Permalink: "https://x.com/b/"}
	content := []*model.Page{a, b}
	out := filesOf(map[string][]byte{"a/index.html.md": []byte("# A\n"), "b/index.html.md": []byte("# B\n\nbody\n")})
	file := "# Site\n\n> About.\n\n---\n\nSource: https://x.com/a/\n\n# A\n\n---\n\nSource: https://x.com/b/\n\n# B\n\nbody\n\n"
	d, ok := parseLLMS([]byte(file), content, out)
	if !ok {
		t.Fatal("parseLLMS refused a well-formed file")
	}
	if got := string(d.join()); got != file {
		t.Errorf("join = %q, want the file back", got)
	}
	if d.size() != len(file) || !d.sameContent(content) || d.sameContent([]*model.Page{b, a}) {
		t.Errorf("size %d, sameContent wrong", d.size())
	}
	next := d.withTwins(map[string]bool{"/b/": true}, filesOf(map[string][]byte{"b/index.html.md": []byte("# B2\n")}))
	want := strings.Replace(file, "# B\n\nbody\n", "# B2\n", 1)
	if got := string(next.join()); got != want {
		t.Errorf("withTwins join = %q, want %q", got, want)
	}
	if got := string(d.join()); got != file {
		t.Error("withTwins changed the document it copied")
	}
	for name, bad := range map[string]string{
		"twin differs":    strings.Replace(file, "body", "bodY", 1),
		"page missing":    file[:strings.Index(file, "---\n\nSource: https://x.com/b/")],
		"trailing text":   file + "more",
		"other permalink": strings.Replace(file, "x.com/a/", "x.com/z/", 1),
		"no sections":     "# Site\n",
		"newline missing": strings.TrimSuffix(file, "\n"),
	} {
		if _, ok := parseLLMS([]byte(bad), content, out); ok {
			t.Errorf("%s: parseLLMS accepted it", name)
		}
	}
}

// TestBodyEditSplicesLLMSFull checks that a body edit keeps the site
// files and swaps the page's twin in llms-full.txt, joined on first read,
// rather than rendering every twin again.
func TestBodyEditSplicesLLMSFull(t *testing.T) {
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
	l, err := NewLive(Options{Source: dir})
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
		t.Fatalf("rendered %d pages, spliced %v; want 1 page and llms-full.txt spliced", up.Rendered, l.prev.llms != nil)
	}
	if l.prev.out.has(llmsFullName) {
		t.Error("llms-full.txt was joined during the rebuild")
	}
	got, ok := up.Output.Get(llmsFullName)
	if !ok || !strings.Contains(string(got), "Second body, edited.") {
		t.Fatalf("llms-full.txt lacks the edit:\n%s", got)
	}
	fresh, err := NewLive(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	want, err := fresh.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := want.Output.Get(llmsFullName); string(w) != string(got) {
		t.Errorf("spliced llms-full.txt differs from a fresh build's:\n%s\nwant:\n%s", got, w)
	}
}

// TestLLMSDocFoldsTwins swaps more twins than a document keeps apart from
// its sections, one rebuild at a time, and checks every document still
// joins to what it held when made.
func TestLLMSDocFoldsTwins(t *testing.T) {
	var content []*model.Page
	twins := map[string][]byte{}
	file := "# Site\n\n"
	for i := range maxTwins + 40 {
		url := fmt.Sprintf("/p%d/", i)
		content = append(content, &model.Page{URL: url, Permalink: "https://x.com" + url})
		twins[twinFile(url)] = []byte(fmt.Sprintf("# P%d\n", i))
		file += fmt.Sprintf("---\n\nSource: https://x.com%s\n\n# P%d\n\n", url, i)
	}
	d, ok := parseLLMS([]byte(file), content, filesOf(twins))
	if !ok {
		t.Fatal("parseLLMS refused a well-formed file")
	}
	type version struct {
		doc  *llmsDoc
		want string
	}
	var versions []version
	for edit := range maxTwins + 80 { // past the fold, then edits of folded twins
		i := edit % len(content)
		url := content[i].URL
		old := string(twins[twinFile(url)])
		twins[twinFile(url)] = []byte(fmt.Sprintf("# P%d, edit %d\n", i, edit))
		// a list page rendered with it changes nothing in the document
		d = d.withTwins(map[string]bool{url: true, "/": true}, filesOf(maps.Clone(twins)))
		file = strings.Replace(file, old, string(twins[twinFile(url)]), 1)
		versions = append(versions, version{d, file})
	}
	for i, v := range versions {
		if got := string(v.doc.join()); got != v.want {
			t.Fatalf("version %d joins to\n%s\nwant\n%s", i, got, v.want)
		}
		if v.doc.size() != len(v.want) {
			t.Fatalf("version %d: size %d, want %d", i, v.doc.size(), len(v.want))
		}
	}
}
