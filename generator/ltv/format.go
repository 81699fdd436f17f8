package ltv

import (
	"math"
	"strconv"
	"strings"
)

// Dash stands in for a figure that cannot be shown.
const Dash = "—"

// Format prints a figure the way the page shows it: rounded to 2 decimals
// (halves away from zero), trailing zeros cut, a comma between thousands:
// 1200 → "1,200", 600 → "600", 12.5 → "12.5", -0.001 → "0". NaN, ±Inf and
// figures of MaxFigure or more print as Dash. calculator.js prints the
// same text; below MaxFigure the rounded value is never a tie, so Go's and
// JavaScript's digit rounding agree.
func Format(v float64) string {
	if math.IsNaN(v) || math.Abs(v) >= MaxFigure {
		return Dash
	}
	r := math.Round(math.Abs(v)*100) / 100
	if r == 0 {
		return "0"
	}
	s := strconv.FormatFloat(r, 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	out := groupThousands(whole)
	if frac != "" {
		out += "." + frac
	}
	if v < 0 {
		out = "-" + out
	}
	return out
}

// Percent prints a fraction as a percent: 0.5 → "50%", 0.055 → "5.5%".
func Percent(v float64) string {
	s := Format(v * 100)
	if s == Dash {
		return s
	}
	return s + "%"
}

// groupThousands puts a comma between each group of three digits.
func groupThousands(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
