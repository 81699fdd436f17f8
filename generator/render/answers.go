package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"playbook/generator/model"
)

// AnswersFile is the site's answers API: every best answer and FAQ
// question in one JSON document, for a chatbot, a help widget or an
// assistant's retrieval step to load in one request. Its format is
// schema/answers.schema.json; AnswersVersion changes when a field changes
// meaning or goes away (new fields may be added within a version).
const AnswersFile = "answers.json"

// AnswersVersion is the format's version, written in the file.
const AnswersVersion = 1

// Answer is one entry of answers.json.
type Answer struct {
	ID           string         `json:"id"`     // the URL with its anchor: unique in the file
	URL          string         `json:"url"`    // where the answer is shown
	Anchor       string         `json:"anchor"` // the question heading's id, "" when it has none
	Type         string         `json:"type"`   // "best_answer" or "faq"
	Question     string         `json:"question"`
	Text         string         `json:"answer_text"`
	HTML         string         `json:"answer_html"` // only the tags rich results allow
	PageURL      string         `json:"page_url"`
	PageTitle    string         `json:"page_title"`
	Kind         string         `json:"kind"`
	Stage        string         `json:"stage,omitempty"`
	Published    string         `json:"date_published,omitempty"`
	Modified     string         `json:"date_modified,omitempty"`
	Sources      []AnswerSource `json:"sources,omitempty"`
	PageMarkdown string         `json:"page_markdown"` // the page's Markdown twin
}

// AnswerSource is one of a page's sources (front matter `sources`).
type AnswerSource struct {
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
}

// AnswersSplit is how many entries make a site large: past it, each
// section with pages also gets its own SECTION/answers.json (the same
// format, that section's pages only), listed in the root file's
// "sections", for a reader that needs one part of the site.
const AnswersSplit = 1000

// answersHead opens a document: the site, the section for a section's
// file (sec != nil), the list of section files (secs, answersSections) in
// the root file of a large site; the entries follow, then answersTail.
func (r *Renderer) answersHead(sec *model.Section, secs []*model.Section) []byte {
	cfg := r.site.Config
	b := fmt.Appendf(nil, `{"version":%d,"site":`, AnswersVersion)
	b = appendJSON(b, map[string]string{"title": cfg.Title, "url": cfg.BaseURL, "language": cfg.Language})
	if sec != nil {
		b = append(b, `,"section":`...)
		b = appendJSON(b, r.answersSectionRef(sec))
	} else if len(secs) > 0 {
		refs := make([]map[string]string, len(secs))
		for i, sec := range secs {
			refs[i] = r.answersSectionRef(sec)
		}
		b = append(b, `,"sections":`...)
		b = appendJSON(b, refs)
	}
	return append(b, `,"answers":[`...)
}

func appendJSON(b []byte, v any) []byte {
	j, _ := json.Marshal(v) // maps and slices of strings: cannot fail
	return append(b, j...)
}

func (r *Renderer) answersSectionRef(sec *model.Section) map[string]string {
	return map[string]string{"title": sec.Page.Title, "url": sec.Page.Permalink, "file": r.site.Config.BaseURL + SectionAnswersFile(sec)}
}

// SectionAnswersFile is the path of a section's answers.json.
func SectionAnswersFile(sec *model.Section) string {
	return strings.TrimPrefix(sec.Page.URL, "/") + AnswersFile
}

// answersSections are the sections that get an answers.json of their own:
// none unless the site is large.
func (r *Renderer) answersSections() []*model.Section {
	n := 0
	for _, p := range r.site.Content {
		n += answerCount(p)
	}
	if n <= AnswersSplit {
		return nil
	}
	return r.llmsSections()
}

// answerCount is how many entries a page has at most, from its outline
// (which a prepared page keeps): every FAQ question and best answer not
// included.
func answerCount(p *model.Page) int {
	if p.Doc == nil {
		return 0
	}
	n := len(p.Doc.Outline.FAQs)
	for _, a := range p.Doc.Outline.Answers {
		if a.Include == "" {
			n++
		}
	}
	return n
}

// answersTail closes a document. The file is compact JSON, entries and
// all (the minifier would have to read it whole to make it so).
const answersTail = "]}"

