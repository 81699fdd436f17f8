// Package write is the last stage of a build: it stores the rendered files.
//
// Everything the renderer produces goes through one small interface, Sink.
// Staging writes to disk beside the output directory and swaps the new tree
// in only when the whole build succeeded, so a failed build leaves the
// previous site exactly as it was. Memory keeps the files in a map for
// `serve` and tests and freezes into an immutable Snapshot.
//
// The output directory carries an ownership marker, .playbook, listing every
// generated file. Playbook refuses to replace a non-empty directory without
// it and carries over files it did not generate, so it never deletes a file a
// user put there.
//
// MinifyingSink minifies HTML (with its inline JSON-LD), CSS, JS, JSON, SVG
// and XML on the way to another sink, and CopyFS copies static trees.
package write
