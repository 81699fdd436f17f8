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
	"playbook/generator/load"
	"playbook/generator/load/loadtest"
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

// TestCopyFSConfinedBySiteFS copies static/ of a site with symlinks at
// every depth: links inside the site are copied as what they lead to,
// every other link is skipped with a problem naming it, and nothing from
// outside the site reaches the output.
func TestCopyFSConfinedBySiteFS(t *testing.T) {
	dir, links := loadtest.LinkSite(t)
	site, err := load.OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	mem := NewMemory()
	got := problemLines(t, CopyFS(mem, site, "static", ""))
	want := map[string]string{"real.css": "real", "a/b/real.css": "real"}
	var wantProbs []string
	for _, l := range links {
		switch {
		case !strings.HasPrefix(l.Path, "static/"):
		case l.Kind == loadtest.ToInside:
			want[strings.TrimPrefix(l.Inner(), "static/")] = loadtest.Inside
		default:
			wantProbs = append(wantProbs, l.Path+": "+copyMsg[l.Kind])
		}
	}
	slices.Sort(wantProbs)
	if !slices.Equal(got, wantProbs) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantProbs, "\n"))
	}
	tree := memTree(mem)
	for p, data := range tree {
		if strings.Contains(data, loadtest.Secret) {
			t.Errorf("%s was copied from outside the site", p)
		}
	}
	if !maps.Equal(tree, want) {
		t.Errorf("copied %v\nwant   %v", tree, want)
	}
}

// copyMsg is how CopyFS reports a link it does not copy.
var copyMsg = map[loadtest.Kind]string{
	loadtest.ToOutside: "symbolic link leads outside the site folder or is absolute, so it is not copied",
	loadtest.ToNothing: "symbolic link leads to nothing, so it is not copied",
	loadtest.ToLoop:    "symbolic link loop, so it is not copied",
}

func TestCopyFSStreamsToDisk(t *testing.T) {
	src := t.TempDir()
	writeFile(t, filepath.Join(src, "static", "big.bin"), strings.Repeat("x", 1<<20))
	writeFile(t, filepath.Join(src, "static", "css", "site.css"), "body { color: #ff0000; }")
	private := filepath.Join(t.TempDir(), "private.txt")
	writeFile(t, private, "private")
	if err := os.Symlink(private, filepath.Join(src, "static", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	site, err := load.OpenSite(src)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	err = CopyFS(s, site, "static", "")
	if got := problemLines(t, err); !slices.Equal(got, []string{"static/leak.txt: " + copyMsg[loadtest.ToOutside]}) {
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
