// Package build runs the pipeline: load -> parse -> model -> render ->
// check -> write. It is the only package that imports every stage. Build
// writes a site to disk with an atomic swap, Check runs everything in memory
// and writes nothing, Session keeps parsed pages between runs, and Live
// (serve) rebuilds incrementally: a changed page is parsed again and only
// the outputs that depend on it are rendered, the rest kept from the
// previous build.
package build
