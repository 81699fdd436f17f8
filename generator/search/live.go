package search

import (
	"hash/maphash"
	"slices"

	"playbook/generator/model"
	"playbook/generator/write"
)

// Live is the site search of serve's engine, kept from one rebuild to the
// next: the results of every page as it was last rendered, and what each
// index file held. A rebuild tokenises only the pages it renders, makes
// the index again from the results kept (in site order, so the files are
// those a fresh build writes) and writes only the files that changed.
type Live struct {
	pages map[string][]scored // by page URL
	terms map[string]string   // one copy of each term
	sums  map[string]uint64   // index file -> hash of what it holds
	seen  map[string]bool     // the files the build being made has
	seed  maphash.Seed
	// shards is the number of term shards of the last build: when it
	// changes, every term moves and every shard is written again (and
	// serve renders every page, whose search box says the number).
	shards int
}

// NewLive returns an empty live index.
func NewLive() *Live {
	return &Live{pages: map[string][]scored{}, terms: map[string]string{}, sums: map[string]uint64{},
		seen: map[string]bool{}, seed: maphash.MakeSeed()}
}

// Builder returns the index builder of one rebuild of pages (the site's
// content pages, in order), written to sink. Pages the rebuild does not
// render keep the results they had. whole says the rebuild's output starts
// empty, so every index file is written.
func (l *Live) Builder(pages []*model.Page, url func(string) string, sink write.Sink, whole bool) *Builder {
	b := NewBuilder(pages, url, sink)
	b.live = l
	if whole || l.shards != b.shard {
		l.shards = b.shard
		clear(l.sums)
	}
	clear(l.seen)
	return b
}

// forgetOthers forgets the files the build just made does not have, and
// returns them, sorted.
func (l *Live) forgetOthers() []string {
	var gone []string
	for name := range l.sums {
		if !l.seen[name] {
			gone = append(gone, name)
			delete(l.sums, name)
		}
	}
	clear(l.seen)
	slices.Sort(gone)
	return gone
}

// put keeps a page's results, its terms interned; the builder's mutex is
// held.
func (l *Live) put(url string, recs []scored) {
	for i := range recs {
		for j, t := range recs[i].names {
			if c, ok := l.terms[t]; ok {
				recs[i].names[j] = c
			} else {
				l.terms[t] = t
			}
		}
	}
	l.pages[url] = recs
}

// changed reports whether an index file's data differs from what it held,
// and remembers the new data.
func (l *Live) changed(name string, data []byte) bool {
	l.seen[name] = true
	sum := maphash.Bytes(l.seed, data)
	if old, ok := l.sums[name]; ok && old == sum {
		return false
	}
	l.sums[name] = sum
	return true
}

// replay indexes every page's kept results in site order, writing the
// chunks as they fill, and forgets the pages no longer searchable.
func (b *Builder) replay() error {
	l := b.live
	keep := make(map[string]bool, len(b.pages))
	for n, p := range b.pages {
		keep[p.URL] = true
		if done, ci, c := b.addPage(n, l.pages[p.URL], nil); done {
			if err := b.writeChunk(ci, c); err != nil {
				return err
			}
		}
	}
	for url := range l.pages {
		if !keep[url] {
			delete(l.pages, url)
		}
	}
	return nil
}
