// Package ltv is the arithmetic of the LTV calculator: customer lifetime
// value in the purchase model (average order value × purchases per year ×
// retention in years) and the subscription churn model (monthly revenue per
// account × gross margin ÷ monthly churn), discounting, LTV:CAC, CAC payback
// and an expansion scenario (attach rate × add-on value, or an uplift on
// AOV) shown before and after.
//
// The package holds no HTML and does no I/O. It reads inputs from a URL
// query (ParseQuery), from front matter maps (FromMap) and from the YAML
// body of a `::: calculator ltv` block (DecodeDefaults), validates them
// with messages a visitor understands, and computes every figure (Compute).
// Widget gathers what the theme partial layouts/partials/calculator.html
// needs to render the form and the no-JavaScript results.
//
// The browser runs the same formulas in layouts/static/js/calculator.js;
// parity_test.go runs that file under Node over the Go test table and
// compares every figure, note and message, so the two cannot drift.
//
// Units: every rate is a fraction, never a percent. margin=0.5 is a 50%
// gross margin, churn=0.05 is 5% of accounts lost a month, discount=0.1 is
// 10% a year, attach=0.2 is 20% of customers, uplift=0.1 is +10% on AOV.
//
// Bounds (inclusive): aov, arpa and addon 0 to 10,000,000; frequency 0 to
// 365 purchases a year; years 0 to 100; margin, attach and discount 0 to 1;
// churn 0.0001 to 1 (a zero churn would make the lifetime endless); cac 1
// to 1,000,000,000; uplift 0 to 10 (+1,000%). Figures of MaxFigure or more
// are not shown.
package ltv
