package ltv

import "math"

// MaxFigure bounds what is shown: a figure at or above it (in absolute
// value) is "too large to show". Below it, Go and JavaScript print the
// same digits (see Format).
const MaxFigure = 1e13

// Result names: the data-result attribute of each figure on the page.
const (
	ResultRevenueLTV     = "revenue_ltv"
	ResultProfitLTV      = "profit_ltv"
	ResultDiscountedLTV  = "discounted_ltv"
	ResultLTVCAC         = "ltv_cac"
	ResultPaybackMonths  = "payback_months"
	ResultExpandedBefore = "expanded_before" // profit LTV, shown beside the expansion
	ResultExpandedLTV    = "expanded_ltv"
	ResultExpansionDelta = "expanded_delta"
)

// Notes say why a figure is not shown; calculator.js uses the same text.
const (
	NoteNoDiscount  = "Add an annual discount rate to see this."
	NoteNoCAC       = "Add your CAC to see this."
	NoteNoProfit    = "Never paid back: there is no gross profit per month."
	NoteNoExpansion = "Add an attach rate and add-on value, or an upsell uplift, to see this."
	NoteHalfAttach  = "Add both the attach rate and the add-on value."
	NoteTooLarge    = "Too large to show: check the inputs."
)

// Results are the computed figures. When OK is false the inputs were
// invalid and no figure is shown. A nil optional figure is not shown, and
// Notes (keyed by result name) says why.
type Results struct {
	OK             bool
	RevenueLTV     float64
	ProfitLTV      float64
	DiscountedLTV  *float64
	LTVCAC         *float64
	PaybackMonths  *float64
	ExpandedLTV    *float64
	ExpansionDelta *float64
	Notes          map[string]string
}

// Compute validates in and works out every figure it allows.
func Compute(in Inputs) (Results, []FieldError) {
	if errs := in.Validate(); len(errs) > 0 {
		return Results{}, errs
	}
	r := Results{OK: true, Notes: map[string]string{}}
	b := baseFigures(in)
	r.RevenueLTV, r.ProfitLTV = b.revenue, b.profit
	v, note := discounted(in, b)
	r.DiscountedLTV = r.guard(ResultDiscountedLTV, v, note)
	r.LTVCAC, r.PaybackMonths = r.cacFigures(in, b)
	r.ExpandedLTV, r.ExpansionDelta = r.expansion(in, b)
	return r, nil
}

// base holds the figures every other one builds on.
type base struct {
	revenue, profit float64
	monthlyProfit   float64 // gross profit per customer per month
	lifetimeYears   float64
}

// baseFigures computes revenue and profit LTV in the chosen model.
func baseFigures(in Inputs) base {
	if in.Mode == Churn {
		return base{
			revenue:       ChurnLTV(in.ARPA, 1, in.Churn),
			profit:        ChurnLTV(in.ARPA, in.Margin, in.Churn),
			monthlyProfit: in.ARPA * in.Margin,
			lifetimeYears: LifetimeYears(in.Churn),
		}
	}
	revenue := RevenueLTV(in.AOV, in.Frequency, in.Years)
	return base{
		revenue:       revenue,
		profit:        ProfitLTV(revenue, in.Margin),
		monthlyProfit: in.AOV * in.Frequency * in.Margin / 12,
		lifetimeYears: in.Years,
	}
}

// discounted returns the discounted LTV, or a note when no rate is given.
func discounted(in Inputs, b base) (float64, string) {
	if in.Discount == nil {
		return 0, NoteNoDiscount
	}
	if in.Mode == Churn {
		return DiscountedChurnLTV(b.monthlyProfit, in.Churn, *in.Discount), ""
	}
	return DiscountedLTV(in.AOV*in.Frequency*in.Margin, in.Years, *in.Discount), ""
}

// cacFigures returns LTV:CAC and the payback months.
func (r *Results) cacFigures(in Inputs, b base) (ratio, payback *float64) {
	if in.CAC == nil {
		r.Notes[ResultLTVCAC], r.Notes[ResultPaybackMonths] = NoteNoCAC, NoteNoCAC
		return nil, nil
	}
	ratio = r.guard(ResultLTVCAC, LTVToCAC(b.profit, *in.CAC), "")
	if b.monthlyProfit == 0 {
		r.Notes[ResultPaybackMonths] = NoteNoProfit
		return ratio, nil
	}
	return ratio, r.guard(ResultPaybackMonths, PaybackMonths(*in.CAC, b.monthlyProfit), "")
}

// expansion returns the expanded profit LTV and its difference from the
// profit LTV. The attach part needs both the attach rate and the add-on
// value; half of it is a note, not an error, because a visitor filling in
// the form passes through that state.
func (r *Results) expansion(in Inputs, b base) (after, delta *float64) {
	note := ""
	switch {
	case (in.Attach == nil) != (in.Addon == nil):
		note = NoteHalfAttach
	case in.Attach == nil && in.Uplift == nil:
		note = NoteNoExpansion
	}
	if note != "" {
		r.Notes[ResultExpandedLTV], r.Notes[ResultExpansionDelta] = note, note
		return nil, nil
	}
	attach, addon, uplift := deref(in.Attach), deref(in.Addon), deref(in.Uplift)
	v := ExpandedLTV(b.profit, in.Margin, b.lifetimeYears, attach, addon, uplift)
	after = r.guard(ResultExpandedLTV, v, "")
	if after == nil {
		return nil, r.guard(ResultExpansionDelta, math.Inf(1), "")
	}
	return after, r.guard(ResultExpansionDelta, v-b.profit, "")
}

// guard returns &v, or nil with a note when v is unknown or too large.
func (r *Results) guard(name string, v float64, note string) *float64 {
	switch {
	case note != "":
		r.Notes[name] = note
		return nil
	case math.IsNaN(v) || math.Abs(v) >= MaxFigure:
		r.Notes[name] = NoteTooLarge
		return nil
	}
	return &v
}

// deref returns *p, or 0 when p is nil.
func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}
