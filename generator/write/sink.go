package write

import (
	"errors"
	"io"
)

// Sink stores the output files of one build.
//
// Implementations are safe for concurrent use by many goroutines. Write must
// not keep data after it returns: callers may reuse the buffer.
type Sink interface {
	// Write stores one output file; path is slash-separated, relative to the
	// site root, clean, no "..".
	Write(path string, data []byte) error
}

// StreamWriter is implemented by sinks that can take a file's content from a
// reader, so large static files need not be held in memory whole. CopyFS
// uses it when the sink offers it.
type StreamWriter interface {
	// WriteFrom stores one output file read from r; path follows the rules
	// of Sink.Write.
	WriteFrom(path string, r io.Reader) error
}

// Stats counts what a build stored: generated files and their bytes.
type Stats struct {
	Files int   // generated files written (kept user files not counted)
	Bytes int64 // their total size
}

var (
	// ErrInvalidPath is returned for an output path that is empty, absolute,
	// unclean, holds "..", a backslash or a control character, or names the
	// ownership marker. It is a bug or a hostile slug, never a valid output.
	ErrInvalidPath = errors.New("invalid output path")

	// ErrDuplicate is returned when two outputs are written to one path.
	ErrDuplicate = errors.New("duplicate output: two files are written to this path")

	// ErrConflict is returned when one output path is a file and also a
	// directory holding other outputs.
	ErrConflict = errors.New("output path is both a file and a directory of other outputs")

	// ErrClosed is returned by a sink that was already committed, aborted
	// or frozen into a Snapshot.
	ErrClosed = errors.New("sink is closed: the build already finished")
)
