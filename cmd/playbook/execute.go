package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"playbook/generator/suggest"
)

// Exit statuses: 1 when the content has problems the user must fix, 2 when
// the command line itself is wrong.
const (
	exitOK      = 0
	exitContent = 1 // content or check errors
	exitUsage   = 2 // bad command line
)

// command is one subcommand.
type command struct {
	name, args, summary string
	run                 func(ctx context.Context, env *env, args []string) int
}

// env is where a command prints.
type env struct {
	stdout, stderr io.Writer
}

func commands() []command {
	return []command{
		{"build", "[--source DIR] [--dest DIR] [--base-url URL] [--drafts] [--no-minify] [--strict] [--quiet] [--no-git-dates] [--timings]", "build the site into DEST (default SOURCE/public)", runBuild},
		{"serve", "[--source DIR] [--bind 127.0.0.1] [--port 1313] [--drafts] [--allow-host NAME]", "build in memory, serve it and reload the browser on every change", runServe},
		{"check", "[--source DIR] [--strict] [--quiet] [--stale] [--report FILE.html|FILE.json] [--no-git-dates]", "build in memory, run every check, write nothing", runCheck},
		{"init", "[DIR] [--force]", "create a new site in DIR (default: this folder) that builds and passes check --strict", runInit},
		{"new", "KIND SLUG [--source DIR]", "create a page; KIND is one of " + strings.Join(newKinds(), ", "), runNew},
		{"ping", "[--source DIR] [--dest DIR]", "send the URLs changed since the last ping to IndexNow (indexnow: in the site config)", runPing},
		{"search", "QUERY [--source DIR] [--dest DIR] [--kind KIND] [--stage STAGE] [--limit N]", "print what the site search finds for QUERY", runSearch},
		{"version", "", "print the version", runVersion},
	}
}

// Execute runs the command line args and returns the exit status.
func Execute(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		args[0] = "version"
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, e, args[1:])
		}
	}
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	if d := suggest.DidYouMean(args[0], names); d != "" {
		fmt.Fprintf(stderr, "playbook: unknown command %q; %s\n\n", args[0], d)
	} else {
		fmt.Fprintf(stderr, "playbook: unknown command %q\n\n", args[0])
	}
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: playbook COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'playbook COMMAND --help' for a command's flags.")
}

// newFlags makes a command's flag set that reports to stderr and prints a
// usage line naming the command.
func newFlags(e *env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet("playbook "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	for _, c := range commands() {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "Usage: playbook %s %s\n\n%s.\n\nFlags:\n", c.name, c.args, c.summary)
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// parseFlags parses flags anywhere among the arguments (so that
// `new guide x --source site` works) and returns the positional ones. ok is
// false when the command must stop with code.
func parseFlags(e *env, fs *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	if wantsHelp(args) { // asked-for help goes to stdout, once, with status 0
		fs.SetOutput(e.stdout)
		fs.Usage()
		return nil, exitOK, false
	}
	for {
		if err := fs.Parse(args); err != nil {
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, 0, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help", "--h":
			return true
		case "--":
			return false
		}
	}
	return false
}

// usageError prints a usage problem and returns the usage exit status.
func usageError(e *env, fs *flag.FlagSet, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "playbook: "+format+"\n\n", args...)
	fs.SetOutput(e.stderr)
	fs.Usage()
	return exitUsage
}
