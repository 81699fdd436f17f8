package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Execute(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var goodSite = map[string]string{
	"site.yaml":           "title: T\nbase_url: https://example.com/\ndescription: d\n",
	"content/guides/a.md": "---\ntitle: A\ndescription: \"An example page used by the command tests.\"\ndate: 2026-10-01\n---\nHello.\n",
}

func TestBuildSummaryLineAndExitCode(t *testing.T) {
	dir := writeSite(t, goodSite)
	code, out, errOut := run(t, "build", "--source", dir)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, errOut)
	}
	re := regexp.MustCompile(`^playbook build: \d+ pages \(1 guide, 1 home, 1 section\), \d+ files, 0 warnings in \d+(\.\d+)?(µs|ms|s) -> .*public\n$`)
	if !re.MatchString(out) {
		t.Fatalf("summary line %q does not match %s", out, re)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "guides", "a", "index.html")); err != nil {
		t.Fatal(err)
	}
}

func TestExitCodes(t *testing.T) {
	broken := writeSite(t, map[string]string{
		"site.yaml":    "title: T\nbase_url: https://example.com/\n",
		"content/a.md": "---\ndescription: x\n---\n::: nope\n:::\n[x](/missing/)\n",
	})
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"no command", nil, 2, []string{"Usage: playbook COMMAND"}},
		{"unknown command", []string{"bild"}, 2, []string{`unknown command "bild"`}},
		{"unknown flag", []string{"build", "--nope"}, 2, []string{"flag provided but not defined: -nope"}},
		{"stray argument", []string{"build", "extra"}, 2, []string{`build takes no arguments, got "extra"`}},
		{"help", []string{"build", "--help"}, 0, nil},
		{"help after flags", []string{"check", "--strict", "-h"}, 0, nil},
		{"content errors, all reported", []string{"check", "--source", broken}, 1, []string{
			"content/a.md:2:1: error: the page has no title",
			`content/a.md:4:1: error: unknown block "nope"`,
			`content/a.md:6:1: error: broken link "/missing/"`,
			"playbook: check failed: 3 errors, 0 warnings",
		}},
		{"new without slug", []string{"new", "guide"}, 2, []string{"new needs KIND and SLUG"}},
		{"new unknown kind", []string{"new", "blog", "x"}, 2, []string{`unknown KIND "blog"`}},
		{"version", []string{"version"}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			if tt.code == 0 && strings.HasPrefix(strings.Join(tt.args, " "), "build --help") &&
				(!strings.Contains(out, "Usage: playbook build") || errOut != "") {
				t.Errorf("help must go to stdout only; stdout %q, stderr %q", out, errOut)
			}
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, errOut)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
		})
	}
}

func TestNewCreatesADraftThatPassesStrictCheck(t *testing.T) {
	dir := writeSite(t, goodSite)
	for _, kind := range newKinds() {
		if code, _, errOut := run(t, "new", kind, "my-"+kind, "--source", dir); code != 0 {
			t.Fatalf("new %s: exit %d: %s", kind, code, errOut)
		}
	}
	if code, _, errOut := run(t, "new", "guide", "my-guide", "--source", dir); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("new over an existing page: exit %d: %s", code, errOut)
	}
	code, _, errOut := run(t, "check", "--strict", "--drafts", "--source", dir)
	if code != 0 {
		t.Fatalf("the drafts new creates must pass check --strict --drafts: exit %d\n%s", code, errOut)
	}
	// Drafts: a build publishes none of the placeholders.
	code, _, errOut = run(t, "build", "--strict", "--source", dir)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errOut)
	}
	for _, f := range []string{"llms.txt", "sitemap.xml", "llms-full.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, "public", f))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "my-") || strings.Contains(string(b), "Replace this paragraph") {
			t.Errorf("%s publishes a draft made by new:\n%s", f, b)
		}
	}
}

func TestInitMakesASiteThatPassesStrictCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	code, out, errOut := run(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"site.yaml", ".gitignore", "content/_index.md", "Next steps", "playbook serve"} {
		if !strings.Contains(out, want) {
			t.Errorf("init output lacks %q:\n%s", want, out)
		}
	}
	code, out, errOut = run(t, "check", "--strict", "--source", dir)
	if code != 0 {
		t.Fatalf("check --strict on a new site: exit %d\n%s", code, errOut)
	}
	for _, kind := range []string{"1 guide", "1 faq", "1 answer", "1 home"} {
		if !strings.Contains(out, kind) {
			t.Errorf("the new site lacks a %s page: %s", kind, out)
		}
	}
	// Every setting of site.yaml is there, set or commented.
	cfg, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	for _, key := range []string{"title:", "description:", "base_url:", "language:", "currency:", "organization:", "logo:", "author:", "menu:", "unsafe_html:"} {
		if !strings.Contains(string(cfg), key) {
			t.Errorf("site.yaml lacks %s", key)
		}
	}
	ignore, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if !strings.Contains(string(ignore), "/public/") {
		t.Errorf(".gitignore does not ignore the output:\n%s", ignore)
	}
}

func TestInitRefusesAFolderThatIsNotEmpty(t *testing.T) {
	dir := writeSite(t, map[string]string{"notes.txt": "mine"})
	code, _, errOut := run(t, "init", dir)
	if code != exitUsage || !strings.Contains(errOut, "is not empty") || !strings.Contains(errOut, "--force") {
		t.Fatalf("init into a non-empty folder: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "site.yaml")); err == nil {
		t.Fatal("init wrote into a folder it refused")
	}
	if code, _, errOut := run(t, "init", "--force", dir); code != 0 {
		t.Fatalf("init --force: exit %d: %s", code, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "mine" {
		t.Error("init --force changed a file that is not its own")
	}
	if code, _, errOut := run(t, "init", "a", "b"); code != exitUsage {
		t.Errorf("init with two folders: exit %d: %s", code, errOut)
	}
}
