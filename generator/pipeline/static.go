package pipeline

import (
	"errors"
	"io/fs"
	"strings"

	"playbook/generator/diag"
	"playbook/generator/write"
	"playbook/layouts"
)

// copyStatic copies the theme's static files, minified (unless the site has
// its own file at the same path), and, as they are, the site's static/
// folder and the non-Markdown files of content/ (bundle resources, next to
// their page). What the site did wrong (a symlink leading out of it, a file
// gone) comes back as problems, so it is reported with the rest.
func (s *Session) copyStatic(sink, asIs write.Sink, other []string) (diag.List, error) {
	siteStatic, hasStatic := s.sub("static")
	theme := layouts.Static()
	err := fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if hasStatic {
			if _, err := fs.Stat(siteStatic, p); err == nil {
				return nil
			}
		}
		b, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		return sink.Write(p, b)
	})
	if err != nil {
		return nil, err
	}
	var probs diag.List
	if hasStatic {
		// Copy from the site root, not a sub-FS, so problems name
		// static/x rather than x.
		probs, err = splitProblems(write.CopyFS(asIs, s.fsys, "static", ""))
		if err != nil {
			return nil, err
		}
	}
	bundleProbs, err := s.copyBundleFiles(asIs, other)
	return append(probs, bundleProbs...), err
}

// copyBundleFiles copies the non-Markdown files of content/ beside their
// page. A file that cannot be read (a symlink out of the site, a file
// deleted since the walk) is a problem of the site, not a failed build.
func (s *Session) copyBundleFiles(asIs write.Sink, other []string) (diag.List, error) {
	var probs diag.List
	for _, p := range other {
		b, err := fs.ReadFile(s.fsys, p)
		if err != nil {
			probs.Add(diag.Errorf(p, 0, 0, "symlinks must point inside the site folder; copy the file into content/ instead",
				"cannot read the file: %v", err))
			continue
		}
		if err := asIs.Write(strings.TrimPrefix(p, "content/"), b); err != nil {
			return probs, err
		}
	}
	return probs, nil
}

func (s *Session) sub(dir string) (fs.FS, bool) {
	if info, err := fs.Stat(s.fsys, dir); err != nil || !info.IsDir() {
		return nil, false
	}
	sub, err := fs.Sub(s.fsys, dir)
	return sub, err == nil
}

// splitProblems separates what the site did wrong (diag.Problem values,
// which write.CopyFS joins into its error) from failures of the machinery
// (a full disk), which still stop the build.
func splitProblems(err error) (diag.List, error) {
	if err == nil {
		return nil, nil
	}
	errs := []error{err}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		errs = joined.Unwrap()
	}
	var probs diag.List
	var rest []error
	for _, e := range errs {
		var p diag.Problem
		if errors.As(e, &p) {
			probs.Add(p)
		} else {
			rest = append(rest, e)
		}
	}
	return probs, errors.Join(rest...)
}
