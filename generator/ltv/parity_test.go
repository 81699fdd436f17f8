package ltv

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// nodePath is where the Debian nodejs package installs Node.
const nodePath = "/usr/bin/node"

// jsNum is a number from parity.js: a JSON number, or the text of NaN or
// ±Infinity, which JSON cannot carry.
type jsNum float64

// UnmarshalJSON implements json.Unmarshaler.
func (n *jsNum) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		f, err := strconv.ParseFloat(strings.Replace(s, "Infinity", "Inf", 1), 64)
		*n = jsNum(f)
		return err
	}
	var f float64
	err := json.Unmarshal(b, &f)
	*n = jsNum(f)
	return err
}

type jsInputs struct {
	Mode   string            `json:"mode"`
	Values map[string]*jsNum `json:"values"`
}

type jsQuery struct {
	jsInputs
	Errors  []struct{ Key, Msg string } `json:"errors"`
	OK      bool                        `json:"ok"`
	Figures map[string]*jsNum           `json:"figures"`
	Texts   map[string]string           `json:"texts"`
	Notes   map[string]string           `json:"notes"`
}

type jsOutput struct {
	Keys          []string  `json:"keys"`
	Defaults      jsInputs  `json:"defaults"`
	Queries       []jsQuery `json:"queries"`
	Formats       []string  `json:"formats"`
	Percents      []string  `json:"percents"`
	Forms         []jsQuery `json:"forms"`
	FormTexts     []string  `json:"formTexts"`
	QueryToForms  []string  `json:"queryToForms"`
	FormToQueries []string  `json:"formToQueries"`
}

// TestParityWithJavaScript runs calculator.js under Node over the Go
// table (every query case, a few hundred generated queries, every Format
// case) and compares every input, figure, text, note and error.
func TestParityWithJavaScript(t *testing.T) {
	queries := parityQueries()
	formats := parityFormats()
	forms, formTexts, texts := parityForms(), parityFormTexts(), parityTexts()
	out := runNode(t, map[string]any{"queries": queries, "formats": formats,
		"forms": forms, "formTexts": formTexts, "queryToForms": texts})
	if !reflect.DeepEqual(out.Keys, Keys) {
		t.Errorf("JS keys %q, Go keys %q", out.Keys, Keys)
	}
	compareInputs(t, "defaults", out.Defaults, Defaults())
	if len(out.Queries) != len(queries) || len(out.Formats) != len(formats) {
		t.Fatalf("node answered %d queries and %d formats, want %d and %d",
			len(out.Queries), len(out.Formats), len(queries), len(formats))
	}
	for i, q := range queries {
		compareQuery(t, q, out.Queries[i])
	}
	compareForms(t, out, forms, formTexts, texts)
	for i, s := range formats {
		v, _ := strconv.ParseFloat(strings.Replace(s, "Infinity", "Inf", 1), 64)
		if got, want := out.Formats[i], Format(v); got != want {
			t.Errorf("format(%s): JS %q, Go %q", s, got, want)
		}
		if got, want := out.Percents[i], Percent(v); got != want {
			t.Errorf("percent(%s): JS %q, Go %q", s, got, want)
		}
	}
}

// runNode writes the table, runs parity.js and decodes its answer. A
// missing Node fails the test: parity is part of the contract.
func runNode(t *testing.T, table any) jsOutput {
	t.Helper()
	if _, err := os.Stat(nodePath); err != nil {
		t.Fatalf("the JS parity test needs Node.js at %s (Debian package nodejs): %v", nodePath, err)
	}
	b, err := json.Marshal(table)
	if err != nil {
		t.Fatal(err)
	}
	tablePath := filepath.Join(t.TempDir(), "table.json")
	if err := os.WriteFile(tablePath, b, 0o644); err != nil {
		t.Fatal(err)
	}
	calc := filepath.Join(layoutsDir, "static", "js", "calculator.js")
	cmd := exec.Command(nodePath, filepath.Join("testdata", "parity.js"), tablePath, calc)
	cmd.Stderr = new(strings.Builder)
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node parity.js: %v\n%s", err, cmd.Stderr)
	}
	var out jsOutput
	if err := json.Unmarshal(stdout, &out); err != nil {
		t.Fatalf("decode node output: %v\n%.500s", err, stdout)
	}
	return out
}

