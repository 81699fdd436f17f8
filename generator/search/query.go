package search

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Match factors (tenths): an exact term counts whole, the last word
// completed as a prefix 0.8, a word with one typo forgiven 0.6.
const (
	factorExact  = 10
	factorPrefix = 8
	factorTypo   = 6
	// maxExpansions is how many terms a prefix or a typo may stand for,
	// the most frequent first.
	maxExpansions = 12
	minPrefixLen  = 3 // letters typed before the last word is completed
	minTypoLen    = 5 // letters a word needs before one typo is forgiven
)

// Result is one answer to a query.
type Result struct {
	Ref                                       uint32
	Score                                     int
	URL, Heading, Title, Kind, Stage, Snippet string
}

// Filter keeps the results of one kind and stage ("" keeps all).
type Filter struct{ Kind, Stage string }

// Word is one word of a query as the ranking sees it.
type Word struct {
	Raw, Stem string
	Prefix    bool // the last word, completed as a prefix
}

// QueryWords are the words a query searches for: normalised, stop words
// dropped, each once; the last is matched as a prefix when it has at
// least minPrefixLen letters.
func QueryWords(q string) []Word {
	words := Words(q)
	var out []Word
	for i, w := range words {
		if stopWords[w] {
			continue
		}
		word := Word{Raw: w, Stem: Stem(w), Prefix: i == len(words)-1 && runes(w) >= minPrefixLen}
		if j := slices.IndexFunc(out, func(o Word) bool { return o.Stem == word.Stem }); j >= 0 {
			out[j].Prefix = out[j].Prefix || word.Prefix
			continue
		}
		out = append(out, word)
	}
	return out
}

// QueryPlan is what a query reads: the term shards of its words, at most
// MaxShardRequests, and the words those shards answer. When the words need
// more shards, the last word (the one being typed) comes first, then the
// longest; a word whose shards do not fit is left out. Words are kept in
// the query's order.
func QueryPlan(words []Word, shards int) (kept []Word, files []int) {
	order := make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(priority(words[b], b == len(words)-1), priority(words[a], a == len(words)-1)), cmp.Compare(a, b))
	})
	keep := make([]bool, len(words))
	for _, i := range order {
		var need []int
		for _, n := range words[i].Shards(shards) {
			if !slices.Contains(files, n) && !slices.Contains(need, n) {
				need = append(need, n)
			}
		}
		if len(files)+len(need) <= MaxShardRequests {
			files = append(files, need...)
			keep[i] = true
		}
	}
	for i, w := range words {
		if keep[i] {
			kept = append(kept, w)
		}
	}
	return kept, files
}

// priority orders a query's words for QueryPlan: the last first, then by
// length.
func priority(w Word, last bool) int {
	if last {
		return 1 << 20
	}
	return runes(w.Raw)
}

// Shards are the term shards a word needs.
func (w Word) Shards(shards int) []int {
	s := []int{ShardOf(w.Stem, shards)}
	if w.Prefix {
		if p := ShardOf(w.Raw, shards); p != s[0] {
			s = append(s, p)
		}
	}
	return s
}

// shard is one decoded term shard.
type shard struct {
	Terms map[string][4]json.RawMessage `json:"t"`
	Docs  map[string][]string           `json:"d"`
}

// termData is a term's postings, decoded.
type termData struct {
	df      int
	refs    []uint32
	impacts []int
	codes   []uint8
}

// Index is a built index read from a site's output.
type Index struct {
	fsys   fs.FS
	shards int
	cache  map[int]*shard
	chunks map[int]map[string][]string
	// Fetched names the files read, in order: what a browser would
	// download for the same queries.
	Fetched []string
}

// Open reads the index under a built site's root. Its meta file is not
// among Fetched: the browser has the number of shards from the page.
func Open(fsys fs.FS) (*Index, error) {
	x := &Index{fsys: fsys, cache: map[int]*shard{}, chunks: map[int]map[string][]string{}}
	var meta struct{ Shards, Chunk int }
	err := x.read(MetaFile, &meta)
	x.Fetched = nil
	if err != nil {
		return nil, fmt.Errorf("no search index in the output (%w): build the site first", err)
	}
	if meta.Shards < 1 || meta.Chunk != PagesPerChunk {
		return nil, fmt.Errorf("%s: %d shards of chunks of %d pages: not an index this playbook reads", MetaFile, meta.Shards, meta.Chunk)
	}
	x.shards = meta.Shards
	return x, nil
}

