package schema

import (
	"reflect"
	"strings"
	"testing"
)

// doc wraps graph nodes in the top-level object Encode writes.
func doc(nodes string) string {
	return `{"@context":"https://schema.org","@graph":[` + nodes + `]}`
}

const (
	site    = `{"@type":"WebSite","@id":"https://x/#website","url":"https://x/","name":"X"}`
	faqNode = `{"@type":"FAQPage","@id":"https://x/#faq","isPartOf":{"@id":"https://x/#website"},"mainEntity":[%s]}`
	okQ     = `{"@type":"Question","name":"Q?","acceptedAnswer":{"@type":"Answer","text":"<p>A.</p>"}}`
)

func faqDoc(questions ...string) string {
	return doc(site + "," + strings.Replace(faqNode, "%s", strings.Join(questions, ","), 1))
}

func TestValidateJSON(t *testing.T) {
	const faqID = "https://x/#faq"
	tests := []struct {
		name string
		data string
		want []Violation
	}{
		{"valid", faqDoc(okQ, okQ), nil},
		{"closing script tag in raw bytes", faqDoc(`{"@type":"Question","name":"Q?","acceptedAnswer":{"@type":"Answer","text":"</SCRIPT>"}}`), []Violation{
			{Msg: `JSON-LD contains "</script", which ends the script element early`, Fix: fixRendered},
			{NodeID: faqID, Path: "mainEntity[0].acceptedAnswer.text", Msg: `answer to "Q?" contains <script>, which rich results do not allow in answers`, Fix: fixAnswerTag},
		}},
		{"comment opener in raw bytes", doc(`{"@type":"WebSite","@id":"https://x/#website","name":"<!--"}`), []Violation{
			{Msg: `JSON-LD contains "<!--", which changes how browsers find the end of the script`, Fix: fixRendered},
		}},
		{"escaped script tag is fine", faqDoc(`{"@type":"Question","name":"Q?","acceptedAnswer":{"@type":"Answer","text":"\u003cp\u003eA\u003c/p\u003e"}}`), nil},
		{"data after the object", faqDoc(okQ) + " {}", []Violation{{Msg: "JSON-LD has data after its top-level object", Fix: fixRendered}}},
		{"no @graph", `{"@context":"https://schema.org"}`, []Violation{{Path: "@graph", Msg: "JSON-LD has 0 @graph members, want exactly 1", Fix: fixRendered}}},
		{"two @graph members", `{"@context":"https://schema.org","@graph":[` + site + `],"@graph":[]}`, []Violation{
			{Path: "@graph", Msg: "JSON-LD has 2 @graph members, want exactly 1", Fix: fixRendered},
			{Path: "@graph", Msg: "the JSON-LD graph has no nodes", Fix: fixRendered},
		}},
		{"@graph not an array", `{"@context":"https://schema.org","@graph":{}}`, []Violation{{Path: "@graph", Msg: "@graph is not an array", Fix: fixRendered}}},
		{"wrong @context", `{"@context":"https://example.org","@graph":[` + site + `]}`, []Violation{{Path: "@context", Msg: `@context is "https://example.org", want "https://schema.org"`, Fix: fixRendered}}},
		{"http @context accepted", `{"@context":"http://schema.org/","@graph":[` + site + `]}`, nil},
		{"node not an object", doc(site + `,"x"`), []Violation{{Path: "@graph[1]", Msg: "graph node is not a JSON object", Fix: fixRendered}}},
		{"node without @type", doc(`{"@id":"https://x/#a","name":"A"}`), []Violation{{NodeID: "https://x/#a", Path: "@type", Msg: "node has no @type", Fix: fixRendered}}},
		{"node without @id", doc(`{"@type":"Thing","name":"A"}`), []Violation{{Path: "@id", Msg: "node has no @id", Fix: fixRendered}}},
		{"relative @id", doc(`{"@type":"Thing","@id":"/a/#b"}`), []Violation{{NodeID: "/a/#b", Path: "@id", Msg: `@id "/a/#b" is not an absolute http(s) URL`, Fix: fixBaseURL}}},
		{"duplicate @id", doc(site + "," + site), []Violation{{NodeID: "https://x/#website", Path: "@id", Msg: `@id "https://x/#website" is used by more than one node`, Fix: fixDuplicate}}},
		{"dangling reference", doc(`{"@type":"WebPage","@id":"https://x/#webpage","isPartOf":{"@id":"https://x/#nope"}}`), []Violation{
			{NodeID: "https://x/#webpage", Path: "isPartOf", Msg: `isPartOf points at "https://x/#nope", which is not in the graph`, Fix: fixRef},
		}},
		{"reference to an inline node", doc(`{"@type":"Organization","@id":"https://x/#org","logo":{"@type":"ImageObject","@id":"https://x/#logo","url":"https://x/l.png"}},{"@type":"WebPage","@id":"https://x/#p","image":{"@id":"https://x/#logo"}}`), nil},
		{"question without name", faqDoc(`{"@type":"Question","acceptedAnswer":{"@type":"Answer","text":"A"}}`), []Violation{
			{NodeID: faqID, Path: "mainEntity[0].name", Msg: "question has no text", Fix: fixQuestion},
		}},
		{"question without answer", faqDoc(okQ, `{"@type":"Question","name":"Q2?"}`), []Violation{
			{NodeID: faqID, Path: "mainEntity[1].acceptedAnswer", Msg: `question "Q2?" has no acceptedAnswer`, Fix: fixAnswer},
		}},
		{"question with two answers", faqDoc(`{"@type":"Question","name":"Q?","acceptedAnswer":[{"@type":"Answer","text":"A"},{"@type":"Answer","text":"B"}]}`), []Violation{
			{NodeID: faqID, Path: "mainEntity[0].acceptedAnswer", Msg: `question "Q?" has 2 acceptedAnswer values, want exactly 1`, Fix: fixAnswer},
		}},
		{"answer as one-element array", faqDoc(`{"@type":"Question","name":"Q?","acceptedAnswer":[{"@type":"Answer","text":"A"}]}`), nil},
		{"empty answer", faqDoc(`{"@type":["Question"],"name":"Q?","acceptedAnswer":{"@type":"Answer","text":"<p></p>"}}`), []Violation{
			{NodeID: faqID, Path: "mainEntity[0].acceptedAnswer.text", Msg: `answer to "Q?" is empty`, Fix: fixAnswer},
		}},
		{"answer with disallowed tag", faqDoc(`{"@type":"Question","name":"Q?","acceptedAnswer":{"@type":"Answer","text":"\u003cp\u003eA \u003cimg src=x\u003e\u003c/p\u003e"}}`), []Violation{
			{NodeID: faqID, Path: "mainEntity[0].acceptedAnswer.text", Msg: `answer to "Q?" contains <img>, which rich results do not allow in answers`, Fix: fixAnswerTag},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ValidateJSON([]byte(tc.data)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ValidateJSON:\n got %#v\nwant %#v", got, tc.want)
			}
		})
	}
}

