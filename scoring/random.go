package scoring

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// Limits of the random-answering check: exact while its cell updates stay
// within exactBudget and its table within maxStates; beyond, as many
// samples as fit the budget (a draw costing drawCost updates), but at least
// minSamples (a standard error of at most 1.6 points against a threshold of
// 10) and at most maxSamples. Either way a 10,000-question bank takes a
// fraction of a second.
const (
	exactBudget  = 5e7
	maxStates    = 1 << 21
	drawCost     = 4
	minSamples   = 1000
	maxSamples   = 100_000
	marginPoints = 41
	sampleSeedHi = 0x63617265_65727175 // "careerqu"
	sampleSeedLo = 0x697a5f72_616e646f // "iz_rando"
)

// random computes what random answerers are told, exactly when the budget
// allows and by sampling otherwise.
func random(b *quiz.Bank, t *table, most []int64, budget float64) Random {
	n := t.paths
	rd := Random{Check: Check{Threshold: RandomThreshold}}
	if n == 0 {
		return rd
	}
	var o outcome
	o, rd.Method, rd.Samples = randomOutcome(t, most, budget)
	rd.Expected, rd.Tie, rd.Margins = (1-o.tie)/float64(n), o.tie, bucket(o.margins)
	if rd.Samples > 0 {
		for _, s := range append(slices.Clone(o.shares), o.tie) {
			rd.StdErr = max(rd.StdErr, math.Sqrt(s*(1-s)/float64(rd.Samples)))
		}
	}
	for p, path := range b.Paths {
		ps := PathShare{ID: path.ID, Share: o.shares[p]}
		ps.Crossed = math.Abs(ps.Share-rd.Expected) > rd.Threshold
		rd.Crossed = rd.Crossed || ps.Crossed
		rd.Paths = append(rd.Paths, ps)
	}
	return rd
}

// randomOutcome is what random answerers are told, "exact" when the
// budget allows and otherwise "sampled" from samples answer sets.
func randomOutcome(t *table, most []int64, budget float64) (o outcome, method string, samples int) {
	if o, ok := exactRandom(t, most, budget, []basis{byMargin, byRaw}); ok {
		return o, "exact", 0
	}
	samples = sampleCount(t, budget)
	return sample(t, most, samples), "sampled", samples
}

// outcome is the distribution of what random answerers are told.
type outcome struct {
	shares  []float64
	tie     float64
	margins []MarginPoint // two paths only; ascending, distinct
	// leads is the distribution of the leading path's percent minus the
	// runner-up's, ascending, distinct: the bands are calibrated on it.
	leads []MarginPoint
}

// exactRandom is what random answerers are told, by the convolution of
// lw.go on the cheaper of bases; ok is false past the budget.
func exactRandom(t *table, most []int64, budget float64, bases []basis) (o outcome, ok bool) {
	n := t.paths
	ref := slices.IndexFunc(most, func(m int64) bool { return m > 0 })
	if ref < 0 {
		// No path can score, so every answer set is the same all-zero tie.
		o = outcome{shares: make([]float64, n), tie: 1, leads: []MarginPoint{{Margin: 0, Probability: 1}}}
		if n == 1 {
			o.shares[0], o.tie = 1, 0
		}
		if n == 2 {
			o.margins = o.leads
		}
		return o, true
	}
	var answers [][][]int64
	var probs [][]float64
	listed := 0
	for qi := range t.rows {
		raws, p, ok := uniformAnswers(&t.rows[qi], n)
		if listed += len(raws) * n; !ok || listed > maxStates {
			return o, false
		}
		if len(raws) > 0 {
			answers, probs = append(answers, raws), append(probs, p)
		}
	}
	lt, ok := cheaper(bases, ref, most, make([]int64, n), answers, maxStates)
	if !ok || lt.cost > budget {
		return o, false
	}
	cells := lt.run(make([]float64, lt.size), make([]float64, lt.size), func(q int) []float64 { return probs[q] })
	return lt.outcome(cells), true
}

