package pipeline_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"playbook/generator/internal/sitetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestGoldenSite builds testdata/golden.txtar without minifying and
// compares every output file with testdata/golden/. Regenerate with
// `go test ./generator/pipeline -update` and review the diff.
func TestGoldenSite(t *testing.T) {
	archive, err := os.ReadFile("testdata/golden.txtar")
	if err != nil {
		t.Fatal(err)
	}
	s := sitetest.New(t, string(archive))
	res := s.Build(s.Options())
	sitetest.AssertProblems(t, res, `content/guides/grow.md:49:1: warning: raw HTML "<script>alert(1)</script>" is left out of the page`)
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
	}
	got := outputFiles(t, s.Dest)
	for _, name := range got {
		data, err := os.ReadFile(filepath.Join(s.Dest, name))
		if err != nil {
			t.Fatal(err)
		}
		if long, ok := longTwin(name); ok {
			// The twin's second path holds the same bytes as the first.
			if twin, err := os.ReadFile(filepath.Join(s.Dest, long)); err != nil || string(twin) != string(data) {
				t.Errorf("%s differs from %s (%v)", name, long, err)
			}
			continue
		}
		want := filepath.Join(golden, name+".golden")
		if *update {
			writeGolden(t, want, data)
			continue
		}
		expected, err := os.ReadFile(want)
		if err != nil {
			t.Errorf("%s: no golden file (run with -update): %v", name, err)
			continue
		}
		if string(expected) != string(data) {
			t.Errorf("%s differs from %s:\n%s", name, want, firstDiff(string(expected), string(data)))
		}
	}
	if !*update {
		assertNoExtraGolden(t, golden, got)
	}
}

// longTwin is the twin at .../index.html.md that a short twin "a/b.md"
// repeats.
func longTwin(name string) (string, bool) {
	if !strings.HasSuffix(name, ".md") || strings.HasSuffix(name, "index.html.md") {
		return "", false
	}
	return strings.TrimSuffix(name, ".md") + "/index.html.md", true
}

func outputFiles(t *testing.T, dir string) []string {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		// The theme's CSS and JS are copied as they are; golden copies of
		// them would only make every style change a golden update.
		if strings.HasPrefix(rel, "css/") || strings.HasPrefix(rel, "js/") {
			return nil
		}
		// Social cards are images, checked by decoding them
		// (TestSocialCards), not byte for byte.
		if strings.HasSuffix(rel, ".png") {
			return nil
		}
		names = append(names, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

func writeGolden(t *testing.T, path string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func assertNoExtraGolden(t *testing.T, golden string, got []string) {
	want := map[string]bool{}
	for _, g := range got {
		want[g+".golden"] = true
	}
	for _, name := range outputFiles(t, golden) {
		if !want[name] {
			t.Errorf("golden file %s has no output file any more (run with -update)", name)
		}
	}
}

// firstDiff shows the first differing line with a little context.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + itoa(i+1) + ":\n- " + wl + "\n+ " + gl
		}
	}
	return "(only trailing differences)"
}

func itoa(i int) string { return strconv.Itoa(i) }
