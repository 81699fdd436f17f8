package search

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"playbook/generator/model"
)

// pageDisplay is what a page's results share of their display data,
// escaped once per page.
type pageDisplay struct {
	url   []byte // the page's URL, escaped, without quotes
	title []byte // its title, a JSON string
	stage []byte // its journey stage, a JSON string
	desc  string // its description's snippet, "" when it has none
}

func (b *Builder) pageDisplay(p *model.Page) pageDisplay {
	pd := pageDisplay{url: appendJSONBody(nil, b.url(p.URL)), title: appendJSONString(nil, p.Title),
		stage: appendJSONString(nil, p.Stage)}
	if p.Description != "" {
		pd.desc = Cut(p.Description, maxSnippet)
	}
	return pd
}

// display is what a result shows: [url, heading, page title, kind, stage,
// snippet].
func (pd *pageDisplay) display(part Part) []byte {
	snippet := part.Snippet
	if part.Kind == KindPage && pd.desc != "" {
		snippet = pd.desc
	}
	n := 24 + len(pd.url) + len(part.Anchor) + len(part.Heading) + len(pd.title) + len(part.Kind) +
		len(pd.stage) + len(snippet)
	out := make([]byte, 0, n)
	out = append(out, '[', '"')
	out = append(out, pd.url...)
	if part.Anchor != "" {
		out = append(out, '#')
		out = appendJSONBody(out, part.Anchor)
	}
	out = append(out, '"', ',')
	out = appendJSONString(out, part.Heading)
	out = append(out, ',')
	out = append(out, pd.title...)
	out = append(out, ',')
	out = appendJSONString(out, part.Kind)
	out = append(out, ',')
	out = append(out, pd.stage...)
	out = append(out, ',')
	out = appendJSONString(out, snippet)
	return append(out, ']')
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it (so no content can close a script or start a tag).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONBody(b, s)
	return append(b, '"')
}

// jsonPlain marks the ASCII bytes a JSON string holds as they are.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONBody appends s escaped as in a JSON string, without quotes.
func appendJSONBody(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\t':
				b = append(b, '\\', 't')
			case '\r':
				b = append(b, '\\', 'r')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}

func (b *Builder) writeChunk(n int, c *chunk) error {
	size := 2
	for _, docs := range c.docs {
		for _, d := range docs {
			size += len(d) + 12
		}
	}
	buf := make([]byte, 0, size)
	buf = append(buf, '{')
	for p, docs := range c.docs {
		for i, d := range docs {
			if len(buf) > 1 {
				buf = append(buf, ',')
			}
			buf = append(buf, '"')
			buf = strconv.AppendUint(buf, uint64((n*PagesPerChunk+p)<<8|i), 10)
			buf = append(buf, '"', ':')
			buf = append(buf, d...)
		}
	}
	buf = append(buf, '}')
	return b.write(ChunkFile(n), buf)
}

// fragment is one term's part of its shard.
type fragment struct {
	word  string
	json  []byte   // "term":[df,[ref deltas],[impacts],[codes]]
	shown []uint32 // its best results, the best first: display data goes with them
}

// writeShards groups the terms into the index's shards, writes them, then
// the meta file that says how many.
func (b *Builder) writeShards() error {
	frags := make([]fragment, 0, len(b.terms))
	for word, i := range b.terms {
		t := &b.list[i]
		idf := b.idf(t.df)
		f := fragment{word: word, shown: t.shownRefs(idf)}
		f.json = appendJSONString(nil, word)
		f.json = append(f.json, ':', '[')
		f.json = strconv.AppendInt(f.json, int64(t.df), 10)
		f.json = append(t.appendPostings(f.json, idf), ']')
		frags = append(frags, f)
	}
	slices.SortFunc(frags, func(x, y fragment) int { return strings.Compare(x.word, y.word) })
	groups := make([][]fragment, b.shard)
	for _, f := range frags {
		n := ShardOf(f.word, b.shard)
		groups[n] = append(groups[n], f)
	}
	for n, g := range groups {
		if err := b.write(ShardFile(n), b.encodeShard(g)); err != nil {
			return err
		}
	}
	return b.write(MetaFile, fmt.Appendf(nil, `{"shards":%d,"chunk":%d}`, b.shard, PagesPerChunk))
}

// encodeShard writes a shard: {"t": {term: [df, ref deltas, impacts,
// codes]}, "d": {ref: display}} with refs ascending in each term. Display
// data is added in rounds, each term's best result not yet in, then its
// second, and so on: every term's TopShown best (a one-word query's first
// results), then more while the shard stays within shardBytes.
func (b *Builder) encodeShard(frags []fragment) []byte {
	size := 16
	for _, f := range frags {
		size += len(f.json) + 1
	}
	in := map[uint32]bool{}
	var shown []uint32
fill:
	for r := range shownKept {
		more := false
		for _, f := range frags {
			if r >= len(f.shown) {
				continue
			}
			more = true
			ref := f.shown[r]
			if in[ref] {
				continue
			}
			d := len(b.shown[ref].display) + 14
			if r >= TopShown && size+d > shardBytes {
				break fill
			}
			size += d
			in[ref] = true
			shown = append(shown, ref)
		}
		if !more {
			break
		}
	}
	buf := make([]byte, 0, size)
	buf = append(buf, `{"t":{`...)
	for i, f := range frags {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, f.json...)
	}
	buf = append(buf, `},"d":{`...)
	slices.Sort(shown)
	for i, ref := range shown {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, '"')
		buf = strconv.AppendUint(buf, uint64(ref), 10)
		buf = append(buf, '"', ':')
		buf = append(buf, b.shown[ref].display...)
	}
	return append(buf, '}', '}')
}
