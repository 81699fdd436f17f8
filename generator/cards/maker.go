package cards

import (
	"crypto/sha256"
	"encoding/hex"
	"sync/atomic"

	"playbook/generator/images"
)

// layoutVersion changes whenever Draw's output does, so cached cards of an
// older layout are not reused.
const layoutVersion = "1"

// Maker makes a site's cards, taking each from the cache when a card with
// the same text and colours was made before.
type Maker struct {
	style           Style
	cache           *images.Cache
	encoded, reused atomic.Int64
}

// NewMaker returns a maker of cards in style, kept in cache (nil: none).
func NewMaker(style Style, cache *images.Cache) *Maker {
	return &Maker{style: style, cache: cache}
}

// PNG returns the card's PNG.
func (m *Maker) PNG(c Card) ([]byte, error) {
	key := m.key(c)
	if b, ok := m.cache.Get(key); ok {
		m.reused.Add(1)
		return b, nil
	}
	b, err := PNG(c, m.style)
	if err != nil {
		return nil, err
	}
	m.cache.Put(key, b)
	m.encoded.Add(1)
	return b, nil
}

// Counts are how many cards were drawn and how many taken from the cache.
func (m *Maker) Counts() (encoded, reused int64) { return m.encoded.Load(), m.reused.Load() }

func (m *Maker) key(c Card) string {
	h := sha256.New()
	for _, s := range []string{layoutVersion, m.style.Background, m.style.Text, m.style.Accent, c.Title, c.Site, c.Label} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16]) + ".png"
}
