package serve

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"playbook/generator/diag"
)

// inject puts the live script, and the overlay when the latest build
// failed, before the page's last </body>; a page without one (a minifier
// may drop it) gets them at the end. The stored page is never modified.
func inject(page []byte, v *view) []byte {
	var snippet bytes.Buffer
	if v.failed() {
		snippet.Write(overlayHTML(v.problems, v.files != nil))
	}
	fmt.Fprintf(&snippet, `<script src="%slive.js" data-build="%d"></script>`, internalPrefix, v.build)
	at := lastBodyClose(page)
	out := make([]byte, 0, len(page)+snippet.Len())
	out = append(out, page[:at]...)
	out = append(out, snippet.Bytes()...)
	return append(out, page[at:]...)
}

// lastBodyClose finds the last "</body" in any letter case, or the end.
func lastBodyClose(page []byte) int {
	const tag = "</body"
	for i := len(page) - len(tag); i >= 0; i-- {
		if page[i] == '<' && strings.EqualFold(string(page[i:i+len(tag)]), tag) {
			return i
		}
	}
	return len(page)
}

// overlayTemplate shows a failed build's problems over the page. It is
// html/template, so a message quoting content (a title holding <script>,
// say) is escaped.
var overlayTemplate = template.Must(template.New("overlay").Parse(`<div id="playbook-overlay" role="alert" aria-live="assertive">
<style>#playbook-overlay{all:initial;position:fixed;z-index:2147483647;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;box-sizing:border-box;padding:16px 20px;background:#1d1f21;color:#f5f5f5;border-top:4px solid #e5484d;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 24px rgba(0,0,0,.4)}#playbook-overlay *{all:revert;font:inherit;color:inherit}#playbook-overlay .pb-head{display:flex;justify-content:space-between;gap:16px;align-items:baseline;margin:0 0 8px}#playbook-overlay strong{font-weight:700;color:#ff9592}#playbook-overlay button{cursor:pointer;background:#3a3d41;border:1px solid #5a5d61;border-radius:4px;padding:2px 10px}#playbook-overlay ul{margin:0;padding:0 0 0 18px}#playbook-overlay li{margin:4px 0}#playbook-overlay code{color:#8ec7ff}#playbook-overlay em{color:#c8c8c8}</style>
<p class="pb-head"><strong>{{with .Problems}}playbook: {{if $.HasSite}}the last change broke the build{{else}}the site could not be built{{end}} ({{$.Total}} {{if eq $.Total 1}}error{{else}}errors{{end}}).{{end}} {{if .HasSite}}This page shows the last good version; fix{{else}}Fix{{end}} the file and it reloads.</strong><button type="button" data-playbook-dismiss>Dismiss</button></p>
<ul>{{range .Problems}}<li><code>{{.Position}}</code> {{.Severity}}: {{.Msg}}{{with .Fix}} — <em>{{.}}</em>{{end}}</li>{{end}}{{with .More}}<li>… and {{.}} more: the terminal lists them all.</li>{{end}}</ul>
</div>`))

// overlayHTML renders the overlay for problems; hasSite says whether a
// last good build is still shown under it.
func overlayHTML(problems []diag.Problem, hasSite bool) []byte {
	var b bytes.Buffer
	shown := shownProblems(problems)
	data := struct {
		Problems    []diag.Problem
		HasSite     bool
		Total, More int
	}{shown, hasSite, len(problems), len(problems) - len(shown)}
	if err := overlayTemplate.Execute(&b, data); err != nil {
		return []byte("<!-- playbook: cannot render the overlay -->")
	}
	return b.Bytes()
}

// maxShown is how many problems the overlay and the problems event list:
// the overlay goes into every page and every open tab, so 50,000 broken
// links must not make each page megabytes larger.
const maxShown = 50

// shownProblems are the first maxShown problems.
func shownProblems(problems []diag.Problem) []diag.Problem {
	return problems[:min(len(problems), maxShown)]
}

// buildingPage is served before the first build is done; the live script
// reloads it when the site is ready.
var buildingPage = []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Building…</title><meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="font:16px/1.5 system-ui,sans-serif;margin:2rem"><h1>Building the site…</h1><p>This page reloads by itself when the site is ready.</p></body></html>`)

// errorPage is served when no build has succeeded yet; the overlay over it
// lists the problems.
var errorPage = []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title><meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="font:16px/1.5 system-ui,sans-serif;margin:2rem"><h1>The site could not be built</h1><p>The problems are listed below. Fix them and save: this page reloads by itself.</p></body></html>`)
