package ltv

import (
	"math"
	"testing"
)

// near reports whether got is within a relative 1e-12 of want.
func near(got, want float64) bool {
	if want == 0 {
		return math.Abs(got) < 1e-12
	}
	return math.Abs(got-want) <= 1e-12*math.Abs(want)
}

func TestFormulas(t *testing.T) {
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"revenue 100×4×3", RevenueLTV(100, 4, 3), 1200},
		{"revenue part year", RevenueLTV(50, 2, 2.5), 250},
		{"revenue zero frequency", RevenueLTV(100, 0, 3), 0},
		{"profit half margin", ProfitLTV(1200, 0.5), 600},
		{"profit zero margin", ProfitLTV(1200, 0), 0},
		{"churn 50×0.8÷0.05", ChurnLTV(50, 0.8, 0.05), 800},
		{"churn revenue margin 1", ChurnLTV(42, 1, 0.1), 420},
		{"discounted no rate equals profit LTV", DiscountedLTV(200, 3, 0), 600},
		{"discounted 10% three years", DiscountedLTV(200, 3, 0.1), 200/1.1 + 200/1.21 + 200/1.331},
		{"discounted part year", DiscountedLTV(100, 1.5, 0.1), 100/1.1 + 0.5*100/1.21},
		{"discounted under a year", DiscountedLTV(100, 0.5, 0.1), 0.5 * 100 / 1.1},
		{"discounted zero years", DiscountedLTV(100, 0, 0.1), 0},
		{"monthly rate of 0", MonthlyRate(0), 0},
		{"monthly rate compounds to annual", math.Pow(1+MonthlyRate(0.1), 12) - 1, 0.1},
		{"discounted churn no rate", DiscountedChurnLTV(40, 0.05, 0), 800},
		{"discounted churn 10%", DiscountedChurnLTV(40, 0.05, 0.1), 40 / (math.Pow(1.1, 1.0/12) - 1 + 0.05)},
		{"ltv:cac", LTVToCAC(600, 200), 3},
		{"payback", PaybackMonths(200, 100.0*4*0.5/12), 12},
		{"expanded uplift only", ExpandedLTV(600, 0.5, 3, 0, 0, 0.1), 660},
		{"expanded attach only", ExpandedLTV(600, 0.5, 3, 0.2, 120, 0), 636},
		{"expanded both", ExpandedLTV(600, 0.5, 3, 0.2, 120, 0.1), 696},
		{"lifetime years", LifetimeYears(0.05), 1.0 / 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !near(tt.got, tt.want) {
				t.Errorf("got %.17g, want %.17g", tt.got, tt.want)
			}
		})
	}
}

// The discounted churn formula is the closed form of the monthly sum.
func TestDiscountedChurnMatchesSum(t *testing.T) {
	g, c, d := 40.0, 0.05, 0.1
	m := MonthlyRate(d)
	sum := 0.0
	for month := 1; month < 5000; month++ {
		sum += g * math.Pow(1-c, float64(month-1)) / math.Pow(1+m, float64(month))
	}
	if got := DiscountedChurnLTV(g, c, d); math.Abs(got-sum) > 1e-9 {
		t.Errorf("closed form %.12g, sum %.12g", got, sum)
	}
}
