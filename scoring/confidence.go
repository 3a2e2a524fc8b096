package scoring

import (
	"math"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/quiz"
)

// confidence is the chance (0–1) that the same person, taking the quiz
// again, would be told the same path. It is worked out from a stated model
// of people and of a retest, so that the figure means what it says for the
// people the model describes (calibration_test.go holds it there):
//
//   - Each person has a true lean θ between the recommended path and the
//     runner-up (positive towards the recommended one). Over everyone who
//     takes the quiz, θ is normal with mean 0 and standard deviation 1:
//     about two people in three lean with |θ| < 1, and very few have no
//     lean at all.
//   - Each answer is θ plus standard normal noise, cut into the answer's
//     points: on a graded or scale question at ±0.5 and ±1.5 into the five
//     points (a statement for the runner-up counts θ the other way round,
//     and a statement adds the person's own tendency to agree, normal with
//     standard deviation agreeSpread); a choice question takes the side
//     above 0.5 or below −0.5, or an even option between (at 0 when it has
//     none), any option of a side alike; a pick-any question ticks each
//     option for a path when θ plus fresh noise leans its way, an even
//     option by a coin flip, and is asked again when nothing was ticked.
//   - A retest answers the same questions with the noise drawn afresh.
//
// The answers give a posterior over θ (and the agree tendency), on a grid,
// by Bayes' rule with the ordered-probit likelihood of each answer; the
// confidence is the posterior chance that a retest's margin is above 0. For
// each θ the retest margin is a sum of independent answers, taken as normal
// with its exact mean and variance and corrected for the lattice the margin
// lives on: an exact tie on a retest is not the same path.
//
// Without a runner-up (a bank of one path) a retest cannot change the
// path, and the confidence is 1; a tie names no path, and its confidence is
// 1 in N, the chance of any one path. With more than two paths the model
// speaks of the two leading ones only. Everything depends on the answers
// only through the two leading paths' moves, so a mirrored bank (the paths'
// roles swapped) gives the same figure, bit for bit.
func (s *Scorer) confidence(done []answered, most []int64, top, second int, tie bool) float64 {
	n := s.t.paths
	switch {
	case second < 0:
		return 1
	case tie:
		return 1 / float64(n)
	}
	g := &theGrid
	// Per θ, what answers that owe nothing to the agree tendency say;
	// per θ and τ, what statements say.
	var ns, st moments
	ns.init(len(g.thetas))
	st.init(g.cells())
	var lattice int64
	latticeOK := true
	// Sums and products in question id order give the same figure
	// whatever the order of the bank.
	done = slices.SortedFunc(slices.Values(done), func(x, y answered) int {
		return strings.Compare(s.b.Questions[x.q].ID, s.b.Questions[y.q].ID)
	})
	for _, d := range done {
		it := s.item(d, most, top, second)
		for _, num := range it.nums {
			lattice = gcd(lattice, num)
		}
		latticeOK = latticeOK && it.numsOK
		if it.scale {
			it.accumulate(g, &st, len(g.taus))
		} else {
			it.accumulate(g, &ns, 1)
		}
	}
	step := 0.0
	if latticeOK && lattice > 0 && most[top] > 0 && most[second] > 0 {
		step = 100 * float64(lattice) / float64(most[top]) / float64(most[second])
	}
	var num, den float64
	nm := len(g.taus)
	for c := range st.lik {
		i := c / nm
		w := ns.lik[i] * st.lik[c] * g.weight[c]
		if w == 0 {
			continue
		}
		mean, sd := ns.mean[i]+st.mean[c], math.Sqrt(ns.vari[i]+st.vari[c])
		p := 0.0
		switch {
		case sd > 1e-12:
			p = normalCDF((mean - step/2) / sd)
		case mean > step/2:
			p = 1
		}
		num += w * p
		den += w
	}
	if den == 0 {
		return 1 / float64(n)
	}
	return num / den
}

// The model's constants (see confidence).
const (
	// thetaSpread is the standard deviation of θ over the people taking the
	// quiz, the population the figure assumes.
	thetaSpread = 1.0
	// agreeSpread is the standard deviation of a person's tendency to agree
	// with statements.
	agreeSpread = 0.3
	// The grid over θ: wide enough for the strongest answers, fine enough
	// that a posterior over a single answer is smooth on it.
	thetaMax  = 4.0
	thetaStep = 0.1
	// maxCategories is the most points an answer is cut into.
	maxCategories = 5
)

// cuts are the cut points of a five-point answer, from the most towards the
// runner-up to the most towards the recommended path.
var cuts = [4]float64{-1.5, -0.5, 0.5, 1.5}

// grid is the posterior's grid: θ in steps, and the agree tendency τ at
// the nodes of a Gauss–Hermite rule, which integrates smooth functions of
// a normal τ almost exactly with a handful of points. cdf holds, per τ node
// (with sign), per cut and per θ, the chance that θ + τ + noise falls
// below the cut; computing it once makes the posterior cost a few
// multiplications per answer.
type grid struct {
	thetas []float64
	taus   []float64 // τ nodes, symmetric about 0; taus[len/2] is 0
	weight []float64 // prior weight per cell (θ index × τ index)
	// cdf[(m*len(cutAt)+c)*len(thetas)+i] = Φ(cutAt[c] − θ_i − τ_m)
	cdf   []float64
	cutAt []float64
}

