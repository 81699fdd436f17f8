// Package cards draws a page's social card: a 1200x630 PNG with the page's
// title, the site's name and the page's kind or journey stage, in the
// site's colours, set in the Go fonts (BSD licence, bundled with
// golang.org/x/image). A card is a 16-colour paletted image encoded at the
// fastest compression level, and glyphs are rasterized once per process,
// so a card costs about a millisecond; Maker keeps cards in a cache folder
// so a rebuild draws none that did not change.
package cards