// uniformAnswers lists the distinct raws a random answer to r can give,
// with the chance of each. A pick-any question's sums are built option by
// option, equal sums merged, so that many options with few distinct
// weights stay cheap; ok is false past maxStates sums or 64 bits.
func uniformAnswers(r *row, n int) (raws [][]int64, probs []float64, ok bool) {
	if !r.kind.Multiple() {
		raws, _ = answerRaws(r, n)
		return raws, slices.Repeat([]float64{1 / float64(r.opts)}, r.opts), true
	}
	raws, counts := [][]int64{make([]int64, n)}, []float64{1} // the empty set first
	at := map[string]int{fmt.Sprint(raws[0]): 0}
	for o := range r.opts {
		before := slices.Clone(counts)
		for i, c := range before {
			raw := slices.Clone(raws[i])
			for p, w := range r.weights(o, n) {
				if raw[p], ok = add(raw[p], w); !ok {
					return nil, nil, false
				}
			}
			key := fmt.Sprint(raw)
			if j, seen := at[key]; seen {
				counts[j] += c
				continue
			}
			if len(raws) >= maxStates {
				return nil, nil, false
			}
			at[key] = len(raws)
			raws, counts = append(raws, raw), append(counts, c)
		}
	}
	// Take out the empty set, one of the sets that sum to nothing.
	counts[0]--
	sets := math.Ldexp(1, r.opts) - 1
	for i := range counts {
		counts[i] /= sets
	}
	return raws, counts, true
}

// outcome reads the winner, tie and margin off every reachable cell.
func (lt *lwTable) outcome(cells []float64) outcome {
	n := len(lt.most)
	o := outcome{shares: make([]float64, n)}
	d := make([]int64, n)
	rel := make([]float64, n)
	for s, p := range cells {
		if p == 0 {
			continue
		}
		lt.at(s, d)
		if top, tie := lt.rank(d); tie {
			o.tie += p
		} else {
			o.shares[top] += p
		}
		switch {
		case n == 2:
			o.addGap(lt.margin(d), p)
		case n > 2:
			lt.percents(d, rel)
			o.addGap(topGap(rel), p)
		}
	}
	o.margins, o.leads = sortMerge(o.margins), sortMerge(o.leads)
	return o
}

// addGap counts an answer set of chance p whose first path leads the
// second by gap (two paths), or whose leader leads by gap (more).
func (o *outcome) addGap(gap, p float64) {
	if len(o.shares) == 2 {
		o.margins = append(o.margins, MarginPoint{Margin: gap, Probability: p})
		gap = math.Abs(gap)
	}
	o.leads = append(o.leads, MarginPoint{Margin: gap, Probability: p})
}

// sortMerge sorts points by margin and adds up the probabilities of equal
// ones.
func sortMerge(pts []MarginPoint) []MarginPoint {
	slices.SortFunc(pts, func(a, b MarginPoint) int { return cmp.Compare(a.Margin, b.Margin) })
	var out []MarginPoint
	for _, pt := range pts {
		if len(out) > 0 && out[len(out)-1].Margin == pt.Margin {
			out[len(out)-1].Probability += pt.Probability
			continue
		}
		out = append(out, pt)
	}
	return out
}

// topGap is the highest value minus the second highest.
func topGap(v []float64) float64 {
	first, second := math.Inf(-1), math.Inf(-1)
	for _, x := range v {
		switch {
		case x > first:
			first, second = x, first
		case x > second:
			second = x
		}
	}
	return first - second
}

// margin is the first path's percent minus the second's in a two-path cell.
func (lt *lwTable) margin(d []int64) float64 {
	m0, m1 := lt.most[0], lt.most[1]
	switch {
	case lt.basis == byRaw:
		return margin2(d[0], m0, d[1], m1)
	case m0 == 0: // the reference is path 1 and d[0] = −Raw_1
		return -percent(-d[0], m1)
	case m1 == 0: // d[1] = −Raw_0
		return percent(-d[1], m0)
	}
	// d[1] = Raw_1×M_0 − Raw_0×M_1, the numerator of the margin negated.
	return 100 * -float64(d[1]) / float64(m0) / float64(m1)
}

// margin2 is the first path's percent minus the second's, from the
// margin's exact numerator so that equal margins come out equal.
func margin2(r0, m0, r1, m1 int64) float64 {
	switch {
	case m0 == 0:
		return -percent(r1, m1)
	case m1 == 0:
		return percent(r0, m0)
	}
	h1, l1 := mul128(r0, m1)
	h2, l2 := mul128(r1, m0)
	lo, borrow := bits.Sub64(l1, l2, 0)
	hi := h1 - h2 - int64(borrow)
	return 100 * float128(hi, lo) / float64(m0) / float64(m1)
}

// float128 converts a signed 128-bit number to the nearest float64, near
// enough: exactly while it fits 64 bits, and the same for equal numbers.
func float128(hi int64, lo uint64) float64 {
	if hi == int64(lo)>>63 {
		return float64(int64(lo))
	}
	if hi < 0 {
		l, borrow := bits.Sub64(0, lo, 0)
		return -(float64(uint64(-hi)-borrow)*0x1p64 + float64(l))
	}
	return float64(hi)*0x1p64 + float64(lo)
}

