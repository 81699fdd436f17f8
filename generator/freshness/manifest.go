package freshness

import (
	"bufio"
	"bytes"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ManifestName is the file, at the root of the output folder, where a
// build keeps each page's content hash and last-modified time for the
// next build of that folder.
const ManifestName = ".playbook-dates"

const manifestHeader = "# playbook dates v1: URL, content hash, last modified; kept so dates move only when content changes"

// maxManifestSize bounds how much of a manifest is read (100,000 pages
// are about 7 MB).
const maxManifestSize = 64 << 20

// Entry is what the manifest keeps of one page.
type Entry struct {
	Hash    uint64
	Lastmod time.Time
}

// Manifest maps page URLs ("/guides/ltv/") to their entries.
type Manifest map[string]Entry

// ReadManifest reads a manifest; lines it cannot read are skipped (the
// pages they name count as new), so a damaged file never fails a build.
func ReadManifest(r io.Reader) Manifest {
	m := Manifest{}
	sc := bufio.NewScanner(io.LimitReader(r, maxManifestSize))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		url, e, ok := parseLine(sc.Text())
		if ok {
			m[url] = e
		}
	}
	return m
}

func parseLine(line string) (string, Entry, bool) {
	if strings.HasPrefix(line, "#") {
		return "", Entry{}, false
	}
	f := strings.Split(line, "\t")
	if len(f) != 3 || !strings.HasPrefix(f[0], "/") {
		return "", Entry{}, false
	}
	h, err := strconv.ParseUint(f[1], 16, 64)
	if err != nil {
		return "", Entry{}, false
	}
	var t time.Time
	if f[2] != "" {
		if t, err = time.Parse(time.RFC3339, f[2]); err != nil {
			return "", Entry{}, false
		}
	}
	return f[0], Entry{Hash: h, Lastmod: t}, true
}

// Format writes the manifest, sorted by URL so that two builds of the same
// content write the same bytes.
func (m Manifest) Format() []byte {
	var b bytes.Buffer
	b.Grow(len(manifestHeader) + 64*len(m))
	b.WriteString(manifestHeader)
	b.WriteByte('\n')
	for _, url := range slices.Sorted(maps.Keys(m)) {
		e := m[url]
		b.WriteString(url)
		b.WriteByte('\t')
		b.WriteString(strconv.FormatUint(e.Hash, 16))
		b.WriteByte('\t')
		if !e.Lastmod.IsZero() {
			b.WriteString(e.Lastmod.UTC().Format(time.RFC3339))
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// Changed lists the URLs of next whose content is new or differs from m,
// sorted.
func (m Manifest) Changed(next Manifest) []string {
	var out []string
	for url, e := range next {
		if prev, ok := m[url]; !ok || prev.Hash != e.Hash {
			out = append(out, url)
		}
	}
	slices.Sort(out)
	return out
}
