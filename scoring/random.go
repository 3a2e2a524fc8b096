package scoring

import (
	"cmp"
	"math"
	"math/bits"
	"math/rand/v2"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// Limits of the random-answering check. The exact method is used while its
// cell updates (about questions × options × reachable cells) stay within
// exactBudget and its table within maxStates (16 MiB a buffer); beyond that
// the check samples, taking as many samples as fit the same budget, counting
// a random draw as drawCost cell updates, but never fewer than minSamples (a
// standard error of at most 1.6 percentage points, against a threshold of
// 10) nor more than maxSamples. Either way `careerquiz check` on a
// 10,000-question bank takes a fraction of a second.
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
	o, samples := randomOutcome(t, most, budget)
	rd.Expected = (1 - o.tie) / float64(n)
	rd.Method = "exact"
	if samples > 0 {
		rd.Method, rd.Samples = "sampled", samples
		for _, s := range append(slices.Clone(o.shares), o.tie) {
			rd.StdErr = max(rd.StdErr, math.Sqrt(s*(1-s)/float64(rd.Samples)))
		}
	}
	rd.Tie = o.tie
	rd.Margins = bucket(o.margins)
	for p, path := range b.Paths {
		ps := PathShare{ID: path.ID, Share: o.shares[p]}
		ps.Crossed = math.Abs(ps.Share-rd.Expected) > rd.Threshold
		rd.Crossed = rd.Crossed || ps.Crossed
		rd.Paths = append(rd.Paths, ps)
	}
	return rd
}

// randomOutcome is what random answerers are told, exactly when the budget
// allows (samples 0) and otherwise from samples random answer sets.
func randomOutcome(t *table, most []int64, budget float64) (o outcome, samples int) {
	if plan, ok := planExact(t, most, budget); ok {
		return plan.run(), 0
	}
	samples = sampleCount(t, budget)
	return sample(t, most, samples), samples
}

// outcome is the distribution of what random answerers are told.
type outcome struct {
	shares  []float64
	tie     float64
	margins []MarginPoint // two paths only; ascending, distinct
	// leads is the distribution of the leading path's percent minus the
	// runner-up's, for any number of paths; ascending, distinct. It is
	// what the strength bands are calibrated on.
	leads []MarginPoint
}

// The exact method is the Lord–Wingersky recursion: the distribution of a
// vector of integer scores is built one question at a time by convolution,
// in a table indexed by each score shifted to start at 0 and divided by the
// greatest common divisor of all its steps. A pick-any question is handled
// as independent coin flips, one per option, after which the empty set is
// taken out and the rest renormalised.
//
// With every question answered each path's Most is fixed, so the winner
// depends only on the raws, and only through the margins
//
//	D_i = Raw_i×M_r − Raw_r×M_i
//
// against a reference path r with M_r > 0 (the first such path): path i's
// percent minus path r's is 100×D_i/(M_r×M_i). A path that can score
// nothing (M_i = 0) always stands at 0 percent, which is the same as taking
// D_i = −Raw_r with scale 1. The margins need one dimension fewer than the
// raws, and when the paths' Mosts share a large factor (a balanced bank)
// they span little. When the Mosts are unrelated, though, the margins span
// about as much as the product of two raws, and for three or more paths the
// raws themselves make the smaller table. The plan is laid out both ways
// and the cheaper one run; the two give the same distribution.
type basis int

const (
	byMargin basis = iota
	byRaw
)

type lwPlan struct {
	basis   basis
	cost    float64
	n, ref  int
	coords  []int   // the path each coordinate stands for
	g, off  []int64 // coordinate j is g_j×s_j + off_j at table index s_j
	scale   []int64 // per path: M_i, or 1 where M_i is 0 and for the reference
	most    []int64
	dims    []int
	strides []int
	size    int
	steps   []lwStep
	pickAny bool
}

// lwStep is one question in table units. For a choice or scale question
// shifts holds one flat shift per option; for a pick-any question it holds
// two per option, not picked and picked, and empty is the flat shift of
// picking nothing at all. grow is how far each step can move the furthest
// reachable cell (per option for pick-any).
type lwStep struct {
	pick   bool
	shifts []int
	grow   []int
	empty  int
}

