package ltv

import (
	"math"
	"reflect"
	"testing"
)

func ptr(v float64) *float64 { return &v }

func TestValidate(t *testing.T) {
	churn := func(f func(*Inputs)) Inputs { in := Defaults(); in.Mode = Churn; f(&in); return in }
	buy := func(f func(*Inputs)) Inputs { in := Defaults(); f(&in); return in }
	tests := []struct {
		name string
		in   Inputs
		want []FieldError
	}{
		{"defaults are valid", Defaults(), nil},
		{"empty mode", buy(func(in *Inputs) { in.Mode = "" }), []FieldError{{"mode", `Mode must be "purchase" or "churn".`}}},
		{"negative aov", buy(func(in *Inputs) { in.AOV = -1 }), []FieldError{{"aov", "Average order value cannot be negative."}}},
		{"aov too large", buy(func(in *Inputs) { in.AOV = 1e7 + 1 }), []FieldError{{"aov", "Average order value must be at most 10,000,000."}}},
		{"aov at bound", buy(func(in *Inputs) { in.AOV = 1e7 }), nil},
		{"aov NaN", buy(func(in *Inputs) { in.AOV = math.NaN() }), []FieldError{{"aov", "Average order value must be a number, like 120 or 49.90."}}},
		{"aov +Inf", buy(func(in *Inputs) { in.AOV = math.Inf(1) }), []FieldError{{"aov", "Average order value must be at most 10,000,000."}}},
		{"frequency too large", buy(func(in *Inputs) { in.Frequency = 366 }), []FieldError{{"frequency", "Purchases per year must be at most 365 a year."}}},
		{"years too large", buy(func(in *Inputs) { in.Years = 101 }), []FieldError{{"years", "Retention in years must be at most 100 years."}}},
		{"negative years", buy(func(in *Inputs) { in.Years = -0.5 }), []FieldError{{"years", "Retention in years cannot be negative."}}},
		{"margin above 1", buy(func(in *Inputs) { in.Margin = 1.5 }), []FieldError{{"margin", "Gross margin must be at most 100%."}}},
		{"margin 0 and 1 are fine", buy(func(in *Inputs) { in.Margin = 0 }), nil},
		{"negative margin", buy(func(in *Inputs) { in.Margin = -0.1 }), []FieldError{{"margin", "Gross margin cannot be negative."}}},
		{"churn fields ignored in purchase mode", buy(func(in *Inputs) { in.Churn = 0; in.ARPA = -5 }), nil},
		{"purchase fields ignored in churn mode", churn(func(in *Inputs) { in.AOV = -5 }), nil},
		{"churn zero", churn(func(in *Inputs) { in.Churn = 0 }), []FieldError{{"churn",
			"Monthly churn must be at least 0.01% a month: with no churn a customer would stay forever."}}},
		{"churn one is fine", churn(func(in *Inputs) { in.Churn = 1 }), nil},
		{"churn above 1", churn(func(in *Inputs) { in.Churn = 1.01 }), []FieldError{{"churn", "Monthly churn must be at most 100% a month."}}},
		{"negative churn", churn(func(in *Inputs) { in.Churn = -0.05 }), []FieldError{{"churn", "Monthly churn cannot be negative."}}},
		{"arpa too large", churn(func(in *Inputs) { in.ARPA = 2e7 }), []FieldError{{"arpa", "Monthly revenue per account must be at most 10,000,000."}}},
		{"discount above 1", buy(func(in *Inputs) { in.Discount = ptr(1.2) }), []FieldError{{"discount", "Annual discount rate must be at most 100% a year."}}},
		{"cac zero", buy(func(in *Inputs) { in.CAC = ptr(0) }), []FieldError{{"cac", "CAC must be at least 1; leave it blank if you do not know it."}}},
		{"cac too large", buy(func(in *Inputs) { in.CAC = ptr(2e9) }), []FieldError{{"cac", "CAC must be at most 1,000,000,000."}}},
		{"attach above 1", buy(func(in *Inputs) { in.Attach = ptr(2) }), []FieldError{{"attach", "Attach rate must be at most 100%."}}},
		{"negative addon", buy(func(in *Inputs) { in.Addon = ptr(-1) }), []FieldError{{"addon", "Add-on value per year cannot be negative."}}},
		{"uplift too large", buy(func(in *Inputs) { in.Uplift = ptr(11) }), []FieldError{{"uplift", "Upsell uplift must be at most +1,000%."}}},
		{"several, in key order", buy(func(in *Inputs) { in.Uplift = ptr(-1); in.AOV = -1; in.Margin = 2 }), []FieldError{
			{"aov", "Average order value cannot be negative."},
			{"margin", "Gross margin must be at most 100%."},
			{"uplift", "Upsell uplift cannot be negative."},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Validate(); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Validate() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFieldErrorError(t *testing.T) {
	e := FieldError{Key: "aov", Msg: "Average order value cannot be negative."}
	if got := e.Error(); got != "aov: Average order value cannot be negative." {
		t.Errorf("Error() = %q", got)
	}
}
