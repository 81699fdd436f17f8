// Package suggest finds the value a user most likely meant when they wrote
// one that is not known: the "did you mean" of every message about an
// unknown block, kind, stage, field, link or anchor.
package suggest

import "strings"

// Closest returns the candidate nearest to word by edit distance (letters
// inserted, deleted, replaced or swapped, ignoring case), when it is close
// enough to be a typo of it: at most one edit for words of up to four
// letters, two up to eight, a quarter of the length beyond. Ties go to the
// earlier candidate. It returns "" when none is close, or word itself is
// a candidate.
func Closest(word string, candidates []string) string {
	return closest(word, candidates, min(Limit(len(word)), len(word)-1))
}

// ClosestPath is Closest for URL paths ("/guides/grow-lvt/"): how many
// edits are allowed depends on the last segment, where a typo is, so that
// "/b/" is not taken for a typo of "/a/".
func ClosestPath(p string, candidates []string) string {
	trimmed := strings.Trim(p, "/")
	seg := trimmed[strings.LastIndexByte(trimmed, '/')+1:]
	return closest(p, candidates, min(Limit(len(seg)), len(seg)-1))
}

// closest is the candidate at most limit edits from word, nearest first.
func closest(word string, candidates []string, limit int) string {
	w := strings.ToLower(word)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == w {
			return ""
		}
		if limit < 1 {
			continue
		}
		if abs(len(lc)-len(w)) >= bestDist { // the distance is at least the length difference
			continue
		}
		if d := Distance(w, lc); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// Limit is how many edits a word of n bytes may be from a suggestion.
func Limit(n int) int {
	switch {
	case n <= 4:
		return 1
	case n <= 8:
		return 2
	}
	return n / 4
}

// DidYouMean is Closest phrased for a message's fix: `did you mean
// "guide"?`, or "" when nothing is close.
func DidYouMean(word string, candidates []string) string {
	if c := Closest(word, candidates); c != "" {
		return `did you mean "` + c + `"?`
	}
	return ""
}

// Fix joins a suggestion to the rest of a fix: `did you mean "x"? Else
// rest`, or rest alone when nothing is close.
func Fix(word string, candidates []string, rest string) string {
	return join(DidYouMean(word, candidates), rest)
}

// PathFix is Fix for URL paths (ClosestPath).
func PathFix(p string, candidates []string, rest string) string {
	d := ""
	if c := ClosestPath(p, candidates); c != "" {
		d = `did you mean "` + c + `"?`
	}
	return join(d, rest)
}

func join(d, rest string) string {
	if d == "" {
		return rest
	}
	if rest == "" {
		return d
	}
	return d + " Else " + rest
}

// Distance is the optimal string alignment distance between a and b, in
// bytes: the edits (insert, delete, replace, swap two neighbours) that
// turn one into the other.
func Distance(a, b string) int {
	// Three rows of the dynamic programming table: two back, one back,
	// current.
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
