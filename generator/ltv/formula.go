package ltv

import "math"

// The formulas below are mirrored, operation for operation, in
// layouts/static/js/calculator.js; keep both in step (parity_test.go).

// RevenueLTV is the purchase-model revenue lifetime value:
//
//	revenue LTV = average order value × purchases per year × retention in years
func RevenueLTV(aov, frequency, years float64) float64 {
	return aov * frequency * years
}

// ProfitLTV is revenue LTV kept as gross profit:
//
//	profit LTV = revenue LTV × gross margin
func ProfitLTV(revenueLTV, margin float64) float64 {
	return revenueLTV * margin
}

// ChurnLTV is the subscription-model lifetime value; with margin 1 it is
// the revenue LTV. 1 ÷ churn is the expected lifetime in months:
//
//	LTV = monthly revenue per account × gross margin ÷ monthly churn
func ChurnLTV(arpa, margin, churn float64) float64 {
	return arpa * margin / churn
}

// DiscountedLTV is the purchase-model profit LTV in today's money. Each
// year's gross profit counts at the end of that year, discounted at the
// annual rate d; a final part year f (years 2.5 → f 0.5) counts pro rata at
// the end of the year it falls in:
//
//	discounted LTV = Σ_{t=1..⌊Y⌋} P ÷ (1+d)^t + f × P ÷ (1+d)^(⌊Y⌋+1)
//
// where P is the yearly gross profit (AOV × frequency × margin) and Y the
// retention in years. With d = 0 it equals P × Y, the profit LTV.
func DiscountedLTV(yearlyProfit, years, discount float64) float64 {
	whole := math.Floor(years)
	sum, factor := 0.0, 1.0
	for t := 1.0; t <= whole; t++ {
		factor *= 1 + discount
		sum += yearlyProfit / factor
	}
	if frac := years - whole; frac > 0 {
		factor *= 1 + discount
		sum += frac * yearlyProfit / factor
	}
	return sum
}

// MonthlyRate is the monthly discount rate equivalent to an annual one:
//
//	m = (1 + d)^(1/12) − 1
func MonthlyRate(annual float64) float64 {
	return math.Pow(1+annual, 1.0/12) - 1
}

// DiscountedChurnLTV is the subscription-model profit LTV in today's
// money: month t's gross profit G is earned by the (1−c)^(t−1) share of
// accounts still there and discounted by (1+m)^t, which sums to
//
//	discounted LTV = G ÷ (m + c)
//
// with G = ARPA × margin, c the monthly churn and m = MonthlyRate(d).
func DiscountedChurnLTV(monthlyProfit, churn, discount float64) float64 {
	return monthlyProfit / (MonthlyRate(discount) + churn)
}

// LTVToCAC is how many times a customer's profit LTV repays what it cost
// to acquire them:
//
//	LTV:CAC = profit LTV ÷ CAC
func LTVToCAC(profitLTV, cac float64) float64 {
	return profitLTV / cac
}

// PaybackMonths is how long a customer's gross profit takes to repay CAC:
//
//	CAC payback = CAC ÷ gross profit per month
//
// The monthly gross profit is AOV × frequency × margin ÷ 12 in the purchase
// model and ARPA × margin in the churn model. It must not be zero.
func PaybackMonths(cac, monthlyProfit float64) float64 {
	return cac / monthlyProfit
}

// ExpandedLTV is the profit LTV after an expansion scenario: an upsell
// uplift u raises every order (every month's revenue in the churn model)
// by u, and a share a of customers buys an add-on worth v a year:
//
//	expanded LTV = profit LTV × (1 + u) + a × v × gross margin × L
//
// where L is the lifetime in years: the retention in years, or
// 1 ÷ (12 × monthly churn) in the churn model (see LifetimeYears).
func ExpandedLTV(profitLTV, margin, lifetimeYears, attach, addon, uplift float64) float64 {
	return profitLTV*(1+uplift) + attach*addon*margin*lifetimeYears
}

// LifetimeYears is the expected lifetime in years in the churn model:
//
//	L = 1 ÷ (12 × monthly churn)
func LifetimeYears(churn float64) float64 {
	return 1 / (12 * churn)
}
