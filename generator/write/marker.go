package write

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

// markerPrefix starts the first line of every marker playbook writes; a
// .playbook file that does not start with it belongs to someone else.
const markerPrefix = "# playbook "

// markerHeader is the marker's first line: it tells a reader what the file is.
const markerHeader = markerPrefix + "output v1: every file listed below is generated and replaced on each build; anything else in this directory is kept"

// maxMarkerSize bounds how much of a .playbook file is read (a manifest of
// 100,000 files is about 6 MB); a larger file is not playbook's.
const maxMarkerSize = 64 << 20

// formatMarker returns the marker content for the sorted generated paths.
func formatMarker(paths []string) []byte {
	n := len(markerHeader) + 1
	for _, p := range paths {
		n += len(p) + 1
	}
	var b bytes.Buffer
	b.Grow(n)
	b.WriteString(markerHeader)
	b.WriteByte('\n')
	for _, p := range paths {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// parseMarker reads a marker. ok is false when r does not hold a playbook
// marker; the manifest holds only valid output paths, so a hand-edited line
// can never make a file look generated unless it could have been.
func parseMarker(r io.Reader) (manifest map[string]bool, ok bool, err error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxMarkerSize))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	if !sc.Scan() {
		return nil, false, sc.Err()
	}
	if !strings.HasPrefix(strings.TrimSuffix(sc.Text(), "\r"), markerPrefix) {
		return nil, false, nil
	}
	manifest = map[string]bool{}
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if ValidPath(line) != nil {
			continue
		}
		manifest[line] = true
	}
	return manifest, true, sc.Err()
}