func compareQuery(t *testing.T, query string, js jsQuery) {
	t.Helper()
	q, _ := url.ParseQuery(query)
	in, errs := ParseQuery(q)
	r, _ := Compute(in)
	compareInputs(t, query, js.jsInputs, in)
	var jsErrs []FieldError
	for _, e := range js.Errors {
		jsErrs = append(jsErrs, FieldError{Key: e.Key, Msg: e.Msg})
	}
	if !reflect.DeepEqual(jsErrs, errs) {
		t.Errorf("%q errors:\n JS %q\n Go %q", query, jsErrs, errs)
	}
	if js.OK != r.OK {
		t.Errorf("%q ok: JS %v, Go %v", query, js.OK, r.OK)
	}
	for _, name := range resultNames {
		compareFigure(t, query, name, js.Figures[name], r.Value(name))
		if got, want := js.Texts[name], shownText(r, name); got != want {
			t.Errorf("%q %s text: JS %q, Go %q", query, name, got, want)
		}
	}
	if len(js.Notes)+len(r.Notes) > 0 && !reflect.DeepEqual(js.Notes, r.Notes) {
		t.Errorf("%q notes:\n JS %q\n Go %q", query, js.Notes, r.Notes)
	}
}

// resultNames are the figures compared; expanded_before is profit_ltv.
var resultNames = []string{ResultRevenueLTV, ResultProfitLTV, ResultDiscountedLTV,
	ResultLTVCAC, ResultPaybackMonths, ResultExpandedLTV, ResultExpansionDelta}

func compareFigure(t *testing.T, query, name string, js *jsNum, goV *float64) {
	t.Helper()
	switch {
	case js == nil && goV == nil:
	case js == nil || goV == nil:
		t.Errorf("%q %s: JS %v, Go %v", query, name, js, goV)
	case !near(float64(*js), *goV):
		t.Errorf("%q %s: JS %.17g, Go %.17g", query, name, float64(*js), *goV)
	}
}

func compareInputs(t *testing.T, where string, js jsInputs, in Inputs) {
	t.Helper()
	if js.Mode != string(in.Mode) {
		t.Errorf("%q mode: JS %q, Go %q", where, js.Mode, in.Mode)
	}
	for _, f := range fields {
		goV, jsV := f.get(&in), js.Values[f.key]
		same := (goV == nil && jsV == nil) || (goV != nil && jsV != nil &&
			(float64(*jsV) == *goV || math.IsNaN(*goV) && math.IsNaN(float64(*jsV))))
		if !same {
			t.Errorf("%q input %s: JS %v, Go %v", where, f.key, fmtPtr((*float64)(jsV)), fmtPtr(goV))
		}
	}
}

