package scoring

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/careerquiz/careerquiz/quiz"
)

// The latent-trait answering model, of the people the confidence, the quick
// stop and the stop simulation speak of: a person has a lean θ, normal over
// everyone with standard deviation 1, along an axis from one path (plus) to
// another (minus). Each answer is θ plus its own standard normal noise:
//
//   - a five-point question: the lean towards its side A or its keyed path
//     (θ, −θ or 0) plus noise, cut at −1.5, −0.5, 0.5 and 1.5 into its points;
//   - any other single pick: above 0, one of plus's options, below 0 one of
//     minus's (with options for neither: above 0.5, below −0.5, and between),
//     uniformly within the side; without options on both sides, uniformly;
//   - a pick-any question: each option on plus's side is ticked when the
//     answer's lean plus the option's own noise (of spread pickSpread) is
//     above 0, on minus's side when below, on neither's half the time, an
//     empty answer drawn again. One noise per answer keeps the question one
//     answer's worth of evidence, not one per option.
//
// The answers give a posterior over θ on a grid of leanPoints values from
// −leanSpan to leanSpan (posterior).

const (
	leanPoints = 61
	leanSpan   = 4.0
	pickSpread = 1.0
	// maxSubsets bounds the sets of a pick-any question the model lists;
	// a larger question is left out of the posterior.
	maxSubsets = 1 << 10
)

// fiveCuts are the four cut points of a five-point answer.
var fiveCuts = [4]float64{-1.5, -0.5, 0.5, 1.5}

// normalCDF is the standard normal distribution function.
func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// leanGrid holds the leans of the grid, symmetric about 0 bit for bit so
// that a mirrored bank gives the same figures, and leanGridTails the tails
// at each.
var leanGrid, leanGridTails = func() (g [leanPoints]float64, tl [leanPoints]leanTails) {
	for i := range leanPoints / 2 {
		g[i] = -leanSpan + 2*leanSpan*float64(i)/(leanPoints-1)
		g[leanPoints-1-i] = -g[i]
	}
	for i, theta := range g {
		tl[i] = leanTailsAt(theta)
	}
	return g, tl
}()

// leanAxis orients the lean: θ > 0 leans towards plus, θ < 0 towards minus.
type leanAxis struct{ plus, minus int }

// sign is +1 for plus, −1 for minus and 0 for any other path.
func (ax leanAxis) sign(p int) float64 {
	switch p {
	case ax.plus:
		return 1
	case ax.minus:
		return -1
	}
	return 0
}

// leanTails are Φ(c − θ) and Φ(c + θ) for each cut c, and Φ(θ), worked out
// once per lean rather than per question, which is most of the model's speed.
type leanTails struct {
	up, down [4]float64
	pos      float64
}

func leanTailsAt(theta float64) leanTails {
	var tl leanTails
	for i, c := range fiveCuts {
		tl.up[i], tl.down[i] = normalCDF(c-theta), normalCDF(c+theta)
	}
	tl.pos = normalCDF(theta)
	return tl
}

// fivePointChances is the chance of each of five points, given Φ(c − μ)
// for each cut c, μ the lean towards the last.
func fivePointChances(f *[4]float64, out []float64) {
	prev := 0.0
	for i := range fiveCuts {
		out[i] = f[i] - prev
		prev = f[i]
	}
	out[4] = 1 - prev
}

// leanReaction is how each option of a question reacts to the lean.
type leanReaction struct {
	// five is 1 for a five-point question whose last option leans most to
	// plus, −1 to minus, 0 otherwise.
	five    float64
	fivePt  bool
	pick    bool
	side    []int8 // per option: +1 plus's side, −1 minus's, 0 neither
	hasSide [3]int // options on minus's side, neither's, plus's
}

func reactionOf(b *quiz.Bank, t *table, qi int, ax leanAxis) leanReaction {
	q, r := &b.Questions[qi], &t.rows[qi]
	lean := func(o int) float64 { return swing(r.weights(o, t.paths), r.best, ax.plus, ax.minus) }
	var l leanReaction
	switch {
	case q.Kind == quiz.Graded && r.opts == 5:
		l.fivePt, l.five = true, float64(cmp.Compare(lean(4)-lean(0), 0))
		return l
	case q.Kind == quiz.Scale && r.opts == 5:
		// Disagreeing with a statement is the other side even when it
		// moves nothing, so its orientation is the key's.
		l.fivePt, l.five = true, ax.sign(b.PathIndex(q.Keyed))
		return l
	}
	l.pick = r.kind.Multiple()
	l.side = make([]int8, r.opts)
	for o := range r.opts {
		l.side[o] = int8(cmp.Compare(lean(o), 0))
		l.hasSide[l.side[o]+1]++
	}
	return l
}

