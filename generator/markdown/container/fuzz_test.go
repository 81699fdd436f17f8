package container

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// specInputs returns the Markdown of every case in _test/container.txt.
func specInputs(t testing.TB) []string {
	b, err := os.ReadFile("_test/container.txt")
	if err != nil {
		t.Fatal(err)
	}
	const sep = "//- - - - - - - - -//\n"
	var out []string
	for _, c := range strings.Split(string(b), "//= = = = = = = = = = = = = = = = = = = = = = = =//") {
		parts := strings.Split(c, sep)
		if len(parts) == 3 {
			out = append(out, strings.TrimSuffix(parts[1], "\n"))
		}
	}
	return out
}

// FuzzConvert checks that no input makes the extension panic or fail, and
// that every problem points inside the input.
func FuzzConvert(f *testing.F) {
	for _, s := range specInputs(f) {
		f.Add(s, false)
		f.Add(strings.ReplaceAll(s, "\n", "\r\n"), true)
	}
	f.Add("\ufeff::: note\n\tx\n:::", false)
	f.Add(strings.Repeat(":::: note\n", 40)+"deep\n", true)
	f.Add("::: faq\n### Q\n::: answer\n:::\n## H\n", true)
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src string, faqPage bool) {
		doc, problems := parse(src, faqPage)
		lines := strings.Count(src, "\n") + 1
		for _, p := range problems {
			if p.Line < 0 || p.Line > lines || p.Msg == "" || p.Fix == "" {
				t.Fatalf("bad problem %+v for %q", p, src)
			}
		}
		if err := md.Renderer().Render(io.Discard, []byte(src), doc); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := md.Convert([]byte(src), &out); err != nil {
			t.Fatal(err)
		}
	})
}
