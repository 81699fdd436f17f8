package ltv

import (
	"reflect"
	"testing"

	"playbook/generator/diag"
)

func TestDecodeDefaults(t *testing.T) {
	keys := "use one of: mode, aov, frequency, years, margin, arpa, churn, discount, cac, attach, addon, uplift"
	tests := []struct {
		name string
		src  string
		want []string // Problem.String() of each problem
		in   func(*Inputs)
	}{
		{name: "empty body keeps defaults", src: ""},
		{name: "comment only", src: "# nothing here\n"},
		{name: "purchase values", src: "aov: 80\nfrequency: 2.5\nyears: 2\nmargin: 0.4\n",
			in: func(in *Inputs) { in.AOV, in.Frequency, in.Years, in.Margin = 80, 2.5, 2, 0.4 }},
		{name: "churn values and optionals", src: "mode: churn\narpa: 42\nchurn: \"0.05\"\ncac: 300\nuplift: 0.1\n",
			in: func(in *Inputs) { in.Mode, in.ARPA, in.Churn, in.CAC, in.Uplift = Churn, 42, 0.05, ptr(300), ptr(0.1) }},
		{name: "flow mapping", src: "{aov: 50, margin: 1}", in: func(in *Inputs) { in.AOV, in.Margin = 50, 1 }},
		{name: "unknown key with suggestion", src: "aov: 10\nfrequncy: 4\n",
			want: []string{`2:1: error: Unknown calculator key "frequncy". Did you mean "frequency"? — ` + keys},
			in:   func(in *Inputs) { in.AOV = 10 }},
		{name: "unknown key far from any", src: "colour: blue\n",
			want: []string{`1:1: error: Unknown calculator key "colour". — ` + keys}},
		{name: "every bad value reported at its value", src: "aov: -5\nmargin: 1.5\n  # note\nchurn: 0\nmode: weekly\ncac: lots\n",
			want: []string{
				"1:6: error: invalid calculator default aov: Average order value cannot be negative. — set aov to a number from 0 to 10000000",
				"2:9: error: invalid calculator default margin: Gross margin must be at most 100%. — set margin to a fraction from 0 to 1 (0.5 means 50%)",
				"4:8: error: invalid calculator default churn: " + msgChurnMin + " — set churn to a fraction from 0.0001 to 1 (0.5 means 50%)",
				`5:7: error: invalid calculator default mode: Mode must be "purchase" or "churn". — set mode to purchase or churn`,
				"6:6: error: invalid calculator default cac: CAC must be a number, like 250. — set cac to a number from 1 to 1000000000",
			}},
		{name: "indented values keep their columns", src: "years:    101\ndiscount:\t0.1\n",
			want: []string{"1:11: error: invalid calculator default years: Retention in years must be at most 100 years. — set years to a number from 0 to 100"},
			in:   func(in *Inputs) { in.Discount = ptr(0.1) }},
		{name: "blank required value at its key", src: "aov: 1\nmargin:\n",
			want: []string{"2:1: error: invalid calculator default margin: Enter the gross margin. — set margin to a fraction from 0 to 1 (0.5 means 50%)"},
			in:   func(in *Inputs) { in.AOV = 1 }},
		{name: "blank optional value is fine", src: "cac:\n"},
		{name: "list value", src: "aov: [1, 2]\n",
			want: []string{"1:6: error: invalid calculator default aov: Average order value must be a number, like 120 or 49.90. — set aov to a number from 0 to 10000000"}},
		{name: "bool value", src: "uplift: yes\nattach: true\n",
			want: []string{
				"1:9: error: invalid calculator default uplift: Upsell uplift must be a number, like 0.1 for +10%. — set uplift to a fraction from 0 to 10 (0.5 means 50%)",
				"2:9: error: invalid calculator default attach: Attach rate must be a number, like 0.2 for 20%. — set attach to a fraction from 0 to 1 (0.5 means 50%)",
			}},
		{name: "infinity", src: "aov: .inf\n",
			want: []string{"1:6: error: invalid calculator default aov: Average order value must be at most 10,000,000. — set aov to a number from 0 to 10000000"}},
		{name: "not a mapping", src: "- aov\n- 10\n",
			want: []string{"1:1: error: calculator defaults must be `key: value` lines, found a YAML Sequence — write one `key: value` per line, e.g. `aov: 120`; " + keys}},
		{name: "syntax error", src: "aov: [1,\n",
			want: []string{"1:6: error: calculator defaults are not valid YAML: sequence end token ']' not found — write one `key: value` per line, e.g. `aov: 120`"}},
		{name: "duplicate key", src: "aov: 1\naov: 2\n",
			want: []string{`2:1: error: calculator defaults are not valid YAML: mapping key "aov" already defined at [1:1] — write one ` + "`key: value`" + ` per line, e.g. ` + "`aov: 120`"}},
		{name: "merge key", src: "<<: {aov: 1}\n",
			want: []string{`1:1: error: Unknown calculator key "<<". — ` + keys}},
		{name: "two documents", src: "aov: 1\n---\naov: 2\n",
			want: []string{"2:1: error: calculator defaults hold more than one YAML document — remove the `---` and keep one block of `key: value` lines"},
			in:   func(in *Inputs) { in.AOV = 1 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, probs := DecodeDefaults([]byte(tt.src))
			var got []string
			for _, p := range probs {
				got = append(got, stripSite(p))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
			want := Defaults()
			if tt.in != nil {
				tt.in(&want)
			}
			if !reflect.DeepEqual(in, want) {
				t.Errorf("inputs = %+v, want %+v", in, want)
			}
		})
	}
}

// stripSite renders a file-less Problem without the "site:" prefix
// Position gives it, so the table reads "line:col: …".
func stripSite(p diag.Problem) string {
	p.File = "x"
	s := p.String()
	return s[len("x:"):]
}

func TestDecodeDefaultsShift(t *testing.T) {
	_, probs := DecodeDefaults([]byte("aov: 1\nmargin: 7\n"))
	if len(probs) != 1 {
		t.Fatalf("problems = %v", probs)
	}
	got := probs[0].Shift("content/guides/ltv.md", 12).Position()
	if got != "content/guides/ltv.md:14:9" {
		t.Errorf("shifted position = %q", got)
	}
}

func TestFromMap(t *testing.T) {
	tests := []struct {
		name string
		m    map[string]any
		errs []FieldError
		in   func(*Inputs)
	}{
		{name: "numbers of every kind", m: map[string]any{"aov": uint64(42), "frequency": int64(12), "years": 1.5, "margin": float32(0.25), "cac": "120"},
			in: func(in *Inputs) { in.AOV, in.Frequency, in.Years, in.Margin, in.CAC = 42, 12, 1.5, 0.25, ptr(120) }},
		{name: "mode churn", m: map[string]any{"mode": "churn", "arpa": 58, "churn": 0.04},
			in: func(in *Inputs) { in.Mode, in.ARPA, in.Churn = Churn, 58, 0.04 }},
		{name: "errors in key order, unknown last", m: map[string]any{"zeta": 1, "uplift": -1, "mode": 3, "aov": true},
			errs: []FieldError{
				{"mode", `Mode must be "purchase" or "churn".`},
				{"aov", "Average order value must be a number, like 120 or 49.90."},
				{"uplift", "Upsell uplift cannot be negative."},
				{"zeta", `Unknown calculator key "zeta".`},
			}},
		{name: "every key checked whatever the mode", m: map[string]any{"mode": "purchase", "churn": 0},
			errs: []FieldError{{"churn", msgChurnMin}}},
		{name: "nil optional clears", m: map[string]any{"discount": nil}},
		{name: "preset key is unknown", m: map[string]any{"preset": "x"},
			errs: []FieldError{{"preset", `Unknown calculator key "preset".`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, errs := FromMap(tt.m)
			if !reflect.DeepEqual(errs, tt.errs) {
				t.Errorf("errors = %q, want %q", errs, tt.errs)
			}
			if len(tt.errs) > 0 {
				return
			}
			want := Defaults()
			if tt.in != nil {
				tt.in(&want)
			}
			if !reflect.DeepEqual(in, want) {
				t.Errorf("inputs = %+v, want %+v", in, want)
			}
		})
	}
}

func TestNewPreset(t *testing.T) {
	p, errs := NewPreset("meal-kits", "Meal kit subscription", map[string]any{
		"mode": "churn", "arpa": 42, "churn": 0.05, "margin": 0.35, "uplift": "0.38", "cac": -1,
	})
	if len(errs) != 1 || errs[0].Key != "cac" {
		t.Fatalf("errors = %q, want one cac error", errs)
	}
	want := "mode=churn&margin=0.35&arpa=42&churn=0.05&uplift=0.38"
	if got := p.Query(); got != want {
		t.Errorf("Query() = %q, want %q", got, want)
	}
	if p.Slug != "meal-kits" || p.Name != "Meal kit subscription" {
		t.Errorf("preset = %+v", p)
	}
}
