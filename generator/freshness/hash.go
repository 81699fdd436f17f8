package freshness

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"maps"
	"math"
	"slices"
	"time"
)

// Hasher sums what a reader of a page sees: its rendered body and the
// front matter fields the templates show.
type Hasher struct{ h hash.Hash }

// NewHasher returns an empty Hasher.
func NewHasher() *Hasher { return &Hasher{h: sha256.New()} }

// Bytes adds a part; each part is length-prefixed so that moving bytes
// from one part to the next changes the sum.
func (x *Hasher) Bytes(b []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	x.h.Write(n[:])
	x.h.Write(b)
}

// String adds a text part.
func (x *Hasher) String(s string) { x.Bytes([]byte(s)) }

// dateKeys are front matter fields that say when, not what: changing them
// is not a change of content.
var dateKeys = map[string]bool{"date": true, "updated": true, "lastmod": true, "review_by": true, "weight": true, "draft": true}

// Params adds the front matter's values, keys sorted, leaving out the
// fields that only date or order the page.
func (x *Hasher) Params(params map[string]any) {
	for _, k := range slices.Sorted(maps.Keys(params)) {
		if dateKeys[k] {
			continue
		}
		x.String(k)
		x.value(params[k])
	}
}

func (x *Hasher) value(v any) {
	switch t := v.(type) {
	case nil:
		x.String("\x00nil")
	case string:
		x.String("s" + t)
	case bool:
		x.String("b" + map[bool]string{true: "1", false: "0"}[t])
	case int64:
		x.u64('i', uint64(t))
	case int:
		x.u64('i', uint64(t))
	case uint64:
		x.u64('u', t)
	case float64:
		x.u64('f', math.Float64bits(t))
	case time.Time:
		x.String("t" + t.UTC().Format(time.RFC3339Nano))
	case []any:
		x.u64('[', uint64(len(t)))
		for _, e := range t {
			x.value(e)
		}
	case map[string]any:
		x.u64('{', uint64(len(t)))
		for _, k := range slices.Sorted(maps.Keys(t)) {
			x.String(k)
			x.value(t[k])
		}
	}
}

func (x *Hasher) u64(tag byte, n uint64) {
	var b [9]byte
	b[0] = tag
	binary.LittleEndian.PutUint64(b[1:], n)
	x.Bytes(b[:])
}

// Sum64 is the first 8 bytes of the sum.
func (x *Hasher) Sum64() uint64 {
	return binary.BigEndian.Uint64(x.h.Sum(nil))
}
