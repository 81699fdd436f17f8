package write

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/parse/v2/buffer"
	"golang.org/x/net/html"

	"playbook/generator/diag"
)

func TestMinifyingSinkByExtension(t *testing.T) {
	tests := []struct {
		path, in, want string
	}{
		{"style.css", "body {\n  color: #ff0000;\n  margin: 0px;\n}\n", "body{color:red;margin:0}"},
		{"app.js", "function add(a, b) {\n  return a + b;\n}\nconsole.log(add(1, 2));\n", "function add(e,t){return e+t}console.log(add(1,2))"},
		{"calc.mjs", "export const two = 1 + 1;\n", "export const two=1+1"},
		{"data.json", "{\n  \"a\": [1, 2],\n  \"b\": \"x\"\n}\n", `{"a":[1,2],"b":"x"}`},
		{"logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"10\" height=\"10\" fill=\"#ff0000\"/>\n</svg>\n",
			`<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10" fill="red"/></svg>`},
		{"sitemap.xml", "<?xml version=\"1.0\"?>\n<urlset>\n  <url>\n    <loc>https://e.com/</loc>\n  </url>\n</urlset>\n",
			`<?xml version="1.0"?><urlset><url><loc>https://e.com/</loc></url></urlset>`},
		{"UPPER.HTML", "<p>  a   b </p>\n", "<p>a b</p>"},
		{"module.html", "<script type=\"module\">\nimport { a } from \"./a.js\";\na( 1 );\n</script>\n",
			`<script type="module">import{a}from"./a.js";a(1)</script>`},
		{"index.html.md", "# Title\n\n  keep   spacing  \n", "# Title\n\n  keep   spacing  \n"},
		{"llms.txt", "# Site\n\n> summary   here\n", "# Site\n\n> summary   here\n"},
		{"image.png", "\x89PNG  \n\n", "\x89PNG  \n\n"},
	}
	s := MinifyingSink(NewMemory(), NewMinifier())
	mem := s.(*minifyingSink).next.(*Memory)
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if err := s.Write(tt.path, []byte(tt.in)); err != nil {
				t.Fatal(err)
			}
			if got, _ := mem.Get(tt.path); string(got) != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

const jsonLDPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>  What is LTV?  </title>
  <script type="application/ld+json">
  {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "FAQPage",
        "mainEntity": [
          {
            "@type": "Question",
            "name": "What is LTV?",
            "acceptedAnswer": { "@type": "Answer", "text": "Revenue \u003c/script\u003e over   a lifetime." }
          }
        ]
      }
    ]
  }
  </script>
  <style>
    main { max-width : 40rem ; }
  </style>
</head>
<body>
  <main>
    <p class="answer">  Lifetime   value is revenue over a lifetime. </p>
    <input type="text" name="aov" value="">
  </main>
</body>
</html>
`

func TestMinifyHTMLWithJSONLD(t *testing.T) {
	out, err := NewMinifier().Bytes("text/html", []byte(jsonLDPage))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= len(jsonLDPage)*3/4 {
		t.Errorf("output %d bytes from %d: not minified", len(out), len(jsonLDPage))
	}
	for _, keep := range []string{"<html lang=\"en\">", "<head>", "</head>", "<body>", "</body>", "</html>", "</p>", `type="text"`, `class="answer"`, "main{max-width:40rem}"} {
		if !bytes.Contains(out, []byte(keep)) {
			t.Errorf("minified page lost %q:\n%s", keep, out)
		}
	}
	body := jsonLDBody(t, out)
	if !json.Valid([]byte(body)) {
		t.Fatalf("JSON-LD no longer valid: %s", body)
	}
	var want bytes.Buffer
	if err := json.Compact(&want, []byte(jsonLDBody(t, []byte(jsonLDPage)))); err != nil {
		t.Fatal(err)
	}
	if body != want.String() {
		t.Errorf("JSON-LD body\n got  %s\n want %s", body, want.String())
	}
	if strings.Contains(strings.ToLower(body), "</script") {
		t.Error("JSON-LD body can close its script element")
	}
}

// jsonLDBody parses page as HTML and returns the text of its JSON-LD script.
func jsonLDBody(t *testing.T, page []byte) string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("page does not parse: %v", err)
	}
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && n.Data == "script" && attr(n, "type") == "application/ld+json" && n.FirstChild != nil {
			return n.FirstChild.Data
		}
	}
	t.Fatalf("no JSON-LD script in:\n%s", page)
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestMinifyErrors(t *testing.T) {
	m := NewMinifier()
	if _, err := m.Bytes("text/x-unknown", []byte("x")); !errors.Is(err, minify.ErrNotExist) {
		t.Errorf("unknown media type: %v, want ErrNotExist", err)
	}
	mem := NewMemory()
	err := MinifyingSink(mem, m).Write("js/app.js", []byte("let ok = 1;\nvar = ;\n"))
	var p diag.Problem
	if !errors.As(err, &p) {
		t.Fatalf("error = %v, want a diag.Problem", err)
	}
	if p.Position() != "js/app.js:2:5" || !strings.Contains(p.Msg, "cannot be minified") || !strings.Contains(p.Fix, "--no-minify") {
		t.Errorf("problem = %s", p)
	}
	if mem.Len() != 0 {
		t.Error("a file that failed to minify was written")
	}
}

func TestNoMinifyIsPlainSink(t *testing.T) {
	mem := NewMemory()
	s := MinifyingSink(mem, nil)
	if s != Sink(mem) {
		t.Fatalf("MinifyingSink(next, nil) = %T, want next itself", s)
	}
	if err := s.Write("index.html", []byte(jsonLDPage)); err != nil {
		t.Fatal(err)
	}
	if got, _ := mem.Get("index.html"); string(got) != jsonLDPage {
		t.Error("--no-minify changed the page")
	}
}

func TestMinifyLeavesInputAlone(t *testing.T) {
	// Spare capacity after the input is where the parser puts its NUL; the
	// caller's bytes there must survive.
	buf := make([]byte, 0, len(jsonLDPage)+8)
	buf = append(buf, jsonLDPage...)
	full := buf[:cap(buf)]
	copy(full[len(jsonLDPage):], "SENTINEL")
	if _, err := NewMinifier().Bytes("text/html", buf); err != nil {
		t.Fatal(err)
	}
	if string(buf) != jsonLDPage || string(full[len(jsonLDPage):]) != "SENTINEL" {
		t.Error("Bytes modified its input")
	}
}

func BenchmarkMinifyingSink(b *testing.B) {
	page := typicalPage(20 << 10)
	s := MinifyingSink(discard{}, NewMinifier())
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if err := s.Write("guides/ltv/index.html", page); err != nil {
			b.Fatal(err)
		}
	}
}

// typicalPage returns an HTML page of about size bytes: head with meta
// tags, CSS and JSON-LD, then sections of headings, paragraphs and lists.
func typicalPage(size int) []byte {
	var b bytes.Buffer
	b.WriteString(jsonLDPage[:strings.Index(jsonLDPage, "<body>")])
	b.WriteString("<body>\n<main>\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(`  <section id="step-` + string(rune('a'+i%26)) + `">
    <h2 class="step">  Step: map the journey  </h2>
    <p>  Customer lifetime value is <strong>average order value</strong> times purchases per year
       times retention in years. Keep   margin in mind. </p>
    <ul>
      <li> Activation </li>
      <li> Adoption </li>
    </ul>
  </section>
