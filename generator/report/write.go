package report

import (
	_ "embed"
	"encoding/json"
	"html/template"
	"io"
	"strconv"
)

//go:embed report.html
var pageTemplate string

var tpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"inBand": func(p Page) string {
		in := 0
		for _, a := range p.Answers {
			if a.InBand {
				in++
			}
		}
		return strconv.Itoa(in) + " / " + strconv.Itoa(len(p.Answers))
	},
}).Parse(pageTemplate))

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteHTML writes the report as one self-contained HTML page.
func (r *Report) WriteHTML(w io.Writer) error {
	return tpl.Execute(w, r)
}
