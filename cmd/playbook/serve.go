package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"playbook/generator/serve"
)

func runServe(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "serve")
	opts := serve.Options{Stdout: e.stdout, Stderr: e.stderr}
	fs.StringVar(&opts.Source, "source", ".", "site folder (holds site.yaml and content/)")
	fs.StringVar(&opts.Bind, "bind", "127.0.0.1", "address to listen on (0.0.0.0 shares the site with your network)")
	fs.IntVar(&opts.Port, "port", 1313, "port to listen on")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include pages marked draft: true")
	fs.Func("allow-host", "a host name the server may be reached by, besides localhost and IP addresses (repeatable)", func(v string) error {
		opts.AllowHosts = append(opts.AllowHosts, strings.Split(v, ",")...)
		return nil
	})
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageError(e, fs, "serve takes no arguments, got %q", strings.Join(pos, " "))
	}
	if opts.Port < 0 || opts.Port > 65535 {
		return usageError(e, fs, "--port must be between 0 and 65535, got %d", opts.Port)
	}
	err := serve.Run(ctx, opts)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, serve.ErrListen):
		fmt.Fprintf(e.stderr, "playbook: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "playbook: serve failed: %v\n", err)
	return exitContent
}
