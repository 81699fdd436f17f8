package indexnow

import (
	"bufio"
	"bytes"
	"io"
	"slices"
	"strings"
)

// PendingName is the file, at the root of the output folder, listing the
// URLs not yet sent.
const PendingName = ".playbook-indexnow"

const pendingHeader = "# playbook indexnow v1: URLs changed since the last accepted ping, one a line; `playbook ping` sends them"

// ReadPending reads a pending list; blank, comment and non-http lines are
// skipped.
func ReadPending(r io.Reader) []string {
	var out []string
	sc := bufio.NewScanner(io.LimitReader(r, 256<<20))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "https://") || strings.HasPrefix(line, "http://") {
			out = append(out, line)
		}
	}
	return out
}

// FormatPending writes a pending list, sorted and without duplicates.
func FormatPending(urls []string) []byte {
	urls = slices.Clone(urls)
	slices.Sort(urls)
	urls = slices.Compact(urls)
	var b bytes.Buffer
	b.WriteString(pendingHeader)
	b.WriteByte('\n')
	for _, u := range urls {
		b.WriteString(u)
		b.WriteByte('\n')
	}
	return b.Bytes()
}
