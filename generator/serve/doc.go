// Package serve is `playbook serve`: it builds a site in memory, serves it
// over HTTP, rebuilds it when its files change and reloads open tabs.
//
// Server is the HTTP side. It serves the last good build from an immutable
// set of files swapped atomically, so a request never sees a half-built
// site; it refuses any path that tries to leave the site; and it injects a
// small script into HTML responses (never into `build` output) that listens
// on a Server-Sent Events stream, reloads the tab after each good rebuild
// and shows the problems of a broken one in an overlay while the last good
// page stays in view. Run wires Server to incremental.Live and watch.Watcher.
package serve
