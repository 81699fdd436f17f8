package highlight

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark"
)

func TestLexer(t *testing.T) {
	tests := []struct {
		lang string
		want bool
	}{
		{"go", true}, {"js", true}, {"sh", true}, {"yaml", true},
		{"", false}, {"prompt", false}, {"text", false}, {"nosuchlang", false},
	}
	for _, tt := range tests {
		if got := Lexer(tt.lang) != nil; got != tt.want {
			t.Errorf("Lexer(%q) found = %v, want %v", tt.lang, got, tt.want)
		}
	}
	if Lexer("go") != Lexer("go") {
		t.Error("the lexer of a language is built more than once")
	}
}

func TestClass(t *testing.T) {
	tests := map[chroma.TokenType]string{
		chroma.Keyword: "k", chroma.KeywordDeclaration: "kd", chroma.LiteralStringDouble: "s2",
		chroma.CommentSingle: "c1", chroma.Text: "", chroma.NameFunction: "nf",
	}
	for tt, want := range tests {
		if got := Class(tt); got != want {
			t.Errorf("Class(%v) = %q, want %q", tt, got, want)
		}
	}
}

// TestNoInlineStyle renders blocks in several languages, at once from many
// goroutines: classes only, the code's text intact, the same output each
// time.
func TestNoInlineStyle(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(Extension))
	src := []byte("```go\nfunc f() string { return \"</code>\" }\n```\n\n```python\ndef f(): return 1 # c\n```\n\n```bash\necho \"$HOME\" && ls\n```\n")
	var first string
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var b bytes.Buffer
			if err := md.Convert(src, &b); err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			if first == "" {
				first = b.String()
			} else if b.String() != first {
				t.Error("concurrent renders differ")
			}
		})
	}
	wg.Wait()
	for _, bad := range []string{"style=", "</code>\"", "<span class=\"w\">"} {
		if strings.Contains(first, bad) {
			t.Errorf("output holds %q:\n%s", bad, first)
		}
	}
	for _, want := range []string{`<span class="kd">func</span>`, `&lt;/code&gt;`, `<span class="k">def</span>`, `data-lang="bash"`} {
		if !strings.Contains(first, want) {
			t.Errorf("output lacks %q:\n%s", want, first)
		}
	}
}

func TestLexerNames(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"go", "Go"}, {"Go", "Go"}, {"golang", "Go"}, {"py", "Python"}, {"python", "Python"},
		{"js", "JavaScript"}, {"ts", "TypeScript"}, {"sh", "Bash"}, {"yaml", "YAML"}, {"yml", "YAML"},
		{"json", "JSON"}, {"html", "HTML"}, {"css", "CSS"}, {"sql", "SQL"}, {"rs", "Rust"}, {"tsx", "TypeScript"},
		{"", ""}, {"prompt", ""}, {"text", ""}, {"plaintext", ""}, {"no-such-language", ""},
		{strings.Repeat("~", 5000), ""}, {"*.go", ""},
	} {
		got := ""
		if l := Lexer(tc.lang); l != nil {
			got = l.Config().Name
		}
		if got != tc.want {
			t.Errorf("Lexer(%.20q) = %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// An unknown language costs one map lookup: Chroma's own lookup tried it
// against every lexer's file-name globs (40 ms a name), so a page of
// made-up languages could hold a build for minutes.
func TestUnknownLanguageIsOneLookup(t *testing.T) {
	Lexer("go") // builds the index
	names := make([]string, 200)
	for i := range names {
		names[i] = fmt.Sprintf("zz%dqq", i)
	}
	i := 0
	allocs := testing.AllocsPerRun(len(names)-1, func() {
		if Lexer(names[i]) != nil {
			t.Fatalf("a lexer for %q", names[i])
		}
		i++
	})
	if allocs > 0 {
		t.Errorf("an unknown language allocates %.0f times: it is being matched, not looked up", allocs)
	}
}