// writeAnswers streams answers.json, or a section's (sec != nil): one
// page's entries at a time, from what Prepare kept, so a big site's
// answers are never all in memory.
func (r *Renderer) writeAnswers(w io.Writer, sec *model.Section, secs []*model.Section) error {
	if _, err := w.Write(r.answersHead(sec, secs)); err != nil {
		return err
	}
	first := true
	part := getScratch()
	defer putScratch(part)
	for _, p := range r.site.Content { // in site order, as a section's part of AnswersDoc
		if answerCount(p) == 0 || sec != nil && p.Section != sec {
			continue
		}
		pr, err := r.prepared(p, AnswerParts)
		if err != nil {
			return fmt.Errorf("%s: %w", pageName(p), err)
		}
		part.Reset()
		r.writeAnswerEntries(part, p, pr)
		pr.Release()
		if part.Len() == 0 {
			continue
		}
		if !first {
			if _, err := w.Write([]byte{','}); err != nil {
				return err
			}
		}
		first = false
		if _, err := w.Write(part.Bytes()); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, answersTail)
	return err
}

// streamedFile is a site file streamed into the sink.
type streamedFile struct {
	name string
	fill func(io.Writer) error
}

// answersFiles are the answers.json files SiteFiles streams.
func (r *Renderer) answersFiles() []streamedFile {
	secs := r.answersSections()
	files := []streamedFile{{AnswersFile, func(w io.Writer) error { return r.writeAnswers(w, nil, secs) }}}
	for _, sec := range secs {
		files = append(files, streamedFile{SectionAnswersFile(sec), func(w io.Writer) error { return r.writeAnswers(w, sec, nil) }})
	}
	return files
}

// AnswersDoc is answers.json (and, on a large site, each section's) as a
// document of per-page parts, which serve keeps (Options.NoLLMSFull) and
// joins only when a file is asked for. A page not rendered again keeps its
// part from one build to the next.
type AnswersDoc struct {
	head     []byte
	parts    []answersPart
	sections map[string]answersSection // by file path
}

type answersPart struct {
	page *model.Page
	data []byte
}

type answersSection struct {
	head  []byte
	parts []answersPart
}

// Answers makes the document of the site's pages. A page that was not
// rendered again (rendered reports false) keeps its part of prev, which
// may be nil: what an entry shows of its page is all on the page, so a
// page whose entries changed was rendered. Pages come in the same order
// from one build to the next unless pages came or went, so prev's parts
// are matched with a cursor, and with a map only after such a change.
func (r *Renderer) Answers(prev *AnswersDoc, rendered func(*model.Page) bool) (*AnswersDoc, error) {
	secs := r.answersSections()
	d := &AnswersDoc{head: r.answersHead(nil, secs)}
	var old []answersPart
	if prev != nil {
		old = prev.parts
	}
	var byPage map[*model.Page]answersPart // made on the first mismatch
	j := 0
	for _, p := range r.site.Content {
		if answerCount(p) == 0 {
			continue
		}
		var part answersPart
		var ok bool
		switch {
		case j < len(old) && old[j].page == p:
			part, ok = old[j], true
			j++
		case old != nil:
			if byPage == nil {
				byPage = make(map[*model.Page]answersPart, len(old))
				for _, o := range old {
					byPage[o.page] = o
				}
			}
			part, ok = byPage[p]
		}
		if !ok || rendered(p) { // a page parsed again is rendered again
			pr, err := r.prepared(p, AnswerParts)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", pageName(p), err)
			}
			part = answersPart{page: p, data: r.AnswerEntries(p, pr)}
			pr.Release()
		}
		if len(part.data) > 0 {
			d.parts = append(d.parts, part)
		}
	}
	d.sections = r.answersSectionDocs(secs, d.parts)
	return d, nil
}

// answersSectionDocs splits the parts among the sections with a file of
// their own.
func (r *Renderer) answersSectionDocs(secs []*model.Section, parts []answersPart) map[string]answersSection {
	if len(secs) == 0 {
		return nil
	}
	of := make(map[*model.Section]*answersSection, len(secs))
	for _, sec := range secs {
		of[sec] = &answersSection{head: r.answersHead(sec, nil)}
	}
	for _, part := range parts {
		if s := of[part.page.Section]; s != nil {
			s.parts = append(s.parts, part)
		}
	}
	out := make(map[string]answersSection, len(secs))
	for sec, s := range of {
		out[SectionAnswersFile(sec)] = *s
	}
	return out
}

// Files are the paths of the document's files: answers.json and, on a
// large site, the sections'.
func (d *AnswersDoc) Files() []string {
	out := []string{AnswersFile}
	for f := range d.sections {
		out = append(out, f)
	}
	return out
}

// File joins the file at path, one of Files.
func (d *AnswersDoc) File(path string) []byte {
	if path == AnswersFile {
		return joinAnswers(d.head, d.parts)
	}
	s := d.sections[path]
	return joinAnswers(s.head, s.parts)
}

