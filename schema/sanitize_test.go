package schema

import "testing"

func TestSanitizeAnswerHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"allowed tags kept", "<h2>T</h2><p>a <b>b</b> <strong>s</strong> <i>i</i> <em>e</em><br></p><ol><li>1</li></ol><ul><li>2</li></ul><div>d</div>",
			"<h2>T</h2><p>a <b>b</b> <strong>s</strong> <i>i</i> <em>e</em><br></p><ol><li>1</li></ol><ul><li>2</li></ul><div>d</div>"},
		{"script dropped with its content", "<p>Hi</p><script>alert(1)</script>", "<p>Hi</p>"},
		{"closing script in text", "</script><script>alert(1)</script>", ""},
		{"style dropped with its content", "<style>p{color:red}</style><p>x</p>", "<p>x</p>"},
		{"img dropped", `<p>See <img src="https://x/y.png" alt="y"> this</p>`, "<p>See  this</p>"},
		{"table unwrapped, text kept", "<table><tr><td>a</td></tr></table>", "a"},
		{"code and span unwrapped", "<p>Use <code>ltv</code> <span>now</span></p>", "<p>Use ltv now</p>"},
		{"style and onclick attributes dropped", `<p style="color:red" onclick="x()" class="c" id="i">t</p>`, "<p>t</p>"},
		{"absolute link kept", `<a href="https://example.com/x?a=1&amp;b=2">x</a>`, `<a href="https://example.com/x?a=1&amp;b=2">x</a>`},
		{"root-relative link kept", `<a href="/guides/ltv/#step-2" title="t">x</a>`, `<a href="/guides/ltv/#step-2">x</a>`},
		{"javascript link dropped", `<a href="javascript:alert(1)">x</a>`, "x"},
		{"protocol-relative link dropped", `<a href="//evil.example/">x</a>`, "x"},
		{"document-relative link dropped", `<a href="../other/">x</a>`, "x"},
		{"fragment link dropped", `<a href="#faq">x</a>`, "x"},
		{"mailto link dropped", `<a href="mailto:a@b.c">x</a>`, "x"},
		{"comment dropped", "<p>a<!-- b --></p>", "<p>a</p>"},
		{"text escaped", "<p>5 < 6 & \"q\"</p>", "<p>5 &lt; 6 &amp; &#34;q&#34;</p>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SanitizeAnswerHTML(tc.in)
			if got != tc.want {
				t.Errorf("SanitizeAnswerHTML(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if msg, _ := answerTextProblem(got); msg != "" && msg != "is empty" {
				t.Errorf("sanitized output %q still fails the answer rules: %s", got, msg)
			}
		})
	}
}

func TestIsSafeHref(t *testing.T) {
	tests := []struct {
		href string
		want bool
	}{
		{"https://example.com/", true},
		{"HTTP://EXAMPLE.COM/a", true},
		{"/", true},
		{"/guides/x/?q=1#a", true},
		{"//evil.example/", false},
		{"/\\evil.example/", false},
		{"https:///nohost", false},
		{"ftp://example.com/", false},
		{"javascript:alert(1)", false},
		{"guides/x/", false},
		{"#a", false},
		{"/a b", false},
		{"", false},
	}
	for _, tc := range tests {
		t.Run(tc.href, func(t *testing.T) {
			if got := isSafeHref(tc.href); got != tc.want {
				t.Errorf("isSafeHref(%q) = %v, want %v", tc.href, got, tc.want)
			}
			if got := safeHrefPattern.MatchString(tc.href); got != tc.want {
				t.Errorf("safeHrefPattern matches %q = %v, want %v", tc.href, got, tc.want)
			}
		})
	}
}
