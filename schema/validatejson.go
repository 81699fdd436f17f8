package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
)

// fixRendered is the fix for a rendered script that playbook's encoder would
// never produce: the likely cause is a layout override writing its own.
const fixRendered = "if a template in layouts/ writes this script, emit the page's graph with the built-in JSON-LD partial; otherwise report a playbook bug"

// jsonChecker collects violations while ValidateJSON walks a parsed graph.
type jsonChecker struct {
	ids  map[string]bool // every @id defined anywhere in the graph
	out  []Violation
	node string // @id of the top-level node being walked
}

// ValidateJSON checks the body of a rendered <script type="application/ld+json">
// element, as build and check find it in their own output: nothing in it can
// end the script element, it parses as one object with a schema.org @context
// and exactly one non-empty @graph, every node has an @type and a unique
// absolute @id, every {"@id": ...} reference resolves, and every Question has
// a name and exactly one acceptedAnswer whose text follows the rich-result
// rules. Violations carry no Origin: the lead maps them back with NodeID.
func ValidateJSON(data []byte) []Violation {
	j := &jsonChecker{ids: map[string]bool{}}
	j.scanRaw(data)
	graph, ok := j.parse(data)
	if !ok {
		return j.out
	}
	for i, n := range graph {
		j.identify(i, n)
	}
	for _, n := range graph {
		if obj, ok := n.(map[string]any); ok {
			j.node, _ = obj["@id"].(string)
			j.walk(obj, "")
		}
	}
	return j.out
}

func (j *jsonChecker) report(path, fix, msg string) {
	j.out = append(j.out, Violation{NodeID: j.node, Path: path, Msg: msg, Fix: fix})
}

// scanRaw looks for the byte sequences that would end the script element or
// switch the HTML parser into its escaped script state.
func (j *jsonChecker) scanRaw(data []byte) {
	if indexFoldASCII(data, "</script") >= 0 {
		j.report("", fixRendered, `JSON-LD contains "</script", which ends the script element early`)
	}
	if bytes.Contains(data, []byte("<!--")) {
		j.report("", fixRendered, `JSON-LD contains "<!--", which changes how browsers find the end of the script`)
	}
}

// parse reads the top-level object key by key, so a repeated @graph is seen
// rather than silently overwritten, and returns the nodes of the @graph.
func (j *jsonChecker) parse(data []byte) ([]any, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		j.report("", fixRendered, "JSON-LD is not a JSON object"+parseDetail(err))
		return nil, false
	}
	var graphs []json.RawMessage
	var context json.RawMessage
	for dec.More() {
		key, raw, err := nextMember(dec)
		if err != nil {
			j.report("", fixRendered, "JSON-LD does not parse"+parseDetail(err))
			return nil, false
		}
		switch key {
		case "@context":
			context = raw
		case "@graph":
			graphs = append(graphs, raw)
		}
	}
	if !j.end(dec) {
		return nil, false
	}
	j.context(context)
	return j.graph(graphs)
}

// nextMember reads one "key": value pair of an object.
func nextMember(dec *json.Decoder) (string, json.RawMessage, error) {
	tok, err := dec.Token()
	if err != nil {
		return "", nil, err
	}
	key, _ := tok.(string)
	var raw json.RawMessage
	err = dec.Decode(&raw)
	return key, raw, err
}

// end consumes the closing brace and reports anything after it.
func (j *jsonChecker) end(dec *json.Decoder) bool {
	if _, err := dec.Token(); err != nil {
		j.report("", fixRendered, "JSON-LD does not parse"+parseDetail(err))
		return false
	}
	if _, err := dec.Token(); err != io.EOF {
		j.report("", fixRendered, "JSON-LD has data after its top-level object")
		return false
	}
	return true
}

func (j *jsonChecker) context(raw json.RawMessage) {
	var ctx string
	if raw == nil || json.Unmarshal(raw, &ctx) != nil || !isSchemaOrg(ctx) {
		j.report("@context", fixRendered, fmt.Sprintf("@context is %s, want %q", orMissing(raw), Context))
	}
}

func (j *jsonChecker) graph(graphs []json.RawMessage) ([]any, bool) {
	if len(graphs) != 1 {
		j.report("@graph", fixRendered, fmt.Sprintf("JSON-LD has %d @graph members, want exactly 1", len(graphs)))
		if len(graphs) == 0 {
			return nil, false
		}
	}
	var nodes []any
	if err := json.Unmarshal(graphs[len(graphs)-1], &nodes); err != nil || nodes == nil {
		j.report("@graph", fixRendered, "@graph is not an array")
		return nil, false
	}
	if len(nodes) == 0 {
		j.report("@graph", fixRendered, "the JSON-LD graph has no nodes")
	}
	return nodes, true
}

