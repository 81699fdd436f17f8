package load

import (
	"bytes"
	"io"
	"io/fs"
	"unicode/utf8"

	"github.com/adrg/frontmatter"

	"playbook/generator/diag"
	"playbook/generator/meta"
)

// MaxPageBytes bounds one content file: a 50 MB "page" is a mistake (a
// pasted export, a binary renamed .md), not something to parse.
const MaxPageBytes = 8 << 20

// Source is one content file split into its parts.
type Source struct {
	Path     string    // site-relative, "content/guides/a.md"
	Body     []byte    // Markdown after the front matter
	BodyLine int       // lines of the file before Body
	Front    *meta.Map // decoded front matter (empty when there is none)
	HasFront bool
	// FrontBroken is set when the front matter did not decode; later
	// stages then stay quiet about fields it lacks, which would only
	// repeat the one real problem.
	FrontBroken bool
}

// Read loads and splits one content file. Problems (bad front matter,
// invalid UTF-8, oversize files) are returned with the Source so the run can
// report them all; the Source is nil only when the file could not be read.
func Read(fsys fs.FS, p string) (*Source, diag.List) {
	s, probs, _ := ReadInto(nil, fsys, p)
	return s, probs
}

// ReadInto is Read reading the file into buf's memory when it is big
// enough; it returns the memory the file is in, which Source.Body points
// into. A caller may reuse that memory once nothing refers to the Source's
// Body any more (render.Prepare lets go of it).
func ReadInto(buf []byte, fsys fs.FS, p string) (*Source, diag.List, []byte) {
	src, err := readLimited(buf, fsys, p)
	if err != nil {
		return nil, diag.List{fileProblem(p, err)}, nil
	}
	s, probs := Split(p, src)
	return s, probs, src
}

// Split separates front matter from the body and decodes it.
func Split(p string, src []byte) (*Source, diag.List) {
	var probs diag.List
	if !utf8.Valid(src) {
		line, col := firstInvalidUTF8(src)
		return nil, diag.List{diag.Errorf(p, line, col, "save the file as UTF-8", "the file is not valid UTF-8")}
	}
	if bytes.IndexByte(src, 0) >= 0 {
		line, col := diag.LineCol(src, bytes.IndexByte(src, 0))
		return nil, diag.List{diag.Errorf(p, line, col, "remove the NUL byte (is this a binary file?)", "the file contains a NUL byte")}
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	fm, err := splitFront(src)
	if err != nil {
		return nil, diag.List{diag.Errorf(p, 1, 1, "", "cannot split front matter: %v", err)}
	}
	s := &Source{Path: p, Body: fm.body, BodyLine: fm.bodyLine, HasFront: fm.format != ""}
	switch fm.format {
	case "yaml":
		s.Front, probs = meta.DecodeYAML(p, fm.data, fm.dataLine)
	case "toml":
		s.Front, probs = meta.DecodeTOML(p, fm.data, fm.dataLine)
	default:
		s.Front, _ = meta.DecodeYAML(p, nil, 0)
		if delim, line := unclosedFront(src); delim != "" {
			probs.Add(diag.Errorf(p, line, 1, "close it with a line "+delim+" after the last field",
				"front matter opened with %s is never closed", delim))
		}
	}
	s.FrontBroken = len(probs) > 0
	return s, probs
}

// splitResult is the front matter split of one file.
type splitResult struct {
	format   string // "yaml", "toml" or "" when the file has none
	data     []byte // front matter between the delimiters
	dataLine int    // lines of the file before data
	body     []byte
	bodyLine int
}

// splitFront uses adrg/frontmatter with formats that capture the raw front
// matter instead of decoding it, so decoding can keep positions.
func splitFront(src []byte) (splitResult, error) {
	var r splitResult
	in := &headReader{src: src}
	capture := func(format string) frontmatter.UnmarshalFunc {
		return func(data []byte, _ any) error {
			r.format, r.data = format, data
			in.done = true
			return nil
		}
	}
	rest, err := frontmatter.Parse(in, nil,
		frontmatter.NewFormat("---", "---", capture("yaml")),
		frontmatter.NewFormat("+++", "+++", capture("toml")))
	if err != nil {
		return r, err
	}
	// rest is what follows the front matter up to where reading stopped;
	// the body is everything after the front matter.
	r.body = src[in.off-len(rest):]
	r.bodyLine = bytes.Count(src[:len(src)-len(r.body)], []byte("\n"))
	if r.format != "" {
		start := bytes.Index(src, r.data)
		if len(r.data) == 0 || start < 0 {
			start = bytes.IndexByte(src, '\n') + 1
		}
		r.dataLine = bytes.Count(src[:start], []byte("\n"))
	}
	return r, nil
}

// headReader reads src a line at a time until the front matter has been
// captured. The splitter would otherwise copy the whole body into a
// buffer of its own, on every page, to return what is a slice of src
// anyway; handing out lines keeps its read-ahead from running past the
// closing delimiter.
type headReader struct {
	src  []byte
	off  int // bytes handed out
	done bool
}

func (h *headReader) Read(p []byte) (int, error) {
	if h.done || h.off >= len(h.src) {
		return 0, io.EOF
	}
	line := h.src[h.off:]
	if i := bytes.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	n := copy(p, line)
	h.off += n
	return n, nil
}

// unclosedFront reports a file whose first non-blank line opens front
// matter that the splitter did not find closed.
func unclosedFront(src []byte) (delim string, line int) {
	for i, l := range bytes.Split(src, []byte("\n")) {
		t := string(bytes.TrimSpace(l))
		if t == "" {
			continue
		}
		if t == "---" || t == "+++" {
			return t, i + 1
		}
		return "", 0
	}
	return "", 0
}

func firstInvalidUTF8(src []byte) (line, col int) {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return diag.LineCol(src, i)
		}
		i += size
	}
	return 1, 1
}
