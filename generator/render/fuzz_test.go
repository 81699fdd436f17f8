package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"playbook/generator/config"
	"playbook/generator/load"
	"playbook/generator/model"
	"playbook/generator/write"
	"playbook/layouts"
)

var fuzzConfig, _ = config.Parse("site.yaml", []byte("title: \"Fuzz <Site>\"\nbase_url: https://example.com/docs/\n"))

// fuzzEngine is shared: building goldmark per input would dominate the run.
var fuzzEngine = NewEngine(false, "/")

// FuzzPageText renders an FAQ page whose title, description, question and
// answer are fuzzed, and reads the HTML back as a browser does. The title
// and description must come back exactly (in <title>, the Open Graph tags
// and the JSON-LD), whatever quotes, brackets or entities they hold, and
// the JSON-LD must be one valid script with no '<' that could end it.
func FuzzPageText(f *testing.F) {
	tpl, probs := LoadTemplates(nil, layouts.Theme(), Funcs(fuzzConfig.BasePath()))
	if tpl == nil {
		f.Fatal(probs)
	}
	f.Fuzz(func(t *testing.T, title, description, question, answer string) {
		p := fuzzPage(t, title, description, "## "+question+"\n\n"+answer+"\n")
		if p == nil {
			return
		}
		site, _ := model.Assemble(fuzzConfig, []*model.Page{p}, model.Options{Drafts: true})
		mem := write.NewMemory()
		r := New(site, tpl, mem, testOptions(Options{Now: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}))
		if err := r.Page(p); err != nil {
			t.Fatal(err)
		}
		out, _ := mem.Get(strings.TrimPrefix(p.URL, "/") + "index.html")
		read := readHead(t, out)
		if want := p.Title + " | " + fuzzConfig.Title; read.title != want {
			t.Fatalf("<title> reads %q, want %q", read.title, want)
		}
		if read.meta["og:title"] != p.Title || read.meta["description"] != p.Description {
			t.Fatalf("meta tags read %q, want title %q and description %q", read.meta, p.Title, p.Description)
		}
		assertGraph(t, read.jsonLD, p)
	})
}

// fuzzPage writes the fuzzed strings into a content file as JSON strings
// (YAML reads them as they are) and makes a page of it, as the build does.
// It returns nil when the front matter is refused, which is not the
// render's business.
func fuzzPage(t *testing.T, title, description, body string) *model.Page {
	t.Helper()
	tj, _ := json.Marshal(title)
	dj, _ := json.Marshal(description)
	src := "---\ntitle: " + string(tj) + "\ndescription: " + string(dj) + "\n---\n" + body
	s, probs := load.Split("content/faq/p.md", []byte(src))
	if s == nil || len(probs) > 0 {
		return nil
	}
	p, _ := model.NewPage(fuzzConfig, s, fuzzEngine)
	if p.Title != strings.TrimSpace(title) || p.Description != strings.TrimSpace(description) || p.Title == "" {
		return nil // YAML normalised the text (line breaks, a stray \r); covered by the meta fuzzers
	}
	prepareForTest(t, p)
	return p
}

// head is what a browser reads from a page's head.
type head struct {
	title  string
	meta   map[string]string // by name or property
	jsonLD []string
}

// readHead tokenizes a page the way the HTML5 parser does: raw text
// elements (title, script) end only at their own end tag.
func readHead(t *testing.T, page []byte) head {
	t.Helper()
	h := head{meta: map[string]string{}}
	z := html.NewTokenizer(bytes.NewReader(page))
	in := ""
	for {
		switch z.Next() {
		case html.ErrorToken:
			return h
		case html.StartTagToken, html.SelfClosingTagToken:
			in = h.startTag(z.Token())
		case html.TextToken:
			switch in {
			case "title":
				h.title += string(z.Text())
			case "ld":
				h.jsonLD[len(h.jsonLD)-1] += string(z.Text())
			}
		case html.EndTagToken:
			in = ""
		}
	}
}

// startTag records a meta tag and says which raw text element starts.
func (h *head) startTag(tok html.Token) string {
	attrs := map[string]string{}
	for _, a := range tok.Attr {
		attrs[a.Key] = a.Val
	}
	switch {
	case tok.Data == "title":
		return "title"
	case tok.Data == "script" && attrs["type"] == "application/ld+json":
		h.jsonLD = append(h.jsonLD, "")
		return "ld"
	case tok.Data == "meta" && attrs["name"] != "":
		h.meta[attrs["name"]] = attrs["content"]
	case tok.Data == "meta" && attrs["property"] != "":
		h.meta[attrs["property"]] = attrs["content"]
	}
	return ""
}

// assertGraph checks the page's one JSON-LD script: sealed, valid, and
// naming the page with its exact title and description.
func assertGraph(t *testing.T, scripts []string, p *model.Page) {
	t.Helper()
	if len(scripts) != 1 || strings.Contains(scripts[0], "<") {
		t.Fatalf("want one JSON-LD script without '<', got %q", scripts)
	}
	var g struct {
		Graph []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(scripts[0]), &g); err != nil {
		t.Fatalf("JSON-LD does not parse: %v\n%s", err, scripts[0])
	}
	for _, n := range g.Graph {
		desc, _ := n["description"].(string) // omitted when empty
		if n["@type"] == "WebPage" && (n["name"] != p.Title || desc != p.Description) {
			t.Fatalf("WebPage node reads name %q description %q, want %q %q", n["name"], n["description"], p.Title, p.Description)
		}
	}
}
