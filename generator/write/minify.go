package write

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Minifier minifies HTML, CSS, JS, JSON, SVG and XML by media type. It is
// safe for concurrent use; build one per run.
type Minifier struct {
	m *minify.M
}

// NewMinifier returns a Minifier with every format playbook writes
// registered. The `[/+]json$` pattern also catches application/ld+json, so
// the JSON-LD inside each page's <script> is minified with the page.
func NewMinifier() *Minifier {
	m := minify.New()
	// Documents must stay valid, parseable HTML for checks and crawlers:
	// keep html/head/body, end tags, attribute quotes and default values.
	m.Add("text/html", &html.Minifier{
		KeepDocumentTags:    true,
		KeepEndTags:         true,
		KeepQuotes:          true,
		KeepDefaultAttrVals: true,
	})
	m.AddFunc("text/css", minifyCSS)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("module", js.Minify) // <script type="module">
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m}
}

// minimalStyles are the style attributes goldmark writes on the cells of
// aligned table columns, minimal as they are.
var minimalStyles = map[string]bool{"text-align:left": true, "text-align:right": true, "text-align:center": true}

// minifyCSS is css.Minify, except that a style attribute the HTML minifier
// hands over that is already minimal is written as it is: a big site has
// an aligned cell in most tables, and a CSS parser set up for each was 1%
// of its build.
func minifyCSS(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	if b, ok := r.(interface{ Bytes() []byte }); ok && params["inline"] == "1" && minimalStyles[string(b.Bytes())] {
		_, err := w.Write(b.Bytes())
		return err
	}
	return css.Minify(m, w, r, params)
}

// Bytes returns data minified as mediaType (for example "text/html"). The
// result is a new slice; data is not modified. A media type with no
// minifier is an error wrapping minify.ErrNotExist.
func (m *Minifier) Bytes(mediaType string, data []byte) ([]byte, error) {
	out := getBuffer()
	defer putBuffer(out)
	if err := m.minifyTo(out, mediaType, data); err != nil {
		return nil, err
	}
	return bytes.Clone(out.Bytes()), nil
}

// minifyTo appends data minified as mediaType to out.
func (m *Minifier) minifyTo(out *bytes.Buffer, mediaType string, data []byte) error {
	if entityHeavy(mediaType, data) {
		out.Write(data) // valid as it is, only not minified
		return nil
	}
	// The parser appends a NUL after its input in place when there is spare
	// capacity; handing it a pooled copy keeps the caller's memory untouched
	// (no race on a shared backing array) at the cost of one memmove.
	in := getBuffer()
	defer putBuffer(in)
	in.Grow(len(data) + 1)
	in.Write(data)
	out.Grow(len(data))
	err := m.m.Minify(mediaType, out, in)
	if errors.Is(err, minify.ErrNotExist) {
		return fmt.Errorf("no minifier for media type %q: %w", mediaType, err)
	}
	return err
}

// buffers are reused across the tens of thousands of files of a build.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled keeps a rare huge file from pinning its buffer forever.
const maxPooled = 4 << 20

func getBuffer() *bytes.Buffer {
	b := buffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() <= maxPooled {
		buffers.Put(b)
	}
}

// maxEntityCost bounds what the minifier may spend shortening character
// references: each one it shortens (&amp; to & before a non-letter,
// &quot; to ") moves the rest of its text run, so a run of n references in
// a text of length L costs n*L (tdewolff/parse ReplaceEntities; 100,000
// "&amp;" in a row took 1.4 s, 200,000 four times that). 1<<28 byte moves
// is a few tens of milliseconds.
const maxEntityCost = 1 << 28

// entityHeavy reports whether markup data holds a text run (between > and
// <) whose character references would make minifying it quadratic; such
// a file is written unminified. Ordinary pages are far below the bound.
func entityHeavy(mediaType string, data []byte) bool {
	if !strings.Contains(mediaType, "html") && !strings.Contains(mediaType, "xml") {
		return false
	}
	cost, refs, start := 0, 0, 0
	for i, c := range data {
		switch c {
		case '&':
			refs++
		case '<', '>':
			cost += refs * (i - start)
			refs, start = 0, i
			if cost > maxEntityCost {
				return true
			}
		}
	}
	return cost+refs*(len(data)-start) > maxEntityCost
}
