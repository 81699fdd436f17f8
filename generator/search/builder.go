package search

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"playbook/generator/model"
	"playbook/generator/write"
)

// Index layout and ranking constants; search.js holds the same.
const (
	// TopK is the most results a term keeps, the best by BM25: a query
	// reads at most TopK results per word, whatever the size of the site.
	TopK = 150
	// TopShown is how many results a query shows at first (the search
	// page's; the header's box shows fewer).
	TopShown = 10
	// shownKept of a term's best results may carry their display data in
	// the term's shard, the best first, as many as the shard's budget
	// (shardBytes) allows: a question's best results are most often
	// among its words' best, so its results need no other file.
	shownKept = 64
	// PagesPerChunk pages' results share one display chunk, read only for
	// the results the shards do not describe ("More results").
	PagesPerChunk = 16
	// shardBytes is how much JSON a term shard may hold once display data
	// is added (about a quarter of that compressed), so that the shards
	// of a three-word question stay under 40 KB compressed.
	shardBytes = 40 << 10
	// pagesPerShard sets the number of shards (a power of two) from the
	// number of pages, known before any is rendered: every page's search
	// box says it (data-shards), so a query needs no file to find its
	// shards.
	pagesPerShard = 12
	// oneShardPages is the most pages whose index is one shard (small,
	// as its vocabulary is).
	oneShardPages = 64
	maxShards     = 1 << 14
	// MaxShardRequests is the most term shards a query reads: a longer
	// question is answered from the words that fit (QueryPlan).
	MaxShardRequests = 3
	// maxParts is the most results one page gives (a ref keeps the part in
	// its low 8 bits).
	maxParts = 256

	bm25K1         = 1.2
	bm25B          = 0.75
	avgLen         = 80 // body words; a fixed mean keeps scores independent of build order
	impactScale    = 100
	stageCodeShift = 3
)

// kindBoost favours the results that answer: a best answer, then an FAQ
// question, over a section that mentions the same words.
var kindBoost = map[string]float64{KindAnswer: 1.3, KindQuestion: 1.2, KindPage: 1.1, KindStep: 1, KindSection: 1}

// Stages are the journey stages in the order of their codes; "" is none.
var Stages = []string{"", "activation", "adoption", "expansion", "advocacy", "renewal"}

// ShardsFor is the number of term shards of an index of pages
// searchable pages: one for a small site, else a power of two, so it
// changes seldom as a site grows (when it does, serve renders every page).
func ShardsFor(pages int) int {
	if pages <= oneShardPages {
		return 1
	}
	n := 1
	for n < maxShards && n*pagesPerShard < pages {
		n *= 2
	}
	return n
}

// ShardCount is the number of term shards of an index of pages (those
// Searchable).
func ShardCount(pages []*model.Page) int {
	n := 0
	for _, p := range pages {
		if Searchable(p) {
			n++
		}
	}
	return ShardsFor(n)
}

// MetaFile says how the index is split: {"shards": N, "chunk": pages per
// chunk}, for tools; the script has the shards from its page.
const MetaFile = "search/meta.json"

// ShardOf is the shard holding term: a hash of its first three letters, so
// every term a prefix of three letters or more can match is in one shard.
func ShardOf(term string, shards int) int {
	h := uint32(2166136261)
	n := 0
	for _, r := range term {
		if n == 3 {
			break
		}
		h = (h ^ uint32(r)) * 16777619
		n++
	}
	return int(h % uint32(shards))
}

// ShardFile and ChunkFile are the index's files, relative to the site root.
func ShardFile(n int) string { return "search/t/" + strconv.Itoa(n) + ".json" }

// ChunkFile is the display chunk of pages n*PagesPerChunk and on.
func ChunkFile(n int) string { return "search/d/" + strconv.Itoa(n) + ".json" }

// Searchable reports whether a page's results go into the index: content
// pages, not drafts, not pages kept out of lists (`search: false`, or
// Hugo's `_build: {list: never}`).
func Searchable(p *model.Page) bool {
	if p.IsList() || p.Draft {
		return false
	}
	if v, ok := p.Params["search"].(bool); ok && !v {
		return false
	}
	if b, ok := p.Params["_build"].(map[string]any); ok {
		switch b["list"] {
		case false, "never", "false":
			return false
		}
	}
	return true
}

// Builder gathers the index as pages are rendered (Add may be called from
// many goroutines) and writes it: display chunks as soon as their pages
// are all added, term shards at Finish. It keeps per term only its best
// results, so its memory grows with the vocabulary, not with the site.
type Builder struct {
	sink  write.Sink
	url   func(string) string // root-relative URL with the site's base path
	index map[*model.Page]int
	pages []*model.Page // the searchable pages, in site order
	live  *Live         // serve's: pages are kept and the index made at Finish
	shard int           // the number of term shards
	gen   uint64        // this builder's number, for the tokenizers' caches

	mu      sync.Mutex
	records int
	terms   map[string]int32 // term -> its index in list
	list    []term
	shown   map[uint32]*shownDoc // display data of the results in some term's shown list
	chunks  map[int]*chunk
	written []string
	gone    []string
}