// planExact lays out the exact computation on the cheaper basis and
// reports whether it fits the budget and 64-bit arithmetic.
func planExact(t *table, most []int64, budget float64) (*lwPlan, bool) {
	margins, okM := plan(t, most, budget, byMargin)
	raws, okR := plan(t, most, budget, byRaw)
	switch {
	case okM && (!okR || margins.cost <= raws.cost):
		return margins, true
	case okR:
		return raws, true
	}
	return nil, false
}

func plan(t *table, most []int64, budget float64, basis basis) (*lwPlan, bool) {
	n := t.paths
	ref := slices.IndexFunc(most, func(m int64) bool { return m > 0 })
	pl := &lwPlan{basis: basis, n: n, ref: ref, most: most, scale: make([]int64, n), size: 1}
	if ref < 0 {
		// No path can score, so every answer set is the same all-zero tie.
		return pl, true
	}
	for p := range n {
		pl.scale[p] = 1
		if p != ref || basis == byRaw {
			pl.coords = append(pl.coords, p)
			if most[p] > 0 {
				pl.scale[p] = most[p]
			}
		}
	}
	m := len(pl.coords)

	// Every option's step in each coordinate, option by option and row by
	// row. For a choice or scale question lo and hi are the lowest and
	// highest step per coordinate: the table moves by step−lo, and the lows
	// add up to the offset. For a pick-any option the table moves by |step|, on the
	// picked side for a positive step and the other side for a negative one.
	ds := make([]int64, 0, len(t.rows)*m*4)
	lo := make([]int64, len(t.rows)*m)
	hi := make([]int64, len(t.rows)*m)
	pl.g, pl.off = make([]int64, m), make([]int64, m)
	for qi := range t.rows {
		r := &t.rows[qi]
		at := len(ds)
		for o := range r.opts {
			w := r.weights(o, n)
			for _, i := range pl.coords {
				d := -w[ref]
				switch {
				case basis == byRaw:
					d = w[i]
				case most[i] > 0:
					a, ok1 := mul(w[i], most[ref])
					b, ok2 := mul(w[ref], most[i])
					if !ok1 || !ok2 {
						return nil, false
					}
					d = a - b
				}
				ds = append(ds, d)
			}
		}
		for j := range m {
			var l, h int64
			for o := range r.opts {
				d := ds[at+o*m+j]
				switch {
				case r.kind.Multiple():
					var ok1, ok2 bool
					l, ok1 = add(l, min(0, d))
					h, ok2 = add(h, max(0, d))
					if !ok1 || !ok2 {
						return nil, false
					}
					pl.g[j] = gcd(pl.g[j], abs(d))
				case o == 0:
					l, h = d, d
				default:
					l, h = min(l, d), max(h, d)
				}
			}
			if _, ok := sub(h, l); !ok {
				return nil, false
			}
			if !r.kind.Multiple() {
				for o := range r.opts {
					pl.g[j] = gcd(pl.g[j], ds[at+o*m+j]-l)
				}
			}
			lo[qi*m+j], hi[qi*m+j] = l, h
			var ok bool
			if pl.off[j], ok = add(pl.off[j], l); !ok {
				return nil, false
			}
		}
	}

	// The table's shape: one dimension per coordinate, as wide as the sum
	// of the questions' spans in units of the common divisor.
	spans := make([]int64, m)
	for j := range m {
		pl.g[j] = max(1, pl.g[j])
		for qi := range t.rows {
			// Spans are at most 2^63/g each, so only the sum can overflow.
			var ok bool
			if spans[j], ok = add(spans[j], (hi[qi*m+j]-lo[qi*m+j])/pl.g[j]); !ok {
				return nil, false
			}
		}
		if float64(pl.size)*float64(spans[j]+1) > maxStates {
			return nil, false
		}
		pl.dims = append(pl.dims, int(spans[j])+1)
		pl.strides = append(pl.strides, pl.size)
		pl.size *= int(spans[j]) + 1
		// The largest D must fit 64 bits for the final comparisons.
		top, ok := mul(pl.g[j], spans[j])
		if !ok {
			return nil, false
		}
		if _, ok := add(top, abs(pl.off[j])); !ok {
			return nil, false
		}
	}

	// Steps in flat table units, and the work they will cost: every step
	// reads the cells reachable so far, which grow question by question.
	cost := float64(pl.size * n) // the final pass over every cell
	active := 1
	at := 0
	for qi := range t.rows {
		r := &t.rows[qi]
		st := lwStep{pick: r.kind.Multiple()}
		before := active
		for o := range r.opts {
			var off, on, grow int
			for j := range m {
				d := ds[at+o*m+j]
				if st.pick {
					if d < 0 {
						off += int(-d/pl.g[j]) * pl.strides[j]
					} else {
						on += int(d/pl.g[j]) * pl.strides[j]
					}
					grow += int(abs(d)/pl.g[j]) * pl.strides[j]
				} else {
					on += int((d-lo[qi*m+j])/pl.g[j]) * pl.strides[j]
				}
			}
			if st.pick {
				st.shifts = append(st.shifts, off, on)
				st.grow = append(st.grow, grow)
				st.empty += off
				cost += 3 * float64(active)
				active += grow
			} else {
				st.shifts = append(st.shifts, on)
			}
		}
		if st.pick {
			cost += 2 * float64(before+active)
		} else {
			grow := 0
			for j := range m {
				grow += int((hi[qi*m+j]-lo[qi*m+j])/pl.g[j]) * pl.strides[j]
			}
			st.grow = []int{grow}
			cost += float64(r.opts+1) * float64(active)
			active += grow
		}
		pl.pickAny = pl.pickAny || st.pick
		pl.steps = append(pl.steps, st)
		at += r.opts * m
		if cost > budget {
			return nil, false
		}
	}
	pl.cost = cost
	return pl, true
}

