package schema

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSchemaEncode puts arbitrary strings in names, answers and step text:
// Encode's output must parse, hold no "<" at all (so no "</script" or
// "<!--"), read back to the same text, and neither validator may panic.
func FuzzSchemaEncode(f *testing.F) {
	f.Add("What is LTV?", "<p>Lifetime value.</p>")
	f.Add("Q", xss)
	f.Add("</SCRIPT >", "<!-- <script>")
	f.Add("\u2028\u2029", "bad \xff utf-8")
	f.Fuzz(func(t *testing.T, name, answer string) {
		g := faqGraph()
		first[*FAQPage](t, g).MainEntity[0] = Question{Name: name, AcceptedAnswer: &Answer{Text: answer}}
		g.Add(&HowTo{ID: ID(faqURL, "howto"), Name: name, Step: []HowToStep{{Position: 1, Name: name, Text: answer}}})
		out := encode(t, g)
		if i := bytes.IndexAny(out, "<>&"); i >= 0 {
			t.Fatalf("Encode output holds %q at %d: %s", out[i], i, out)
		}
		var d struct {
			Graph []json.RawMessage `json:"@graph"`
		}
		var faq decodedFAQ
		if err := json.Unmarshal(out, &d); err != nil {
			t.Fatalf("Encode output does not parse: %v\n%s", err, out)
		}
		if err := json.Unmarshal(d.Graph[4], &faq); err != nil {
			t.Fatalf("FAQPage does not read back: %v\n%s", err, d.Graph[4])
		}
		q := faq.MainEntity[0]
		if utf8.ValidString(name) && utf8.ValidString(answer) && (q.Name != name || q.AcceptedAnswer.Text != answer) {
			t.Errorf("read back %q / %q, want %q / %q", q.Name, q.AcceptedAnswer.Text, name, answer)
		}
		Validate(g)
		for _, v := range ValidateJSON(out) {
			if v.Path == "" {
				t.Errorf("ValidateJSON reports the script as unsafe: %v", v)
			}
		}
	})
}

// FuzzValidateJSON feeds arbitrary bytes to ValidateJSON: it must never
// panic, and JSON that does not parse must be reported.
func FuzzValidateJSON(f *testing.F) {
	for _, build := range scenarios {
		var buf bytes.Buffer
		if err := Encode(&buf, build()); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	f.Add([]byte(faqDoc(`{"@type":"Question","acceptedAnswer":[]}`)))
	f.Add([]byte(`{"@graph":[{"@id":{}},[],null,{"@type":["Question"],"acceptedAnswer":[1]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got := ValidateJSON(data)
		if !json.Valid(data) && len(got) == 0 {
			t.Errorf("ValidateJSON(%q) accepted invalid JSON", data)
		}
	})
}

// FuzzSanitizeAnswerHTML checks the sanitizer and the validator agree:
// whatever SanitizeAnswerHTML returns passes the answer-text rules (it may
// be empty, which the validator reports separately).
func FuzzSanitizeAnswerHTML(f *testing.F) {
	f.Add(`<p onclick="x">Hi <a href="/a/">a</a> <img src=x></p>`)
	f.Add(xss)
	f.Add(`<a href="java&#x09;script:alert(1)">x</a><a href="//e/">y</a>`)
	f.Add("<table><tr><td>a<!-- c --></td></tr></table>")
	f.Fuzz(func(t *testing.T, in string) {
		out := SanitizeAnswerHTML(in)
		if msg, _ := answerTextProblem(out); msg != "" && msg != "is empty" {
			t.Errorf("SanitizeAnswerHTML(%q) = %q, which the validator rejects: %s", in, out, msg)
		}
		if strings.Contains(strings.ToLower(out), "<script") {
			t.Errorf("SanitizeAnswerHTML(%q) = %q keeps a script", in, out)
		}
	})
}
