package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
)

const xss = "</script><script>alert(1)</script>"

// decodedFAQ is the shape of an encoded FAQPage, for reading it back.
type decodedFAQ struct {
	Type       string `json:"@type"`
	MainEntity []struct {
		Name           string `json:"name"`
		AcceptedAnswer struct {
			Text string `json:"text"`
		} `json:"acceptedAnswer"`
	} `json:"mainEntity"`
}

// decoded is the shape of an encoded graph of FAQPages.
type decoded struct {
	Context string       `json:"@context"`
	Graph   []decodedFAQ `json:"@graph"`
}

func encode(t testing.TB, g *Graph) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Encode(&buf, g); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func faqWith(name, answer string) *Graph {
	g := &Graph{}
	g.Add(&FAQPage{ID: ID(faqURL, "faq"), MainEntity: []Question{{Name: name, AcceptedAnswer: &Answer{Text: answer}}}})
	return g
}

// TestEncodeScriptBreakout is the test: an answer that tries to
// close the script element stays inside it and reads back unchanged.
func TestEncodeScriptBreakout(t *testing.T) {
	const name = "Is <!-- this --> & that \u2028 safe?"
	out := encode(t, faqWith(name, xss))
	for _, bad := range []string{"<", ">", "&", "\u2028"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("Encode output holds %q unescaped: %s", bad, out)
		}
	}
	if !bytes.Contains(out, []byte(`\u003c/script\u003e`)) {
		t.Errorf("Encode output lacks the escaped form of </script>: %s", out)
	}
	var d decoded
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
	q := d.Graph[0].MainEntity[0]
	if q.AcceptedAnswer.Text != xss || q.Name != name {
		t.Errorf("read back name %q answer %q, want %q and %q", q.Name, q.AcceptedAnswer.Text, name, xss)
	}
	if d.Context != Context || d.Graph[0].Type != "FAQPage" {
		t.Errorf("read back @context %q @type %q", d.Context, d.Graph[0].Type)
	}
}

func TestEncodeEmptyGraph(t *testing.T) {
	if got, want := string(encode(t, &Graph{})), `{"@context":"https://schema.org","@graph":[]}`; got != want {
		t.Errorf("Encode(empty) = %s, want %s", got, want)
	}
}

// TestEncodeDeterministic guards the stable output the build's caching and
// golden files rely on.
func TestEncodeDeterministic(t *testing.T) {
	a, b := encode(t, articleGraph()), encode(t, articleGraph())
	if !bytes.Equal(a, b) {
		t.Errorf("two encodings differ:\n%s\n%s", a, b)
	}
}

// TestMarshalJSON checks the Graph marshals the same through encoding/json
// as through Encode, as when a template calls json.Marshal on it.
func TestMarshalJSON(t *testing.T) {
	g := faqGraph()
	viaJSON, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	if got := encode(t, g); !bytes.Equal(viaJSON, got) {
		t.Errorf("json.Marshal and Encode differ:\n%s\n%s", viaJSON, got)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }

func TestEncodeWriteError(t *testing.T) {
	if err := Encode(failWriter{}, faqGraph()); err != io.ErrClosedPipe {
		t.Errorf("Encode to a failing writer = %v, want %v", err, io.ErrClosedPipe)
	}
}

// tenQuestions is the benchmark's page: the site nodes plus a 10-question FAQ.
func tenQuestions(tb testing.TB) *Graph {
	g := faqGraph()
	faq := first[*FAQPage](tb, g)
	faq.MainEntity = faq.MainEntity[:0]
	for i := range 10 {
		faq.MainEntity = append(faq.MainEntity, Question{
			Name: fmt.Sprintf("Question %d about lifetime value?", i+1),
			AcceptedAnswer: &Answer{Text: "<p>" + strings.Repeat("Retention & margin drive LTV. ", 8) +
				`<a href="/guides/ltv-journey/">Read more</a>.</p>`},
		})
	}
	return g
}

func BenchmarkEncode(b *testing.B) {
	g := tenQuestions(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Encode(io.Discard, g); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	g := tenQuestions(b)
	b.ReportAllocs()
	for b.Loop() {
		if v := Validate(g); v != nil {
			b.Fatal(v)
		}
	}
}
