// Command playbook builds growth-playbook sites: Markdown in, static HTML
// with schema.org JSON-LD, Markdown twins, llms.txt, sitemap and feed out.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	sigs, done := make(chan os.Signal, 2), make(chan struct{})
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go stopOnSignal(sigs, cancel, done, stopGrace, os.Stderr, os.Exit)
	stopProfiles := startProfiles()
	code := Execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	close(done)
	stopProfiles()
	os.Exit(code)
}
