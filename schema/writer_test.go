package schema

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestAppendString pins the hand-written string encoder to encoding/json's
// HTML-safe output, byte for byte.
func TestAppendString(t *testing.T) {
	tests := []string{
		"", "plain", `quote " and \ backslash`, "<p>a & b</p>", "</script>",
		"tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f", "line\u2028para\u2029",
		"bad \xff utf-8 \xe2\x80", "émoji 🎯 × ü", strings.Repeat("<", 3),
	}
	for _, s := range tests {
		t.Run(s, func(t *testing.T) {
			want, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendString(nil, s); string(got) != string(want) {
				t.Errorf("appendString(%q) = %s, want %s", s, got, want)
			}
		})
	}
}

func TestMarshalNaNPrice(t *testing.T) {
	g := calculatorGraph()
	first[*WebApplication](t, g).Offers.Price = math.NaN()
	if _, err := g.MarshalJSON(); err == nil || !strings.Contains(err.Error(), "price is NaN") {
		t.Errorf("MarshalJSON with a NaN price: err = %v, want one naming price", err)
	}
}

// TestMarshalInlineTypes checks inline values marshal with their @type when
// a caller marshals them alone.
func TestMarshalInlineTypes(t *testing.T) {
	tests := []struct {
		v    json.Marshaler
		want string
	}{
		{Question{Name: "Q", AcceptedAnswer: &Answer{Text: "A"}}, `{"@type":"Question","name":"Q","acceptedAnswer":{"@type":"Answer","text":"A"}}`},
		{Question{Name: "Q"}, `{"@type":"Question","name":"Q"}`},
		{ListItem{Position: 1, Name: "Home", Item: base}, `{"@type":"ListItem","position":1,"name":"Home","item":"https://example.com/"}`},
		{HowToStep{Text: "Do"}, `{"@type":"HowToStep","text":"Do"}`},
		{ImageObject{URL: base + "l.png"}, `{"@type":"ImageObject","url":"https://example.com/l.png"}`},
		{Offer{Price: 9.5, PriceCurrency: "EUR"}, `{"@type":"Offer","price":9.5,"priceCurrency":"EUR"}`},
		{Organization{ID: "https://x/#org", Name: "X", URL: "https://x/", SameAs: []string{"https://a/", "https://b/"}},
			`{"@type":"Organization","@id":"https://x/#org","name":"X","url":"https://x/","sameAs":["https://a/","https://b/"]}`},
		{WebPage{ID: "https://x/#webpage", URL: "https://x/"}, `{"@type":"WebPage","@id":"https://x/#webpage","url":"https://x/"}`},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			got, err := json.Marshal(tc.v)
			if err != nil || string(got) != tc.want {
				t.Errorf("json.Marshal = %s, %v; want %s", got, err, tc.want)
			}
		})
	}
}

// foreign is a Node from another package, marshalled through encoding/json.
type foreign struct {
	Type string `json:"@type"`
	ID   string `json:"@id"`
	Name string `json:"name"`
}

func (f foreign) NodeID() string   { return f.ID }
func (f foreign) NodeType() string { return f.Type }

func TestEncodeForeignNode(t *testing.T) {
	g := &Graph{}
	g.Add(foreign{Type: "Thing", ID: "https://x/#t", Name: "</script>"})
	want := `{"@context":"https://schema.org","@graph":[{"@type":"Thing","@id":"https://x/#t","name":"\u003c/script\u003e"}]}`
	if got := string(encode(t, g)); got != want {
		t.Errorf("Encode = %s, want %s", got, want)
	}
	if v := Validate(g); v != nil {
		t.Errorf("Validate = %v, want nil", v)
	}
}
