// Package build runs the pipeline: load -> parse -> model -> render ->
// check -> write. It is the only package that imports every stage. Build
// writes a site to disk with an atomic swap, Check runs everything in memory
// and writes nothing, and Session keeps parsed pages between rebuilds for
// serve.
package build