func fmtPtr(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// parityQueries is every query case plus generated ones that mix valid
// numbers, bounds, blanks and garbage for every key.
func parityQueries() []string {
	var qs []string
	for _, c := range queryCases {
		qs = append(qs, c.query)
	}
	rng := rand.New(rand.NewSource(7))
	samples := []string{"0", "1", "0.05", "0.5", "2.5", "4", "12", "49.9", "100", "365", "1000", "1e7", "10000001",
		"1e-5", "0.0001", "-1", "", " 3 ", "abc", "1,5", "1e400", ".5", "7.", "99.999", "0.3333", "120.5"}
	for i := 0; i < 400; i++ {
		v := url.Values{}
		if rng.Intn(3) == 0 {
			v.Set("mode", []string{"purchase", "churn", "churn", "x"}[rng.Intn(4)])
		}
		for _, k := range Keys[1:] {
			if rng.Intn(2) == 0 {
				v.Set(k, samples[rng.Intn(len(samples))])
			}
		}
		qs = append(qs, v.Encode())
	}
	return qs
}

// parityFormats is every Format case, as text JS can read with Number().
func parityFormats() []string {
	var out []string
	for _, c := range formatCases {
		s := strconv.FormatFloat(c.in, 'g', -1, 64)
		out = append(out, strings.NewReplacer("+Inf", "Infinity", "-Inf", "-Infinity").Replace(s))
	}
	for _, v := range []float64{0.125, 1.005, 1234.5678, 0.015, 1e-9, 123456789.125, 3.14159} {
		out = append(out, strconv.FormatFloat(v, 'g', -1, 64))
	}
	return out
}

type keyValue struct {
	Key   string  `json:"key"`
	Value float64 `json:"value"`
}

type keyText struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

// formSamples are what visitors type: percentages with and without the
// sign, thousands grouped with commas, and what must stay an error.
var formSamples = []string{"55", "55%", "55 %", " 7.5% ", "0.5", "100%", "1000%", "%", "5%%", "1,000", "1,000.50",
	"12,345,678", "12,34", "1,0000", ",100", "1.000,5", "-5", "-5%", "abc", "", " 3 ", "1e2", "0.01", "0.0001", "$120"}

// parityForms fills every input with every sample, in both models, and a
// few mixed forms.
func parityForms() []map[string]string {
	var out []map[string]string
	for _, mode := range []string{"purchase", "churn"} {
		for _, f := range fields {
			for _, s := range formSamples {
				out = append(out, map[string]string{"mode": mode, f.key: s})
			}
		}
	}
	rng := rand.New(rand.NewSource(11))
	for i := 0; i < 100; i++ {
		raw := map[string]string{"mode": []string{"purchase", "churn"}[rng.Intn(2)]}
		for _, f := range fields {
			if rng.Intn(2) == 0 {
				raw[f.key] = formSamples[rng.Intn(len(formSamples))]
			}
		}
		out = append(out, raw)
	}
	return out
}

func parityFormTexts() []keyValue {
	var out []keyValue
	for _, f := range fields {
		for _, v := range []float64{0, 0.07, 0.55, 0.145, 0.0001, 1, 2.5, 10, 1e-7, 0.333333333, 120.5, 1e7} {
			out = append(out, keyValue{f.key, v})
		}
	}
	return out
}

func parityTexts() []keyText {
	var out []keyText
	for _, f := range fields {
		for _, s := range append(formSamples, "0.07", "0.55", "1e-3", ".5", "7.") {
			out = append(out, keyText{f.key, s})
		}
	}
	return out
}

// formToQuery is what calculator.js writes in the URL for a form input:
// the value when it reads (a fraction for a rate), else the text.
func formToQuery(key, text string) string {
	f, _ := fieldByKey(key)
	v, msg := f.parseForm(text)
	if msg != "" || v == nil {
		return trimSpace(text)
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func compareForms(t *testing.T, out jsOutput, forms []map[string]string, formTexts []keyValue, texts []keyText) {
	t.Helper()
	if len(out.Forms) != len(forms) || len(out.FormTexts) != len(formTexts) || len(out.QueryToForms) != len(texts) {
		t.Fatalf("node answered %d forms, %d form texts, %d query texts", len(out.Forms), len(out.FormTexts), len(out.QueryToForms))
	}
	for i, raw := range forms {
		in, errs := ParseForm(raw)
		where := fmt.Sprintf("form %v", raw)
		compareInputs(t, where, out.Forms[i].jsInputs, in)
		var jsErrs []FieldError
		for _, e := range out.Forms[i].Errors {
			jsErrs = append(jsErrs, FieldError{Key: e.Key, Msg: e.Msg})
		}
		if !reflect.DeepEqual(jsErrs, errs) {
			t.Errorf("%s errors:\n JS %q\n Go %q", where, jsErrs, errs)
		}
	}
	for i, kv := range formTexts {
		if got, want := out.FormTexts[i], FormText(kv.Key, kv.Value); got != want {
			t.Errorf("formText(%s, %v): JS %q, Go %q", kv.Key, kv.Value, got, want)
		}
	}
	for i, kt := range texts {
		if got, want := out.QueryToForms[i], QueryToForm(kt.Key, kt.Text); got != want {
			t.Errorf("queryToForm(%s, %q): JS %q, Go %q", kt.Key, kt.Text, got, want)
		}
		if got, want := out.FormToQueries[i], formToQuery(kt.Key, kt.Text); got != want {
			t.Errorf("formToQuery(%s, %q): JS %q, Go %q", kt.Key, kt.Text, got, want)
		}
	}
}
