package ltv

import (
	"errors"
	"fmt"
	"strconv"

	yaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"playbook/generator/diag"
	"playbook/generator/meta"
)

// DecodeDefaults reads calculator defaults from YAML: the body of a
// `::: calculator ltv` block or a calculator page's `defaults:` map, keyed
// by the URL query keys and starting from Defaults. Every problem is
// reported with the line and column of the bad key or value, counted from
// the first line of yamlSrc; the caller moves it into its file with
// Problem.Shift. The Problems carry no file name.
func DecodeDefaults(yamlSrc []byte) (Inputs, []diag.Problem) {
	in := Defaults()
	if p := meta.CheckYAML(yamlSrc, "the calculator block"); p != nil {
		return in, []diag.Problem{*p}
	}
	f, err := parser.ParseBytes(yamlSrc, 0)
	if err != nil {
		return in, []diag.Problem{syntaxProblem(err)}
	}
	var probs []diag.Problem
	for i, doc := range f.Docs {
		if doc.Body == nil {
			continue
		}
		if i > 0 {
			line, col := nodePos(doc.Body)
			if doc.Start != nil && doc.Start.Position != nil {
				line, col = doc.Start.Position.Line, doc.Start.Position.Column
			}
			probs = append(probs, diag.Errorf("", line, col, "remove the `---` and keep one block of `key: value` lines",
				"calculator defaults hold more than one YAML document"))
			break
		}
		if p := meta.CheckExpansion(doc.Body, "the calculator block"); p != nil {
			return in, []diag.Problem{*p}
		}
		probs = append(probs, decodeBody(&in, doc.Body)...)
	}
	return in, probs
}

// decodeBody applies a mapping of defaults to in.
func decodeBody(in *Inputs, body ast.Node) []diag.Problem {
	m, ok := body.(*ast.MappingNode)
	if !ok {
		line, col := nodePos(body)
		return []diag.Problem{diag.Errorf("", line, col, "write one `key: value` per line, e.g. `aov: 120`; "+keysFix(),
			"calculator defaults must be `key: value` lines, found a YAML %s", body.Type())}
	}
	var probs []diag.Problem
	for _, mv := range m.Values {
		if p, bad := decodePair(in, mv); bad {
			probs = append(probs, p)
		}
	}
	return probs
}

// decodePair applies one `key: value` line.
func decodePair(in *Inputs, mv *ast.MappingValueNode) (diag.Problem, bool) {
	key := mv.Key.GetToken().Value
	kLine, kCol := nodePos(mv.Key)
	if _, isMerge := mv.Key.(*ast.MergeKeyNode); isMerge || !isKey(key) {
		return diag.Errorf("", kLine, kCol, keysFix(), "%s", unknownKeyMsg(key)), true
	}
	vLine, vCol := nodePos(mv.Value)
	if _, null := mv.Value.(*ast.NullNode); null {
		vLine, vCol = kLine, kCol
	}
	var v any
	if err := yaml.NodeToValue(mv.Value, &v); err != nil {
		return diag.Errorf("", vLine, vCol, fixFor(key), "cannot read the value of %s: %s", key, yamlMessage(err)), true
	}
	if e := applyValue(in, key, v); e != nil {
		return diag.Errorf("", vLine, vCol, fixFor(key), "invalid calculator default %s: %s", key, e.Msg), true
	}
	return diag.Problem{}, false
}

// fixFor says what a valid value of key looks like.
func fixFor(key string) string {
	if key == "mode" {
		return "set mode to purchase or churn"
	}
	f, _ := fieldByKey(key)
	lo, hi := strconv.FormatFloat(f.min, 'f', -1, 64), strconv.FormatFloat(f.max, 'f', -1, 64)
	if f.rate {
		return fmt.Sprintf("set %s to a fraction from %s to %s (0.5 means 50%%)", key, lo, hi)
	}
	return fmt.Sprintf("set %s to a number from %s to %s", key, lo, hi)
}

// syntaxProblem turns a YAML parse error into a positioned Problem.
func syntaxProblem(err error) diag.Problem {
	line, col := 1, 1
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
		line, col = ye.GetToken().Position.Line, ye.GetToken().Position.Column
	}
	return diag.Errorf("", line, col, "write one `key: value` per line, e.g. `aov: 120`",
		"calculator defaults are not valid YAML: %s", yamlMessage(err))
}

// yamlMessage is the bare message of a go-yaml error, without its
// source excerpt (the Problem already carries the position).
func yamlMessage(err error) string {
	var ye yaml.Error
	if errors.As(err, &ye) {
		return ye.GetMessage()
	}
	return err.Error()
}

// nodePos returns the 1-based line and column where n starts.
func nodePos(n ast.Node) (line, col int) {
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line, tk.Position.Column
	}
	return 1, 1
}
