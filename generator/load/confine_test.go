package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"playbook/generator/load/loadtest"
)

// openers are the ways a site folder can be opened: the one OpenSite
// picks, and os.Root, which it falls back to where openat2 is missing.
func openers(t testing.TB) map[string]func(string) (*SiteFS, error) {
	return map[string]func(string) (*SiteFS, error){
		"OpenSite": func(dir string) (*SiteFS, error) {
			s, err := OpenSite(dir)
			if _, isRoot := s.o.(*rootOpener); err == nil && isRoot && runtime.GOOS == "linux" {
				t.Log("openat2 is not available: OpenSite fell back to os.Root")
			}
			return s, err
		},
		"os.Root": func(dir string) (*SiteFS, error) {
			o, err := openRoot(dir)
			if err != nil {
				return nil, err
			}
			return &SiteFS{o: o}, nil
		},
	}
}

// eachOpener runs test on the link site opened each way.
func eachOpener(t *testing.T, test func(t *testing.T, site *SiteFS, links []loadtest.Link)) {
	dir, links := loadtest.LinkSite(t)
	for name, open := range openers(t) {
		t.Run(name, func(t *testing.T) {
			site, err := open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer site.Close()
			test(t, site, links)
		})
	}
}

// wantErr is the error reading through a link gives.
func wantErr(l loadtest.Link) error {
	switch l.Kind {
	case loadtest.ToOutside:
		return ErrOutside
	case loadtest.ToNothing:
		return fs.ErrNotExist
	case loadtest.ToLoop:
		return ErrLoop
	}
	return nil
}

func TestSiteFSConfinesSymlinks(t *testing.T) {
	eachOpener(t, func(t *testing.T, site *SiteFS, links []loadtest.Link) {
		for _, l := range links {
			if l.Kind == loadtest.ToLoop && l.Dir {
				continue // a folder holding itself is only a loop to a walk
			}
			t.Run(l.Path, func(t *testing.T) {
				reads := map[string]func() ([]byte, error){
					"ReadFile":          func() ([]byte, error) { return site.ReadFile(l.Inner()) },
					"ReadFileLimitInto": func() ([]byte, error) { return site.ReadFileLimitInto(nil, l.Inner(), 1<<20) },
					"Open":              func() ([]byte, error) { return readOpened(site, l.Inner()) },
					"Sub":               func() ([]byte, error) { return readSub(site, l.Inner()) },
					"Stat":              func() ([]byte, error) { return statOf(site, l.Path, l.Dir) },
				}
				for how, read := range reads {
					got, err := read()
					if want := wantErr(l); want != nil {
						if !errors.Is(err, want) || strings.Contains(string(got), loadtest.Secret) {
							t.Errorf("%s: got %q, %v; want %v", how, got, err, want)
						}
						continue
					}
					if err != nil || (how != "Stat" && string(got) != loadtest.Inside) {
						t.Errorf("%s: got %q, %v; want the file inside the site", how, got, err)
					}
				}
			})
		}
	})
}

// readOpened reads a file through Open, as fs.ReadFile does without
// ReadFileFS.
func readOpened(site *SiteFS, name string) ([]byte, error) {
	f, err := site.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 1<<10)
	n, err := f.Read(buf)
	return buf[:n], err
}

// readSub reads a file through fs.Sub of its top folder, as the build
// reads layouts/.
func readSub(site *SiteFS, name string) ([]byte, error) {
	top, rest, _ := strings.Cut(name, "/")
	sub, err := fs.Sub(site, top)
	if err != nil {
		return nil, err
	}
	return fs.ReadFile(sub, rest)
}

// statOf checks that Stat follows a link to what it leads to.
func statOf(site *SiteFS, name string, dir bool) ([]byte, error) {
	info, err := site.Stat(name)
	if err == nil && info.IsDir() != dir {
		return nil, errors.New("Stat did not follow the link")
	}
	return nil, err
}

// walkMsg is how Walk reports a link it cannot follow.
var walkMsg = map[loadtest.Kind]string{
	loadtest.ToOutside: "a symlink leads outside the site folder or is absolute",
	loadtest.ToNothing: "it does not exist",
	loadtest.ToLoop:    "symlink loop",
}

