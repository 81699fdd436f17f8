package write

import (
	"errors"
	"io"
	"path"
	"strings"

	"github.com/tdewolff/parse/v2"

	"playbook/generator/diag"
)

// minifyTypes maps the extensions MinifyingSink minifies to media types.
// Everything else (.md twins, .txt, images, fonts) passes through as is.
var minifyTypes = map[string]string{
	".html":        "text/html",
	".htm":         "text/html",
	".css":         "text/css",
	".js":          "application/javascript",
	".mjs":         "application/javascript",
	".json":        "application/json",
	".jsonld":      "application/ld+json",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".xml":         "text/xml",
}

// MinifyingSink returns a Sink that minifies each file by its extension
// (.html .htm .css .js .mjs .json .jsonld .webmanifest .svg .xml) and
// writes the result to next; other files (.md, .txt, images) pass through
// unchanged. With a nil Minifier it returns next itself: the --no-minify
// path. It implements StreamWriter when next does.
func MinifyingSink(next Sink, m *Minifier) Sink {
	if m == nil {
		return next
	}
	if _, ok := next.(StreamWriter); ok {
		return &minifyingStreamSink{minifyingSink{next: next, m: m}}
	}
	return &minifyingSink{next: next, m: m}
}

type minifyingSink struct {
	next Sink
	m    *Minifier
}

// Write implements Sink.Write.
func (s *minifyingSink) Write(p string, data []byte) error {
	mediaType, ok := minifyTypes[strings.ToLower(path.Ext(p))]
	if !ok {
		return s.next.Write(p, data)
	}
	out := getBuffer()
	defer putBuffer(out)
	if err := s.m.minifyTo(out, mediaType, data); err != nil {
		return minifyProblem(p, err)
	}
	return s.next.Write(p, out.Bytes())
}

type minifyingStreamSink struct{ minifyingSink }

// WriteFrom implements StreamWriter.WriteFrom: files that are not minified
// stream straight through, as does JSON; the others are read whole, as
// minifying needs.
func (s *minifyingStreamSink) WriteFrom(p string, r io.Reader) error {
	ext := strings.ToLower(path.Ext(p))
	// Streamed JSON (answers.json) is written compact by its maker, and
	// grows with the site: reading it whole to minify it would cost a big
	// build hundreds of megabytes for nothing.
	if _, ok := minifyTypes[ext]; !ok || ext == ".json" {
		return s.next.(StreamWriter).WriteFrom(p, r)
	}
	in := getBuffer()
	defer putBuffer(in)
	if _, err := in.ReadFrom(r); err != nil {
		return err
	}
	return s.Write(p, in.Bytes())
}

// minifyProblem reports a file the minifier rejected, at the position of
// the error in the generated file when the parser gives one.
func minifyProblem(p string, err error) diag.Problem {
	const fix = "fix the syntax in the layout, asset or page that produces it, or build with --no-minify"
	var perr *parse.Error
	if errors.As(err, &perr) {
		return diag.Errorf(p, perr.Line, perr.Column, fix, "generated file cannot be minified: %s", perr.Message)
	}
	return diag.Errorf(p, 0, 0, fix, "generated file cannot be minified: %v", err)
}
