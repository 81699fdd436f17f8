package meta

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
	yamlast "github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"playbook/generator/diag"
)

// Pos is a 1-based line and column in a file.
type Pos struct{ Line, Col int }

// Map is a decoded mapping: Values as plain Go values (string, bool,
// int64, float64, time.Time, []any, map[string]any, nil) and the position of
// every key, indexed by path ("title", "metrics[2].before").
type Map struct {
	File   string
	Values map[string]any
	pos    positions
	// origin is where the mapping itself starts, used for problems about
	// missing keys.
	origin Pos
}

// Pos returns the position of path, falling back to the start of the
// mapping when the path is unknown (a missing key, say).
func (m *Map) Pos(path string) Pos {
	if p, ok := m.pos.get(path); ok {
		return p
	}
	return m.origin
}

// Has reports whether the mapping has a top-level key.
func (m *Map) Has(key string) bool {
	_, ok := m.Values[key]
	return ok
}

// DecodeYAML decodes a YAML mapping. lineOffset is the number of lines of
// the file before src (front matter starts after its "---" line).
func DecodeYAML(file string, src []byte, lineOffset int) (*Map, []diag.Problem) {
	m := &Map{File: file, Values: map[string]any{}, origin: Pos{lineOffset + 1, 1}}
	if len(bytes.TrimSpace(src)) == 0 {
		return m, nil
	}
	// go-yaml counts a CRLF that ends a comment as two line ends, so every
	// position after it would be a line late. A scalar's line breaks read
	// as LF either way, so the values do not change.
	if bytes.Contains(src, []byte("\r\n")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	if p := CheckYAML(src, subject(lineOffset)); p != nil {
		return m, []diag.Problem{p.Shift(file, lineOffset)}
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		return m, []diag.Problem{yamlProblem(file, err, src, lineOffset)}
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return m, nil
	}
	body := f.Docs[0].Body
	mapping, ok := asMapping(body)
	if !ok {
		p := tokenPos(body, lineOffset)
		return m, []diag.Problem{diag.Errorf(file, p.Line, p.Col,
			"write one `key: value` per line", "front matter must be a mapping of keys to values, found a %s", body.Type())}
	}
	if p := CheckExpansion(mapping, subject(lineOffset)); p != nil {
		return m, []diag.Problem{p.Shift(file, lineOffset)}
	}
	var v map[string]any
	if err := yaml.NodeToValue(mapping, &v); err != nil {
		return m, []diag.Problem{yamlProblem(file, err, src, lineOffset)}
	}
	m.Values = packed(v)
	recordPositions(&m.pos, "", mapping, lineOffset)
	m.pos.seal()
	return m, nil
}

// subject names the decoded text in budget problems: text after other
// lines is a page's front matter; from the first line, a config file.
func subject(lineOffset int) string {
	if lineOffset > 0 {
		return "the front matter"
	}
	return "the file"
}

// asMapping unwraps tags and anchors down to a mapping node.
func asMapping(n yamlast.Node) (yamlast.Node, bool) {
	switch t := n.(type) {
	case *yamlast.MappingNode:
		return t, true
	case *yamlast.MappingValueNode:
		return t, true
	case *yamlast.TagNode:
		return asMapping(t.Value)
	case *yamlast.AnchorNode:
		return asMapping(t.Value)
	}
	return nil, false
}

// recordPositions walks the YAML AST and stores the position of every
// mapping key and sequence item under its path.
func recordPositions(into *positions, prefix string, n yamlast.Node, lineOffset int) {
	switch t := n.(type) {
	case *yamlast.MappingNode:
		for _, mv := range t.Values {
			recordPositions(into, prefix, mv, lineOffset)
		}
	case *yamlast.MappingValueNode:
		path := join(prefix, t.Key.String())
		into.set(path, tokenPos(t.Key, lineOffset))
		recordPositions(into, path, t.Value, lineOffset)
	case *yamlast.SequenceNode:
		for i, item := range t.Values {
			path := prefix + "[" + strconv.Itoa(i) + "]"
			into.set(path, tokenPos(item, lineOffset))
			recordPositions(into, path, item, lineOffset)
		}
	case *yamlast.TagNode:
		recordPositions(into, prefix, t.Value, lineOffset)
	case *yamlast.AnchorNode:
		recordPositions(into, prefix, t.Value, lineOffset)
	}
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

func tokenPos(n yamlast.Node, lineOffset int) Pos {
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{lineOffset + 1, 1}
	}
	return Pos{tk.Position.Line + lineOffset, tk.Position.Column}
}

// yamlProblem turns a go-yaml error in src into a positioned problem.
func yamlProblem(file string, err error, src []byte, lineOffset int) diag.Problem {
	line, col, msg := 1, 1, err.Error()
	if ye, ok := err.(yaml.Error); ok {
		msg = ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			line, col = tk.Position.Line, tk.Position.Column
		}
	}
	// A position past the end of the text (go-yaml has placed some
	// there) points at its last line.
	if last := lineCount(src); line > last {
		line, col = last, 1
	}
	line += lineOffset
	msg, fix := explainYAML(msg, lineOffset)
	return diag.Errorf(file, line, col, fix, "invalid YAML: %s", msg)
}