func TestWalkFollowsSymlinksInsideOnly(t *testing.T) {
	eachOpener(t, func(t *testing.T, site *SiteFS, links []loadtest.Link) {
		files, probs := Walk(site)
		var wantPages, wantProbs []string
		for _, l := range links {
			switch {
			case !strings.HasPrefix(l.Path, ContentDir+"/"):
			case l.Kind == loadtest.ToInside:
				wantPages = append(wantPages, l.Inner())
			default:
				wantProbs = append(wantProbs, l.Path+": error: cannot read the file: "+walkMsg[l.Kind])
			}
		}
		wantPages = append(wantPages, "content/a/b/real.md", "content/real.md")
		slices.Sort(wantPages)
		if !slices.Equal(files.Pages, wantPages) || len(files.Other) != 0 {
			t.Errorf("pages %v\nother %v\nwant  %v", files.Pages, files.Other, wantPages)
		}
		var got []string
		for _, p := range probs {
			got = append(got, p.Position()+": "+p.Severity.String()+": "+p.Msg)
		}
		slices.Sort(got)
		slices.Sort(wantProbs)
		if !slices.Equal(got, wantProbs) {
			t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantProbs, "\n"))
		}
		for _, p := range files.Pages {
			s, probs := Read(site, p)
			if len(probs) > 0 || strings.Contains(string(s.Body), loadtest.Secret) {
				t.Errorf("%s: %v %q", p, probs, s.Body)
			}
		}
	})
}

