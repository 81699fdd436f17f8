package meta

import (
	"bytes"

	"playbook/generator/diag"
)

// The budgets of one YAML or TOML text (front matter, site config,
// calculator defaults). They are checked by a single pass over the text
// before the library sees it, because past them the libraries stop being
// linear: go-yaml's block-mapping parser copies every later key once per
// key (quadratic in the keys of one mapping) and expands aliases in full
// (a chain of merge keys doubles at every link); BurntSushi/toml and
// go-yaml recurse once per nesting level and per dotted-key segment. Real
// front matter is a few dozen keys, three or four levels deep, and seldom
// uses an alias at all.
const (
	MaxBytes   = 256 << 10 // front matter or config file
	MaxKeys    = 2000      // mapping keys, all mappings together
	MaxDepth   = 32        // nesting levels: indentation, "- " items, [ and {
	MaxAliases = 16        // YAML *alias uses (merge keys included)
	MaxDotted  = 32        // segments of one dotted TOML key: a.b.c
)

// budget counts what the text spends; exceeded is the first problem.
type budget struct {
	src      []byte
	what     string // "front matter", "calculator defaults": the subject of the messages
	keys     int
	aliases  int
	flow     int // open [ and { of a YAML flow collection
	exceeded *diag.Problem
}

func (b *budget) refuse(off int, fix, format string, args ...any) {
	if b.exceeded == nil {
		line, col := diag.LineCol(b.src, off)
		p := diag.Errorf("", line, col, fix, format, args...)
		b.exceeded = &p
	}
}

func (b *budget) depth(off, d int) {
	if d > MaxDepth {
		b.refuse(off, "flatten the structure: front matter holds plain fields and short lists",
			"%s nests values more than %d levels deep", b.what, MaxDepth)
	}
}

func (b *budget) key(off int) {
	if b.keys++; b.keys > MaxKeys {
		b.refuse(off, "move the data into a page body or a static data file",
			"%s has more than %d keys", b.what, MaxKeys)
	}
}

func tooBig(src []byte, what string) *diag.Problem {
	if len(src) <= MaxBytes {
		return nil
	}
	p := diag.Errorf("", 1, 1, "move long text into the page body and data into a static file",
		"%s is over the %d KB limit (%d KB)", what, MaxBytes>>10, len(src)>>10)
	return &p
}

// CheckYAML returns the first budget src exceeds (what names src in the
// message), with its line and column
// counted from src's first line, or nil when src is within every budget.
// It is a scan, not a parser: what it cannot tell apart it counts, so it
// errs on the side of the limit only for texts near it.
func CheckYAML(src []byte, what string) *diag.Problem {
	if p := tooBig(src, what); p != nil {
		return p
	}
	b := &budget{src: src, what: what}
	var indents []int  // indentation of the enclosing block levels
	scalarIndent := -1 // inside a block scalar (| or >) of a line at this indentation
	for off := 0; off < len(src) && b.exceeded == nil; {
		end := lineEnd(src, off)
		line := src[off:end]
		indent := leadingSpaces(line)
		body := bytes.TrimRight(line[indent:], " \t\r\n")
		switch {
		case len(body) == 0 || body[0] == '#':
		case scalarIndent >= 0 && indent > scalarIndent:
		case b.flow > 0: // a flow collection goes on: indentation means nothing
			b.yamlLine(off+indent, body, len(indents))
		default:
			scalarIndent = -1
			for len(indents) > 0 && indents[len(indents)-1] >= indent {
				indents = indents[:len(indents)-1]
			}
			indents = append(indents, indent)
			if b.yamlLine(off+indent, body, len(indents)) {
				scalarIndent = indent
			}
		}
		off = end
	}
	return b.exceeded
}