// Gone are the index files of serve's previous build that this one no
// longer has (fewer shards, fewer chunks), known after Finish.
func (b *Builder) Gone() []string { return b.gone }

// shownDoc is the display data of a result, kept while it is in some
// term's shown list (refs counts them), so the builder's memory grows with
// the vocabulary, not with the site.
type shownDoc struct {
	display []byte
	refs    int32
}

type chunk struct {
	pending int // pages not added yet
	// docs are the display data of its pages' results, by page in the
	// chunk and part: in the order of their refs.
	docs [PagesPerChunk][][]byte
}

// NewBuilder starts an index of pages (those Searchable), written to sink;
// url makes a root-relative URL of a page URL (the base path added).
func NewBuilder(pages []*model.Page, url func(string) string, sink write.Sink) *Builder {
	b := &Builder{sink: sink, url: url, index: map[*model.Page]int{}, terms: map[string]int32{},
		shown: map[uint32]*shownDoc{}, chunks: map[int]*chunk{}, gen: builders.Add(1)}
	for _, p := range pages {
		if !Searchable(p) {
			continue
		}
		n := len(b.index)
		b.index[p] = n
		b.pages = append(b.pages, p)
		c := b.chunks[n/PagesPerChunk]
		if c == nil {
			c = &chunk{}
			b.chunks[n/PagesPerChunk] = c
		}
		c.pending++
	}
	b.shard = ShardsFor(len(b.pages))
	return b
}

// Add indexes a page's parts; a page the index leaves out is ignored.
func (b *Builder) Add(p *model.Page, parts []Part) error {
	n, ok := b.index[p]
	if !ok {
		return nil
	}
	tok := getTokenizer()
	defer putTokenizer(tok)
	recs := b.tokenise(tok, p, parts)
	b.mu.Lock()
	if b.live != nil {
		b.live.put(p.URL, keepScored(tok, recs))
		b.mu.Unlock()
		return nil
	}
	done, ci, c := b.addPage(n, recs, tok)
	b.mu.Unlock()
	if done {
		return b.writeChunk(ci, c)
	}
	return nil
}

// builders numbers the Builders made, for the tokenizers' caches of their
// term numbers.
var builders atomic.Uint64

// addPage indexes page n's results, made by tok (nil: results kept from
// an earlier build); b.mu is held. done reports that its chunk, c, has
// all its pages.
func (b *Builder) addPage(n int, recs []scored, tok *tokenizer) (done bool, ci int, c *chunk) {
	ci = n / PagesPerChunk
	c = b.chunks[ci]
	docs := make([][]byte, len(recs))
	for i := range recs {
		ref := uint32(n)<<8 | uint32(i)
		b.addRecord(ref, &recs[i], tok)
		docs[i] = recs[i].display
	}
	c.docs[n%PagesPerChunk] = docs
	c.pending--
	done = c.pending == 0
	if done {
		delete(b.chunks, ci)
	}
	return done, ci, c
}

// scored is one result ready to index: its terms with their scores.
type scored struct {
	code    uint8
	display []byte
	terms   []termScore
	// names are the terms, for results a Live index keeps (a
	// tokenizer's numbers do not outlive it); nil in a tokenizer's.
	names []string
}

// termScore is a term of a result: id is its number in the tokenizer that
// made it.
type termScore struct {
	id    int32
	score float32
}

// keepScored copies results made in tok's buffers, for a Live index that
// keeps them, with their terms' names.
func keepScored(tok *tokenizer, recs []scored) []scored {
	out := slices.Clone(recs)
	n := 0
	for _, r := range recs {
		n += len(r.terms)
	}
	terms, names := make([]termScore, 0, n), make([]string, 0, n)
	for i := range out {
		start := len(terms)
		for _, ts := range out[i].terms {
			terms = append(terms, ts)
			names = append(names, tok.names[ts.id])
		}
		end := len(terms)
		out[i].terms, out[i].names = terms[start:end:end], names[start:end:end]
	}
	return out
}

// The fields of a result, scored apart (BM25F-like: each saturates on its
// own, so a word in the heading always outweighs the same word repeated in
// the body) and weighed by fieldWeight.
const (
	fieldBody = iota
	fieldHeading
	fieldTitle
	fields
)

var fieldWeight = [fields]float64{fieldBody: 1, fieldHeading: 2, fieldTitle: 0.5}

// bodyNorm is BM25's saturation constant for a body of n words.
func bodyNorm(n int) float64 { return bm25K1 * (1 - bm25B + bm25B*float64(n)/avgLen) }

// score is BM25's term part for one result whose body's bodyNorm is norm,
// boosted by its kind; the body's is normalised by its length, a
// heading's and a title's are not (they are all short).
func score(tf [fields]float32, norm, boost float64) float64 {
	s := 0.0
	for f, n := range tf {
		if n == 0 {
			continue
		}
		k := bm25K1
		if f == fieldBody {
			k = norm
		}
		s += fieldWeight[f] * float64(n) * (bm25K1 + 1) / (float64(n) + k)
	}
	return s * boost
}

