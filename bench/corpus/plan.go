package main

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
)

// pagePlan is what every page knows about every other page: enough to
// link to it.
type pagePlan struct {
	sec   section
	topic string
	title string
	slug  string
}

// url returns the page's root-relative pretty URL, /section/slug/.
func (p pagePlan) url() string {
	return "/" + p.sec.slug + "/" + p.slug + "/"
}

// path returns the page's file path relative to the corpus root.
func (p pagePlan) path() string {
	return "content/" + p.sec.slug + "/" + p.slug + ".md"
}

// planPages assigns n pages round-robin to the first k sections and gives
// each a topic, a title and a slug unique within its section.
func planPages(n, k int, r *rand.Rand) []pagePlan {
	pages := make([]pagePlan, 0, n)
	seen := make(map[string]bool, n)
	for i := range n {
		p := pagePlan{sec: sections[i%k], topic: pick(r, topics)}
		p.title = titleFor(r, p.topic)
		p.slug = uniqueSlug(seen, p.sec.slug, slugify(p.title))
		pages = append(pages, p)
	}
	return pages
}

// titleFor fills a random title pattern for topic.
func titleFor(r *rand.Rand, topic string) string {
	return strings.NewReplacer(
		"{Topic}", titleCase(topic),
		"{n}", strconv.Itoa(3+r.IntN(10)),
		"{Goal}", pick(r, goals),
		"{Metric}", pick(r, metrics),
		"{Audience}", pick(r, audiences),
	).Replace(pick(r, titlePatterns))
}

// uniqueSlug cuts slug to 60 bytes and appends -2, -3, ... until it is new
// in its section, so no two pages share a URL.
func uniqueSlug(seen map[string]bool, sec, slug string) string {
	base := strings.Trim(slug[:min(len(slug), 60)], "-")
	s := base
	for k := 2; seen[sec+"/"+s]; k++ {
		s = base + "-" + strconv.Itoa(k)
	}
	seen[sec+"/"+s] = true
	return s
}

// slugify lower-cases s and joins its runs of letters and digits with '-'.
func slugify(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		switch {
		case c < unicode.MaxASCII && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			b.WriteRune(c)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// titleCase upper-cases the first letter of every space-separated word.
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// pick returns a random element of list.
func pick(r *rand.Rand, list []string) string {
	return list[r.IntN(len(list))]
}

// sample returns k distinct elements of list in random order.
func sample(r *rand.Rand, list []string, k int) []string {
	out := make([]string, 0, k)
	for _, i := range r.Perm(len(list))[:k] {
		out = append(out, list[i])
	}
	return out
}
