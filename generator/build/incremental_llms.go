package build

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"sync"

	"playbook/generator/model"
)

// llmsFullName is the site file that joins every content page's Markdown
// twin (render.SiteFiles writes it).
const llmsFullName = "llms-full.txt"

// twinFile is the output path of the Markdown twin of the page at url.
func twinFile(url string) string { return strings.TrimPrefix(url, "/") + "index.html.md" }

// llmsDoc is llms-full.txt as its parts: a header, then per content page,
// in site order, "---\n\nSource: PERMALINK\n\n", the page's twin (the bytes
// of its index.html.md) and "\n". A body edit changes only twins, so a
// rebuild swaps them in the parts, which share the twins' bytes with the
// output, and the file is joined only when asked for: copying tens of
// megabytes on every keystroke-save would cost more than the rest of the
// rebuild.
type llmsDoc struct {
	header []byte
	// sections are shared between documents and never modified; twins
	// are the twins swapped in since, by page URL, so that a rebuild
	// copies these rather than 10,000 sections.
	sections []llmsSection
	twins    map[string][]byte
}

// maxTwins is how many swapped twins a document keeps apart from its
// sections before it folds them in.
const maxTwins = 256

type llmsSection struct {
	url  string // the page's URL
	head string
	twin []byte
}

// parseLLMS splits a rendered llms-full.txt into parts, checking that it
// holds exactly the twins in out of the content pages, in order. ok is
// false otherwise; the site files are then rendered again.
func parseLLMS(file []byte, content []*model.Page, out *outFiles) (*llmsDoc, bool) {
	pos := bytes.Index(file, []byte("---\n\nSource: "))
	if pos < 0 || len(content) == 0 {
		return nil, false
	}
	d := &llmsDoc{header: file[:pos], sections: make([]llmsSection, 0, len(content))}
	for _, p := range content {
		twin, _ := out.get(twinFile(p.URL))
		s := llmsSection{url: p.URL, head: llmsHead(p), twin: twin}
		end := pos + len(s.head) + len(s.twin)
		if end >= len(file) || file[end] != '\n' || !bytes.HasPrefix(file[pos:], []byte(s.head)) ||
			!bytes.Equal(file[pos+len(s.head):end], s.twin) {
			return nil, false
		}
		d.sections = append(d.sections, s)
		pos = end + 1
	}
	return d, pos == len(file)
}

func llmsHead(p *model.Page) string { return "---\n\nSource: " + p.Permalink + "\n\n" }

// sameContent reports whether the document lists exactly these pages, in
// this order, under these permalinks.
func (d *llmsDoc) sameContent(content []*model.Page) bool {
	return slices.EqualFunc(d.sections, content, func(s llmsSection, p *model.Page) bool {
		permalink, ok := strings.CutPrefix(s.head, "---\n\nSource: ")
		return s.url == p.URL && ok && strings.TrimSuffix(permalink, "\n\n") == p.Permalink
	})
}

// withTwins is a copy of the document with the twins of the pages at urls
// taken from out. URLs of pages it does not list change nothing.
func (d *llmsDoc) withTwins(urls map[string]bool, out *outFiles) *llmsDoc {
	next := &llmsDoc{header: d.header, sections: d.sections, twins: maps.Clone(d.twins)}
	if next.twins == nil {
		next.twins = map[string][]byte{}
	}
	for url := range urls {
		next.twins[url], _ = out.get(twinFile(url))
	}
	if len(next.twins) > maxTwins {
		next.sections = slices.Clone(d.sections)
		for i := range next.sections {
			next.sections[i].twin = next.twin(i)
		}
		next.twins = nil
	}
	return next
}

// twin is the twin of the i-th section.
func (d *llmsDoc) twin(i int) []byte {
	if t, ok := d.twins[d.sections[i].url]; ok {
		return t
	}
	return d.sections[i].twin
}

func (d *llmsDoc) size() int {
	n := len(d.header)
	for i, s := range d.sections {
		n += len(s.head) + len(d.twin(i)) + 1
	}
	return n
}

// join writes the file out.
func (d *llmsDoc) join() []byte {
	out := make([]byte, 0, d.size())
	out = append(out, d.header...)
	for i, s := range d.sections {
		out = append(out, s.head...)
		out = append(out, d.twin(i)...)
		out = append(out, '\n')
	}
	return out
}

// lazyFile is a file of an Output made on first read.
type lazyFile struct {
	once sync.Once
	make func() []byte
	data []byte
}

func (f *lazyFile) get() []byte {
	f.once.Do(func() { f.data, f.make = f.make(), nil })
	return f.data
}
