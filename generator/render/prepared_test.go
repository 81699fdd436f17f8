package render

import (
	"bytes"
	"slices"
	"sync"
	"testing"

	"playbook/generator/markdown"
	"playbook/generator/model"
	"playbook/generator/search"
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

func preparedForTest(p *model.Page, _ PreparedPart) (*Prepared, error) {
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
		{Body: []byte("<p>body</p>"), Twin: []byte("twin"), FAQTexts: []string{"q"}, AnswerHTML: []string{"<p>a</p>"}, AnswerTexts: []string{"a"},
			Search: []search.Part{{Kind: "answer", Anchor: "answer", Heading: "H", Snippet: "s", Text: "t"}}},
	}
	for i, pr := range cases {
		enc, ends := pr.Encode([]byte("prefix"))
		enc = enc[len("prefix"):]
		answers, err := DecodePrepared(enc[:ends.Len(AnswerParts, len(enc))], AnswerParts)
		if err != nil {
			t.Fatalf("case %d, answer parts: %v", i, err)
		}
		if !slices.Equal(answers.FAQTexts, pr.FAQTexts) || !slices.Equal(answers.AnswerTexts, pr.AnswerTexts) ||
			len(answers.FAQAnswers) != len(pr.FAQAnswers) || answers.Twin != nil || answers.Body != nil || answers.Search != nil {
			t.Fatalf("case %d: answer parts %+v, want those of %+v", i, answers, pr)
		}
		text, err := DecodePrepared(enc[:ends.Len(TextParts, len(enc))], TextParts)
		if err != nil {
			t.Fatalf("case %d, text parts: %v", i, err)
		}
		if !bytes.Equal(text.Twin, pr.Twin) || !slices.Equal(text.FAQTexts, pr.FAQTexts) || !slices.Equal(text.AnswerHTML, pr.AnswerHTML) ||
			!slices.Equal(text.AnswerTexts, pr.AnswerTexts) || text.Body != nil || text.TOC != nil || text.Search != nil {
			t.Fatalf("case %d: text parts %+v, want those of %+v", i, text, pr)
		}
		got, err := DecodePrepared(enc, AllParts)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !slices.Equal(got.Search, pr.Search) {
			t.Fatalf("case %d: search parts %+v, want %+v", i, got.Search, pr.Search)
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
	whole, ends := cases[4].Encode(nil)
	textLen := ends.Len(TextParts, len(whole))
	for _, bad := range [][]byte{{0xff}, {5, 'a'}, append(whole, 0), whole[:len(whole)-1]} {
		if _, err := DecodePrepared(bad, AllParts); err == nil {
			t.Errorf("DecodePrepared(%q, AllParts) succeeded", bad)
		}
	}
	if _, err := DecodePrepared(whole, TextParts); err == nil {
		t.Errorf("DecodePrepared of all parts as the text parts succeeded")
	}
	if _, err := DecodePrepared(whole[:textLen-1], TextParts); err == nil {
		t.Errorf("DecodePrepared of cut text parts succeeded")
	}
	if _, err := DecodePrepared(whole[:textLen], AnswerParts); err == nil {
		t.Errorf("DecodePrepared of the text parts as the answer parts succeeded")
	}
}
