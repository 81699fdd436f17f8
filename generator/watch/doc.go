// Package watch tells `playbook serve` what changed in a site folder.
//
// A Watcher follows content/, layouts/, static/ and the site config with
// fsnotify, including folders created after it started, and turns the
// events into debounced Batches: an editor's save (write a temporary file,
// rename, chmod) arrives as one change, and editor leftovers (swap, backup
// and lock files) never arrive at all. Classify, a pure function, says what
// kind of file a path is, which decides how much the site must be rebuilt.
package watch