// TestWalkDirNeverLeaves walks every top folder as CopyFS walks static/:
// nothing outside the site is read, and every refusal names its link.
func TestWalkDirNeverLeaves(t *testing.T) {
	eachOpener(t, func(t *testing.T, site *SiteFS, links []loadtest.Link) {
		refused := map[string]error{}
		for _, top := range loadtest.Tops {
			err := WalkDir(site, top, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					refused[p] = err
					return nil
				}
				if d.Type().IsRegular() {
					if b, err := site.ReadFile(p); err != nil || strings.Contains(string(b), loadtest.Secret) {
						t.Errorf("%s: %q, %v", p, b, err)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		for _, l := range links {
			if want := wantErr(l); !errors.Is(refused[l.Path], want) {
				t.Errorf("%s: walk gave %v, want %v", l.Path, refused[l.Path], want)
			}
		}
		if len(refused) != len(links)-len(loadtest.Tops)*4 {
			t.Errorf("refused %d paths: %v", len(refused), refused)
		}
	})
}

func TestSiteFSRefusesNamesOutside(t *testing.T) {
	eachOpener(t, func(t *testing.T, site *SiteFS, _ []loadtest.Link) {
		for _, name := range []string{"..", "../x", "/etc/passwd", "content/../..", ""} {
			if _, err := site.Open(name); !errors.Is(err, fs.ErrInvalid) {
				t.Errorf("Open(%q) = %v, want fs.ErrInvalid", name, err)
			}
			if _, err := site.ReadFile(name); !errors.Is(err, fs.ErrInvalid) {
				t.Errorf("ReadFile(%q) = %v, want fs.ErrInvalid", name, err)
			}
		}
	})
}

// TestSiteFSIsAnFS checks SiteFS against the fs.FS contract, on a folder
// with a symlinked file and folder inside it.
func TestSiteFSIsAnFS(t *testing.T) {
	dir := t.TempDir()
	for p, data := range map[string]string{"content/a.md": "a", "content/g/b.md": "b", "static/css/site.css": "c"} {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(p)), data)
	}
	if err := os.Symlink("../content/g", filepath.Join(dir, "static", "g")); err != nil {
		t.Skip(err)
	}
	if err := os.Symlink("g/b.md", filepath.Join(dir, "content", "c.md")); err != nil {
		t.Fatal(err)
	}
	for name, open := range openers(t) {
		t.Run(name, func(t *testing.T) {
			site, err := open(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer site.Close()
			if err := fstest.TestFS(site, "content/a.md", "content/g/b.md", "content/c.md", "static/css/site.css"); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadLink(t *testing.T) {
	eachOpener(t, func(t *testing.T, site *SiteFS, _ []loadtest.Link) {
		if got, err := site.ReadLink("static/a/b/up"); got != ".." || err != nil {
			t.Errorf("ReadLink(up) = %q, %v", got, err)
		}
		if _, err := site.ReadLink("static/real.css"); err == nil {
			t.Error("ReadLink of a regular file must fail")
		}
		if _, err := site.ReadLink("static/outdir/page.css"); !errors.Is(err, ErrOutside) {
			t.Errorf("ReadLink through a link out of the site = %v", err)
		}
	})
}

// TestWalkSkipsIgnoredLinks: Emacs marks a file being edited with a
// broken symlink, .#name, which must not be reported.
func TestWalkSkipsIgnoredLinks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "content", "a.md"), "a")
	if err := os.Symlink("user@host.1234:1700000000", filepath.Join(dir, "content", ".#a.md")); err != nil {
		t.Skip(err)
	}
	site, err := OpenSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	if files, probs := Walk(site); !slices.Equal(files.Pages, []string{"content/a.md"}) || len(probs) > 0 {
		t.Errorf("got %v, %v", files.Pages, probs)
	}
}

// TestSiteFSFollowsLinkedTopFolders: content/ (or layouts/, static/) may
// be a symlink to a folder anywhere, which the site's owner made; links
// inside it stay confined to that folder, and other top-level links to
// the site.
func TestSiteFSFollowsLinkedTopFolders(t *testing.T) {
	base := t.TempDir()
	writeFile(t, filepath.Join(base, "secret.txt"), "secret")
	writeFile(t, filepath.Join(base, "mono", "content", "a.md"), "---\ntitle: A\n---\n")
	writeFile(t, filepath.Join(base, "mono", "content", "b.md"), "---\ntitle: B\n---\n")
	site := filepath.Join(base, "site")
	writeFile(t, filepath.Join(site, "site.yaml"), "title: x\n")
	for link, target := range map[string]string{
		filepath.Join(base, "mono", "content", "leak.md"): "../../secret.txt",
		filepath.Join(base, "mono", "content", "same.md"): "b.md",
		filepath.Join(site, "content"):                    "../mono/content",
		filepath.Join(site, "layouts"):                    filepath.Join(base, "mono", "missing"), // leads nowhere
		filepath.Join(site, "other"):                      "../mono/content",
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(site, "layouts")); err != nil { // a broken top link fails OpenSite; tested below
		t.Fatal(err)
	}
	fsys, err := OpenSite(site)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	if b, err := fsys.ReadFile("content/a.md"); err != nil || !strings.Contains(string(b), "title: A") {
		t.Errorf("content/a.md through the linked folder: %q, %v", b, err)
	}
	if b, err := fsys.ReadFile("content/same.md"); err != nil || !strings.Contains(string(b), "title: B") {
		t.Errorf("a link inside the linked folder, to a file of it: %q, %v", b, err)
	}
	if _, err := fsys.ReadFile("content/leak.md"); !errors.Is(err, ErrOutside) {
		t.Errorf("a link out of the linked folder: %v, want ErrOutside", err)
	}
	if _, err := fsys.ReadFile("other/a.md"); !errors.Is(err, ErrOutside) {
		t.Errorf("a top-level link that is not content/, layouts/ or static/: %v, want ErrOutside", err)
	}
	for _, stat := range []func(string) (fs.FileInfo, error){fsys.Stat, fsys.Lstat} {
		if info, err := stat("content"); err != nil || !info.IsDir() {
			t.Errorf("content: %v, %v; want a folder", info, err)
		}
	}
	entries, err := fsys.ReadDir("content")
	if err != nil || len(entries) != 4 {
		t.Errorf("ReadDir(content) = %v, %v", entries, err)
	}

	if err := os.Symlink(filepath.Join(base, "mono", "missing"), filepath.Join(site, "layouts")); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenSite(site); err == nil || !strings.Contains(err.Error(), "layouts is a symlink that leads nowhere") {
		t.Errorf("OpenSite with a broken layouts link: %v", err)
	}
}
