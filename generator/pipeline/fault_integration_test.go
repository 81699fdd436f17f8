package pipeline_test

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"playbook/generator/internal/sitetest"
	"playbook/generator/pipeline"
	"playbook/generator/write"
)

// faultRule decides, for the n-th disk operation op on name ("mkdir",
// "mkdirall", "write", "rename", "symlink"), which error to inject; nil
// lets the operation run.
type faultRule func(op, name string, n int) error

// faultFS is the operating system's file system with injected failures,
// passed to a build through Options.FS.
type faultFS struct {
	write.OSFS
	rule   faultRule
	mu     sync.Mutex
	counts map[string]int
}

func newFaultFS(rule faultRule) *faultFS {
	return &faultFS{rule: rule, counts: map[string]int{}}
}

func (f *faultFS) check(op, name string) error {
	f.mu.Lock()
	f.counts[op]++
	n := f.counts[op]
	f.mu.Unlock()
	if err := f.rule(op, name, n); err != nil {
		return &fs.PathError{Op: op, Path: name, Err: err}
	}
	return nil
}

func (f *faultFS) Mkdir(name string, perm fs.FileMode) error {
	if err := f.check("mkdir", name); err != nil {
		return err
	}
	return f.OSFS.Mkdir(name, perm)
}

func (f *faultFS) MkdirAll(name string, perm fs.FileMode) error {
	if err := f.check("mkdirall", name); err != nil {
		return err
	}
	return f.OSFS.MkdirAll(name, perm)
}

func (f *faultFS) WriteFile(name string, data []byte, perm fs.FileMode) error {
	if err := f.check("write", name); err != nil {
		return err
	}
	return f.OSFS.WriteFile(name, data, perm)
}

func (f *faultFS) Create(name string, perm fs.FileMode) (io.WriteCloser, error) {
	if err := f.check("write", name); err != nil {
		return nil, err
	}
	return f.OSFS.Create(name, perm)
}

func (f *faultFS) Rename(oldpath, newpath string) error {
	if err := f.check("rename", oldpath); err != nil {
		return err
	}
	return f.OSFS.Rename(oldpath, newpath)
}

func (f *faultFS) Symlink(oldname, newname string) error {
	if err := f.check("symlink", newname); err != nil {
		return err
	}
	return f.OSFS.Symlink(oldname, newname)
}

// deletingFS removes one content file from disk the first time the build
// opens it, after the walk listed it: an editor saving by delete and
// re-create, or a `git checkout`, racing the build.
type deletingFS struct {
	fs.FS
	dir, victim string
	once        sync.Once
}

func (d *deletingFS) Open(name string) (fs.File, error) {
	if name == d.victim {
		d.once.Do(func() { _ = os.Remove(filepath.Join(d.dir, filepath.FromSlash(name))) })
	}
	return d.FS.Open(name)
}

// faultCase is one fault and what the build must report; in every case
// the previous output stays byte for byte and no staging folder is left.
type faultCase struct {
	name string
	// arm returns the options of the faulty build; cancel cancels its
	// context, for faults that stand for Ctrl-C.
	arm      func(s *sitetest.Site, cancel context.CancelFunc) pipeline.Options
	wantErr  error    // the machinery error the build returns, or nil
	problems []string // the problems, when the fault is the site's
}

