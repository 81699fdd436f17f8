package markdown

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// twinOptions is what the golden files are written with: one answer can be
// included and calculators show their defaults.
var twinOptions = TwinOptions{
	IncludeAnswer: func(slug string) ([]byte, bool) {
		if slug == "retention-raises-ltv" {
			return []byte("\nRetention multiplies every other lever.\n\nProof: A 5% lift in retention often beats a 5% lift in price.\n"), true
		}
		return nil, false
	},
	Calculator: func(c Calc) []byte {
		return []byte("**" + strings.ToUpper(c.Kind) + " calculator** (defaults):\n\n```yaml\n" + string(c.Body) + "```\n")
	},
}

func TestTwinGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/twin/*.md")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	e := New(Options{})
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := twinOf(t, e, src, strings.HasPrefix(filepath.Base(in), "faq"))
			golden := strings.TrimSuffix(in, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("twin of %s differs from %s:\n%s", in, golden, testutil.DiffPretty(want, got))
			}
			// CRLF input gives the same LF output.
			crlf := bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
			if got := twinOf(t, e, crlf, strings.HasPrefix(filepath.Base(in), "faq")); !bytes.Equal(got, want) {
				t.Errorf("CRLF twin differs:\n%s", testutil.DiffPretty(want, got))
			}
		})
	}
}

func twinOf(t *testing.T, e *Engine, src []byte, faqPage bool) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := e.Twin(&b, e.Parse(src, faqPage), twinOptions); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTwinDefaults(t *testing.T) {
	e := New(Options{})
	d := e.Parse([]byte("Intro.\n\n::: calculator ltv\naov: 1\n:::\n\n::: answer some-slug\n:::\n\nEnd.\n"), false)
	var b bytes.Buffer
	if err := e.Twin(&b, d, TwinOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "Intro.\n\n*The ltv calculator is interactive: use it on the HTML version of this page.*\n\nEnd.\n"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
}

func TestTwinCopiesPlainMarkdown(t *testing.T) {
	src := "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n```go\nx := 1\n```\n\n> quote\n"
	e := New(Options{})
	var b bytes.Buffer
	if err := e.Twin(&b, e.Parse([]byte(src), false), TwinOptions{}); err != nil {
		t.Fatal(err)
	}
	if b.String() != src {
		t.Errorf("plain Markdown must be copied byte for byte:\n%s", testutil.DiffPretty([]byte(src), b.Bytes()))
	}
}