// run carries out the plan.
func (pl *lwPlan) run() outcome {
	n := pl.n
	o := outcome{shares: make([]float64, n)}
	if pl.ref < 0 {
		o.tie = 1
		if n == 1 {
			o.shares[0], o.tie = 1, 0
		}
		if n == 2 {
			o.margins = []MarginPoint{{Margin: 0, Probability: 1}}
		}
		o.leads = []MarginPoint{{Margin: 0, Probability: 1}}
		return o
	}
	bufs := 2
	if pl.pickAny {
		bufs = 3
	}
	cells := make([]float64, bufs*pl.size)
	buf := make([][]float64, bufs)
	for i := range buf {
		buf[i] = cells[i*pl.size : (i+1)*pl.size]
	}
	cur := 0
	buf[cur][0] = 1
	active := 1
	for _, st := range pl.steps {
		if !st.pick {
			if len(st.shifts) == 0 {
				continue
			}
			next := (cur + 1) % bufs
			src, dst := buf[cur], buf[next]
			clear(dst[:active+st.grow[0]])
			p := 1 / float64(len(st.shifts))
			for s, v := range src[:active] {
				if v == 0 {
					continue
				}
				v *= p
				for _, d := range st.shifts {
					dst[s+d] += v
				}
			}
			cur, active = next, active+st.grow[0]
			continue
		}
		// One coin flip per option, into the two buffers other than cur,
		// which keeps the distribution before the question.
		k := len(st.grow)
		if k == 0 {
			continue
		}
		x, y := (cur+1)%3, (cur+2)%3
		src, act := buf[cur], active
		for i := range k {
			dst := buf[x]
			clear(dst[:act+st.grow[i]])
			off, on := st.shifts[2*i], st.shifts[2*i+1]
			for s, v := range src[:act] {
				if v == 0 {
					continue
				}
				v *= 0.5
				dst[s+off] += v
				dst[s+on] += v
			}
			src, act = dst, act+st.grow[i]
			x, y = y, x
		}
		// Take out the empty set, which every coin landing "not picked"
		// gave probability 2^-k, and renormalise.
		empty := math.Ldexp(1, -k)
		for s, v := range buf[cur][:active] {
			src[s+st.empty] -= v * empty
		}
		norm := 1 / (1 - empty)
		for s, v := range src[:act] {
			src[s] = max(0, v) * norm
		}
		cur, active = y, act
	}
	pl.outcome(buf[cur][:active], &o)
	return o
}

