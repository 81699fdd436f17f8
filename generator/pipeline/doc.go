// Package pipeline runs a site through its stages: load (config, content
// tree, theme) -> parse (and prepare each page's Markdown) -> model (link
// pages into a site) -> render (pages, twins, site files, static files) ->
// check (links and structured data of the output) -> write (a sink).
//
// Session.Run is the one place the stages are put together. It takes a
// Plan, which says what to read again and what to render, and a sink:
// Build passes everything and a staging folder that replaces the output
// folder when the run is clean, Check passes everything and a sink that
// keeps nothing, and serve's engine (package incremental) passes what an
// edit reaches and a sink in memory.
package pipeline
