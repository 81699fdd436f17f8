// Package loadtest builds site folders for the tests of what reads them.
package loadtest

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// Secret is the text of every file outside the site folder: what reads
// the site must never see it.
const Secret = "SECRET outside the site folder"

// Inside is the text of the files symlinks inside the site lead to, a
// page with front matter so content/ can parse it.
const Inside = "---\ntitle: Inside\n---\ninside the site\n"

// Kind is where a symlink leads.
type Kind int

const (
	ToInside  Kind = iota // elsewhere in the site: reads as Inside
	ToOutside             // out of the site, or absolute: refused
	ToNothing             // a missing file
	ToLoop                // itself, or a folder that holds it
)

// Link is one symbolic link of a LinkSite.
type Link struct {
	Path string // site-relative: "static/a/b/indir"
	Dir  bool   // leads to a folder, which holds one file, Inner
	Kind Kind
}

// Inner is the file read through the link: the link itself, or for a
// folder link the file in it ("static/a/b/indir/page.css").
func (l Link) Inner() string {
	if !l.Dir {
		return l.Path
	}
	return l.Path + "/page" + Ext(l.Path)
}

// Tops are the folders of a site that the build reads, each with the
// extension of its files.
var Tops = []string{"content", "layouts", "static"}

// Ext is the extension of the files in p's top folder.
func Ext(p string) string {
	top, _, _ := strings.Cut(p, "/")
	return map[string]string{"content": ".md", "layouts": ".html", "static": ".css"}[top]
}

// LinkSite writes a site folder with symlinks at the top of content/,
// layouts/ and static/ and two folders down (content/a/b/): a file and
// a folder leading inside the site (to shared/), a file and a folder
// leading out of it by a relative path and by an absolute one, an
// absolute link to shared/ (refused: the site must build wherever it is
// checked out), a broken link, a link to itself and a folder link to its
// grandparent folder. Each folder also holds a real file, real.ext. It
// returns the site folder and its links.
func LinkSite(t testing.TB) (string, []Link) {
	t.Helper()
	base := t.TempDir()
	site, outside := filepath.Join(base, "site"), filepath.Join(base, "outside")
	var links []Link
	for _, top := range Tops {
		ext := Ext(top)
		write(t, filepath.Join(outside, "secret"+ext), Secret)
		write(t, filepath.Join(outside, "secretdir", "page"+ext), Secret)
		write(t, filepath.Join(site, "shared", top, "page"+ext), Inside)
		write(t, filepath.Join(site, "shared", top, "dir", "page"+ext), Inside)
		for _, dir := range []string{top, top + "/a/b"} {
			write(t, filepath.Join(site, filepath.FromSlash(dir), "real"+ext), "real")
			up := strings.Repeat("../", strings.Count(dir, "/")+1) // from dir to the site folder
			for name, l := range map[string]struct {
				target string
				dir    bool
				kind   Kind
			}{
				"in" + ext:        {up + "shared/" + top + "/page" + ext, false, ToInside},
				"indir":           {up + "shared/" + top + "/dir", true, ToInside},
				"out" + ext:       {up + "../outside/secret" + ext, false, ToOutside},
				"outdir":          {up + "../outside/secretdir", true, ToOutside},
				"abs" + ext:       {filepath.Join(outside, "secret"+ext), false, ToOutside},
				"absdir":          {filepath.Join(outside, "secretdir"), true, ToOutside},
				"absinside" + ext: {filepath.Join(site, "shared", top, "page"+ext), false, ToOutside},
				"broken" + ext:    {"missing" + ext, false, ToNothing},
				"loop" + ext:      {"loop" + ext, false, ToLoop},
			} {
				links = append(links, Link{Path: path.Join(dir, name), Dir: l.dir, Kind: l.kind})
				symlink(t, filepath.FromSlash(l.target), filepath.Join(site, filepath.FromSlash(dir), name))
			}
		}
		links = append(links, Link{Path: top + "/a/b/up", Dir: true, Kind: ToLoop})
		symlink(t, "..", filepath.Join(site, top, "a", "b", "up"))
	}
	return site, links
}

func write(t testing.TB, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t testing.TB, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
}