// identify applies the @type and @id rules to top-level node i and records
// every @id defined in it, inline nodes included.
func (j *jsonChecker) identify(i int, n any) {
	obj, ok := n.(map[string]any)
	if !ok {
		j.node = ""
		j.report(idx("@graph", i), fixRendered, "graph node is not a JSON object")
		return
	}
	id, _ := obj["@id"].(string)
	j.node = id
	switch {
	case len(typesOf(obj)) == 0:
		j.report("@type", fixRendered, "node has no @type")
	case id == "":
		j.report("@id", fixRendered, "node has no @id")
	case !isAbsURL(id):
		j.report("@id", fixBaseURL, fmt.Sprintf("@id %q is not an absolute http(s) URL", id))
	}
	if id != "" && j.ids[id] {
		j.report("@id", fixDuplicate, fmt.Sprintf("@id %q is used by more than one node", id))
	}
	j.define(obj)
}

// define records the @id of obj and of every object nested in it that is a
// node rather than a bare reference.
func (j *jsonChecker) define(v any) {
	switch v := v.(type) {
	case map[string]any:
		if id, ok := v["@id"].(string); ok && id != "" && len(v) > 1 {
			j.ids[id] = true
		}
		for _, x := range v {
			j.define(x)
		}
	case []any:
		for _, x := range v {
			j.define(x)
		}
	}
}

// walk checks references and questions everywhere below a node, in key
// order so violations come out in the same order every run.
func (j *jsonChecker) walk(v any, path string) {
	switch v := v.(type) {
	case map[string]any:
		j.object(v, path)
		for _, k := range slices.Sorted(maps.Keys(v)) {
			j.walk(v[k], join(path, k))
		}
	case []any:
		for i, x := range v {
			j.walk(x, idx(path, i))
		}
	}
}

// object applies the rules that hang on one object: a bare {"@id": ...}
// must resolve, and a Question must follow the rich-result rules.
func (j *jsonChecker) object(obj map[string]any, path string) {
	if raw, ok := obj["@id"]; ok && len(obj) == 1 {
		id, _ := raw.(string)
		if !j.ids[id] {
			j.report(path, fixRef, fmt.Sprintf("%s points at %q, which is not in the graph", orRoot(path), id))
		}
	}
	if slices.Contains(typesOf(obj), "Question") {
		j.question(obj, path)
	}
}

// question applies the rich-result rules to a Question object.
func (j *jsonChecker) question(q map[string]any, path string) {
	name, _ := q["name"].(string)
	if strings.TrimSpace(name) == "" {
		j.report(join(path, "name"), fixQuestion, "question has no text")
	}
	answers := q["acceptedAnswer"]
	if list, ok := answers.([]any); ok {
		if len(list) != 1 {
			j.report(join(path, "acceptedAnswer"), fixAnswer,
				fmt.Sprintf("question %q has %d acceptedAnswer values, want exactly 1", name, len(list)))
			return
		}
		answers = list[0]
	}
	a, ok := answers.(map[string]any)
	if !ok {
		j.report(join(path, "acceptedAnswer"), fixAnswer, fmt.Sprintf("question %q has no acceptedAnswer", name))
		return
	}
	text, _ := a["text"].(string)
	if msg, fix := answerTextProblem(text); msg != "" {
		j.report(join(path, "acceptedAnswer.text"), fix, fmt.Sprintf("answer to %q %s", name, msg))
	}
}

// typesOf returns the @type of obj, which JSON-LD allows as a string or an
// array of strings.
func typesOf(obj map[string]any) []string {
	switch t := obj["@type"].(type) {
	case string:
		if t != "" {
			return []string{t}
		}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok && s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func isSchemaOrg(ctx string) bool {
	ctx = strings.TrimSuffix(ctx, "/")
	return ctx == "https://schema.org" || ctx == "http://schema.org"
}

// indexFoldASCII is bytes.Index ignoring ASCII case only, as HTML does for
// tag names; pattern must be lower case. It allocates nothing, unlike
// lowering a copy of data.
func indexFoldASCII(data []byte, pattern string) int {
	for i := 0; i+len(pattern) <= len(data); i++ {
		if hasPrefixFoldASCII(data[i:], pattern) {
			return i
		}
	}
	return -1
}

func hasPrefixFoldASCII(data []byte, pattern string) bool {
	for k := 0; k < len(pattern); k++ {
		c := data[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != pattern[k] {
			return false
		}
	}
	return true
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func orRoot(path string) string {
	if path == "" {
		return "reference"
	}
	return path
}

// orMissing shows a raw value in a message, cut short so a stray object
// does not flood the report.
func orMissing(raw json.RawMessage) string {
	const limit = 60
	if raw == nil {
		return "missing"
	}
	if r := []rune(string(raw)); len(r) > limit {
		return string(r[:limit]) + "…"
	}
	return string(raw)
}

func parseDetail(err error) string {
	var syn *json.SyntaxError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &syn):
		return fmt.Sprintf(" (at byte %d: %v)", syn.Offset, err)
	default:
		return ": " + err.Error()
	}
}