// outcome reads the winner, tie and margin off every reachable cell.
func (pl *lwPlan) outcome(cells []float64, o *outcome) {
	n := pl.n
	d := make([]int64, n) // on the margin basis, d[ref] stays 0
	rel := make([]float64, n)
	for s, p := range cells {
		if p == 0 {
			continue
		}
		for j, i := range pl.coords {
			d[i] = pl.g[j]*int64(s/pl.strides[j]%pl.dims[j]) + pl.off[j]
		}
		var top int
		var tie bool
		if pl.basis == byRaw {
			top, _, tie = rank(d, pl.most)
		} else {
			top, tie = pl.rankMargins(d)
		}
		if tie {
			o.tie += p
		} else {
			o.shares[top] += p
		}
		if n > 1 {
			o.leads = append(o.leads, MarginPoint{Margin: pl.lead(d, rel), Probability: p})
		}
		if n != 2 {
			continue
		}
		o.margins = append(o.margins, MarginPoint{Margin: pl.margin(d), Probability: p})
	}
	o.margins = sortMerge(o.margins)
	o.leads = sortMerge(o.leads)
}

// sortMerge sorts points by margin and adds up the probabilities of equal
// ones.
func sortMerge(pts []MarginPoint) []MarginPoint {
	slices.SortFunc(pts, func(a, b MarginPoint) int { return cmp.Compare(a.Margin, b.Margin) })
	return merge(pts)
}