// TestValidateJSONUnparsable checks broken JSON is one violation that says
// where it broke, never a panic.
func TestValidateJSONUnparsable(t *testing.T) {
	tests := []struct{ name, data, prefix string }{
		{"empty", "", "JSON-LD is not a JSON object: EOF"},
		{"array", "[]", "JSON-LD is not a JSON object"},
		{"garbage", "nope", "JSON-LD is not a JSON object (at byte 2:"},
		{"truncated", `{"@context":"https://schema.org","@graph":[{"@type":`, "JSON-LD does not parse"},
		{"bad member", `{"@context":"https://schema.org","@graph":[}`, "JSON-LD does not parse (at byte"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ValidateJSON([]byte(tc.data))
			if len(got) != 1 || !strings.HasPrefix(got[0].Msg, tc.prefix) || got[0].Fix != fixRendered {
				t.Errorf("ValidateJSON(%q) = %#v, want one violation starting %q", tc.data, got, tc.prefix)
			}
		})
	}
}

// TestValidateJSONNilNode checks a nil node Encode writes as null is caught
// on the rendered side too.
func TestValidateJSONNilNode(t *testing.T) {
	g := &Graph{}
	g.Add((*WebSite)(nil))
	got := ValidateJSON(encode(t, g))
	want := []Violation{{Path: "@graph[0]", Msg: "graph node is not a JSON object", Fix: fixRendered}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ValidateJSON = %#v, want %#v", got, want)
	}
}
