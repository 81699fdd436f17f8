package schema

import "testing"

// TestSimpleAnswerText holds the fast reading of sanitized answers to the
// tokenizer's: where it answers (ok), it must answer the same; the
// sanitizer's usual output must take the fast path.
func TestSimpleAnswerText(t *testing.T) {
	fast := []string{
		"<p>LTV is revenue per customer over their lifetime.</p>",
		`<p>See <a href="/guides/ltv/">the guide</a> and <a href="https://example.com/x?y=1">this</a>.</p>`,
		"<ul><li>one</li><li><strong>two</strong></li></ul><br/><p>a &amp; b</p>",
		"<p></p>", "", "   ", "<h2>x</h2><div><em>i</em><b>b</b><i>i</i></div><ol><li>1</li></ol>",
		"<p>x</p><img>", `<p href="/x">x</p>`, `<a href="javascript:alert(1)">x</a>`, `<a href="">x</a>`,
		`<a href="//evil.example/">x</a>`, "<table><tr><td>x</td></tr></table>", "</p>text", "<br>", "plain text",
		"<p>x", "<svg><a href=\"/x\">x</a></svg>",
	}
	for _, s := range fast {
		msg, fix, ok := simpleAnswerTextProblem(s)
		if !ok {
			t.Errorf("%q: left to the tokenizer, want the fast path", s)
			continue
		}
		if wantMsg, wantFix := tokenizedAnswerTextProblem(s); msg != wantMsg || fix != wantFix {
			t.Errorf("%q: fast %q/%q, tokenizer %q/%q", s, msg, fix, wantMsg, wantFix)
		}
	}
	slow := []string{
		"<p>&nbsp;</p>", "<P>x</P>", "<!-- c --><p>x</p>", "<p>a < b</p>", `<a href='/x'>x</a>`, `<a href=/x>x</a>`,
		`<a  href="/x">x</a>`, `<a href="/x" title="t">x</a>`, `<a href="/a&amp;b">x</a>`, "<p\n>x</p>", "<1>x", "<!doctype html>",
		"<?x?>", `<a href="a>b">x</a>`, "</ p>", "<a href=\"a\rb\">x</a>", "<a href=\"a\x00b\">x</a>",
	}
	for _, s := range slow {
		if _, _, ok := simpleAnswerTextProblem(s); ok {
			t.Errorf("%q: read by the fast path, want the tokenizer", s)
		}
	}
}

func FuzzSimpleAnswerText(f *testing.F) {
	for _, s := range []string{"<p>x</p>", `<a href="/x">y</a>`, "<a href=\"a\r\nb\">y</a>", "<br/>", "<p> &amp;</p>", "<b>", `<a href="x"/>`, "a<p>", "<p>\x00</p>", "<p>\u00a0</p>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		msg, fix, ok := simpleAnswerTextProblem(s)
		if !ok {
			return
		}
		if wantMsg, wantFix := tokenizedAnswerTextProblem(s); msg != wantMsg || fix != wantFix {
			t.Fatalf("%q: fast %q/%q, tokenizer %q/%q", s, msg, fix, wantMsg, wantFix)
		}
	})
}

// FuzzSimpleAnswerTextPieces builds answers from fuzzed tag names, hrefs
// and texts, so that most inputs take the fast path.
func FuzzSimpleAnswerTextPieces(f *testing.F) {
	f.Add("a", "/x", "text")
	f.Add("p", "https://example.com/", " &amp; ")
	f.Add("h2", "", "\u00a0")
	f.Fuzz(func(t *testing.T, tag, href, text string) {
		for _, s := range []string{
			"<" + tag + ` href="` + href + `">` + text + "</" + tag + ">",
			"<" + tag + ">" + text + "</" + tag + ">",
			text + "<" + tag + "/>" + text,
			"<p>" + text + `<a href="` + href + `">` + text + "</a></p>",
		} {
			msg, fix, ok := simpleAnswerTextProblem(s)
			if !ok {
				continue
			}
			if wantMsg, wantFix := tokenizedAnswerTextProblem(s); msg != wantMsg || fix != wantFix {
				t.Fatalf("%q: fast %q/%q, tokenizer %q/%q", s, msg, fix, wantMsg, wantFix)
			}
		}
	})
}