// lineCount is how many lines YAML sees in src: a line ends at LF, CRLF
// or a lone CR.
func lineCount(src []byte) int {
	return bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r")) - bytes.Count(src, []byte("\r\n")) + 1
}

var (
	// duplicateKey is go-yaml's message for a key written twice; its
	// position is of the fragment decoded, not of the file.
	duplicateKey = regexp.MustCompile(`^mapping key "(.*)" already defined at \[(\d+):(\d+)\]$`)
	tabChar      = regexp.MustCompile(`found character '\t' that cannot start any token`)
)

// explainYAML rewrites go-yaml's messages that name a character or a
// position in its own terms, and says how to fix the problem.
func explainYAML(msg string, lineOffset int) (string, string) {
	if m := duplicateKey.FindStringSubmatch(msg); m != nil {
		first, _ := strconv.Atoi(m[2])
		return fmt.Sprintf("the key %q is written twice: first on line %d, again here", m[1], first+lineOffset),
			"keep one of the two (a later one would silently win in other tools)"
	}
	if tabChar.MatchString(msg) {
		return "a tab character cannot indent or start YAML", "indent with spaces: replace the tab with spaces"
	}
	return msg, "fix the YAML syntax (indent with spaces, quote values containing ': ' or '#')"
}

// DecodeTOML decodes a TOML table. lineOffset is the number of lines of
// the file before src.
func DecodeTOML(file string, src []byte, lineOffset int) (*Map, []diag.Problem) {
	m := &Map{File: file, Values: map[string]any{}, origin: Pos{lineOffset + 1, 1}}
	if p := CheckTOML(src, subject(lineOffset)); p != nil {
		return m, []diag.Problem{p.Shift(file, lineOffset)}
	}
	md, err := toml.Decode(string(src), &m.Values)
	if err != nil {
		line, col := lineOffset+1, 1
		msg := err.Error()
		if pe, ok := err.(toml.ParseError); ok {
			line, col, msg = pe.Position.Line+lineOffset, max(pe.Position.Col, 1), pe.Message
		}
		return m, []diag.Problem{diag.Errorf(file, line, col, "fix the TOML syntax (key = \"value\", one per line)", "invalid TOML: %s", msg)}
	}
	m.Values = packed(m.Values)
	recordTOMLKeyLines(&m.pos, src, md, lineOffset)
	m.pos.seal()
	return m, nil
}

// recordTOMLKeyLines finds the line of each top-level key. BurntSushi/toml
// does not report key positions, so the lines of the source that start
// `key =` (bare or quoted) are indexed once, and each top-level key looked
// up there; a key not found falls back to the mapping's start.
func recordTOMLKeyLines(into *positions, src []byte, md toml.MetaData, lineOffset int) {
	lines := map[string]int{}
	for i, l := range bytes.Split(src, []byte("\n")) {
		if key, ok := assignedKey(bytes.TrimLeft(l, " \t")); ok {
			if _, seen := lines[key]; !seen {
				lines[key] = i + 1
			}
		}
	}
	for _, key := range md.Keys() {
		if len(key) != 1 {
			continue
		}
		if line, ok := lines[key[0]]; ok {
			into.set(key[0], Pos{line + lineOffset, 1})
		}
	}
}

// assignedKey returns the key a TOML line `key = value` assigns: a bare
// key, or a quoted one without escapes.
func assignedKey(l []byte) (string, bool) {
	var key []byte
	switch {
	case len(l) > 0 && (l[0] == '"' || l[0] == '\''):
		end := bytes.IndexByte(l[1:], l[0])
		if end < 0 || bytes.IndexByte(l[1:end+1], '\\') >= 0 {
			return "", false
		}
		key, l = l[1:end+1], l[end+2:]
	default:
		n := 0
		for n < len(l) && isBareKeyByte(l[n]) {
			n++
		}
		key, l = l[:n], l[n:]
		if n == 0 {
			return "", false
		}
	}
	l = bytes.TrimLeft(l, " \t")
	return string(key), len(l) > 0 && l[0] == '='
}

func isBareKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-'
}

// String implements fmt.Stringer for debugging.
func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }
