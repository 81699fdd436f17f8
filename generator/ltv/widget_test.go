package ltv

import (
	"bytes"
	"html/template"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// layoutsDir is the theme, relative to this package.
var layoutsDir = filepath.Join("..", "..", "layouts")

// workflowCard is the dot of workflow-prompt.html in tests.
type workflowCard struct {
	ID           string
	Prompt       string
	Placeholders []string
	FollowUp     string
}

// partials parses the two theme partials with FuncMap only, as the site
// will: a function missing from FuncMap fails here.
func partials(t testing.TB) *template.Template {
	t.Helper()
	tpl, err := template.New("partials").Funcs(FuncMap()).ParseFiles(
		filepath.Join(layoutsDir, "partials", "calculator.html"),
		filepath.Join(layoutsDir, "partials", "workflow-prompt.html"))
	if err != nil {
		t.Fatalf("parse partials: %v", err)
	}
	return tpl
}

func render(t *testing.T, name string, dot any) string {
	t.Helper()
	var b bytes.Buffer
	if err := partials(t).ExecuteTemplate(&b, name, dot); err != nil {
		t.Fatalf("execute %s: %v", name, err)
	}
	return b.String()
}

func TestNewWidget(t *testing.T) {
	in := Defaults()
	in.CAC = ptr(200)
	w := NewWidget(`ltv 1"><x`, in, nil, "")
	if w.ID != "ltv1x" || w.Currency != "$" {
		t.Errorf("ID %q currency %q, want ltv1x and $", w.ID, w.Currency)
	}
	if got, want := w.Query(), "mode=purchase&aov=100&frequency=4&years=3&margin=0.5&cac=200"; got != want {
		t.Errorf("Query() = %q, want %q", got, want)
	}
	if NewWidget("", in, nil, "€").ID != "ltv" {
		t.Error("empty id should become ltv")
	}
	if !w.MoreOpen() || NewWidget("a", Defaults(), nil, "").MoreOpen() {
		t.Error("MoreOpen should follow the optional defaults")
	}
	figs := w.Figures("main")
	got := map[string]string{}
	for _, f := range figs {
		got[f.Name] = f.Prefix + f.Text + f.Suffix + "|" + f.Value + "|" + f.Note
	}
	want := map[string]string{
		"revenue_ltv":    "$1,200|1200|",
		"profit_ltv":     "$600|600|",
		"discounted_ltv": "$—||" + NoteNoDiscount,
		"ltv_cac":        "3:1|3|",
		"payback_months": "12 months|12|",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("figure %s = %q, want %q", k, got[k], v)
		}
	}
}

func TestWidgetSections(t *testing.T) {
	in := Defaults()
	in.Mode = Churn
	w := NewWidget("c", in, nil, "€")
	secs := w.Sections("main")
	if len(secs) != 3 || secs[0].Name != "purchase" || !secs[0].Hidden || secs[1].Hidden || secs[2].Hidden {
		t.Fatalf("sections = %+v", secs)
	}
	f := secs[1].Fields[1]
	if f.Key != "churn" || f.ID != "c-churn" || f.Value != "5" || f.Unit != "% per month" || !f.Rate || !f.Required {
		t.Errorf("churn field = %+v", f)
	}
	if u := secs[1].Fields[0].Unit; u != "€ per account per month" {
		t.Errorf("arpa unit = %q", u)
	}
	more := w.Sections("more")
	if len(more) != 3 || more[1].Fields[0].Key != "cac" || more[1].Fields[0].Required || more[1].Fields[0].Value != "" {
		t.Errorf("more sections = %+v", more)
	}
}

func TestWidgetErrors(t *testing.T) {
	in := Defaults()
	in.Margin = 3
	w := NewWidget("e", in, nil, "$")
	if w.ErrorFor("margin") != "Gross margin must be at most 100%." || w.ErrorFor("aov") != "" {
		t.Errorf("ErrorFor: %q", w.Errors)
	}
	html := render(t, "calculator.html", w)
	for _, want := range []string{
		`<p class="ltv-status" data-ltv-status>Fix the highlighted input`,
		`aria-invalid="true"`,
		`data-error-for="margin">Gross margin must be at most 100%.</span>`,
		`<output data-result="revenue_ltv" data-value="">—</output>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered calculator lacks %q", want)
		}
	}
}

func TestCalculatorPartial(t *testing.T) {
	in := Defaults()
	in.Discount = ptr(0.1)
	presets := []Preset{{Slug: "medspa", Name: "Medspa <clinic>", Values: map[string]string{"aov": "480", "mode": "purchase"}}}
	html := render(t, "calculator.html", NewWidget("calc", in, presets, "$"))
	for _, want := range []string{
		`data-calculator="ltv"`,
		`<output data-result="revenue_ltv" data-value="1200">1,200</output>`,
		`<output data-result="profit_ltv" data-value="600">600</output>`,
		`<output data-result="discounted_ltv" data-value="497.37039819684446">497.37</output>`,
		`<output data-result="expanded_before" data-value="600">600</output>`,
		`data-note="expanded_ltv">` + NoteNoExpansion,
		`aria-live="polite"`,
		`<label for="calc-aov">Average order value <span class="ltv-unit">($ per order)</span></label>`,
		`<option value="medspa" data-values="mode=purchase&amp;aov=480">Medspa &lt;clinic&gt;</option>`,
		`<details class="ltv-more" data-ltv-more open>`,
		`<noscript>`,
		`<fieldset class="ltv-group ltv-group-churn" data-mode="churn" hidden>`,
		`Discounted profit LTV = the sum over each year t`,
		`name="margin" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" value="50" required`, // a percentage
		`name="discount" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" value="10" placeholder="optional"`,
		`<p class="ltv-notice" role="status" data-ltv-notice hidden></p>`,
		`<b data-sticky-for="profit_ltv">$600</b>`,
		`<p class="ltv-status" data-ltv-status hidden>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered calculator lacks %q", want)
		}
	}
	for _, bad := range []string{"NaN", "Infinity", "<script"} {
		if strings.Contains(html, bad) {
			t.Errorf("rendered calculator contains %q", bad)
		}
	}
	// Every input has a label pointing at it.
	for _, m := range regexp.MustCompile(`<input id="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		if !strings.Contains(html, `<label for="`+m[1]+`">`) {
			t.Errorf("input %s has no label", m[1])
		}
	}
}

func TestWorkflowPartial(t *testing.T) {
	card := workflowCard{
		ID:           "wf",
		Prompt:       "I have [NUMBER] customers at [AOV]; upsell is [CURRENT %]. <b>bold</b>",
		Placeholders: []string{"[NUMBER]", "[AOV]", "[CURRENT %]"},
		FollowUp:     "Now tighten it.",
	}
	html := render(t, "workflow-prompt.html", card)
	for _, want := range []string{
		`<label for="wf-ph-0">Number</label>`,
		`<label for="wf-ph-1">AOV</label>`,
		`<label for="wf-ph-2">Current %</label>`,
		`data-placeholder="[CURRENT %]"`,
		`<code id="wf-prompt" data-prompt>I have [NUMBER] customers at [AOV]; upsell is [CURRENT %]. &lt;b&gt;bold&lt;/b&gt;</code>`,
		`data-copy="follow-up"`,
		`role="status"`,
		`<code id="wf-follow-up" data-follow-up>Now tighten it.</code>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered workflow prompt lacks %q", want)
		}
	}
	card.FollowUp, card.Placeholders = "", nil
	html = render(t, "workflow-prompt.html", card)
	if strings.Contains(html, "follow-up") || strings.Contains(html, "<fieldset") {
		t.Error("no follow-up and no placeholders should render neither")
	}
}

func TestPlaceholderLabel(t *testing.T) {
	tests := map[string]string{
		"[CURRENT %]":       "Current %",
		"[NUMBER]":          "Number",
		"[AOV]":             "AOV",
		"[ANNUAL CAC]":      "Annual CAC",
		"[ TARGET  MONTH ]": "Target Month",
		"[]":                "",
		"NO BRACKETS":       "No Brackets",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			if got := PlaceholderLabel(in); got != want {
				t.Errorf("PlaceholderLabel(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestFuncMap(t *testing.T) {
	var b bytes.Buffer
	tpl := template.Must(template.New("x").Funcs(FuncMap()).Parse(`{{ltvFormat 1200.5}} {{ltvPercent 0.25}}`))
	if err := tpl.Execute(&b, nil); err != nil {
		t.Fatal(err)
	}
	if b.String() != "1,200.5 25%" {
		t.Errorf("got %q", b.String())
	}
}