// tokenise makes a page's results, in tok's buffers: they are good until
// tok goes back to its pool.
func (b *Builder) tokenise(tok *tokenizer, p *model.Page, parts []Part) []scored {
	if len(parts) > maxParts {
		parts = parts[:maxParts]
	}
	title := slices.Clone(tok.terms(p.Title))
	stage := stageCode(p.Stage)
	pd := b.pageDisplay(p)
	out := slices.Grow(tok.recs[:0], len(parts))[:len(parts)]
	all := tok.scores[:0]
	ends := make([]int, len(parts))
	for i, part := range parts {
		tok.reset()
		if part.Heading == "" {
			tok.count(title, fieldHeading) // the page's own: its title is its heading
		} else {
			tok.count(title, fieldTitle)
			tok.count(tok.terms(part.Heading), fieldHeading)
		}
		body := tok.terms(part.Text)
		length := len(body)
		tok.count(body, fieldBody)
		kind := slices.Index(Kinds, part.Kind)
		sc := &out[i]
		sc.code = uint8(kind)<<stageCodeShift | stage
		sc.display = pd.display(part)
		boost, norm := kindBoost[part.Kind], bodyNorm(length)
		for j, id := range tok.order {
			all = append(all, termScore{id: id, score: float32(score(tok.counts[j], norm, boost))})
		}
		ends[i] = len(all)
	}
	start := 0
	for i := range out {
		out[i].terms = all[start:ends[i]:ends[i]]
		start = ends[i]
	}
	tok.recs, tok.scores = out, all
	return out
}

func stageCode(stage string) uint8 {
	if i := slices.Index(Stages, stage); i > 0 {
		return uint8(i)
	}
	return 0
}

// addRecord offers a result, made by tok (or nil), to each of its terms;
// b.mu is held.
func (b *Builder) addRecord(ref uint32, r *scored, tok *tokenizer) {
	b.records++
	if tok != nil && tok.builder != b.gen {
		tok.builder, tok.slots = b.gen, tok.slots[:0]
	}
	for j, ts := range r.terms {
		var t *term
		if tok != nil {
			t = b.termOf(tok, ts.id)
		} else {
			t = &b.list[b.termIndex(r.names[j])]
		}
		t.df++
		p := posting{ref: ref, score: ts.score, code: r.code}
		// A result not among the TopK best is not among the shownKept.
		// Most are not, known from the term's copy of its worst.
		if len(t.top) == TopK && !p.better(t.worst) {
			continue
		}
		t.top.offer(p, TopK)
		if len(t.top) == TopK {
			t.worst = t.top[0]
		}
		kept, out, evicted := t.shown.offer(p, shownKept)
		if !kept {
			continue
		}
		d := b.shown[ref]
		if d == nil {
			d = &shownDoc{display: r.display}
			b.shown[ref] = d
		}
		d.refs++
		if evicted {
			o := b.shown[out.ref]
			if o.refs--; o.refs == 0 {
				delete(b.shown, out.ref)
			}
		}
	}
}

// termOf is the term tok numbers id, found by that number; b.mu is held.
func (b *Builder) termOf(tok *tokenizer, id int32) *term {
	for int(id) >= len(tok.slots) {
		tok.slots = append(tok.slots, -1)
	}
	i := tok.slots[id]
	if i < 0 {
		i = b.termIndex(tok.names[id])
		tok.slots[id] = i
	}
	return &b.list[i]
}

// termIndex is the index in b.list of term, added if new; b.mu is held.
func (b *Builder) termIndex(word string) int32 {
	i, ok := b.terms[word]
	if !ok {
		i = int32(len(b.list))
		b.list = append(b.list, term{})
		b.terms[word] = i
	}
	return i
}

func (b *Builder) write(name string, data []byte) error {
	if b.live != nil && !b.live.changed(name, data) {
		return nil // b.mu is not needed: a live builder writes from Finish only
	}
	if err := b.sink.Write(name, data); err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	b.mu.Lock()
	b.written = append(b.written, name)
	b.mu.Unlock()
	return nil
}

// Finish writes the term shards and the chunks of pages never added, and
// returns the files it wrote, sorted (for serve's, those that changed).
func (b *Builder) Finish() ([]string, error) {
	if b.live != nil {
		if err := b.replay(); err != nil {
			return nil, err
		}
	}
	for ci, c := range b.chunks {
		if err := b.writeChunk(ci, c); err != nil {
			return nil, err
		}
	}
	b.chunks = nil
	if err := b.writeShards(); err != nil {
		return nil, err
	}
	b.terms, b.list, b.shown = nil, nil, nil
	if b.live != nil {
		b.gone = b.live.forgetOthers()
	}
	slices.Sort(b.written)
	return b.written, nil
}

// idf is BM25's inverse document frequency.
func (b *Builder) idf(df int) float64 {
	n := float64(b.records)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}
