// Package suggest finds what a person most likely meant by a word the
// program does not know: a mistyped flag, command, key or id. Every "did
// you mean" of the program comes from Closest, so they all follow one rule.
package suggest

import "strings"

// Closest returns the candidate a mistyped word most likely meant, or ""
// when none is near enough. A candidate that differs only in case wins
// outright; otherwise the nearest within one edit for a word of up to five
// letters, two for a longer one, as long as no other is as near (a swap
// of neighbours counts as one edit). Failing that, the one candidate that
// starts with what was typed, when it is at least three letters long.
func Closest(typed string, candidates []string) string {
	limit := 1
	if len([]rune(typed)) > 5 {
		limit = 2
	}
	best, bestD, ties := "", limit+1, 0
	var prefixed []string
	for _, c := range candidates {
		if c == typed {
			continue
		}
		if strings.EqualFold(c, typed) {
			return c
		}
		switch d := Distance(typed, c); {
		case d < bestD:
			best, bestD, ties = c, d, 1
		case d == bestD:
			ties++
		}
		if len(typed) >= 3 && strings.HasPrefix(c, typed) {
			prefixed = append(prefixed, c)
		}
	}
	switch {
	case ties == 1:
		return best
	case ties == 0 && len(prefixed) == 1:
		return prefixed[0]
	}
	return ""
}

// Distance counts the insertions, deletions, substitutions and swaps of
// neighbouring letters that turn a into b (optimal string alignment).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
