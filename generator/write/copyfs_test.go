package write

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"playbook/generator/diag"
)

func link(target string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestCopyFS(t *testing.T) {
	site := fstest.MapFS{
		"static/robots.txt":            file("User-agent: *"),
		"static/img/logo.svg":          file("<svg/>"),
		"static/.well-known/security":  file("contact"),
		"static/fonts/inter.woff2":     file("font"),
		"static/logo-link.svg":         link("img/logo.svg"),
		"static/shared":                link("fonts"),
		"static/img/up.svg":            link("../img/logo.svg"),
		"content/guides/ltv/index.md":  file("# ltv"),
		"content/guides/ltv/chart.png": file("png"),
		"secrets/key.pem":              file("secret"),
	}
	tests := []struct {
		name, root, prefix string
		want               map[string]string
		wantErrs           []string // Problem positions, sorted
	}{
		{"static tree with links inside it", "static", "", map[string]string{
			"robots.txt": "User-agent: *", "img/logo.svg": "<svg/>", ".well-known/security": "contact",
			"fonts/inter.woff2": "font", "logo-link.svg": "<svg/>", "shared/inter.woff2": "font", "img/up.svg": "<svg/>",
		}, nil},
		{"bundle under a prefix", "content/guides/ltv", "guides/ltv", map[string]string{
			"guides/ltv/index.md": "# ltv", "guides/ltv/chart.png": "png",
		}, nil},
		{"missing root copies nothing", "assets", "", map[string]string{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mem := NewMemory()
			if err := CopyFS(mem, site, tt.root, tt.prefix); err != nil {
				t.Fatal(err)
			}
			if got := memTree(mem); !maps.Equal(got, tt.want) {
				t.Errorf("copied %v\nwant   %v", got, tt.want)
			}
		})
	}
}

func TestCopyFSReportsBadLinks(t *testing.T) {
	site := fstest.MapFS{
		"static/ok.txt":           file("ok"),
		"static/key.pem":          link("../secrets/key.pem"),
		"static/passwd":           link("/etc/passwd"),
		"static/a/deep":           link("../../secrets/key.pem"),
		"static/loop":             link("loop"),
		"static/dir/back":         link(".."),
		"static/via/hop":          link("../key.pem"), // a link to a link that leaves
		"secrets/key.pem":         file("secret"),
		"static/zz-after-bad.txt": file("still copied"),
	}
	mem := NewMemory()
	err := CopyFS(mem, site, "static", "")
	got := problemLines(t, err)
	want := []string{
		"static/a/deep: symbolic link points outside static/ (to ../../secrets/key.pem), so it is not copied",
		"static/dir/back: symbolic link loop, so it is not copied",
		"static/key.pem: symbolic link points outside static/ (to ../secrets/key.pem), so it is not copied",
		"static/loop: symbolic link loop, so it is not copied",
		"static/passwd: symbolic link points outside static/ (to /etc/passwd), so it is not copied",
		"static/via/hop: symbolic link points outside static/ (to ../secrets/key.pem), so it is not copied",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if tree := memTree(mem); !maps.Equal(tree, map[string]string{"ok.txt": "ok", "zz-after-bad.txt": "still copied"}) {
		t.Errorf("copied %v; want the good files and nothing from outside", tree)
	}
}

func TestCopyFSStreamsToDisk(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "static", "big.bin"), strings.Repeat("x", 1<<20))
	writeFile(t, filepath.Join(src, "static", "css", "site.css"), "body { color: #ff0000; }")
	writeFile(t, filepath.Join(src, "private.txt"), "private")
	if err := os.Symlink("../private.txt", filepath.Join(src, "static", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	err = CopyFS(s, os.DirFS(src), "static", "")
	if got := problemLines(t, err); !slices.Equal(got, []string{"static/leak.txt: symbolic link points outside static/ (to ../private.txt), so it is not copied"}) {
		t.Errorf("problems = %v", got)
	}
	stats, err := s.Commit()
	if err != nil {
		t.Fatal(err)
	}
	if stats != (Stats{Files: 2, Bytes: 1<<20 + 24}) {
		t.Errorf("stats = %+v", stats)
	}
	tree := readTree(t, dest)
	if len(tree["big.bin"]) != 1<<20 || tree["css/site.css"] != "body { color: #ff0000; }" || len(tree) != 2 {
		t.Errorf("copied %d files; static files must be copied as is", len(tree))
	}
}

// problemLines returns the diag.Problems joined in err as "position: msg".
func problemLines(t *testing.T, err error) []string {
	t.Helper()
	var errs []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	} else if err != nil {
		errs = []error{err}
	}
	var out []string
	for _, e := range errs {
		var p diag.Problem
		if !errors.As(e, &p) {
			t.Fatalf("error %v is not a diag.Problem", e)
		}
		out = append(out, p.Position()+": "+p.Msg)
	}
	slices.Sort(out)
	return out
}

func memTree(m *Memory) map[string]string {
	out := map[string]string{}
	for _, p := range m.Paths() {
		b, _ := m.Get(p)
		out[p] = string(b)
	}
	return out
}
