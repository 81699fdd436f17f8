package ltv

import (
	"net/url"
	"reflect"
	"testing"
)

// shownText is what the page prints for a figure.
func shownText(r Results, name string) string {
	if v := r.Value(name); v != nil {
		return Format(*v)
	}
	return Dash
}

func TestComputeQueries(t *testing.T) {
	for _, tt := range queryCases {
		t.Run(tt.name, func(t *testing.T) {
			q, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			in, errs := ParseQuery(q)
			if !reflect.DeepEqual(errs, tt.errs) {
				t.Fatalf("ParseQuery errors = %q, want %q", errs, tt.errs)
			}
			if len(tt.errs) > 0 {
				return // the page shows no figures; see TestWidgetErrors
			}
			r, cerrs := Compute(in)
			if len(cerrs) > 0 || !r.OK {
				t.Fatalf("Compute errors = %q", cerrs)
			}
			for name, want := range tt.shown {
				if got := shownText(r, name); got != want {
					t.Errorf("%s = %q, want %q", name, got, want)
				}
			}
			for name, want := range tt.notes {
				if got := r.Notes[name]; got != want {
					t.Errorf("note %s = %q, want %q", name, got, want)
				}
			}
			if tt.notes != nil && len(tt.notes) == 0 && len(r.Notes) != 0 {
				t.Errorf("notes = %q, want none", r.Notes)
			}
		})
	}
}

func TestComputeInvalid(t *testing.T) {
	in := Defaults()
	in.Margin = 2
	r, errs := Compute(in)
	if r.OK || len(errs) != 1 || errs[0].Key != "margin" {
		t.Fatalf("Compute = %+v, %q; want not OK and a margin error", r, errs)
	}
	for _, name := range []string{ResultRevenueLTV, ResultProfitLTV, ResultExpandedBefore, ResultLTVCAC} {
		if v := r.Value(name); v != nil {
			t.Errorf("%s = %v, want nil when invalid", name, *v)
		}
	}
}

func TestApplyQueryKeepsBase(t *testing.T) {
	base := Defaults()
	base.Mode = Churn
	base.ARPA = 99
	base.CAC = ptr(50)
	in, errs := ApplyQuery(base, url.Values{"churn": {"0.1"}, "cac": {""}})
	if len(errs) != 0 {
		t.Fatalf("errors %q", errs)
	}
	if in.Mode != Churn || in.ARPA != 99 || in.Churn != 0.1 || in.CAC != nil {
		t.Errorf("ApplyQuery = %+v, want churn mode, ARPA 99, churn 0.1, CAC cleared", in)
	}
}
