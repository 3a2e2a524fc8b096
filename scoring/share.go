package scoring

import (
	"cmp"
	"math"
	"slices"
)

// shares turns the paths' percents into shares that sum to 100: the split
// of 100 nearest the percents (Euclidean), every percent moved by the same
// amount and none below 0. With two paths that is 50 + (a − b)/2, so equal
// percents split evenly whatever their level and the shares differ by
// exactly the margin. Shares are rounded to tenths by the largest
// remainder, so that the rounded shares still sum to exactly 100.
func shares(percents []float64) []float64 {
	n := len(percents)
	out := make([]float64, n)
	if n == 0 {
		return out
	}
	// Euclidean projection onto the simplex: find the shift θ with
	// Σ max(0, p_i − θ) = 100.
	sorted := slices.Clone(percents)
	slices.SortFunc(sorted, func(a, b float64) int { return cmp.Compare(b, a) })
	sum, theta := 0.0, 0.0
	for j, u := range sorted {
		sum += u
		if t := (sum - 100) / float64(j+1); u-t > 0 {
			theta = t
		}
	}
	tenths := make([]int, n)
	type rest struct {
		p    int
		frac float64
	}
	rests := make([]rest, n)
	total := 0
	for p, x := range percents {
		v := max(0, x-theta) * 10
		tenths[p] = int(math.Floor(v))
		rests[p] = rest{p, v - math.Floor(v)}
		total += tenths[p]
	}
	// The largest remainders get the tenths still missing, the first path
	// first among equal remainders; a sum that floating point carried past
	// 1000 loses tenths from the smallest remainders.
	slices.SortStableFunc(rests, func(a, b rest) int { return cmp.Compare(b.frac, a.frac) })
	for i := 0; total < 1000; i = (i + 1) % n {
		tenths[rests[i].p]++
		total++
	}
	for i := n - 1; total > 1000; i = (i + n - 1) % n {
		if tenths[rests[i].p] > 0 {
			tenths[rests[i].p]--
			total--
		}
	}
	for p, t := range tenths {
		out[p] = float64(t) / 10
	}
	return out
}
