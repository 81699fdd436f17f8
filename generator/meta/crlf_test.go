package meta

import "testing"

// A file saved with Windows line ends keeps its positions: go-yaml alone
// counts a CRLF after a comment twice, which put every later problem a
// line late (FuzzParse found one past the end of the file).
func TestCRLFPositions(t *testing.T) {
	for _, tc := range []struct {
		src  string
		line int
	}{
		{"# c\r\na: 1\r\nb: [\r\n", 3},
		{"# c\r\n# d\r\nz", 3},
		{"a: 1\r\n# c\r\nb: {\r\n", 3},
		{"#\r\n\n{", 3},
		{"a: 1\rb: {\r", 2},
	} {
		_, probs := DecodeYAML("f.md", []byte(tc.src), 0)
		if len(probs) != 1 || probs[0].Line != tc.line {
			t.Errorf("%q: %v, want one problem on line %d", tc.src, probs, tc.line)
		}
	}
}
