package ltv

import (
	"testing"
)

func TestParseForm(t *testing.T) {
	tests := []struct {
		key, text string
		want      float64 // when msg is ""
		msg       string
	}{
		{"margin", "55", 0.55, ""},
		{"margin", "55%", 0.55, ""},
		{"margin", " 55 % ", 0.55, ""},
		{"margin", "7.5", 0.075, ""},
		{"margin", "120%", 0, "Gross margin must be at most 100%."},
		{"margin", "abc", 0, "Gross margin must be a number, like 60 or 60%."},
		{"churn", "0", 0, "Monthly churn must be at least 0.01% a month: with no churn a customer would stay forever."},
		{"uplift", "10%", 0.1, ""},
		{"aov", "1,000", 1000, ""},
		{"aov", "1,049.90", 1049.9, ""},
		{"aov", "12,345,678", 0, "Average order value must be at most 10,000,000."},
		{"aov", "12,34", 0, "Average order value must be a number, like 120 or 1,049.90."},
		{"aov", "55%", 0, "Average order value must be a number, like 120 or 1,049.90."}, // a percent sign only on a rate
		{"aov", "$120", 0, "Average order value must be a number, like 120 or 1,049.90."},
		{"aov", "", 0, "Enter the average order value."},
		{"cac", "1,500", 1500, ""},
	}
	for _, tt := range tests {
		raw := map[string]string{tt.key: tt.text}
		if tt.key == "churn" {
			raw["mode"] = "churn"
		}
		in, errs := ParseForm(raw)
		f, _ := fieldByKey(tt.key)
		switch {
		case tt.msg != "":
			if len(errs) != 1 || errs[0].Msg != tt.msg {
				t.Errorf("%s=%q: errors %q, want %q", tt.key, tt.text, errs, tt.msg)
			}
		case len(errs) > 0:
			t.Errorf("%s=%q: errors %q", tt.key, tt.text, errs)
		case !near(*f.get(&in), tt.want):
			t.Errorf("%s=%q: %v, want %v", tt.key, tt.text, *f.get(&in), tt.want)
		}
	}
}

func TestFormTextAndQueryToForm(t *testing.T) {
	for _, tt := range []struct {
		key  string
		v    float64
		want string
	}{
		{"margin", 0.55, "55"}, {"margin", 0.07, "7"}, {"churn", 0.0001, "0.01"}, {"uplift", 0.145, "14.5"},
		{"aov", 1049.9, "1049.9"}, {"years", 2.5, "2.5"},
	} {
		if got := FormText(tt.key, tt.v); got != tt.want {
			t.Errorf("FormText(%s, %v) = %q, want %q", tt.key, tt.v, got, tt.want)
		}
	}
	for _, tt := range []struct{ key, text, want string }{
		{"margin", "0.55", "55"}, {"margin", "abc", "abc"}, {"aov", "0.55", "0.55"}, {"churn", " .05 ", "5"},
	} {
		if got := QueryToForm(tt.key, tt.text); got != tt.want {
			t.Errorf("QueryToForm(%s, %q) = %q, want %q", tt.key, tt.text, got, tt.want)
		}
	}
}
