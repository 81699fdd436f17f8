package report

import (
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"

	"playbook/generator/model"
)

// Charts are the numbers the report draws.
type Charts struct {
	Age     []Bar        `json:"pages_by_age"`
	Words   []Bar        `json:"best_answers_by_words"`
	Sources []SectionBar `json:"sources_per_page_by_section"`
}

// Bar is one bar: a label and a count; InBand marks the 40-60 word band.
type Bar struct {
	Label  string `json:"label"`
	Value  int    `json:"value"`
	InBand bool   `json:"in_band,omitempty"`
}

// SectionBar is one section's sources.
type SectionBar struct {
	Section string  `json:"section"`
	Pages   int     `json:"pages"`
	Sources int     `json:"sources"`
	PerPage float64 `json:"per_page"`
}

var ageBuckets = []struct {
	label   string
	maxDays int
}{{"under 1 month", 30}, {"1–3 months", 91}, {"3–6 months", 182}, {"6–12 months", 365}, {"over a year", 1 << 30}}

func chartsOf(pages []Page) Charts {
	var c Charts
	for _, b := range ageBuckets {
		c.Age = append(c.Age, Bar{Label: b.label})
	}
	c.Age = append(c.Age, Bar{Label: "undated"})
	for _, p := range pages {
		c.Age[ageBucket(p.AgeDays)].Value++
	}
	c.Words = wordBars(pages)
	c.Sources = sectionBars(pages)
	return c
}

func ageBucket(days int) int {
	if days < 0 {
		return len(ageBuckets)
	}
	for i, b := range ageBuckets {
		if days < b.maxDays {
			return i
		}
	}
	return len(ageBuckets) - 1
}

// wordEdges are the lower bounds of the word-count bars: the band's two
// bars, 40–49 and 50–60, hold exactly the answers of 40 to 60 words.
var wordEdges = []int{0, 10, 20, 30, 40, 50, 61, 71, 81, 91}

// wordBars counts the best answers (not included ones: they are counted
// on their own page) by word count.
func wordBars(pages []Page) []Bar {
	bars := make([]Bar, len(wordEdges))
	for i, lo := range wordEdges {
		bars[i] = Bar{InBand: lo >= model.MinAnswerWords && lo <= model.MaxAnswerWords}
		if i+1 < len(wordEdges) {
			bars[i].Label = fmt.Sprintf("%d–%d words", lo, wordEdges[i+1]-1)
		} else {
			bars[i].Label = fmt.Sprintf("%d+ words", lo)
		}
	}
	for _, p := range pages {
		for _, a := range p.Answers {
			if a.Included == "" {
				bars[wordBar(a.Words)].Value++
			}
		}
	}
	return bars
}

func wordBar(words int) int {
	i := len(wordEdges) - 1
	for i > 0 && words < wordEdges[i] {
		i--
	}
	return i
}

func sectionBars(pages []Page) []SectionBar {
	idx := map[string]int{}
	var out []SectionBar
	for _, p := range pages {
		i, ok := idx[p.Section]
		if !ok {
			i = len(out)
			idx[p.Section] = i
			out = append(out, SectionBar{Section: p.Section})
		}
		out[i].Pages++
		out[i].Sources += len(p.Sources)
	}
	for i := range out {
		out[i].PerPage = float64(out[i].Sources) / float64(out[i].Pages)
	}
	slices.SortFunc(out, func(a, b SectionBar) int { return strings.Compare(a.Section, b.Section) })
	return out
}

// Chart geometry, in SVG user units.
const (
	chartWidth = 440
	labelWidth = 116
	barHeight  = 22
	barGap     = 8
	valueSpace = 78
)

// svgBars draws a horizontal bar chart; title and desc name it for
// screen readers (the tables beside it hold the same numbers).
func svgBars(id, title, desc string, labels []string, values []float64, texts []string, band []bool) template.HTML {
	maxV := 0.0
	for _, v := range values {
		maxV = max(maxV, v)
	}
	height := len(values)*(barHeight+barGap) + barGap
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" role="img" aria-labelledby="%s-t %s-d" viewBox="0 0 %d %d" width="100%%" preserveAspectRatio="xMinYMin meet">`,
		id, id, chartWidth, height)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, html.EscapeString(title), id, html.EscapeString(desc))
	span := float64(chartWidth - labelWidth - valueSpace)
	for i, v := range values {
		y := barGap + i*(barHeight+barGap)
		w := 0.0
		if maxV > 0 {
			w = v / maxV * span
		}
		class := "bar"
		if band != nil && band[i] {
			class = "bar band"
		}
		fmt.Fprintf(&b, `<text class="label" x="%d" y="%d" text-anchor="end">%s</text>`, labelWidth-8, y+barHeight-6, html.EscapeString(labels[i]))
		fmt.Fprintf(&b, `<rect class="%s" x="%d" y="%d" width="%.1f" height="%d" rx="3"/>`, class, labelWidth, y, w, barHeight)
		fmt.Fprintf(&b, `<text class="value" x="%.1f" y="%d">%s</text>`, float64(labelWidth)+w+6, y+barHeight-6, html.EscapeString(texts[i]))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text above is escaped
}

// AgeChart draws the pages by age since their last change.
func (c Charts) AgeChart() template.HTML {
	labels, values, texts := barsOf(c.Age)
	return svgBars("age", "Pages by time since their last change", summary(c.Age), labels, values, texts, nil)
}

// WordsChart draws the best answers by word count, the 40–60 band marked.
func (c Charts) WordsChart() template.HTML {
	labels, values, texts := barsOf(c.Words)
	band := make([]bool, len(c.Words))
	for i, b := range c.Words {
		band[i] = b.InBand
	}
	return svgBars("words", "Best answers by word count; the 40 to 60 word band is highlighted", summary(c.Words), labels, values, texts, band)
}

// SourcesChart draws the sources per page of each section.
func (c Charts) SourcesChart() template.HTML {
	var labels, texts []string
	var values []float64
	var parts []string
	for _, s := range c.Sources {
		labels = append(labels, s.Section)
		values = append(values, s.PerPage)
		text := fmt.Sprintf("%.1f (%d/%d)", s.PerPage, s.Sources, s.Pages)
		texts = append(texts, text)
		parts = append(parts, fmt.Sprintf("%s: %.1f sources a page", s.Section, s.PerPage))
	}
	return svgBars("sources", "Sources per page, by section", strings.Join(parts, "; "), labels, values, texts, nil)
}

func barsOf(bars []Bar) (labels []string, values []float64, texts []string) {
	for _, b := range bars {
		labels = append(labels, b.Label)
		values = append(values, float64(b.Value))
		texts = append(texts, fmt.Sprint(b.Value))
	}
	return
}

func summary(bars []Bar) string {
	var parts []string
	for _, b := range bars {
		parts = append(parts, fmt.Sprintf("%s: %d", b.Label, b.Value))
	}
	return strings.Join(parts, "; ")
}
