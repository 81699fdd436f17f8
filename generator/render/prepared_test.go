package render

import (
	"bytes"
	"slices"
	"sync"
	"testing"

	"playbook/generator/markdown"
	"playbook/generator/model"
)

// testPrepared keeps what the tests' Prepare calls made, as the pipeline's
// parse cache does for a build.
var testPrepared sync.Map // *model.Page -> *Prepared

func prepareForTest(tb testing.TB, p *model.Page) {
	tb.Helper()
	pr, err := Prepare(fuzzEngine, p)
	if err != nil {
		tb.Fatal(err)
	}
	testPrepared.Store(p, pr)
}

func preparedForTest(p *model.Page) (*Prepared, error) {
	v, _ := testPrepared.Load(p)
	pr, _ := v.(*Prepared)
	return pr, nil
}

// testOptions are render options over testPrepared.
func testOptions(o Options) Options {
	o.Prepared = preparedForTest
	return o
}

func TestPreparedEncodingRoundTrips(t *testing.T) {
	cases := []*Prepared{
		{},
		{Body: []byte("<p>x</p>"), Twin: []byte("x")},
		{Body: []byte("b"), Twin: []byte("t"), FAQAnswers: []string{"", "a<b>c</b>"}, StepTexts: []string{"one", "two"}},
		{Body: []byte("b"), TOC: []markdown.Heading{{Level: 2, Line: 300, ID: "pricing", Text: "Pricing"}, {Level: 2, Line: 9, ID: "x"}}},
	}
	for i, pr := range cases {
		got, err := DecodePrepared(pr.AppendBinary(nil))
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !bytes.Equal(got.Body, pr.Body) || !bytes.Equal(got.Twin, pr.Twin) ||
			len(got.FAQAnswers) != len(pr.FAQAnswers) || len(got.StepTexts) != len(pr.StepTexts) {
			t.Fatalf("case %d: got %+v, want %+v", i, got, pr)
		}
		if !slices.Equal(got.TOC, pr.TOC) {
			t.Fatalf("case %d: TOC %+v, want %+v", i, got.TOC, pr.TOC)
		}
		for j := range pr.FAQAnswers {
			if got.FAQAnswers[j] != pr.FAQAnswers[j] {
				t.Fatalf("case %d: FAQ answer %d = %q, want %q", i, j, got.FAQAnswers[j], pr.FAQAnswers[j])
			}
		}
	}
	for _, bad := range [][]byte{{0xff}, {5, 'a'}, append(cases[1].AppendBinary(nil), 0)} {
		if _, err := DecodePrepared(bad); err == nil {
			t.Errorf("DecodePrepared(%q) succeeded", bad)
		}
	}
}
