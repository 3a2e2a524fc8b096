package result

import (
	"cmp"
	"math"
	"slices"
)

// RoundShares rounds shares to the given number of decimals so that they
// still add up to their total, rounded (the largest remainder method): each
// is rounded down, and the units missing go to the shares that lost most,
// the first among equals. So 47.5 and 52.5 show as 48 and 52, never 48 and
// 53, and every view's shares add up to 100. A share below 0, or one that is
// not a number, counts as 0.
func RoundShares(shares []float64, decimals int) []float64 {
	n := len(shares)
	out := make([]float64, n)
	unit := math.Pow10(decimals)
	type rest struct {
		i    int
		frac float64
	}
	units := make([]int64, n)
	rests := make([]rest, n)
	sum := 0.0
	var total int64
	for i, s := range shares {
		if math.IsNaN(s) || math.IsInf(s, 0) || s < 0 {
			s = 0
		}
		v := s * unit
		// A share that is already a whole number of units, give or take
		// floating point, is that number.
		if r := math.Round(v); math.Abs(v-r) < 1e-6 {
			v = r
		}
		sum += v
		units[i] = int64(math.Floor(v))
		rests[i] = rest{i, v - math.Floor(v)}
		total += units[i]
	}
	want := int64(math.Round(sum))
	slices.SortStableFunc(rests, func(a, b rest) int { return cmp.Compare(b.frac, a.frac) })
	for k := 0; total < want && k < n; k++ {
		units[rests[k].i]++
		total++
	}
	for i, u := range units {
		out[i] = float64(u) / unit
	}
	return out
}

// Shown rounds shares that add up to 100 as every view shows them:
// whole numbers that still add up to 100 (by the largest remainder). Where that
// would make two different shares look equal, which would contradict a
// headline that calls one of them ahead, all are shown to a tenth instead.
func Shown(shares []float64) []float64 {
	whole := RoundShares(shares, 0)
	// The tenth of the first share seen at each whole number: one pass,
	// however many paths a (hand-made) result has.
	tenths := make(map[float64]float64, len(whole))
	for i, w := range whole {
		t, seen := tenths[w]
		if !seen {
			tenths[w] = Round(shares[i], 1)
		} else if t != Round(shares[i], 1) {
			return RoundShares(shares, 1)
		}
	}
	return whole
}

// Round rounds x to the given number of decimals, half away from zero.
// Non-finite numbers become 0, since neither a person nor the JSON encoder
// can use them, and so does -0, which would otherwise print as "-0".
func Round(x float64, decimals int) float64 {
	p := math.Pow10(decimals)
	switch r := math.Round(x*p) / p; {
	case math.IsNaN(x) || math.IsInf(x, 0) || r == 0: // -0 too
		return 0
	case math.IsInf(r, 0) || math.IsNaN(r):
		// Rounding a huge number overflows; such a number has no decimals
		// to round, so it stands as it is.
		return x
	default:
		return r
	}
}
