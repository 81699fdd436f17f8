package markdown

import (
	"bytes"
	"sort"
)

// lineIndex holds the offset of the start of every line, so positions of
// many nodes turn into line:col by binary search instead of a scan from
// the start each time.
type lineIndex []int

func newLineIndex(src []byte) lineIndex {
	idx := make(lineIndex, 1, 1+bytes.Count(src, []byte{'\n'}))
	for off := 0; ; {
		j := bytes.IndexByte(src[off:], '\n')
		if j < 0 {
			return idx
		}
		off += j + 1
		idx = append(idx, off)
	}
}

// lineCol returns the 1-based line and byte column of offset.
func (x lineIndex) lineCol(offset int) (line, col int) {
	offset = max(offset, 0)
	i := sort.Search(len(x), func(i int) bool { return x[i] > offset }) - 1
	return i + 1, offset - x[i] + 1
}

// line returns the 1-based line of offset.
func (x lineIndex) line(offset int) int {
	l, _ := x.lineCol(offset)
	return l
}