`)
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.Bytes()
}

// discard is a Sink that keeps nothing, so the benchmark times minifying.
type discard struct{}

func (discard) Write(string, []byte) error { return nil }

// TestMinimalStyleAttributesKept checks the shortcut for goldmark's table
// alignment styles against the CSS minifier it skips, and that any other
// style is still minified.
func TestMinimalStyleAttributesKept(t *testing.T) {
	m := NewMinifier()
	for style := range minimalStyles {
		var full bytes.Buffer
		if err := css.Minify(m.m, &full, bytes.NewReader([]byte(style)), map[string]string{"inline": "1"}); err != nil {
			t.Fatal(err)
		}
		if full.String() != style {
			t.Errorf("css.Minify(%q) = %q: the style is not minimal, drop it from minimalStyles", style, full.String())
		}
	}
	for in, want := range map[string]string{
		`<td style="text-align:right">1</td>`:    `<td style="text-align:right">1</td>`,
		`<td style="text-align: right ;">1</td>`: `<td style="text-align:right">1</td>`,
		`<p style="color: #ffffff">x</p>`:        `<p style="color:#fff">x</p>`,
	} {
		out, err := m.Bytes("text/html", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != want {
			t.Errorf("minify(%s) = %s, want %s", in, out, want)
		}
	}
}

// TestMinimalStyleSkipsTheCSSParser checks that the shortcut is taken:
// setting up the CSS parser allocates, writing the attribute does not.
func TestMinimalStyleSkipsTheCSSParser(t *testing.T) {
	inline := map[string]string{"inline": "1"}
	var out bytes.Buffer
	out.Grow(64)
	for style, wantParser := range map[string]bool{"text-align:right": false, "text-align:center": false, "color:red": true} {
		b := []byte(style)
		allocs := testing.AllocsPerRun(20, func() {
			out.Reset()
			if err := minifyCSS(nil, &out, buffer.NewReader(b), inline); err != nil {
				t.Fatal(err)
			}
		})
		// buffer.NewReader itself allocates one reader.
		if parsed := allocs > 1; parsed != wantParser || out.String() != style {
			t.Errorf("%q: %v allocations (CSS parser used: %v, want %v), wrote %q", style, allocs, parsed, wantParser, out.String())
		}
	}
}

// TestEntityHeavyTextIsNotMinified: a text run of character references
// the minifier would shorten one by one (quadratic) is written as it is;
// the same references in ordinary amounts are minified.
func TestEntityHeavyTextIsNotMinified(t *testing.T) {
	m := NewMinifier()
	tests := []struct {
		name, html string
		minified   bool
	}{
		{"a few", "<p>a &amp;&amp; b</p>  <p>c</p>", true},
		{"many, spread over runs", strings.Repeat("<p>&amp;&amp;</p>", 20000), true},
		{"a long run", "<p>" + strings.Repeat("&amp;", 200_000) + "</p>  <p>c</p>", false},
		{"a long run in XML", "<a>" + strings.Repeat("&quot;", 200_000) + "</a>  <b>c</b>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mt := "text/html"
			if strings.Contains(tt.name, "XML") {
				mt = "application/xml"
			}
			out, err := m.Bytes(mt, []byte(tt.html))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(out) != tt.html; got != tt.minified {
				t.Errorf("minified = %v, want %v", got, tt.minified)
			}
		})
	}
}
