package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"playbook/generator/config"
	"playbook/generator/indexnow"
	"playbook/generator/load"
)

// pingBatch is the URLs a request; tests make it small.
var pingBatch = indexnow.MaxBatch

func runPing(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "ping")
	source := fs.String("source", ".", "site folder (holds site.yaml)")
	dest := fs.String("dest", "", "the built output folder (default SOURCE/public)")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return usageError(e, fs, "ping takes no arguments, got %q", strings.Join(pos, " "))
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	cfg, err := pingConfig(*source)
	if err != nil {
		fmt.Fprintf(e.stderr, "playbook: ping: %v\n", err)
		return exitContent
	}
	return ping(ctx, e, cfg, *dest)
}

func pingConfig(source string) (*config.Site, error) {
	site, err := load.OpenSite(source)
	if err != nil {
		return nil, err
	}
	defer site.Close()
	cfg, probs := config.Load(site)
	if probs.HasErrors(false) {
		return nil, probs[0]
	}
	if cfg.Evidence.IndexNow.Key == "" {
		return nil, fmt.Errorf("%s has no indexnow key — add indexnow: { key: YOUR-KEY } (8 to 128 letters, digits or dashes), then build", orDefault(cfg.File, "the site config"))
	}
	return cfg, nil
}

func ping(ctx context.Context, e *env, cfg *config.Site, dest string) int {
	listFile := filepath.Join(dest, indexnow.PendingName)
	f, err := os.Open(listFile)
	if err != nil {
		fmt.Fprintf(e.stderr, "playbook: ping: no list of changed URLs in %s — run playbook build first\n", dest)
		return exitContent
	}
	pending := indexnow.ReadPending(f)
	f.Close()
	if len(pending) == 0 {
		fmt.Fprintln(e.stdout, "playbook ping: nothing to send, no page changed since the last accepted ping")
		return exitOK
	}
	in := cfg.Evidence.IndexNow
	c := &indexnow.Client{HTTP: &http.Client{Timeout: time.Minute}, Endpoint: in.Endpoint, Key: in.Key, BaseURL: cfg.BaseURL, Batch: pingBatch}
	accepted, errs := c.Send(ctx, pending)
	sent := make(map[string]bool, len(accepted))
	for _, u := range accepted {
		sent[u] = true
	}
	left := slices.DeleteFunc(slices.Clone(pending), func(u string) bool { return sent[u] })
	if err := replaceFile(listFile, indexnow.FormatPending(left)); err != nil {
		fmt.Fprintf(e.stderr, "playbook: ping: sent %d URLs but cannot update %s: %v (they would be sent again)\n", len(accepted), listFile, err)
		return exitContent
	}
	for _, err := range errs {
		fmt.Fprintf(e.stderr, "playbook: ping: %s: %v\n", in.Endpoint, err)
	}
	fmt.Fprintf(e.stdout, "playbook ping: %d of %d URLs accepted by %s, %d left to send\n", len(accepted), len(pending), in.Endpoint, len(left))
	if len(errs) > 0 {
		return exitContent
	}
	return exitOK
}

// replaceFile writes data beside name and renames it over name, so an
// interrupted ping never leaves half a list.
func replaceFile(name string, data []byte) error {
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