var theGrid = newGrid()

func newGrid() grid {
	var g grid
	for x := -thetaMax; x <= thetaMax+1e-9; x += thetaStep {
		g.thetas = append(g.thetas, math.Round(x*1e9)/1e9)
	}
	// Three-point Gauss–Hermite nodes and weights for a standard normal:
	// exact for polynomials up to the fifth degree, which a small τ's
	// effect is close to.
	nodes := []float64{-math.Sqrt(3), 0, math.Sqrt(3)}
	weights := []float64{1.0 / 6, 2.0 / 3, 1.0 / 6}
	for _, x := range nodes {
		g.taus = append(g.taus, x*agreeSpread)
	}
	for _, th := range g.thetas {
		prior := math.Exp(-th * th / (2 * thetaSpread * thetaSpread))
		for m := range g.taus {
			g.weight = append(g.weight, prior*weights[m])
		}
	}
	g.cutAt = []float64{cuts[0], cuts[1], 0, cuts[2], cuts[3]}
	for _, tau := range g.taus {
		for _, c := range g.cutAt {
			for _, th := range g.thetas {
				g.cdf = append(g.cdf, normalCDF(c-th-tau))
			}
		}
	}
	return g
}

func (g *grid) cells() int { return len(g.thetas) * len(g.taus) }

// below returns Φ(cut − θ_i − τ_m) for every θ_i: cut is an index into
// cutAt.
func (g *grid) below(m, cut int) []float64 {
	nt := len(g.thetas)
	at := (m*len(g.cutAt) + cut) * nt
	return g.cdf[at : at+nt]
}

// Indexes into grid.cutAt.
const (
	cutFar0 = iota // −1.5
	cutNear0
	cutZero
	cutNear1
	cutFar1
)

// item is one answered question as the model sees it: how it is answered,
// which category the answer fell in, and each category's moves of the
// margin between the two leading paths.
type item struct {
	kind     itemKind
	scale    bool // a statement, to which the agree tendency adds
	sign     int  // five-point: +1 when later points lean to the leading path
	picked   int  // five-point and choice: the category of the answer
	ticks    []bool
	moves    []float64 // per option, in percentage points
	sides    []int     // choice and pick-any: per option, +1, 0 or −1
	nums     []int64   // per option, the move's exact numerator
	numsOK   bool
	constant float64 // a question whose every answer moves the margin alike
}

type itemKind int

const (
	fixed itemKind = iota
	fivePoint
	single
	several
)

// item works out how the model reads answer d.
func (s *Scorer) item(d answered, most []int64, top, second int) item {
	n := s.t.paths
	r := &s.t.rows[d.q]
	q := &s.b.Questions[d.q]
	it := item{numsOK: true}
	for o := range r.opts {
		w := r.weights(o, n)
		a, ok1 := mul(w[top], most[second])
		b, ok2 := mul(w[second], most[top])
		it.nums = append(it.nums, a-b)
		it.numsOK = it.numsOK && ok1 && ok2
		it.moves = append(it.moves, part(w[top], most[top])-part(w[second], most[second]))
	}
	same := !slices.ContainsFunc(it.moves, func(m float64) bool { return m != it.moves[0] })
	switch {
	case r.opts == 0:
		return it
	case same && !r.kind.Multiple():
		it.constant = it.moves[0]
		return it
	case q.DefaultPick() >= 0 && r.opts == maxCategories:
		it.kind, it.scale, it.sign = fivePoint, q.Kind == quiz.Scale, 1
		if it.moves[maxCategories-1] < it.moves[0] {
			it.sign = -1
		}
		if it.moves[maxCategories-1] == it.moves[0] && !it.scale {
			// A graded question that does not weigh these two paths.
			it.kind, it.constant = fixed, it.moves[d.picks[0]]
			return it
		}
		if q.Kind == quiz.Scale {
			// A statement is one path's: disagreeing is the other side
			// even when it moves nothing, so its orientation is the key's.
			it.sign = 1
			if b := s.b.PathIndex(q.Keyed); b != top {
				it.sign = -1
			}
		}
		it.picked = d.picks[0]
		if it.sign < 0 {
			it.picked = maxCategories - 1 - it.picked
		}
		return it
	}
	for _, m := range it.moves {
		it.sides = append(it.sides, sign(m))
	}
	if r.kind.Multiple() {
		it.kind = several
		it.ticks = make([]bool, r.opts)
		for _, o := range d.picks {
			it.ticks[o] = true
		}
		return it
	}
	it.kind = single
	it.picked = it.sides[d.picks[0]]
	return it
}

// part is what weight w adds to a percent whose most is m: nothing when m
// is 0, as a path that can score nothing stays at 0 percent.
func part(w, m int64) float64 {
	if m == 0 {
		return 0
	}
	return 100 * float64(w) / float64(m)
}