// Shards is the number of term shards.
func (x *Index) Shards() int { return x.shards }

func (x *Index) shard(n int) (*shard, error) {
	if s, ok := x.cache[n]; ok {
		return s, nil
	}
	s := &shard{}
	if err := x.read(ShardFile(n), s); err != nil {
		return nil, err
	}
	x.cache[n] = s
	return s, nil
}

func (x *Index) read(name string, v any) error {
	b, err := fs.ReadFile(x.fsys, name)
	if err != nil {
		return err
	}
	x.Fetched = append(x.Fetched, name)
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Query ranks the results for q and returns the best limit that pass f.
// Results whose display data the shards read hold come first, by score,
// then the others (read from the page-range chunks), so a query's first
// results need no file besides its shards.
func (x *Index) Query(q string, f Filter, limit int) ([]Result, error) {
	words, files := QueryPlan(QueryWords(q), x.shards)
	var loaded []*shard
	for _, n := range files {
		s, err := x.shard(n)
		if err != nil {
			return nil, err
		}
		loaded = append(loaded, s)
	}
	totals := map[uint32]int{}
	codes := map[uint32]uint8{}
	for _, w := range words {
		best := map[uint32]int{}
		for _, c := range candidates(w, loaded) {
			for i, ref := range c.data.refs {
				if v := c.factor * c.data.impacts[i]; v > best[ref] {
					best[ref] = v
				}
				codes[ref] = c.data.codes[i]
			}
		}
		for ref, v := range best {
			totals[ref] += v
		}
	}
	var ranked []Result
	shown := map[uint32]bool{}
	for ref, score := range totals {
		if f.keeps(codes[ref]) {
			ranked = append(ranked, Result{Ref: ref, Score: score})
			shown[ref] = describedIn(ref, loaded) != nil
		}
	}
	slices.SortFunc(ranked, func(a, b Result) int {
		return cmp.Or(cmp.Compare(b2i(shown[b.Ref]), b2i(shown[a.Ref])), cmp.Compare(b.Score, a.Score), cmp.Compare(a.Ref, b.Ref))
	})
	if len(ranked) > limit {
		ranked = ranked[:limit]
	}
	return ranked, x.describe(ranked, loaded)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// describedIn is a result's display data in the loaded shards, or nil.
func describedIn(ref uint32, loaded []*shard) []string {
	key := strconv.FormatUint(uint64(ref), 10)
	for _, s := range loaded {
		if d, ok := s.Docs[key]; ok {
			return d
		}
	}
	return nil
}

// keeps reports whether a result of code passes the filter.
func (f Filter) keeps(code uint8) bool {
	if f.Kind != "" && int(code>>stageCodeShift) != slices.Index(Kinds, f.Kind) {
		return false
	}
	return f.Stage == "" || int(code&(1<<stageCodeShift-1)) == slices.Index(Stages, f.Stage)
}

// candidate is a term a query word stands for.
type candidate struct {
	term   string
	factor int
	data   termData
}

// candidates are the terms of the loaded shards a word matches: itself;
// for the last word, the terms it begins; else, when the word is long
// enough and not in the index, the terms one typo away.
func candidates(w Word, loaded []*shard) []candidate {
	var exact, more []candidate
	for _, s := range loaded {
		for t, raw := range s.Terms {
			switch {
			case t == w.Stem:
				if len(exact) == 0 {
					exact = append(exact, candidate{term: t, factor: factorExact, data: decodeTerm(raw)})
				}
			case w.Prefix && (strings.HasPrefix(t, w.Raw) || runes(w.Stem) >= minPrefixLen && strings.HasPrefix(t, w.Stem)):
				more = append(more, candidate{term: t, factor: factorPrefix, data: decodeTerm(raw)})
			case runes(w.Raw) >= minTypoLen && typo(w, t):
				more = append(more, candidate{term: t, factor: factorTypo, data: decodeTerm(raw)})
			}
		}
	}
	slices.SortFunc(more, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.factor, a.factor), cmp.Compare(b.data.df, a.data.df), strings.Compare(a.term, b.term))
	})
	more = slices.CompactFunc(more, func(a, b candidate) bool { return a.term == b.term })
	out := exact
	for _, c := range more {
		if len(out) >= maxExpansions || c.factor == factorTypo && len(out) > 0 {
			break // a typo is forgiven only when nothing else matched
		}
		out = append(out, c)
	}
	return out
}

