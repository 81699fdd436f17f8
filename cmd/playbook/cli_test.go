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

func TestNewCreatesAPageThatBuilds(t *testing.T) {
	dir := writeSite(t, goodSite)
	for _, kind := range newKinds() {
		if code, _, errOut := run(t, "new", kind, "my-"+kind, "--source", dir); code != 0 {
			t.Fatalf("new %s: exit %d: %s", kind, code, errOut)
		}
	}
	if code, _, errOut := run(t, "new", "guide", "my-guide", "--source", dir); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Fatalf("new over an existing page: exit %d: %s", code, errOut)
	}
	code, _, errOut := run(t, "check", "--source", dir)
	if code != 0 {
		t.Fatalf("the pages new creates must build: exit %d\n%s", code, errOut)
	}
}
