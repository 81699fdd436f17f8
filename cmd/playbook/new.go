package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"playbook/generator/model"
	"playbook/generator/suggest"
)

// newKind says where `playbook new` puts a page of a kind and what it
// starts with.
type newKind struct {
	dir   string // folder under content/
	front string // extra front matter lines
	body  string
}

var newKindSpecs = map[string]newKind{
	"guide":  {"guides", "stage: expansion\ntags: []\n", "## What question does this page answer?\n\n::: answer\nReplace this paragraph with the direct answer to the question above, in 40 to 60 words. Say what it is, why it matters to the reader and the first thing to do, plainly enough that a search engine or an assistant could quote it whole, without the rest of the page.\n\nProof: a figure, a customer result or a source.\n\nNext step: the one thing the reader should do now.\n:::\n"},
	"faq":    {"faq", "", "## The first question a customer asks?\n\nAnswer it directly in the first sentence, then add what helps.\n"},
	"answer": {"answers", "", "::: answer\nReplace this paragraph with the direct answer to the question above, in 40 to 60 words. Say what it is, why it matters to the reader and the first thing to do, plainly enough that a search engine or an assistant could quote it whole, without the rest of the page.\n\nProof: a figure, a customer result or a source.\n\nNext step: the one thing the reader should do now.\n:::\n"},
	"workflow": {"workflows", "summary: \"\"\nrole: \"\"\nuse_when: []\ninputs: []\nexpected_output: []\nqa_checklist: []\nfollow_up: \"\"\ncautions: []\nverticals: []\n",
		"```prompt\nYou are a [ROLE]. I have [NUMBER] customers with an average order value of [AOV]. …\n```\n"},
	"vertical":   {"verticals", "vertical: \"\"\nexample: \"\"\nworkflow: \"\"\ninputs: \"\"\noutput: \"\"\nmetrics:\n  - { name: \"ARPU\", before: 0, after: 0, unit: \"$/mo\" }\navoid: \"\"\n", "Tell the story of how this business used the workflow.\n"},
	"calculator": {"", "type: calculator\ncalculator: ltv\ndefaults:\n  mode: purchase\n  aov: 80\n  frequency: 3\n  years: 2\n  margin: 0.5\n", "Explain the inputs and what a good result looks like.\n"},
}

// placeholderDescription is long enough for the description checks, so
// that a new draft passes check --strict --drafts as it is.
const placeholderDescription = "Replace with one or two sentences for search results: what the reader learns on this page and why it helps, in 120 to 160 characters."

func newKinds() []string {
	kinds := make([]string, 0, len(newKindSpecs))
	for k := range newKindSpecs {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	return kinds
}

func runNew(_ context.Context, e *env, args []string) int {
	fs := newFlags(e, "new")
	source := fs.String("source", ".", "site folder (holds site.yaml and content/)")
	pos, code, ok := parseFlags(e, fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		return usageError(e, fs, "new needs KIND and SLUG, such as: playbook new guide grow-ltv")
	}
	spec, known := newKindSpecs[pos[0]]
	if !known {
		return usageError(e, fs, "unknown KIND %q; %s", pos[0], suggest.Fix(pos[0], newKinds(), "use one of: "+strings.Join(newKinds(), ", ")))
	}
	slug := pos[1]
	if model.Urlize(slug) != slug {
		return usageError(e, fs, "SLUG %q must be lower-case letters, digits and hyphens, such as %q", slug, suggestSlug(slug))
	}
	path := filepath.Join(*source, "content", spec.dir, slug+".md")
	if err := createPage(path, slug, spec); err != nil {
		fmt.Fprintf(e.stderr, "playbook: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(e.stdout, "created %s (a draft: replace its placeholders, then remove draft: true to publish it)\n", path)
	return exitOK
}

func suggestSlug(s string) string {
	if u := model.Urlize(s); u != "" {
		return u
	}
	return "my-page"
}

func createPage(path, slug string, spec newKind) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	title := strings.ToUpper(slug[:1]) + strings.ReplaceAll(slug[1:], "-", " ")
	content := fmt.Sprintf("---\ntitle: %q\ndescription: %q\ndate: %s\ndraft: true # until the placeholders are replaced; see it with serve --drafts\n%s---\n\n%s",
		title, placeholderDescription, time.Now().Format("2006-01-02"), spec.front, spec.body)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; choose another SLUG or edit that file", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
