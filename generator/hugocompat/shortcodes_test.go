package hugocompat

import (
	"strconv"
	"strings"
	"testing"
)

// urlOf is the test's content-path-to-URL rule.
func urlOf(file string) string {
	return "/" + strings.TrimSuffix(strings.TrimPrefix(file, "content/"), ".md") + "/"
}

func TestShortcodes(t *testing.T) {
	tests := []struct {
		name, in, out string
		warnings      []string // "line:col name"
	}{
		{"no shortcode", "Plain {{ .Title }} text.\n", "Plain {{ .Title }} text.\n", nil},
		{"paired, content kept", "A\n{{< note >}}\nInside.\n{{< /note >}}\nB\n", "A\n\nInside.\n\nB\n", []string{"2:1 note"}},
		{"markdown form with args", "x {{% tip title=\"Fast\" %}}y{{% /tip %}} z\n", "x y z\n", []string{"1:3 tip"}},
		{"multi-line args keep lines", "{{< figure\n  src=\"a.png\"\n>}}\nnext\n", "\n\n\nnext\n", []string{"1:1 figure"}},
		{"relref relative", "[a]({{< relref \"b.md\" >}})", "[a](/docs/b/)", nil},
		{"ref absolute with anchor", "[a]({{< ref \"/guides/x#top\" >}})", "[a](/guides/x/#top)", nil},
		{"ref unquoted, parent folder", "[a]({{< ref ../c >}})", "[a](/c/)", nil},
		{"ref to an anchor of the page", "[a]({{< ref \"#top\" >}})", "[a](#top)", nil},
		{"escaped form is text", "`{{</* note */>}}` and `{{%/* tip */%}}`", "`{{< note >}}` and `{{% tip %}}`", nil},
		{"unclosed tag is text", "{{< note", "{{< note", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, probs := Shortcodes([]byte(tt.in), "content/docs/a.md", urlOf)
			if string(out) != tt.out {
				t.Errorf("out = %q, want %q", out, tt.out)
			}
			var got []string
			for _, p := range probs {
				name := strings.Split(p.Msg, `"`)[1]
				got = append(got, strings.Join([]string{strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col), name}, " "))
				if p.Fix == "" || !strings.Contains(p.Msg, "left out of the page") {
					t.Errorf("problem without a fix or the consequence: %v", p)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.warnings, ",") {
				t.Errorf("warnings = %v, want %v", got, tt.warnings)
			}
			if strings.Count(string(out), "\n") != strings.Count(tt.in, "\n") {
				t.Error("the body's line count changed")
			}
		})
	}
}

func FuzzShortcodes(f *testing.F) {
	for _, s := range []string{"{{< note >}}x{{< /note >}}", "[a]({{< ref \"b\" >}})", "{{</* x */>}}", "{{% y\n%}}", "{{<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, probs := Shortcodes([]byte(in), "content/a/b.md", urlOf)
		if strings.Count(string(out), "\n") != strings.Count(in, "\n") {
			t.Errorf("line count changed: %q -> %q", in, out)
		}
		for _, p := range probs {
			if p.Line < 1 || p.Line > strings.Count(in, "\n")+1 {
				t.Errorf("problem line %d outside the input", p.Line)
			}
		}
	})
}
