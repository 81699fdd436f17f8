package ltv

// queryCase is one visitor query and what the page must show for it:
// the errors, and for each figure its text (Format, or "—") and note.
// The same table drives compute_test.go and parity_test.go.
type queryCase struct {
	name  string
	query string
	errs  []FieldError
	shown map[string]string // result name → text
	notes map[string]string // result name → note
}

const (
	msgChurnMin = "Monthly churn must be at least 0.01% a month: with no churn a customer would stay forever."
	msgCACMin   = "CAC must be at least 1; leave it blank if you do not know it."
)

var queryCases = []queryCase{
	{name: "done criterion", query: "aov=100&frequency=4&years=3&margin=0.5",
		shown: map[string]string{"revenue_ltv": "1,200", "profit_ltv": "600", "discounted_ltv": "—",
			"ltv_cac": "—", "payback_months": "—", "expanded_ltv": "—", "expanded_delta": "—"},
		notes: map[string]string{"discounted_ltv": NoteNoDiscount, "ltv_cac": NoteNoCAC,
			"payback_months": NoteNoCAC, "expanded_ltv": NoteNoExpansion, "expanded_delta": NoteNoExpansion}},
	{name: "empty query takes defaults", query: "",
		shown: map[string]string{"revenue_ltv": "1,200", "profit_ltv": "600"}},
	{name: "everything, purchase", query: "aov=100&frequency=4&years=3&margin=0.5&discount=0.1&cac=200&attach=0.2&addon=120&uplift=0.1",
		shown: map[string]string{"revenue_ltv": "1,200", "profit_ltv": "600", "discounted_ltv": "497.37",
			"ltv_cac": "3", "payback_months": "12", "expanded_ltv": "696", "expanded_delta": "96"},
		notes: map[string]string{}},
	{name: "part year discounted", query: "aov=80&frequency=2.5&years=2.5&margin=0.4&discount=0.08",
		shown: map[string]string{"revenue_ltv": "500", "profit_ltv": "200", "discounted_ltv": "174.41"}},
	{name: "churn model", query: "mode=churn&arpa=42&churn=0.05&margin=0.8&cac=300&discount=0.1",
		shown: map[string]string{"revenue_ltv": "840", "profit_ltv": "672", "discounted_ltv": "579.57",
			"ltv_cac": "2.24", "payback_months": "8.93"}},
	{name: "churn expansion", query: "mode=churn&arpa=42&churn=0.05&margin=0.8&attach=0.28&addon=192",
		shown: map[string]string{"expanded_ltv": "743.68", "expanded_delta": "71.68"}},
	{name: "uplift only", query: "aov=60&frequency=6&years=2&margin=0.5&uplift=0.32",
		shown: map[string]string{"profit_ltv": "360", "expanded_ltv": "475.2", "expanded_delta": "115.2"}},
	{name: "half attach", query: "attach=0.2",
		shown: map[string]string{"expanded_ltv": "—", "expanded_delta": "—"},
		notes: map[string]string{"expanded_ltv": NoteHalfAttach, "expanded_delta": NoteHalfAttach}},
	{name: "half attach with uplift", query: "addon=100&uplift=0.1",
		notes: map[string]string{"expanded_ltv": NoteHalfAttach}},
	{name: "zero margin never pays back", query: "margin=0&cac=100",
		shown: map[string]string{"profit_ltv": "0", "ltv_cac": "0", "payback_months": "—"},
		notes: map[string]string{"payback_months": NoteNoProfit}},
	{name: "tiny profit payback too large", query: "aov=0.000001&frequency=1&margin=0.01&cac=1000000000",
		shown: map[string]string{"payback_months": "—"}, notes: map[string]string{"payback_months": NoteTooLarge}},
	{name: "largest purchase figures", query: "aov=10000000&frequency=365&years=100&margin=1&uplift=10&attach=1&addon=10000000",
		shown: map[string]string{"revenue_ltv": "365,000,000,000", "expanded_ltv": "4,016,000,000,000",
			"expanded_delta": "3,651,000,000,000"}},
	{name: "blank optional fields clear", query: "discount=&cac=%20&attach=&addon=&uplift=",
		shown: map[string]string{"discounted_ltv": "—"}},
	{name: "blank required", query: "aov=", errs: []FieldError{{"aov", "Enter the average order value."}}},
	{name: "garbage", query: "aov=abc&frequency=1%2C200&years=%2412&margin=50%25",
		errs: []FieldError{
			{"aov", "Average order value must be a number, like 120 or 49.90."},
			{"frequency", "Purchases per year must be a number, like 4 or 0.5."},
			{"years", "Retention in years must be a number, like 3 or 2.5."},
			{"margin", "Gross margin must be a number, like 0.6 for 60%."},
		}},
	{name: "NaN and Infinity text", query: "aov=NaN&frequency=Infinity&years=0x10&margin=1_0",
		errs: []FieldError{
			{"aov", "Average order value must be a number, like 120 or 49.90."},
			{"frequency", "Purchases per year must be a number, like 4 or 0.5."},
			{"years", "Retention in years must be a number, like 3 or 2.5."},
			{"margin", "Gross margin must be a number, like 0.6 for 60%."},
		}},
	{name: "huge exponent", query: "aov=1e400", errs: []FieldError{{"aov", "Average order value must be at most 10,000,000."}}},
	{name: "tiny exponent is zero", query: "aov=1e-400", shown: map[string]string{"revenue_ltv": "0"}},
	{name: "negative", query: "aov=-100&cac=-5",
		errs: []FieldError{{"aov", "Average order value cannot be negative."}, {"cac", "CAC cannot be negative."}}},
	{name: "spaces trimmed", query: "aov=%20100%20&margin=%090.5", shown: map[string]string{"revenue_ltv": "1,200"}},
	{name: "decimal forms", query: "aov=.5e2&frequency=4.&years=3&margin=0.5", shown: map[string]string{"revenue_ltv": "600"}},
	{name: "bad mode", query: "mode=subscription", errs: []FieldError{{"mode", `Mode must be "purchase" or "churn".`}}},
	{name: "churn zero", query: "mode=churn&churn=0", errs: []FieldError{{"churn", msgChurnMin}}},
	{name: "cac zero", query: "cac=0", errs: []FieldError{{"cac", msgCACMin}}},
	{name: "hidden field garbage ignored", query: "mode=purchase&churn=abc&arpa=-1", shown: map[string]string{"revenue_ltv": "1,200"}},
	{name: "churn mode ignores purchase garbage", query: "mode=churn&aov=abc&arpa=10&churn=0.1&margin=1",
		shown: map[string]string{"revenue_ltv": "100", "profit_ltv": "100"}},
	{name: "first of repeated keys wins", query: "aov=10&aov=20", shown: map[string]string{"revenue_ltv": "120"}},
	{name: "unknown keys and preset ignored", query: "preset=nope&utm_source=x&AOV=5", shown: map[string]string{"revenue_ltv": "1,200"}},
	{name: "rates over range", query: "margin=1.01&discount=2&attach=1.5&uplift=20",
		errs: []FieldError{
			{"margin", "Gross margin must be at most 100%."},
			{"discount", "Annual discount rate must be at most 100% a year."},
			{"attach", "Attach rate must be at most 100%."},
			{"uplift", "Upsell uplift must be at most +1,000%."},
		}},
	{name: "parse error beats range error, key order", query: "uplift=x&aov=1e9&mode=bad",
		errs: []FieldError{
			{"mode", `Mode must be "purchase" or "churn".`},
			{"aov", "Average order value must be at most 10,000,000."},
			{"uplift", "Upsell uplift must be a number, like 0.1 for +10%."},
		}},
}
