package write

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"playbook/generator/diag"
)

func TestForeignDestRefused(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dest string)
		want  string // the whole error text; DEST stands for the directory
	}{
		{"files and no marker", func(t *testing.T, dest string) {
			writeFile(t, filepath.Join(dest, "thesis.tex"), "my work")
		}, "DEST: error: output directory was not created by playbook (it is not empty and has no .playbook marker) — choose another --dest or empty it"},
		{"someone else's .playbook file", func(t *testing.T, dest string) {
			writeFile(t, filepath.Join(dest, MarkerName), "- hosts: all\n")
		}, "DEST: error: output directory was not created by playbook (it is not empty and has no .playbook marker) — choose another --dest or empty it"},
		{".playbook is a folder", func(t *testing.T, dest string) {
			mkdir(t, filepath.Join(dest, MarkerName))
		}, "DEST: error: output directory was not created by playbook (it is not empty and has no .playbook marker) — choose another --dest or empty it"},
		{"dest is a file", func(t *testing.T, dest string) {
			writeFile(t, dest, "not a folder")
		}, "DEST: error: output path exists and is not a directory — choose another --dest or remove that file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			tt.setup(t, dest)
			before := treeListing(t, parent)
			_, err := build(t, dest, nextSite)
			var p diag.Problem
			if !errors.As(err, &p) {
				t.Fatalf("error %v (%T) is not a diag.Problem", err, err)
			}
			if want := strings.ReplaceAll(tt.want, "DEST", dest); err.Error() != want {
				t.Errorf("error = %q\nwant    %q", err, want)
			}
			if after := treeListing(t, parent); after != before {
				t.Errorf("the folder changed:\n%s\n%s", before, after)
			}
		})
	}
}

func TestUserFilesCarriedOver(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	mustBuild(t, dest, previousSite)
	// The user drops files into the generated site.
	writeFile(t, filepath.Join(dest, "notes.txt"), "mine")
	writeFile(t, filepath.Join(dest, "guides", "ltv", "draft.pdf"), "pdf")
	writeFile(t, filepath.Join(dest, "downloads", "kit.zip"), "zip")
	mkdir(t, filepath.Join(dest, "empty"))
	if err := os.Chmod(filepath.Join(dest, "notes.txt"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/hostname", filepath.Join(dest, "host")); err != nil {
		t.Fatal(err)
	}
	// Two builds: user files must survive both, since neither lists them.
	mustBuild(t, dest, nextSite)
	mustBuild(t, dest, nextSite)

	tree := readTree(t, dest)
	for p, want := range map[string]string{"notes.txt": "mine", "guides/ltv/draft.pdf": "pdf", "downloads/kit.zip": "zip", "index.html": nextSite["index.html"]} {
		if tree[p] != want {
			t.Errorf("%s = %q, want %q", p, tree[p], want)
		}
	}
	if fi, err := os.Stat(filepath.Join(dest, "notes.txt")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("notes.txt mode = %v, %v; want 0600 kept", fi.Mode(), err)
	}
	if target, err := os.Readlink(filepath.Join(dest, "host")); err != nil || target != "/etc/hostname" {
		t.Errorf("link = %q, %v; want it kept, not followed", target, err)
	}
	if fi, err := os.Stat(filepath.Join(dest, "empty")); err != nil || !fi.IsDir() {
		t.Errorf("empty folder lost: %v", err)
	}
	marker := readString(t, filepath.Join(dest, MarkerName))
	if strings.Contains(marker, "notes.txt") || strings.Contains(marker, "kit.zip") {
		t.Errorf("user files listed in the manifest:\n%s", marker)
	}
}

func TestGeneratedFileCollidesWithUserFile(t *testing.T) {
	tests := []struct {
		name    string
		user    string // user file, relative to dest
		later   bool   // dropped in after Open, so only Commit sees it
		wantAt  string // the path the problem names, relative to dest's parent
		wantMsg string
	}{
		{"same file", "robots.txt", false, "public/robots.txt", "the build now generates a file at the same path"},
		{"file where a folder is needed", "guides/cac", false, "public/guides/cac", "the build now generates guides/cac/index.html, which needs this path"},
		{"folder of user files where a file goes", "sitemap.xml/mine.txt", false, "public/sitemap.xml", "the build now generates a file at the same path"},
		{"dropped in during the build", "robots.txt", true, "public/robots.txt", "the build now generates a file at the same path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			parent := t.TempDir()
			dest := filepath.Join(parent, "public")
			mustBuild(t, dest, previousSite)
			if !tt.later {
				writeFile(t, filepath.Join(dest, tt.user), "mine")
			}
			before := treeListing(t, dest)
			t.Chdir(parent) // users name --dest relative to where they are
			s, err := Open("public")
			if err != nil {
				t.Fatal(err)
			}
			defer s.Abort()
			err = writeAll(s, nextSite)
			if tt.later {
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dest, tt.user), "mine")
				before = treeListing(t, dest)
				_, err = s.Commit()
			}
			var p diag.Problem
			if !errors.As(err, &p) {
				t.Fatalf("error = %v, want a diag.Problem", err)
			}
			if p.File != tt.wantAt || !strings.Contains(p.Msg, tt.wantMsg) || p.Fix != "move it to static/ or delete it" {
				t.Errorf("problem = %+v, want file %q, message with %q", p, tt.wantAt, tt.wantMsg)
			}
			s.Abort()
			if after := treeListing(t, dest); after != before {
				t.Errorf("dest changed:\n%s\n%s", before, after)
			}
		})
	}
}

func TestEmptyDestWithoutMarkerAccepted(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	mkdir(t, dest)
	if _, err := build(t, dest, nextSite); err != nil {
		t.Fatalf("build into an empty folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dest, MarkerName)); err != nil {
		t.Errorf("marker missing: %v", err)
	}
}

func TestSymlinkedDestIsFollowed(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "www")
	mustBuild(t, real, previousSite)
	link := filepath.Join(parent, "public")
	if err := os.Symlink("www", link); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, link, nextSite)
	if target, err := os.Readlink(link); err != nil || target != "www" {
		t.Errorf("link replaced: %q, %v", target, err)
	}
	if got := readTree(t, real)["robots.txt"]; got != nextSite["robots.txt"] {
		t.Errorf("real folder not updated: robots.txt = %q", got)
	}
}

func writeAll(s Sink, files map[string]string) error {
	var errs []error
	for p, content := range files {
		errs = append(errs, s.Write(p, []byte(content)))
	}
	return errors.Join(errs...)
}
