package ltv

import (
	"math"
	"net/url"
	"strings"
	"testing"
)

// FuzzParseQuery checks that no query panics, that every error names a
// known key with a message, and that when there is no error every figure
// is finite and prints without NaN or Infinity.
// Seeds: the query table and testdata/fuzz/FuzzParseQuery.
func FuzzParseQuery(f *testing.F) {
	for _, c := range queryCases {
		f.Add(c.query)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw) // a bad pair is dropped; the rest is kept
		in, errs := ParseQuery(q)
		for _, e := range errs {
			if !isKey(e.Key) || e.Msg == "" {
				t.Fatalf("bad error %+v", e)
			}
		}
		r, cerrs := Compute(in)
		if len(errs) == 0 && len(cerrs) > 0 {
			t.Fatalf("ParseQuery found no error but Compute found %q", cerrs)
		}
		if len(cerrs) == 0 {
			assertFinite(t, r)
		}
	})
}

// FuzzDecodeDefaults checks that no YAML panics, that every problem has a
// position, a message and a fix, and that defaults without problems
// compute finite figures.
// Seeds: testdata/fuzz/FuzzDecodeDefaults and the lines below.
func FuzzDecodeDefaults(f *testing.F) {
	for _, s := range []string{"", "aov: 100\nmargin: 0.5\n", "mode: churn\narpa: 42\nchurn: 0.05\n",
		"{aov: -1, x: 2}", "aov: [1,\n", "- 1\n", "cac:\n", "aov: .nan\n", "a: &x 1\nb: *x\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		in, probs := DecodeDefaults(src)
		for _, p := range probs {
			if p.Line < 1 || p.Col < 1 || p.Msg == "" || p.Fix == "" {
				t.Fatalf("problem without position, message or fix: %#v", p)
			}
		}
		if len(probs) > 0 {
			return
		}
		r, errs := Compute(in)
		if len(errs) > 0 {
			t.Fatalf("defaults passed DecodeDefaults but not Validate: %q", errs)
		}
		assertFinite(t, r)
	})
}

// assertFinite fails when a figure shown would be NaN or infinite.
func assertFinite(t *testing.T, r Results) {
	t.Helper()
	for _, name := range append(resultNames, ResultExpandedBefore) {
		v := r.Value(name)
		if v == nil {
			continue
		}
		if math.IsNaN(*v) || math.IsInf(*v, 0) {
			t.Fatalf("%s = %v", name, *v)
		}
		if s := Format(*v); strings.Contains(s, "NaN") || strings.Contains(s, "Inf") || s == Dash {
			t.Fatalf("%s prints %q", name, s)
		}
	}
}
