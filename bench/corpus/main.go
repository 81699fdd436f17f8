package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// marker names the file that marks a directory as a generated corpus, so a
// rerun may replace it and no other directory is ever overwritten.
const marker = ".bench-corpus"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses args, writes the corpus and returns the exit status: 0 on
// success, 1 when writing fails, 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	o, out, err := parseFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(stderr, "corpus:", err)
		}
		return 2
	}
	st, err := writeCorpus(o, out)
	if err != nil {
		fmt.Fprintln(stderr, "corpus:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d pages in %d sections to %s (avg %d words/page, %d faq blocks, %d answer blocks)\n",
		st.pages, o.sections, out, st.words/max(1, st.pages), st.faq, st.answer)
	return 0
}

// parseFlags reads --pages, --seed, --sections and --out and checks them.
func parseFlags(args []string, stderr io.Writer) (options, string, error) {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := options{}
	fs.IntVar(&o.pages, "pages", 0, "number of pages to write (required, >= 1)")
	fs.Uint64Var(&o.seed, "seed", 42, "random seed; the corpus is a pure function of pages, seed and sections")
	fs.IntVar(&o.sections, "sections", 10, fmt.Sprintf("number of content sections, 1..%d", len(sections)))
	out := fs.String("out", "", "directory to write site.yaml and content/ into (required)")
	if err := fs.Parse(args); err != nil {
		return o, "", err
	}
	switch {
	case fs.NArg() > 0:
		return o, "", fmt.Errorf("unexpected argument %q: all inputs are flags", fs.Arg(0))
	case o.pages < 1:
		return o, "", errors.New("--pages must be at least 1, e.g. --pages 1000")
	case o.sections < 1 || o.sections > len(sections):
		return o, "", fmt.Errorf("--sections must be 1..%d, got %d", len(sections), o.sections)
	case *out == "":
		return o, "", errors.New("--out is required: the directory to write the corpus into")
	}
	return o, *out, nil
}

// writeCorpus prepares dir and writes the corpus into it.
func writeCorpus(o options, dir string) (stats, error) {
	if err := prepareOut(dir); err != nil {
		return stats{}, err
	}
	st, err := generate(o, func(path string, data []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, data, 0o644)
	})
	if err != nil {
		return st, err
	}
	tag := fmt.Sprintf("pages=%d seed=%d sections=%d\n", o.pages, o.seed, o.sections)
	return st, os.WriteFile(filepath.Join(dir, marker), []byte(tag), 0o644)
}

// prepareOut makes dir ready: it creates it when missing, accepts it when
// empty and clears a previous corpus (one holding the marker file). Any
// other non-empty directory is refused, since we did not write it.
func prepareOut(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, marker)); err != nil {
		return fmt.Errorf("%s is not empty and holds no %s file, so it was not written by this generator; pass a new or empty --out", dir, marker)
	}
	for _, name := range []string{"content", "site.yaml", marker} {
		if err := os.RemoveAll(filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}
