// Package load finds a site's content files and splits each page into front
// matter and Markdown body. It knows nothing of Markdown or page kinds: its
// output is raw material for the parse and model stages.
//
// SiteFS is how the build reads the site folder, content/, layouts/ and
// static/ alike: its opens are confined to the folder by the operating system, so
// a symlink can lead elsewhere in the site but never out of it.
//
// Paths in its results are slash-separated and relative to the site root
// ("content/guides/ltv.md") because that is how problems name files.
package load