// lead is the leading path's percent minus the runner-up's in a cell,
// using rel as scratch space for each path's percent (on the margin basis,
// its percent minus the reference path's, which leaves differences alike).
// For two paths it is the margin's absolute value.
func (pl *lwPlan) lead(d []int64, rel []float64) float64 {
	if pl.n == 2 {
		return math.Abs(pl.margin(d))
	}
	for i := range pl.n {
		switch {
		case pl.basis == byRaw:
			rel[i] = percent(d[i], pl.most[i])
		case i == pl.ref:
			rel[i] = 0
		default:
			rel[i] = 100 * float64(d[i]) / float64(pl.most[pl.ref]) / float64(pl.scale[i])
		}
	}
	return topGap(rel)
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
func (pl *lwPlan) margin(d []int64) float64 {
	m0, m1 := pl.most[0], pl.most[1]
	switch {
	case pl.basis == byRaw:
		return margin2(d[0], m0, d[1], m1)
	case m0 == 0: // the reference is path 1 and d[0] = −Raw_1
		return -percent(-d[0], m1)
	case m1 == 0: // d[1] = −Raw_0
		return percent(-d[1], m0)
	}
	// d[1] = Raw_1×M_0 − Raw_0×M_1, the numerator of the margin negated.
	return 100 * -float64(d[1]) / float64(m0) / float64(m1)
}

// margin2 is the first path's percent minus the second's, from their raws
// and mosts, computed from the margin's exact numerator so that equal
// margins always come out as equal numbers.
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

// rankMargins returns the winner of a cell on the margin basis, by the
// same rule as rank, and whether it is tied. Path i's percent minus the
// reference's is proportional to d[i]/scale[i], so paths compare by
// cross-multiplying those.
func (pl *lwPlan) rankMargins(d []int64) (top int, tie bool) {
	for i := 1; i < pl.n; i++ {
		if cmpProducts(d[i], pl.scale[top], d[top], pl.scale[i]) > 0 {
			top = i
		}
	}
	for i := range pl.n {
		if i != top && cmpProducts(d[i], pl.scale[top], d[top], pl.scale[i]) == 0 {
			return top, true
		}
	}
	return top, false
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
	// A compact copy of what each draw needs keeps the hot loop in cache.
	type question struct {
		at   int32
		opts int16
		pick bool
	}
	qs := make([]question, 0, len(t.rows))
	for _, r := range t.rows {
		if r.opts > 0 {
			qs = append(qs, question{at: int32(r.at), opts: int16(r.opts), pick: r.kind.Multiple()})
		}
	}
	cells := t.cells
	d := newDraws(sampleSeedHi, sampleSeedLo)
	raw := make([]int64, n)
	wins := make([]int, n)
	ties := 0
	var margins []float64
	if n == 2 {
		margins = make([]float64, 0, samples)
	}
	leads := make([]float64, 0, samples)
	pcts := make([]float64, n)
	words := []uint64{}
	for range samples {
		clear(raw)
		for _, q := range qs {
			if !q.pick {
				at := int(q.at) + d.intN(int(q.opts))*n
				for p, w := range cells[at : at+n] {
					raw[p] += w
				}
				continue
			}
			words = subset(d, int(q.opts), words)
			for o := range int(q.opts) {
				if words[o/64]&(1<<(o%64)) != 0 {
					at := int(q.at) + o*n
					for p, w := range cells[at : at+n] {
						raw[p] += w
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
		if n == 2 {
			m := margin2(raw[0], most[0], raw[1], most[1])
			margins = append(margins, m)
			leads = append(leads, math.Abs(m))
		} else if n > 2 {
			for p := range n {
				pcts[p] = percent(raw[p], most[p])
			}
			leads = append(leads, topGap(pcts))
		}
	}
	for p := range n {
		o.shares[p] = float64(wins[p]) / float64(samples)
	}
	o.tie = float64(ties) / float64(samples)
	o.margins = points(margins, samples)
	o.leads = points(leads, samples)
	return o
}

// points turns sampled values into a distribution.
func points(vs []float64, samples int) []MarginPoint {
	slices.Sort(vs)
	var pts []MarginPoint
	for _, v := range vs {
		pts = append(pts, MarginPoint{Margin: v, Probability: 1 / float64(samples)})
	}
	return merge(pts)
}

// subset draws a uniformly random non-empty subset of k options as a bit
// set, reusing words.
func subset(d *draws, k int, words []uint64) []uint64 {
	words = slices.Grow(words[:0], (k+63)/64)[:(k+63)/64]
	if k < 64 {
		words[0] = 1 + d.uint64N(1<<k-1)
		return words
	}
	for {
		any := uint64(0)
		for i := range words {
			words[i] = d.src.Uint64()
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

// merge adds up the probabilities of equal margins, which must be sorted.
func merge(pts []MarginPoint) []MarginPoint {
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

// bucket gathers more than marginPoints distinct margins onto marginPoints
// evenly spaced points from the lowest margin to the highest, each margin
// going to the nearest point; points left empty are dropped.
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

// mul128 returns the signed 128-bit product of a and b as a high and a low
// half.
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

// draws hands out uniformly distributed integers from a PCG generator,
// two per 64-bit output: draws dominate the sampled
// audit, and halving the generator calls nearly halves their cost.
type draws struct {
	src   *rand.PCG
	spare uint32
	has   bool
}

func newDraws(hi, lo uint64) *draws { return &draws{src: rand.NewPCG(hi, lo)} }

func (d *draws) next32() uint32 {
	if d.has {
		d.has = false
		return d.spare
	}
	v := d.src.Uint64()
	d.spare, d.has = uint32(v>>32), true
	return uint32(v)
}

// intN returns an integer in [0, n) for 0 < n < 2^32, by Lemire's
// multiply-and-reject method, which needs no division on the common path.
func (d *draws) intN(n int) int {
	m := uint64(d.next32()) * uint64(n)
	if uint32(m) < uint32(n) {
		thresh := -uint32(n) % uint32(n)
		for uint32(m) < thresh {
			m = uint64(d.next32()) * uint64(n)
		}
	}
	return int(m >> 32)
}

// uint64N returns an integer in [0, n) for any n > 0, by the same method
// on 64 bits.
func (d *draws) uint64N(n uint64) uint64 {
	hi, lo := bits.Mul64(d.src.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(d.src.Uint64(), n)
		}
	}
	return hi
}
