package render

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"playbook/generator/write"
)

// LLMSFullFile is the site file that joins every content page's Markdown
// twin, for assistants that take one document.
const LLMSFullFile = "llms-full.txt"

// The format of llms-full.txt: a header (the site's title and summary),
// then per content page, in site order, "---\n\nSource: PERMALINK\n\n",
// the page's twin (the bytes of its index.html.md) and "\n".

func (r *Renderer) llmsFullHeader(w io.Writer) {
	fmt.Fprintf(w, "# %s\n\n", oneLine(r.site.Config.Title))
	if d := r.site.Config.Description; d != "" {
		fmt.Fprintf(w, "> %s\n\n", oneLine(d))
	}
}

func llmsSectionHead(permalink string) string { return "---\n\nSource: " + permalink + "\n\n" }

// writeLLMSFull streams llms-full.txt into the sink, one page's twin at a
// time: on a 100,000-page site the file is most of a gigabyte, which is
// never held in memory.
func (r *Renderer) writeLLMSFull() error { return r.writeStream(LLMSFullFile, r.llmsFull) }

// writeStream writes the file that fill makes into the sink, streamed when
// the sink takes streams, so a file that grows with the site is never held
// whole in memory.
func (r *Renderer) writeStream(name string, fill func(io.Writer) error) error {
	sw, ok := r.sink.(write.StreamWriter)
	if !ok {
		var b bytes.Buffer
		if err := fill(&b); err != nil {
			return err
		}
		return r.sink.Write(name, b.Bytes())
	}
	pr, pw := io.Pipe()
	go func() {
		bw := bufio.NewWriterSize(pw, 256<<10)
		err := fill(bw)
		if err == nil {
			err = bw.Flush()
		}
		pw.CloseWithError(err)
	}()
	err := sw.WriteFrom(name, pr)
	pr.CloseWithError(err) // stops the writer if the sink gave up early
	return err
}

// llmsFull writes the header and every content page's twin.
func (r *Renderer) llmsFull(w io.Writer) error {
	r.llmsFullHeader(w)
	buf := getScratch()
	defer putScratch(buf)
	for _, p := range r.site.Content {
		prep, err := r.prepared(p, TextParts)
		if err != nil {
			return fmt.Errorf("%s: %w", pageName(p), err)
		}
		buf.Reset()
		buf.WriteString(llmsSectionHead(p.Permalink))
		r.twin(buf, p, prep)
		buf.WriteByte('\n')
		prep.Release()
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// LLMSFull is llms-full.txt as a document that shares each page's twin
// with the twin file itself. serve keeps one (Options.NoLLMSFull) and joins
// it only when the file is asked for: copying tens of megabytes on every
// save would cost more than the rest of the rebuild.
type LLMSFull struct {
	header   []byte
	sections []llmsSection
}

type llmsSection struct {
	permalink string
	twin      []byte
}

// LLMSFull makes the document of the site's content pages, whose twins
// twinOf returns (the files this renderer wrote).
func (r *Renderer) LLMSFull(twinOf func(url string) []byte) *LLMSFull {
	var head bytes.Buffer
	r.llmsFullHeader(&head)
	d := &LLMSFull{header: head.Bytes(), sections: make([]llmsSection, len(r.site.Content))}
	for i, p := range r.site.Content {
		d.sections[i] = llmsSection{permalink: p.Permalink, twin: twinOf(p.URL)}
	}
	return d
}

// Bytes joins the file.
func (d *LLMSFull) Bytes() []byte {
	n := len(d.header)
	for _, s := range d.sections {
		n += len("---\n\nSource: \n\n") + len(s.permalink) + len(s.twin) + 1
	}
	out := make([]byte, 0, n)
	out = append(out, d.header...)
	for _, s := range d.sections {
		out = append(out, llmsSectionHead(s.permalink)...)
		out = append(out, s.twin...)
		out = append(out, '\n')
	}
	return out
}