// probs fills out with the chance of each option of a single-pick question
// at the lean of tl.
func (l *leanReaction) probs(tl *leanTails, out []float64) {
	if l.fivePt {
		switch l.five {
		case 1:
			fivePointChances(&tl.up, out)
		case -1:
			fivePointChances(&tl.down, out)
		default:
			fivePointChances(&leanGridTails[leanPoints/2].up, out)
		}
		return
	}
	minus, neither, plus := l.hasSide[0], l.hasSide[1], l.hasSide[2]
	if plus == 0 || minus == 0 {
		for o := range l.side {
			out[o] = 1 / float64(len(l.side))
		}
		return
	}
	pPlus, pMinus := tl.pos, 1-tl.pos
	pNeither := 0.0
	if neither > 0 {
		pPlus, pMinus = 1-tl.up[2], tl.up[1]
		pNeither = 1 - pPlus - pMinus
	}
	for o, s := range l.side {
		switch s {
		case 1:
			out[o] = pPlus / float64(plus)
		case -1:
			out[o] = pMinus / float64(minus)
		default:
			out[o] = pNeither / float64(neither)
		}
	}
}

// tick is the chance that a pick-any option is ticked by an answer whose
// lean (θ plus the answer's noise) is y.
func (l *leanReaction) tick(o int, y float64) float64 {
	if l.side[o] == 0 {
		return 0.5
	}
	return normalCDF(float64(l.side[o]) * y / pickSpread)
}

// subsets is the chance of each non-empty set of a pick-any question's
// options at each lean of the grid, by bit mask (out[g][mask−1]). It
// depends on the options' sides alone, so each pattern is worked out once.
func (l *leanReaction) subsets() [leanPoints][]float64 {
	key := fmt.Sprint(l.side)
	if out, ok := subsetChances.Load(key); ok {
		return out.([leanPoints][]float64)
	}
	// A set's chance depends only on how many of plus's options and how
	// many of minus's it ticks (neutral options tick at 1/2 either way), so
	// the sum over the noise runs over those counts, not over every set.
	k := len(l.side)
	minus, neutral, plus := l.hasSide[0], l.hasSide[1], l.hasSide[2]
	half := math.Pow(0.5, float64(neutral))
	byCount := make([]float64, (plus+1)*(minus+1))
	pw, qw := make([]float64, k+1), make([]float64, k+1)
	var out [leanPoints][]float64
	flat := make([]float64, leanPoints*(1<<k-1))
	noise := answerNoise()
	for g := range leanPoints {
		clear(byCount)
		for e, w := range noise.weights {
			p := noise.ticks[g][e]
			pw[0], qw[0] = 1, 1
			for i := 1; i <= k; i++ {
				pw[i], qw[i] = pw[i-1]*p, qw[i-1]*(1-p)
			}
			for a := range plus + 1 {
				for b := range minus + 1 {
					// a of plus's ticked, the rest not; b of minus's ticked,
					// each with chance 1−p, the rest not.
					byCount[a*(minus+1)+b] += w * pw[a] * qw[plus-a] * qw[b] * pw[minus-b]
				}
			}
		}
		none := byCount[0] * half
		out[g], flat = flat[:1<<k-1], flat[1<<k-1:]
		for mask := 1; mask < 1<<k; mask++ {
			a, b := 0, 0
			for o, sd := range l.side {
				if mask&(1<<o) != 0 {
					switch sd {
					case 1:
						a++
					case -1:
						b++
					}
				}
			}
			out[g][mask-1] = byCount[a*(minus+1)+b] * half / (1 - none)
		}
	}
	subsetChances.Store(key, out)
	return out
}

var subsetChances sync.Map

// answerNoise is the quadrature of one answer's noise over which a
// pick-any answer's chances are summed: nodes from −5 to 5 weighted by
// density, and ticks[g][e] = Φ((θ_g + ε_e)/pickSpread). Only pick-any
// questions need it, so it is worked out on first use.
var answerNoise = sync.OnceValue(func() (q struct {
	nodes, weights []float64
	ticks          [leanPoints][]float64
}) {
	const points = 41
	sum := 0.0
	for i := range points {
		x := -5 + 10*float64(i)/(points-1)
		q.nodes = append(q.nodes, x)
		q.weights = append(q.weights, math.Exp(-x*x/2))
		sum += math.Exp(-x * x / 2)
	}
	for i := range q.weights {
		q.weights[i] /= sum
	}
	for g, theta := range leanGrid {
		for _, x := range q.nodes {
			q.ticks[g] = append(q.ticks[g], normalCDF((theta+x)/pickSpread))
		}
	}
	return q
})

