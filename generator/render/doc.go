// Package render turns the site model into output files: HTML pages through
// html/template (the built-in theme, overridden file by file by the site's
// own layouts/), Markdown twins, the JSON-LD graph of each page, and the
// site files (sitemap.xml, robots.txt, feed.xml, llms.txt, llms-full.txt,
// 404.html, alias redirects). It writes through a write.Sink and never
// touches the file system itself.
package render