// yamlLine scans one non-blank line (body, at offset off) at block level
// level; it reports whether the line opens a block scalar.
func (b *budget) yamlLine(off int, body []byte, level int) (blockScalar bool) {
	i := 0
	for b.flow == 0 && i+1 < len(body) && body[i] == '-' && body[i+1] == ' ' { // "- - x": a level per item
		level++
		i = skipSpaces(body, i+1)
	}
	b.depth(off, level)
	nodeStart := true // the next byte may start a node (and so be an alias)
	keyOnLine := false
	for ; i < len(body) && b.exceeded == nil; i++ {
		c := body[i]
		switch {
		case c == ' ' || c == '\t':
			continue // a node may still start after spaces
		case c == '"' || c == '\'':
			i = skipQuoted(body, i)
		case c == '#' && i > 0 && (body[i-1] == ' ' || body[i-1] == '\t'):
			return false
		case (c == '&' || c == '!') && nodeStart: // an anchor or a tag: the node comes after it
			for i+1 < len(body) && body[i+1] != ' ' && body[i+1] != '\t' && body[i+1] != ',' && body[i+1] != '[' && body[i+1] != '{' {
				i++
			}
			continue
		case c == '*' && nodeStart:
			if b.aliases++; b.aliases > MaxAliases {
				b.refuse(off+i, "write the values out instead of repeating them through aliases",
					"%s uses more than %d aliases (*name)", b.what, MaxAliases)
			}
		case (c == '[' || c == '{') && nodeStart:
			b.flow++
			b.depth(off+i, level+b.flow)
		case (c == ']' || c == '}') && b.flow > 0:
			b.flow--
		case c == ':' && isKeyColon(body, i, b.flow > 0) && (b.flow > 0 || !keyOnLine):
			b.key(off + i)
			keyOnLine = b.flow == 0
		}
		nodeStart = c == '[' || c == '{' || (c == ':' && isKeyColon(body, i, b.flow > 0)) || (b.flow > 0 && c == ',')
	}
	return b.flow == 0 && endsBlockScalar(body)
}

// isKeyColon reports whether the ':' at body[i] ends a key: it is followed
// by a space or the end of the line, or in a flow collection by , ] or }.
func isKeyColon(body []byte, i int, flow bool) bool {
	if i+1 == len(body) || body[i+1] == ' ' || body[i+1] == '\t' {
		return true
	}
	return flow && (body[i+1] == ',' || body[i+1] == '}' || body[i+1] == ']')
}

// endsBlockScalar reports whether a line ends in a block scalar indicator
// ("key: |", "- >-", "key: |2+").
func endsBlockScalar(body []byte) bool {
	i := len(body)
	for i > 0 && (body[i-1] == '-' || body[i-1] == '+' || ('0' <= body[i-1] && body[i-1] <= '9')) {
		i--
	}
	if i == 0 || (body[i-1] != '|' && body[i-1] != '>') {
		return false
	}
	return i == 1 || body[i-2] == ' '
}

// skipQuoted returns the index of the closing quote of the string opened
// at body[i] (” and \" escapes), or the end of the line.
func skipQuoted(body []byte, i int) int {
	q := body[i]
	for j := i + 1; j < len(body); j++ {
		switch {
		case q == '"' && body[j] == '\\':
			j++
		case body[j] == q && q == '\'' && j+1 < len(body) && body[j+1] == '\'':
			j++
		case body[j] == q:
			return j
		}
	}
	return len(body)
}

// CheckTOML returns the first budget a TOML text exceeds (size, keys,
// nesting of arrays and inline tables, dotted-key length), or nil.
func CheckTOML(src []byte, what string) *diag.Problem {
	if p := tooBig(src, what); p != nil {
		return p
	}
	b := &budget{src: src, what: what}
	depth, segments := 0, 1
	atKey := true // at the start of a line's key (before '=')
	for i := 0; i < len(src) && b.exceeded == nil; i++ {
		switch c := src[i]; {
		case c == '"' || c == '\'':
			i = skipTOMLString(src, i)
		case c == '#':
			i = lineEnd(src, i) - 1
		case c == '\n':
			atKey, segments = depth == 0, 1
		case c == '.' && atKey:
			if segments++; segments > MaxDotted {
				b.refuse(i, "use a [table] header and shorter keys", "%s has a dotted key of more than %d parts", b.what, MaxDotted)
			}
		case c == '=' && atKey:
			b.key(i)
			atKey, segments = false, 1
		case c == '[' || c == '{':
			depth++
			b.depth(i, depth)
			atKey = c == '{' || (atKey && depth == 1) // a table header is a key, as is an inline table's
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		case c == ',' && depth > 0:
			atKey = true
			segments = 1
		}
	}
	return b.exceeded
}

// skipTOMLString returns the index of the last byte of the string opened
// at src[i]: basic or literal, one line or multi-line (""" and ”').
func skipTOMLString(src []byte, i int) int {
	q := src[i]
	if bytes.HasPrefix(src[i:], []byte{q, q, q}) {
		delim := []byte{q, q, q}
		for j := i + 3; j < len(src); j++ {
			if q == '"' && src[j] == '\\' {
				j++
				continue
			}
			if bytes.HasPrefix(src[j:], delim) {
				return j + 2
			}
		}
		return len(src) - 1
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case src[j] == '\n':
			return j - 1
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q:
			return j
		}
	}
	return len(src) - 1
}

func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(src)
}

func leadingSpaces(b []byte) int {
	n := 0
	for n < len(b) && (b[n] == ' ' || b[n] == '\t') {
		n++
	}
	return n
}

func skipSpaces(b []byte, i int) int {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	return i
}