// answer draws an answer at lean theta from the model.
func (l *leanReaction) answer(r *rand.Rand, theta float64) []int {
	if !l.pick {
		p := make([]float64, len(l.side))
		if l.fivePt {
			p = make([]float64, 5)
		}
		tl := leanTailsAt(theta)
		l.probs(&tl, p)
		u, acc := r.Float64(), 0.0
		for o, x := range p {
			acc += x
			if u < acc {
				return []int{o}
			}
		}
		return []int{len(p) - 1}
	}
	for {
		y := theta + r.NormFloat64()
		var picks []int
		for o := range l.side {
			if r.Float64() < l.tick(o, y) {
				picks = append(picks, o)
			}
		}
		if len(picks) > 0 {
			return picks
		}
	}
}

// answerList is every answer to a question (see answerRaws) with the raws
// it gives and its chance at each lean of the grid.
type answerList struct {
	raws   [][]int64
	byLean [leanPoints][]float64
}

type listKey struct {
	qi int
	ax leanAxis
}

// answers is every answer to question qi on axis ax, or nil for a pick-any
// question too large to list. Each list is made once, in a sync.Map since
// a Scorer may serve many goroutines.
func (t *table) answers(b *quiz.Bank, qi int, ax leanAxis) *answerList {
	key := listKey{qi, ax}
	if al, ok := t.cache.Load(key); ok {
		return al.(*answerList)
	}
	r := &t.rows[qi]
	var al *answerList
	if raws, ok := answerRaws(r, t.paths); ok {
		al = &answerList{raws: raws}
		l := reactionOf(b, t, qi, ax)
		if r.kind.Multiple() {
			al.byLean = l.subsets()
		} else {
			flat := make([]float64, leanPoints*len(raws))
			for g := range leanPoints {
				al.byLean[g], flat = flat[:len(raws)], flat[len(raws):]
				l.probs(&leanGridTails[g], al.byLean[g])
			}
		}
	}
	stored, _ := t.cache.LoadOrStore(key, al)
	return stored.(*answerList)
}

// answerRaws lists the raws of every answer to r (each option, or each
// non-empty set of a pick-any question's options, in the order of their
// bit masks); ok is false for a pick-any question of more than
// maxSubsets sets.
func answerRaws(r *row, n int) (raws [][]int64, ok bool) {
	if !r.kind.Multiple() {
		for o := range r.opts {
			raws = append(raws, r.weights(o, n))
		}
		return raws, true
	}
	if r.opts > 30 || 1<<r.opts > maxSubsets {
		return nil, false
	}
	for mask := 1; mask < 1<<r.opts; mask++ {
		raw := make([]int64, n)
		for o := range r.opts {
			if mask&(1<<o) != 0 {
				r.addPicks(raw, o)
			}
		}
		raws = append(raws, raw)
	}
	return raws, true
}

// posterior is the posterior weight of each lean of the grid given the
// answers done. Each answer's list (nil for one too large, which is left
// out) is handed to visit, if set, with the index of the answer given.
func (t *table) posterior(b *quiz.Bank, done []answered, ax leanAxis, visit func(d answered, al *answerList, i int)) [leanPoints]float64 {
	var logw, w [leanPoints]float64
	for g, theta := range leanGrid {
		logw[g] = -theta * theta / 2
	}
	for _, d := range done {
		al, i := t.answers(b, d.q, ax), 0
		if al != nil {
			// A set of picks is listed by its bit mask, less one.
			i = d.picks[0]
			if t.rows[d.q].kind.Multiple() {
				mask := 0
				for _, o := range d.picks {
					mask |= 1 << o
				}
				i = mask - 1
			}
			for g := range leanPoints {
				logw[g] += math.Log(max(1e-300, al.byLean[g][i]))
			}
		}
		if visit != nil {
			visit(d, al, i)
		}
	}
	top := slices.Max(logw[:])
	sum := 0.0
	for g := range logw {
		w[g] = math.Exp(logw[g] - top)
		sum += w[g]
	}
	for g := range w {
		w[g] /= sum
	}
	return w
}
