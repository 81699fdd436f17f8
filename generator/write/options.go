package write

import "context"

// Option configures Open.
type Option func(*options)

type options struct {
	fs  FS
	ctx context.Context
}

// WithFS makes Open do all its disk operations through fsys instead of the
// operating system; tests use it to inject faults.
func WithFS(fsys FS) Option {
	return func(o *options) { o.fs = fsys }
}

// WithContext ties the staging directory to ctx: when ctx is cancelled (an
// error elsewhere, Ctrl-C), the build is aborted and its staging directory
// removed, and every later Write or Commit fails with the context's error.
func WithContext(ctx context.Context) Option {
	return func(o *options) { o.ctx = ctx }
}

func buildOptions(opts []Option) options {
	o := options{fs: OSFS{}, ctx: context.Background()}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}
