package schema

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// appender is implemented by every type of this package: it writes the
// value as a JSON object. Writing by hand rather than through reflection
// keeps encoding cheap on builds of thousands of pages, and writes each
// string once instead of re-scanning nested json.Marshaler output.
type appender interface {
	appendJSON(w *writer)
}

// writer builds one JSON object at a time; sep says whether the next member
// needs a leading comma.
type writer struct {
	b   []byte
	sep bool
	err error
}

// marshal returns v as JSON: the body of every MarshalJSON of this package.
func marshal(v appender) ([]byte, error) {
	w := &writer{b: make([]byte, 0, 256)}
	v.appendJSON(w)
	return w.b, w.err
}

// open starts an object with its @type and, when id is set, its @id.
func (w *writer) open(typ, id string) {
	w.b = append(w.b, `{"@type":`...)
	w.b = appendString(w.b, typ)
	w.sep = true
	w.str("@id", id)
}

func (w *writer) close() {
	w.b = append(w.b, '}')
	w.sep = true
}

// key writes the member name and colon, preceded by a comma when needed.
func (w *writer) key(k string) {
	if w.sep {
		w.b = append(w.b, ',')
	}
	w.b = appendString(w.b, k)
	w.b = append(w.b, ':')
	w.sep = false
}

// need writes a required string member, even when empty, so the
// validators and readers see it is missing rather than absent by design.
func (w *writer) need(k, v string) {
	w.key(k)
	w.b = appendString(w.b, v)
	w.sep = true
}

// str writes an optional string member; empty strings are left out.
func (w *writer) str(k, v string) {
	if v != "" {
		w.need(k, v)
	}
}

func (w *writer) strs(k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	w.key(k)
	w.b = append(w.b, '[')
	for i, v := range vs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.b = appendString(w.b, v)
	}
	w.b = append(w.b, ']')
	w.sep = true
}

// int writes an integer member; zero is left out unless always is set.
func (w *writer) int(k string, v int, always bool) {
	if v == 0 && !always {
		return
	}
	w.key(k)
	w.b = strconv.AppendInt(w.b, int64(v), 10)
	w.sep = true
}

// number writes a float member; NaN and infinities have no JSON form.
func (w *writer) number(k string, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		w.err = fmt.Errorf("schema: %s is %v, which JSON cannot hold", k, v)
		return
	}
	w.key(k)
	w.b = strconv.AppendFloat(w.b, v, 'f', -1, 64)
	w.sep = true
}

func (w *writer) bool(k string, v bool) {
	if v {
		w.key(k)
		w.b = append(w.b, "true"...)
		w.sep = true
	}
}

// ref writes {"@id": ...}; a nil reference is left out.
func (w *writer) ref(k string, r *Ref) {
	if r != nil {
		w.key(k)
		r.appendJSON(w)
	}
}

func (w *writer) refs(k string, rs []Ref) {
	if len(rs) > 0 {
		list(w, k, rs, true)
	}
}

// object writes a nested object member; nil is left out.
func object[T appender](w *writer, k string, v *T) {
	if v != nil {
		w.key(k)
		(*v).appendJSON(w)
	}
}

// list writes an array member of objects; an empty list is written as []
// only when always is set.
func list[T appender](w *writer, k string, vs []T, always bool) {
	if len(vs) == 0 && !always {
		return
	}
	w.key(k)
	w.b = append(w.b, '[')
	for i := range vs {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.sep = false
		vs[i].appendJSON(w)
	}
	w.b = append(w.b, ']')
	w.sep = true
}

// appendJSON implements appender.
func (r Ref) appendJSON(w *writer) {
	w.b = append(w.b, `{"@id":`...)
	w.b = appendString(w.b, r.ID)
	w.close()
}

// htmlSafe marks the ASCII bytes that may appear in a JSON string as they
// are inside a <script> element: printable, not a quote or backslash, and
// not <, > or &, which could start a closing tag, comment or entity.
var htmlSafe = func() (t [utf8.RuneSelf]bool) {
	for c := byte(' '); c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does with
// HTML escaping on: <, >, &, control bytes, U+2028 and U+2029 as \u escapes,
// invalid UTF-8 as U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !htmlSafe[c] {
				b = append(b, s[start:i]...)
				b = appendEscape(b, c)
				start = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = appendRuneEscape(b, r)
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscape escapes one ASCII byte.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// appendRuneEscape escapes U+2028, U+2029 and the replacement character.
func appendRuneEscape(b []byte, r rune) []byte {
	return append(b, '\\', 'u',
		hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
}