// TestFaultsKeepPreviousDest builds a site, then builds it again under a
// fault (issue #9, part 3): the first output must survive byte for byte
// and no staging folder may be left beside it.
func TestFaultsKeepPreviousDest(t *testing.T) {
	for _, tt := range faultCases() {
		t.Run(tt.name, func(t *testing.T) {
			s := sitetest.New(t, smallSite)
			sitetest.AssertProblems(t, s.Build(s.Options()))
			before := hashTree(t, s.Dest)
			// The next build would change every page, so a partial swap
			// could not go unnoticed.
			s.WriteFile("site.yaml", "title: \"Renamed Site\"\nbase_url: \"https://example.com/\"\nauthor: { name: \"Ann Author\" }\n")

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			res, err := pipeline.Build(ctx, tt.arm(s, cancel))
			switch {
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Fatalf("build error = %v, want %v", err, tt.wantErr)
			case tt.wantErr == nil && err != nil:
				t.Fatalf("build error = %v, want the fault reported as problems", err)
			case tt.wantErr == nil:
				sitetest.AssertProblems(t, res, tt.problems...)
			}
			if after := hashTree(t, s.Dest); after != before {
				t.Errorf("the previous output changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}
			assertNoTempDirs(t, filepath.Dir(s.Dest))
		})
	}
}

func faultCases() []faultCase {
	return []faultCase{
		{name: "disk full at the 5th write", wantErr: syscall.ENOSPC, arm: withRule(func(op, _ string, n int) error {
			return errIf(op == "write" && n == 5, syscall.ENOSPC)
		})},
		{name: "disk turns read-only mid-build", wantErr: syscall.EROFS, arm: withRule(func(op, _ string, n int) error {
			return errIf((op == "write" && n >= 8) || op == "rename", syscall.EROFS)
		})},
		{name: "output's parent folder is read-only", wantErr: syscall.EROFS, arm: readOnlyParent},
		{name: "a static file cannot be streamed", wantErr: syscall.ENOSPC, arm: func(s *sitetest.Site, _ context.CancelFunc) pipeline.Options {
			s.WriteFile("static/download.bin", strings.Repeat("x", 1<<20))
			return withRule(func(op, name string, _ int) error {
				return errIf(op == "write" && filepath.Base(name) == "download.bin", syscall.ENOSPC)
			})(s, nil)
		}},
		{name: "the old site cannot be moved aside", wantErr: syscall.EBUSY, arm: func(s *sitetest.Site, _ context.CancelFunc) pipeline.Options {
			return withRule(func(op, name string, _ int) error { return errIf(op == "rename" && name == s.Dest, syscall.EBUSY) })(s, nil)
		}},
		{name: "Ctrl-C mid-render", wantErr: context.Canceled, arm: func(s *sitetest.Site, cancel context.CancelFunc) pipeline.Options {
			return withRule(func(op, _ string, n int) error {
				if op == "write" && n == 3 {
					cancel() // the signal handler's cancel, between two page writes
				}
				return nil
			})(s, nil)
		}},
		{name: "content file deleted between walk and read", arm: deleteAfterWalk("content/faq/basics.md"), problems: []string{
			"content/faq/basics.md: error: cannot read the file: it does not exist — the file was removed while the build read it",
			`content/guides/grow.md:15:16: error: broken link "/faq/basics/#what-is-a-cohort": no page or file is published at /faq/basics/`,
		}},
	}
}

func withRule(rule faultRule) func(*sitetest.Site, context.CancelFunc) pipeline.Options {
	return func(s *sitetest.Site, _ context.CancelFunc) pipeline.Options {
		opts := s.Options()
		opts.FS = newFaultFS(rule)
		return opts
	}
}

// readOnlyParent fails every change under the output's parent folder, as a
// read-only mount does. (Root ignores chmod, so permissions cannot stand in
// for it in CI.)
func readOnlyParent(s *sitetest.Site, _ context.CancelFunc) pipeline.Options {
	parent := filepath.Dir(s.Dest)
	return withRule(func(op, name string, _ int) error {
		return errIf(strings.HasPrefix(name, parent), syscall.EROFS)
	})(s, nil)
}

func deleteAfterWalk(victim string) func(*sitetest.Site, context.CancelFunc) pipeline.Options {
	return func(s *sitetest.Site, _ context.CancelFunc) pipeline.Options {
		opts := s.Options()
		opts.WrapSource = func(fsys fs.FS) fs.FS { return &deletingFS{FS: fsys, dir: s.Dir, victim: victim} }
		return opts
	}
}

func errIf(cond bool, err error) error {
	if cond {
		return err
	}
	return nil
}