// sampleCount is the number of random answer sets that fit the budget.
func sampleCount(t *table, budget float64) int {
	work := 1.0
	for qi := range t.rows {
		r := &t.rows[qi]
		if r.kind.Multiple() {
			work += float64(r.opts * (1 + t.paths))
		} else {
			work += float64(1 + t.paths)
		}
	}
	return int(min(maxSamples, max(minSamples, budget/(drawCost*work))))
}

// sample draws random answer sets from a fixed seed and scores each one
// exactly as Score would.
func sample(t *table, most []int64, samples int) outcome {
	n := t.paths
	o := outcome{shares: make([]float64, n)}
	d := rand.New(rand.NewPCG(sampleSeedHi, sampleSeedLo))
	raw := make([]int64, n)
	wins := make([]int, n)
	ties := 0
	pcts := make([]float64, n)
	words := []uint64{}
	for range samples {
		clear(raw)
		for qi := range t.rows {
			r := &t.rows[qi]
			switch {
			case r.opts == 0:
			case !r.kind.Multiple():
				r.addPicks(raw, d.IntN(r.opts))
			default:
				words = subset(d, r.opts, words)
				for o := range r.opts {
					if words[o/64]&(1<<(o%64)) != 0 {
						r.addPicks(raw, o)
					}
				}
			}
		}
		top, _, tie := rank(raw, most)
		if tie {
			ties++
		} else {
			wins[top]++
		}
		switch {
		case n == 2:
			o.addGap(margin2(raw[0], most[0], raw[1], most[1]), 1/float64(samples))
		case n > 2:
			for p := range n {
				pcts[p] = percent(raw[p], most[p])
			}
			o.addGap(topGap(pcts), 1/float64(samples))
		}
	}
	for p := range n {
		o.shares[p] = float64(wins[p]) / float64(samples)
	}
	o.tie = float64(ties) / float64(samples)
	o.margins, o.leads = sortMerge(o.margins), sortMerge(o.leads)
	return o
}

// subset draws a uniformly random non-empty subset of k options as a bit
// set, reusing words.
func subset(d *rand.Rand, k int, words []uint64) []uint64 {
	words = slices.Grow(words[:0], (k+63)/64)[:(k+63)/64]
	if k < 64 {
		words[0] = 1 + d.Uint64N(1<<k-1)
		return words
	}
	for {
		any := uint64(0)
		for i := range words {
			words[i] = d.Uint64()
			if i == len(words)-1 && k%64 != 0 {
				words[i] &= 1<<(k%64) - 1
			}
			any |= words[i]
		}
		if any != 0 {
			return words
		}
	}
}

// bucket gathers more than marginPoints distinct margins onto the nearest
// of marginPoints evenly spaced points, dropping those left empty.
func bucket(pts []MarginPoint) []MarginPoint {
	if len(pts) <= marginPoints {
		return pts
	}
	lo, hi := pts[0].Margin, pts[len(pts)-1].Margin
	width := (hi - lo) / (marginPoints - 1)
	probs := make([]float64, marginPoints)
	for _, pt := range pts {
		k := int(math.Round((pt.Margin - lo) / width))
		probs[min(marginPoints-1, max(0, k))] += pt.Probability
	}
	var out []MarginPoint
	for k, p := range probs {
		if p > 0 {
			out = append(out, MarginPoint{Margin: lo + float64(k)*width, Probability: p})
		}
	}
	return out
}

// cmpProducts compares a×b with c×d exactly, in 128 bits.
func cmpProducts(a, b, c, d int64) int {
	h1, l1 := mul128(a, b)
	h2, l2 := mul128(c, d)
	if h1 != h2 {
		return cmp.Compare(h1, h2)
	}
	return cmp.Compare(l1, l2)
}

// mul128 returns the signed 128-bit product of a and b, high half first.
func mul128(a, b int64) (int64, uint64) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if a < 0 {
		hi -= uint64(b)
	}
	if b < 0 {
		hi -= uint64(a)
	}
	return int64(hi), lo
}

// mul multiplies two numbers of which at least one is at least 0 and
// reports whether the product fits 64 bits.
func mul(a, b int64) (int64, bool) {
	h, l := mul128(a, b)
	return int64(l), h == int64(l)>>63
}

// add adds and reports whether the sum fits 64 bits.
func add(a, b int64) (int64, bool) {
	s := a + b
	return s, (a >= 0) != (b >= 0) || (s >= 0) == (a >= 0)
}

// sub subtracts and reports whether the difference fits 64 bits.
func sub(a, b int64) (int64, bool) {
	s := a - b
	return s, (a >= 0) == (b >= 0) || (s >= 0) == (a >= 0)
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return abs(a)
}
