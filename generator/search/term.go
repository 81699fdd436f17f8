package search

import (
	"math"
	"slices"
	"strconv"
)

// term is what the index keeps of one term while it is built.
type term struct {
	df    int
	top   topList // the TopK best results
	worst posting // top[0] once top is full: read without reading top
	shown topList // the shownKept best, whose display data the shard may hold
}

// posting is one result of a term: score is BM25's term-frequency part
// times the kind's boost, without the idf (the same for all results of a
// term, known only at the end).
type posting struct {
	ref   uint32
	score float32
	code  uint8
}

// better orders postings: higher score, then lower ref, so the best
// results of a term do not depend on the order pages were added in.
func (p posting) better(q posting) bool {
	if p.score != q.score {
		return p.score > q.score
	}
	return p.ref < q.ref
}

// topList is a min-heap of the best postings seen, the worst at [0].
type topList []posting

// offer adds p if the list holds fewer than k or p beats its worst;
// it reports whether p was kept, and the posting p replaced if it did.
func (h *topList) offer(p posting, k int) (kept bool, out posting, replaced bool) {
	l := *h
	if len(l) < k {
		l = append(l, p)
		for i := len(l) - 1; i > 0; {
			parent := (i - 1) / 2
			if !l[parent].better(l[i]) {
				break
			}
			l[parent], l[i] = l[i], l[parent]
			i = parent
		}
		*h = l
		return true, posting{}, false
	}
	if !p.better(l[0]) {
		return false, posting{}, false
	}
	out = l[0]
	l[0] = p
	for i := 0; ; {
		worst, a, c := i, 2*i+1, 2*i+2
		if a < len(l) && l[worst].better(l[a]) {
			worst = a
		}
		if c < len(l) && l[worst].better(l[c]) {
			worst = c
		}
		if worst == i {
			break
		}
		l[i], l[worst] = l[worst], l[i]
		i = worst
	}
	return true, out, true
}

// impact is a posting's BM25 score as the index stores it.
func impact(p posting, idf float64) int64 {
	return max(1, int64(math.Round(idf*float64(p.score)*impactScale)))
}

// shownRefs are the term's shownKept best results by impact, the best
// first, as a query ranks them (ties by ref).
func (t *term) shownRefs(idf float64) []uint32 {
	ps := slices.Clone(t.shown)
	slices.SortFunc(ps, func(a, b posting) int {
		if d := impact(b, idf) - impact(a, idf); d != 0 {
			return int(d)
		}
		return int(int64(a.ref) - int64(b.ref))
	})
	refs := make([]uint32, 0, len(ps))
	for _, p := range ps {
		refs = append(refs, p.ref)
	}
	return refs
}

// appendPostings writes ",[ref deltas],[impacts],[codes]" with refs
// ascending; an impact is the BM25 score times impactScale, at least 1.
func (t *term) appendPostings(buf []byte, idf float64) []byte {
	ps := slices.Clone(t.top)
	slices.SortFunc(ps, func(a, b posting) int { return int(int64(a.ref) - int64(b.ref)) })
	buf = append(buf, ",["...)
	prev := uint32(0)
	for i, p := range ps {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendUint(buf, uint64(p.ref-prev), 10)
		prev = p.ref
	}
	buf = append(buf, "],["...)
	for i, p := range ps {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendInt(buf, impact(p, idf), 10)
	}
	buf = append(buf, "],["...)
	for i, p := range ps {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = strconv.AppendUint(buf, uint64(p.code), 10)
	}
	return append(buf, ']')
}
