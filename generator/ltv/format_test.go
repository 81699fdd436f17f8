package ltv

import (
	"math"
	"testing"
)

// formatCases are shared with the parity test.
var formatCases = []struct {
	in   float64
	want string
}{
	{1200, "1,200"},
	{600, "600"},
	{12.5, "12.5"},
	{12.345, "12.35"},
	{12.344, "12.34"},
	{0.005, "0.01"},
	{0.004, "0"},
	{-0.001, "0"},
	{0, "0"},
	{999.999, "1,000"},
	{1234567.891, "1,234,567.89"},
	{100000, "100,000"},
	{-1234.5, "-1,234.5"},
	{1.1, "1.1"},
	{0.1 + 0.2, "0.3"},
	{9999999999999.99, "9,999,999,999,999.99"},
	{1e13, "—"},
	{-1e13, "—"},
	{math.Inf(1), "—"},
	{math.Inf(-1), "—"},
	{math.NaN(), "—"},
	{497.37039819684446, "497.37"},
	{2.675, "2.68"},
}

func TestFormat(t *testing.T) {
	for _, tt := range formatCases {
		t.Run(tt.want, func(t *testing.T) {
			if got := Format(tt.in); got != tt.want {
				t.Errorf("Format(%v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0.5, "50%"}, {0.055, "5.5%"}, {0.0001, "0.01%"}, {1, "100%"}, {10, "1,000%"}, {math.NaN(), "—"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := Percent(tt.in); got != tt.want {
				t.Errorf("Percent(%v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
