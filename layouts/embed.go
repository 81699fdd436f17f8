// Package layouts is playbook's built-in theme: the html/template files
// that render every kind of page, their partials, and the CSS and JS under
// static/. It is embedded in the binary; a site's own layouts/ folder
// overrides it file by file, and its static/ folder overrides static/.
package layouts

import (
	"embed"
	"io/fs"
)

//go:embed *.html partials static
var embedded embed.FS

// Theme returns the built-in templates (baseof.html, kind templates and
// partials/) rooted at this folder.
func Theme() fs.FS { return embedded }

// Static returns the theme's static files (css/, js/), copied to the
// output root.
func Static() fs.FS {
	sub, err := fs.Sub(embedded, "static")
	if err != nil { // cannot happen: the folder is embedded at compile time
		panic(err)
	}
	return sub
}