func decodeTerm(raw [4]json.RawMessage) termData {
	var d termData
	var deltas []uint32
	_ = json.Unmarshal(raw[0], &d.df)
	_ = json.Unmarshal(raw[1], &deltas)
	_ = json.Unmarshal(raw[2], &d.impacts)
	_ = json.Unmarshal(raw[3], &d.codes)
	var ref uint32
	for _, delta := range deltas {
		ref += delta
		d.refs = append(d.refs, ref)
	}
	if len(d.impacts) != len(d.refs) || len(d.codes) != len(d.refs) {
		return termData{df: d.df}
	}
	return d
}

// describe fills in the results' display data from the loaded shards,
// reading the page-range chunks for the rest.
func (x *Index) describe(results []Result, loaded []*shard) error {
	for i := range results {
		r := &results[i]
		key := strconv.FormatUint(uint64(r.Ref), 10)
		doc := describedIn(r.Ref, loaded)
		if doc == nil {
			c, err := x.chunk(int(r.Ref>>8) / PagesPerChunk)
			if err != nil {
				return err
			}
			doc = c[key]
		}
		if len(doc) != 6 {
			return errors.New("search index: result " + key + " has no display data")
		}
		r.URL, r.Heading, r.Title, r.Kind, r.Stage, r.Snippet = doc[0], doc[1], doc[2], doc[3], doc[4], doc[5]
	}
	return nil
}

func (x *Index) chunk(n int) (map[string][]string, error) {
	if c, ok := x.chunks[n]; ok {
		return c, nil
	}
	c := map[string][]string{}
	if err := x.read(ChunkFile(n), &c); err != nil {
		return nil, err
	}
	x.chunks[n] = c
	return c, nil
}

func runes(s string) int { return utf8.RuneCountInString(s) }

// typo reports whether term t is the word with one typo: its stem one
// edit from t, or, since a typo can keep the stemmer from finding the
// stem, the word's first letters (as many as t has) one edit from t or,
// when at most three letters follow, equal to it ("calcualte" and
// "calculatr" stand for "calcul").
func typo(w Word, t string) bool {
	if OneEdit(w.Stem, t) {
		return true
	}
	raw := []rune(w.Raw)
	n := runes(t)
	if n < minTypoLen-1 || n >= len(raw) {
		return false
	}
	p := string(raw[:n])
	return p == t && len(raw)-n <= 3 || OneEdit(p, t)
}

// OneEdit reports whether a and b are one edit apart: a letter added,
// removed, replaced, or two neighbours swapped.
func OneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) < len(y) {
		return slices.Equal(x[i:], y[i+1:])
	}
	if slices.Equal(x[i+1:], y[i+1:]) {
		return true // replaced
	}
	return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && slices.Equal(x[i+2:], y[i+2:])
}

// All returns every result of the index, read from its display chunks,
// in index order (for tests and tools).
func (x *Index) All() ([]Result, error) {
	entries, err := fs.ReadDir(x.fsys, "search/d")
	if err != nil {
		return nil, err
	}
	var out []Result
	for n := range entries {
		c, err := x.chunk(n)
		if err != nil {
			return nil, err
		}
		for key, doc := range c {
			ref, err := strconv.ParseUint(key, 10, 32)
			if err != nil || len(doc) != 6 {
				return nil, fmt.Errorf("%s: bad result %q", ChunkFile(n), key)
			}
			out = append(out, Result{Ref: uint32(ref), URL: doc[0], Heading: doc[1], Title: doc[2], Kind: doc[3], Stage: doc[4], Snippet: doc[5]})
		}
	}
	slices.SortFunc(out, func(a, b Result) int { return cmp.Compare(a.Ref, b.Ref) })
	return out, nil
}