func sign(x float64) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// accumulate multiplies the answer's likelihood into m and adds its
// retest move's mean and variance, for every cell: nm cells per θ, one per
// τ node for a statement, a single one for anything else.
func (it *item) accumulate(g *grid, m *moments, nm int) {
	nt, mid := len(g.thetas), len(g.taus)/2
	defer m.rescale()
	switch it.kind {
	case fixed:
		for c := range m.mean {
			m.mean[c] += it.constant
		}
	case fivePoint:
		// Category moves in the oriented order: k from the most towards the
		// runner-up to the most towards the leading path.
		var mv [maxCategories]float64
		for k := range maxCategories {
			o := k
			if it.sign < 0 {
				o = maxCategories - 1 - k
			}
			mv[k] = it.moves[o]
		}
		for j := range nm {
			tm := mid // the agree tendency adds to statements only
			if nm > 1 {
				// Agreeing leans to the leading path when sign > 0; the
				// tendency then pushes up the oriented scale, else down.
				tm = j
				if it.sign < 0 {
					tm = len(g.taus) - 1 - j
				}
			}
			c0, c1, c2, c3 := g.below(tm, cutFar0), g.below(tm, cutNear0), g.below(tm, cutNear1), g.below(tm, cutFar1)
			for i := range nt {
				p := [maxCategories]float64{c0[i], c1[i] - c0[i], c2[i] - c1[i], c3[i] - c2[i], 1 - c3[i]}
				var e, e2 float64
				for k, pk := range p {
					e += pk * mv[k]
					e2 += pk * mv[k] * mv[k]
				}
				m.add(i*nm+j, p[it.picked], e, e2)
			}
		}
	case single:
		// The sides present (−1, 0, +1), and the cut between each two:
		// −0.5 below an even option, +0.5 above it, 0 with none.
		var count [3]int
		var sum, sq [3]float64
		for o, sd := range it.sides {
			count[sd+1]++
			sum[sd+1] += it.moves[o]
			sq[sd+1] += it.moves[o] * it.moves[o]
		}
		lo, hi := g.below(mid, cutNear0), g.below(mid, cutNear1)
		if count[1] == 0 {
			lo, hi = g.below(mid, cutZero), g.below(mid, cutZero)
		}
		for i := range nt {
			p := [3]float64{lo[i], hi[i] - lo[i], 1 - hi[i]}
			// A side with no option falls to the even options, or with
			// none of those either, the answer tells nothing.
			if count[0] == 0 {
				p[1], p[0] = p[1]+p[0], 0
			}
			if count[2] == 0 {
				p[1], p[2] = p[1]+p[2], 0
			}
			if count[1] == 0 && (count[0] == 0 || count[2] == 0) {
				p = [3]float64{}
				p[it.picked+1] = 1
			}
			var e, e2 float64
			for k := range 3 {
				if count[k] > 0 {
					e += p[k] * sum[k] / float64(count[k])
					e2 += p[k] * sq[k] / float64(count[k])
				}
			}
			m.add(i, p[it.picked+1], e, e2)
		}
	case several:
		towards := g.below(mid, cutZero) // Φ(−θ): the chance noise leans against θ
		for i := range nt {
			// Each option's chance of a tick; the set is drawn again when
			// empty, so everything is conditioned on a tick.
			l, none := 1.0, 1.0
			var e, v float64
			for o, sd := range it.sides {
				pt := 0.5
				switch sd {
				case 1:
					pt = 1 - towards[i]
				case -1:
					pt = towards[i]
				}
				if it.ticks[o] {
					l *= pt
				} else {
					l *= 1 - pt
				}
				none *= 1 - pt
				e += pt * it.moves[o]
				v += pt * (1 - pt) * it.moves[o] * it.moves[o]
			}
			keep := 1 - none
			if keep <= 0 {
				continue
			}
			// The sum is 0 on the empty set, so conditioning on a tick
			// divides both its moments by the chance of one.
			m.add(i, l/keep, e/keep, (v+e*e)/keep)
		}
	}
}

// moments holds, per cell, the likelihood of the answers so far, and the
// mean and variance of the retest margin they add up to.
type moments struct{ lik, mean, vari []float64 }

func (m *moments) init(cells int) {
	m.lik, m.mean, m.vari = make([]float64, cells), make([]float64, cells), make([]float64, cells)
	for i := range m.lik {
		m.lik[i] = 1
	}
}

// add multiplies the likelihood p into cell c and adds a move of mean e
// and second moment e2.
func (m *moments) add(c int, p, e, e2 float64) {
	m.lik[c] *= p
	m.mean[c] += e
	m.vari[c] += e2 - e*e
}

// rescale keeps a likelihood over hundreds of answers from underflowing:
// only its ratios matter.
func (m *moments) rescale() {
	top := 0.0
	for _, l := range m.lik {
		top = max(top, l)
	}
	if top > 0 && top < 1e-100 {
		for i := range m.lik {
			m.lik[i] /= top
		}
	}
}

func normalCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }
