// Command corpus writes a synthetic playbook site for benchmarks: a
// site.yaml and content/<section>/<slug>.md marketing playbook pages of
// 800–1,500 words with YAML front matter, h2/h3 headings, a GFM table,
// bullet and numbered lists, emphasis, root-relative links to other pages
// of the corpus and an FAQ section. About 30% of the pages wrap their FAQ
// in a `::: faq` block and about 30% carry a `::: answer` block, so
// playbook's own block parsers are exercised.
//
// The output is a pure function of --pages, --seed and --sections: every
// random choice comes from math/rand/v2 PCG streams seeded from --seed, so
// playbook and its peers can be measured on byte-identical input.
//
//	go run ./bench/corpus --pages 1000 --seed 42 --out /tmp/corpus-1k
//
// It has the shape of shared/bench/gen-corpus.py, with playbook's
// site layout (site.yaml + content/) instead of a bare content folder.
package main