func joinAnswers(head []byte, parts []answersPart) []byte {
	n := len(head) + len(answersTail)
	for _, p := range parts {
		n += len(p.data) + 1
	}
	out := make([]byte, 0, n)
	out = append(out, head...)
	for i, p := range parts {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, p.data...)
	}
	return append(out, answersTail...)
}

// AnswerEntries is a page's entries of answers.json, separated by commas;
// nil for a page without any.
func (r *Renderer) AnswerEntries(p *model.Page, pr *Prepared) []byte {
	var out bytes.Buffer
	r.writeAnswerEntries(&out, p, pr)
	return out.Bytes()
}

// writeAnswerEntries appends a page's entries to out, separated by
// commas. answers.json is written page by page into one scratch buffer:
// a buffer and an encoding of each entry of its own were a tenth of all
// a 100,000-page build allocated.
func (r *Renderer) writeAnswerEntries(out *bytes.Buffer, p *model.Page, pr *Prepared) {
	if pr == nil || p.Doc == nil {
		return
	}
	o := p.Doc.Outline
	start := out.Len()
	enc := json.NewEncoder(out) // escapes HTML as json.Marshal does
	add := func(a Answer) {
		if out.Len() > start {
			out.WriteByte(',')
		}
		if err := enc.Encode(a); err != nil {
			return // strings only: cannot fail
		}
		out.Truncate(out.Len() - 1) // the newline Encode ends a value with
	}
	for i, a := range o.Answers {
		if a.Include != "" || i >= len(pr.AnswerHTML) || pr.AnswerTexts[i] == "" {
			continue
		}
		q := a.Heading
		if q == "" {
			q = p.Title
		}
		add(r.answer(p, "best_answer", a.HeadingID, q, pr.AnswerTexts[i], pr.AnswerHTML[i]))
	}
	for i, qa := range o.FAQs {
		if i >= len(pr.FAQAnswers) || pr.FAQAnswers[i] == "" {
			continue // a question without an answer: the build reports it
		}
		add(r.answer(p, "faq", qa.ID, qa.Question, pr.FAQTexts[i], pr.FAQAnswers[i]))
	}
}

func (r *Renderer) answer(p *model.Page, typ, anchor, question, text, html string) Answer {
	u := p.Permalink
	if anchor != "" {
		u += "#" + anchor
	}
	a := Answer{ID: u, URL: u, Anchor: anchor, Type: typ, Question: question, Text: text, HTML: r.absoluteLinks(p, html),
		PageURL: p.Permalink, PageTitle: p.Title, Kind: string(p.Kind), Stage: p.Stage,
		Published: isoDay(p.Date), Modified: isoDay(p.Lastmod()), Sources: pageSources(p),
		PageMarkdown: r.absTwin(p)}
	return a
}

// absoluteLinks makes an answer's links absolute, for a reader that has
// the answer without its page: "/x/" and "#a" are resolved against the
// page's URL. (The HTML comes from the sanitizer, which quotes attributes
// with ".)
func (r *Renderer) absoluteLinks(p *model.Page, html string) string {
	if !strings.Contains(html, `href="/`) && !strings.Contains(html, `href="#`) {
		return html
	}
	origin := r.site.Config.BaseURL
	if u, err := url.Parse(origin); err == nil {
		origin = u.Scheme + "://" + u.Host
	}
	// What strings.NewReplacer did, without building a replacer for
	// every answer of every page.
	var b strings.Builder
	b.Grow(len(html) + 4*len(p.Permalink))
	const attr = `href="`
	for {
		i := strings.Index(html, attr)
		if i < 0 {
			break
		}
		i += len(attr)
		b.WriteString(html[:i])
		html = html[i:]
		switch {
		case strings.HasPrefix(html, "/"):
			b.WriteString(origin)
		case strings.HasPrefix(html, "#"):
			b.WriteString(p.Permalink)
		}
	}
	b.WriteString(html)
	return b.String()
}

func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// pageSources reads the front matter's sources, keeping what is a string.
func pageSources(p *model.Page) []AnswerSource {
	list, _ := p.Params["sources"].([]any)
	var out []AnswerSource
	for _, it := range list {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		s := AnswerSource{Title: str(m["title"]), URL: str(m["url"]), Publisher: str(m["publisher"]), Date: str(m["date"])}
		if s != (AnswerSource{}) {
			out = append(out, s)
		}
	}
	return out
}

func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case time.Time:
		return x.UTC().Format("2006-01-02")
	case fmt.Stringer:
		return x.String()
	}
	return ""
}
