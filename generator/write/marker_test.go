package write

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

func TestParseMarker(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		owned  bool
		listed []string
	}{
		{"written by formatMarker", string(formatMarker([]string{"a/index.html", "index.html"})), true, []string{"a/index.html", "index.html"}},
		{"windows line ends", markerHeader + "\r\nindex.html\r\n", true, []string{"index.html"}},
		{"hand-edited bad lines ignored", markerHeader + "\n../etc/passwd\n/abs\n\nok.html\n#frag.html\n", true, []string{"#frag.html", "ok.html"}},
		{"older header version", "# playbook output v0\nindex.html\n", true, []string{"index.html"}},
		{"someone else's file", "- hosts: all\n", false, nil},
		{"empty file", "", false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			manifest, owned, err := parseMarker(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if owned != tt.owned {
				t.Fatalf("owned = %v, want %v", owned, tt.owned)
			}
			if got := slices.Sorted(maps.Keys(manifest)); !slices.Equal(got, tt.listed) {
				t.Errorf("manifest = %v, want %v", got, tt.listed)
			}
		})
	}
}

// FuzzParseMarker checks that parsing any file never panics and that every
// path it lists is a valid output path, so a hostile marker can never make
// playbook treat a file outside the output directory as its own.
func FuzzParseMarker(f *testing.F) {
	f.Add(string(formatMarker([]string{"index.html", "guides/ltv/index.html"})))
	f.Add("# playbook x\n../../etc/passwd\n")
	f.Add("not a marker")
	f.Fuzz(func(t *testing.T, in string) {
		manifest, owned, err := parseMarker(strings.NewReader(in))
		if err != nil {
			return
		}
		if !owned && len(manifest) > 0 {
			t.Fatal("foreign file produced a manifest")
		}
		for p := range manifest {
			if ValidPath(p) != nil {
				t.Fatalf("manifest lists invalid path %q", p)
			}
		}
		paths := slices.Sorted(maps.Keys(manifest))
		again, ok, err := parseMarker(strings.NewReader(string(formatMarker(paths))))
		if err != nil || !ok || !maps.Equal(again, manifest) {
			t.Fatalf("round trip changed the manifest: %v %v", again, err)
		}
	})
}
