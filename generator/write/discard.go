package write

import (
	"io"
	"sync/atomic"
)

// Discard is a Sink that keeps nothing: `check` renders the whole site to
// find its problems, and holding 100,000 pages' output would only cost
// memory. Two outputs on one path are still refused, as on disk.
type Discard struct {
	reg   *registry
	files atomic.Int64
}

// NewDiscard returns an empty Discard sink.
func NewDiscard() *Discard { return &Discard{reg: newRegistry()} }

// Write implements Sink.
func (d *Discard) Write(p string, _ []byte) error {
	if err := d.reg.claim(p); err != nil {
		return err
	}
	d.files.Add(1)
	return nil
}

// WriteFrom implements StreamWriter: the stream is read to its end, as a
// writer expects.
func (d *Discard) WriteFrom(p string, r io.Reader) error {
	if _, err := io.Copy(io.Discard, r); err != nil {
		return err
	}
	return d.Write(p, nil)
}

// Len returns the number of files written.
func (d *Discard) Len() int { return int(d.files.Load()) }
