package write

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func errorsIs(err, target error) bool { return errors.Is(err, target) }

func TestValidPath(t *testing.T) {
	tests := []struct {
		path   string
		reason string // "" when valid
	}{
		{"index.html", ""},
		{"guides/ltv-journey/index.html.md", ""},
		{"sub/.playbook", ""},
		{"#hash/x", ""},
		{"../x", "not clean"},
		{"a/../../b", "not clean"},
		{"a/../b", "not clean"},
		{"..", "not clean"},
		{"/abs", "absolute"},
		{`a\b`, "backslash"},
		{`..\x`, "backslash"},
		{"", "empty"},
		{".", "not clean"},
		{"./a", "not clean"},
		{"a//b", "not clean"},
		{"a/", "not clean"},
		{"a\x00b", "control character"},
		{"a\nb", "control character"},
		{".playbook", "reserved"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			err := ValidPath(tt.path)
			if tt.reason == "" {
				if err != nil {
					t.Fatalf("ValidPath(%q) = %v, want nil", tt.path, err)
				}
				return
			}
			if !errors.Is(err, ErrInvalidPath) || !strings.Contains(err.Error(), tt.reason) {
				t.Fatalf("ValidPath(%q) = %v, want ErrInvalidPath mentioning %q", tt.path, err, tt.reason)
			}
		})
	}
}

// FuzzValidPath checks that any accepted path stays inside the directory it
// is joined to and round-trips through the marker's one-line format.
func FuzzValidPath(f *testing.F) {
	for _, s := range []string{"index.html", "../x", "a/../../b", `a\b`, "/abs", "a\x00", "a/./b", "…/ü.html"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if ValidPath(p) != nil {
			return
		}
		root := filepath.FromSlash("/site/public")
		joined := filepath.Join(root, filepath.FromSlash(p))
		rel, err := filepath.Rel(root, joined)
		if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.ToSlash(rel) != p {
			t.Fatalf("valid path %q escapes or changes: %q", p, rel)
		}
		if strings.ContainsAny(p, "\n\r") {
			t.Fatalf("valid path %q would break the manifest", p)
		}
	})
}
