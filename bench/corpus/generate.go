package main

import (
	"fmt"
	"math/rand/v2"
)

// options are the inputs the corpus is a pure function of.
type options struct {
	pages    int
	sections int
	seed     uint64
}

// stats summarise a generated corpus.
type stats struct {
	pages, words, faq, answer int
}

// emitFunc receives each generated file: a slash-separated path relative
// to the corpus root and its bytes.
type emitFunc func(path string, data []byte) error

// planStream is the PCG stream of the page plan; page streams are
// (i+1)<<4|attempt and never zero.
const planStream = 0

// generate emits site.yaml, the home and section _index.md files and every
// page, always in the same order, and stops at the first emit error.
func generate(o options, emit emitFunc) (stats, error) {
	var st stats
	if err := emit("site.yaml", []byte(siteYAML)); err != nil {
		return st, err
	}
	if err := emit("content/_index.md", []byte(homeIndex)); err != nil {
		return st, err
	}
	for _, s := range sections[:o.sections] {
		if err := emit("content/"+s.slug+"/_index.md", []byte(sectionIndex(s))); err != nil {
			return st, err
		}
	}
	pages := planPages(o.pages, o.sections, rand.New(rand.NewPCG(o.seed, planStream)))
	for i, p := range pages {
		data, info := renderPage(o.seed, pages, i)
		if err := emit(p.path(), data); err != nil {
			return st, err
		}
		st.add(info)
	}
	return st, nil
}

// add counts one page into the summary.
func (st *stats) add(info pageInfo) {
	st.pages++
	st.words += info.words
	if info.faq {
		st.faq++
	}
	if info.answer {
		st.answer++
	}
}

// siteYAML is the corpus's site config.
const siteYAML = `title: Growth Playbooks
base_url: https://bench.example.com/
language: en
organization:
  name: Growth Playbooks
  url: https://bench.example.com/
# Hugo, which the bench compares against, draws no social cards: the
# comparable page set leaves them out (bench/README.md gives their cost).
social_cards: false
`

// homeIndex describes the home page.
const homeIndex = `---
title: "Growth Playbooks"
description: "Marketing playbooks with goals, plans, benchmarks and FAQs for every channel."
---

Pick a channel to see its playbooks.
`

// sectionIndex returns the _index.md of section s.
func sectionIndex(s section) string {
	return fmt.Sprintf("---\ntitle: %q\ndescription: %q\n---\n\nPlaybooks for %s teams.\n",
		s.title, s.title+" playbooks: goals, plans, benchmarks and FAQs.", s.title)
}
