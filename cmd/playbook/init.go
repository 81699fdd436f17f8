package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// initSite is the starter site `playbook init` writes ("all:" keeps
// _index.md). gitignore is stored without its dot, so that it does not
// apply to this repository's folder.
//
//go:embed all:initsite
var initSite embed.FS

func runInit(_ context.Context, e *env, args []string) int {
	fs := newFlags(e, "init")
	force := fs.Bool("force", false, "write into a folder that is not empty (files of the same name are replaced)")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 1 {
		return usageError(e, fs, "init takes one folder, got %q", strings.Join(pos, " "))
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	if !*force {
		if name, err := firstEntry(dir); err != nil {
			fmt.Fprintf(e.stderr, "playbook: %v\n", err)
			return exitContent
		} else if name != "" {
			fmt.Fprintf(e.stderr, "playbook: %s is not empty (it holds %s); choose an empty or new folder, or add --force to write the starter files into it\n", dir, name)
			return exitUsage
		}
	}
	written, err := writeStarter(dir)
	if err != nil {
		fmt.Fprintf(e.stderr, "playbook: %v\n", err)
		return exitContent
	}
	for _, w := range written {
		fmt.Fprintf(e.stdout, "created %s\n", filepath.Join(dir, w))
	}
	fmt.Fprint(e.stdout, nextSteps(dir))
	return exitOK
}

// firstEntry names one entry of dir, "" when dir is empty or does not
// exist yet.
func firstEntry(dir string) (string, error) {
	f, err := os.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	if len(names) > 0 {
		return names[0], nil
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	return "", nil
}

// writeStarter copies the starter site into dir and returns the paths it
// wrote, relative to dir.
func writeStarter(dir string) ([]string, error) {
	var written []string
	err := fs.WalkDir(initSite, "initsite", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, "initsite/")
		if rel == "gitignore" {
			rel = ".gitignore"
		}
		data, err := initSite.ReadFile(p)
		if err != nil {
			return err
		}
		dest := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dest, data, 0o644); err != nil {
			return err
		}
		written = append(written, rel)
		return nil
	})
	return written, err
}

func nextSteps(dir string) string {
	cd := ""
	if dir != "." {
		cd = "  cd " + dir + "\n"
	}
	return "\nA new site is ready. Next steps:\n\n" + cd +
		"  playbook serve              # preview on http://127.0.0.1:1313/, reloads as you save\n" +
		"  edit site.yaml              # your site's name, base_url and organization\n" +
		"  playbook new guide my-page  # a draft page to fill in (draft: true until you publish it)\n" +
		"  playbook check --strict     # every link, answer and structured data checked\n" +
		"  playbook build              # the site in public/, ready to upload\n"
}
