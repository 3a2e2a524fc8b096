package scoring

import (
	"cmp"
	"math"
	"math/big"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// The quick stop's answering model
//
// A person has a lean θ along an axis from one path (plus) to another
// (minus): with two paths, from the bank's first path to its second; with
// more, from the path the answers so far name to the runner-up. Each
// answer is θ plus standard normal noise, independently per question, and
// the noise decides the answer:
//
//   - a graded question: the lean towards side A (θ if A speaks for plus,
//     −θ if for minus, 0 if for neither) plus noise, cut at −1.5, −0.5, 0.5
//     and 1.5 into much rather B, rather B, both equally, rather A, much
//     rather A;
//   - a statement: the lean towards its keyed path plus noise, cut the same
//     way into strongly disagree … strongly agree;
//   - any other single pick: its options take plus's side, minus's side or
//     neither by the percents they give; θ plus noise above 0 picks one of
//     plus's options, below 0 one of minus's (with options for neither,
//     plus's above 0.5, minus's below −0.5, neither's between), uniformly
//     within the side; a question without options on both sides is
//     answered uniformly;
//   - a pick-any question: the answer's lean y is θ plus noise, as for any
//     answer; each option on plus's side is then ticked when y plus the
//     option's own normal noise (of spread pickSpread) is above 0, each on
//     minus's side when −y plus its noise is, each on neither's side half
//     the time; an answer that would tick none is drawn again (the empty
//     set is taken out and the rest renormalised). One noise per answer
//     keeps a pick-any question one answer's worth of evidence: with a
//     noise per option, six options would weigh as six answers, and the
//     quick stop stopped after a single question for over a quarter of
//     people.
//
// θ starts from N(0, 1) and is updated by Bayes' rule from the answers
// given (skips say nothing), on a grid of leanPoints values from −4 to 4.
// The same model, with θ drawn from N(0, 1), is the latent-trait population
// that Simulate draws people from.

const (
	leanPoints = 61
	leanSpan   = 4.0
	// leanNeglect is the posterior weight below which a grid point's
	// convolution is not run; the chance counts it as a change, so that
	// the chance is never understated.
	leanNeglect = 1e-7
	// quickMaxSubsets bounds the sets of a pick-any question the quick stop
	// lists one by one (2^10); a bank with a larger one never stops
	// quickly.
	quickMaxSubsets = 1 << 10
	// quickMaxCells bounds the convolution table, and quickBudget the cell
	// updates of one decision (tens of milliseconds): banks of two paths
	// and a few dozen questions need far less; past either, the quick
	// stop does not stop, which only ever asks more.
	quickMaxCells = 1 << 20
	quickBudget   = 2e7
	// pickSpread is the spread of each pick-any option's own noise about
	// the answer's lean.
	pickSpread = 1.0
)

// fiveCuts are the four cut points of a five-point answer.
var fiveCuts = [4]float64{-1.5, -0.5, 0.5, 1.5}

// lowerTail is the standard normal distribution function.
func lowerTail(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

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

// leanTails are the normal distribution values the model needs at one lean θ:
// Φ(c − θ) and Φ(c + θ) for each cut c, and Φ(θ). Working them out once
// per lean, not once per question, is most of the quick stop's speed.
type leanTails struct {
	up, down [4]float64
	pos      float64
}

func leanTailsAt(theta float64) leanTails {
	var tl leanTails
	for i, c := range fiveCuts {
		tl.up[i], tl.down[i] = lowerTail(c-theta), lowerTail(c+theta)
	}
	tl.pos = lowerTail(theta)
	return tl
}

// noLeanTails are the tails of a lean of 0, for questions that speak for
// neither path of the axis.
var noLeanTails = leanTailsAt(0)

// fivePointChances is the chance of each of five points, from the most against
// to the most for, given Φ(c − μ) for each cut c, μ the lean towards "for".
func fivePointChances(f *[4]float64, out []float64) {
	prev := 0.0
	for i := range fiveCuts {
		out[i] = f[i] - prev
		prev = f[i]
	}
	out[4] = 1 - prev
}

// leanReaction is how each option of a question reacts to the lean: by kind, as
// the model says.
type leanReaction struct {
	// five is 1 for a five-point question whose last option is the most
	// towards plus, −1 if the most towards minus, 0 for a five-point
	// question that speaks for neither and for any other question.
	five    float64
	fivePt  bool
	pick    bool
	side    []int8 // per option: +1 plus's side, −1 minus's, 0 neither
	hasSide [3]int // options on minus's side, neither's, plus's
}

func (st *Stopper) reactionOf(qi int, ax leanAxis) leanReaction {
	b, t := st.b, st.t
	q, r := &b.Questions[qi], &t.rows[qi]
	n := t.paths
	var l leanReaction
	switch {
	case q.Kind == quiz.Graded && len(q.Sides) == 2 && r.opts == 5:
		// Option 0 is much rather A: the last is the most towards B.
		a, bb := ax.sign(b.PathIndex(q.Sides[0].Path)), ax.sign(b.PathIndex(q.Sides[1].Path))
		l.fivePt, l.five = true, max(-1, min(1, bb-a))
		return l
	case q.Kind == quiz.Scale && r.opts == 5:
		l.fivePt, l.five = true, ax.sign(b.PathIndex(q.Keyed))
		return l
	}
	l.pick = r.kind.Multiple()
	l.side = make([]int8, r.opts)
	for o := range r.opts {
		w := r.weights(o, n)
		x := pctOf(w[ax.plus], r.best[ax.plus]) - pctOf(w[ax.minus], r.best[ax.minus])
		switch {
		case x > 0:
			l.side[o] = 1
		case x < 0:
			l.side[o] = -1
		}
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
			fivePointChances(&noLeanTails.up, out)
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
// lean (θ plus the answer's noise) is y: Φ(±y/pickSpread) for an option on
// plus's or minus's side, one half for one on neither's.
func (l *leanReaction) tick(o int, y float64) float64 {
	if l.side[o] == 0 {
		return 0.5
	}
	return lowerTail(float64(l.side[o]) * y / pickSpread)
}

// leanAt is the lean at point g of the grid.
func leanAt(g int) float64 { return -leanSpan + 2*leanSpan*float64(g)/(leanPoints-1) }

// leanPosterior is the posterior of θ on the grid, given the answers.
type leanPosterior struct {
	ax     leanAxis
	theta  []float64
	weight []float64
}

func (st *Stopper) posterior(a quiz.Answers, notAsked map[int]bool, ax leanAxis) leanPosterior {
	le := leanPosterior{ax: ax, theta: make([]float64, leanPoints), weight: make([]float64, leanPoints)}
	logw := make([]float64, leanPoints)
	for g := range leanPoints {
		le.theta[g] = leanAt(g)
		logw[g] = -le.theta[g] * le.theta[g] / 2
	}
	for qi := range st.t.rows {
		r := &st.t.rows[qi]
		if !r.scored || notAsked[qi] {
			continue
		}
		picks := validPicks(r, a[st.b.Questions[qi].ID].Picks)
		if len(picks) == 0 {
			continue
		}
		al, ok := st.answers(qi, ax)
		if !ok {
			continue
		}
		i := picks[0]
		if r.kind.Multiple() {
			mask := 0
			for _, o := range picks {
				mask |= 1 << o
			}
			i = mask - 1
		}
		for g := range le.theta {
			logw[g] += math.Log(max(1e-300, al.byLean[g][i]))
		}
	}
	top := slices.Max(logw)
	sum := 0.0
	for g := range logw {
		le.weight[g] = math.Exp(logw[g] - top)
		sum += le.weight[g]
	}
	for g := range le.weight {
		le.weight[g] /= sum
	}
	return le
}

// answerList is every answer to a question (each option, or each
// non-empty set of a pick-any question's options, in the order of their
// bit masks) with the raws it gives and its chance at each lean of the
// grid.
type answerList struct {
	sets   [][]int
	raws   [][]int64
	byLean [][]float64
}

func (st *Stopper) answers(qi int, ax leanAxis) (answerList, bool) {
	// The lists depend on the bank and the axis alone, so each is made
	// once.
	key := listKey{qi, ax}
	if c, ok := st.lists[key]; ok {
		return c.al, c.ok
	}
	al, ok := st.listAnswers(qi, ax)
	if st.lists == nil {
		st.lists = map[listKey]cachedList{}
	}
	st.lists[key] = cachedList{al, ok}
	return al, ok
}

type listKey struct {
	qi int
	ax leanAxis
}

type cachedList struct {
	al answerList
	ok bool
}

func (st *Stopper) listAnswers(qi int, ax leanAxis) (answerList, bool) {
	r := &st.t.rows[qi]
	n := st.t.paths
	l := st.reactionOf(qi, ax)
	var al answerList
	if r.kind.Multiple() {
		if r.opts > 30 || 1<<r.opts > quickMaxSubsets {
			return al, false
		}
		for mask := 1; mask < 1<<r.opts; mask++ {
			var set []int
			raw := make([]int64, n)
			for o := range r.opts {
				if mask&(1<<o) != 0 {
					set = append(set, o)
					for p, w := range r.weights(o, n) {
						raw[p] += w
					}
				}
			}
			al.sets, al.raws = append(al.sets, set), append(al.raws, raw)
		}
	} else {
		for o := range r.opts {
			al.sets = append(al.sets, []int{o})
			al.raws = append(al.raws, slices.Clone(r.weights(o, n)))
		}
	}
	for g := range leanPoints {
		p := make([]float64, len(al.sets))
		if r.kind.Multiple() {
			l.subsets(leanAt(g), p)
		} else {
			l.probs(&st.grid[g], p)
		}
		al.byLean = append(al.byLean, p)
	}
	return al, true
}

// subsets fills out with the chance of each non-empty set of a pick-any
// question's options at lean theta, by bit mask (out[mask−1]): the chance
// that an answer ticks exactly that set, over the answer's noise, with the
// empty set taken out and the rest renormalised.
func (l *leanReaction) subsets(theta float64, out []float64) {
	k := len(l.side)
	acc := make([]float64, 1<<k)
	prod := make([]float64, 1<<k)
	for e, eps := range answerNoise.nodes {
		y := theta + eps
		prod[0] = answerNoise.weights[e]
		for o := range k {
			p := l.tick(o, y)
			for mask := range 1 << o {
				prod[mask|1<<o] = prod[mask] * p
				prod[mask] *= 1 - p
			}
		}
		for mask, v := range prod {
			acc[mask] += v
		}
	}
	for mask := 1; mask < 1<<k; mask++ {
		out[mask-1] = acc[mask] / (1 - acc[0])
	}
}

// answerNoise is the standard normal noise of one answer on a grid of
// nodes from −5 to 5, each weighted by its density, the weights summing to
// 1: the quadrature over which a pick-any answer's chances are summed.
var answerNoise = func() (q struct{ nodes, weights []float64 }) {
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
	return q
}()

// quickState is what Chance and Next share: the answers so far, the path
// they name and the answering model.
type quickState struct {
	pr            sofar
	out           map[int]bool
	now           standing
	ax            leanAxis
	final         []int64 // each path's most with every question answered
	leanPosterior leanPosterior
	answers       []answerList
	ok            bool
}

func (st *Stopper) quickState(a quiz.Answers, notAsked []string) quickState {
	qs := quickState{pr: st.read(a, notAsked), out: map[int]bool{}, ok: true}
	for _, id := range notAsked {
		if qi, ok := st.index[id]; ok {
			qs.out[qi] = true
		}
	}
	n := st.t.paths
	// Stopped now, the questions not asked are outside the result.
	qs.now = st.standingOf(qs.pr.raw, qs.pr.most, qs.pr.answered, qs.pr.asked)
	qs.ax = leanAxis{plus: 0, minus: min(1, n-1)}
	if n > 2 && qs.now.path >= 0 {
		top, second, _ := rank(qs.pr.raw, qs.pr.most)
		qs.ax = leanAxis{plus: top, minus: second}
	}
	qs.final = slices.Clone(qs.pr.most)
	for _, qi := range qs.pr.rest {
		for p := range n {
			qs.final[p] += st.t.rows[qi].best[p]
		}
	}
	qs.leanPosterior = st.posterior(a, qs.out, qs.ax)
	for _, qi := range qs.pr.rest {
		al, ok := st.answers(qi, qs.ax)
		qs.ok = qs.ok && ok
		qs.answers = append(qs.answers, al)
	}
	return qs
}

// Keep is what the quick stop keeps, with a chance of at least
// 1 − QuickRisk, when it stops.
type Keep int

const (
	// KeepPath keeps the path the result names: the quick stop ends once
	// another path is unlikely.
	KeepPath Keep = iota
	// KeepStanding keeps the path and whether it is a preference or no
	// clear preference, as the settled stop does surely: it asks more, but
	// a quick result is then rarely called balanced where every answer
	// would have called it a preference.
	KeepStanding
)

// QuickStep is the quick stop's answer after an answer.
type QuickStep struct {
	// Stop is true when Chance is below QuickRisk.
	Stop bool
	// Chance is the chance that answering every scored question not yet
	// asked would name another path than stopping now (with KeepStanding,
	// or change the preference or no clear preference), under the
	// answering model fitted to the answers so far: the sum, over the grid
	// of leans, of the posterior weight times the exact chance of a change
	// at that lean (exact for the model, the lean taken on its grid). The
	// latter is a Lord–Wingersky convolution: with every
	// question answered each path's most is fixed, so path i's percent
	// minus path c's (c the path named now) is a fixed multiple of
	// D_i = raw_i×most_c − raw_c×most_i, an integer sum to which each
	// remaining question adds its own term; the distribution of the vector
	// of D_i is built question by question, and a change is any cell where
	// some D_i ≥ 0 (another path level with c or ahead: a tie names no
	// path). With three paths or more the table may instead be laid out by
	// the raws, where that is smaller. A result that names no path now (withheld or tied) has chance
	// 1, as has a bank past the budget of the convolution.
	//
	// Chance is exact when Stop is true. Otherwise it is at least
	// QuickRisk but may be less than the whole chance: the leans are
	// weighed likeliest first, and once the sum reaches QuickRisk the rest
	// are left out, which makes a decision to go on cheap.
	Chance float64
	// Next is the question to ask next if the quiz goes on: among the
	// scored questions not yet asked, the one whose answer is least
	// predictable in what it adds to the margin between the axis's paths
	// with every question answered (the largest variance of that term
	// under the answering model, averaged over the posterior of the lean),
	// the first in bank order among equals; once none is left, the first
	// profile question not yet asked in bank order; "" when every question
	// has been asked.
	Next string
}

// Quick is the quick stop after the answers so far, with the questions
// not yet asked (by id). Called before the first answer it gives the first
// question to ask.
func (st *Stopper) Quick(a quiz.Answers, notAsked []string) QuickStep {
	qs := st.quickState(a, notAsked)
	c, _ := st.chance(&qs, QuickRisk)
	return QuickStep{Stop: c < QuickRisk, Chance: c, Next: st.next(&qs)}
}

// chance is QuickStep.Chance, exact below enough and at least enough
// otherwise; within is false when it is 1 for the budget alone.
func (st *Stopper) chance(qs *quickState, enough float64) (float64, bool) {
	switch {
	case qs.now.path < 0:
		return 1, true
	case !qs.ok:
		return 1, false
	case len(qs.pr.rest) == 0:
		return 0, true
	}
	t := st.t
	n := t.paths
	c := qs.now.path
	var coords []int
	for i := range n {
		if i != c {
			coords = append(coords, i)
		}
	}
	if len(coords) == 0 && st.QuickKeeps == KeepPath {
		return 0, true
	}
	// Two ways to lay out the table, as the bank audit's exact method
	// has: by the margins D_i over the other paths, or by every path's
	// raw (the change then read off by ranking against the final mosts).
	// The margins need a dimension fewer but span the product of raws and
	// mosts; the cheaper is run.
	margins := func(raw []int64, j int) int64 {
		i := coords[j]
		if qs.final[i] == 0 {
			return -raw[c]
		}
		return raw[i]*qs.final[c] - raw[c]*qs.final[i]
	}
	raws := func(raw []int64, j int) int64 { return raw[j] }
	lm, okM := layOutLW(qs, len(coords), margins)
	// Products of raws and mosts must fit 64 bits with room for sums.
	okM = okM && slices.Max(qs.final) < 1<<28 && len(coords) > 0
	lr, okR := layOutLW(qs, n, raws)
	var lay lwLayout
	var term func([]int64, int) int64
	switch {
	case okM && (!okR || lm.size <= lr.size):
		lay, term = lm, margins
	case okR:
		lay, term = lr, raws
	default:
		return 1, false
	}
	m, g, lo, off, span, strides, size := lay.m, lay.g, lay.lo, lay.off, lay.span, lay.strides, lay.size
	// Each question's answers as flat shifts, equal shifts merged.
	type merged struct {
		shifts []int
		of     []int // per answer, its shift's index
		grow   int
		probs  []float64
	}
	ms := make([]merged, len(qs.answers))
	for q, al := range qs.answers {
		mg := &ms[q]
		for _, raw := range al.raws {
			s := 0
			for j := range m {
				s += int((term(raw, j)-lo[q][j])/g[j]) * strides[j]
			}
			k := slices.Index(mg.shifts, s)
			if k < 0 {
				k = len(mg.shifts)
				mg.shifts = append(mg.shifts, s)
			}
			mg.of = append(mg.of, k)
			mg.grow = max(mg.grow, s)
		}
		mg.probs = make([]float64, len(mg.shifts))
	}
	// Whether each cell is a change, decided once for every lean.
	kFinal := qs.pr.answered + len(qs.pr.rest)
	if _, ok := withhold(st.b, t.scored, kFinal, qs.final); ok {
		return 1, true
	}
	changed := make([]bool, size)
	d := make([]int64, m)
	for s := range size {
		for j := range m {
			d[j] = g[j]*int64(s/strides[j]%int(span[j]+1)) + off[j]
		}
		if m == n {
			fin := st.standingOf(d, qs.final, kFinal, t.scored)
			changed[s] = fin.path != c || st.QuickKeeps == KeepStanding && fin.preference != qs.now.preference
			continue
		}
		changed[s] = slices.ContainsFunc(d, func(x int64) bool { return x >= 0 })
		if changed[s] || st.QuickKeeps != KeepStanding {
			continue
		}
		// c leads path i by −D_i over most_c×most_i percent, or by −D_i
		// over most_c where path i can score nothing.
		preference := true
		for j, i := range coords {
			if !st.leadsBy(kFinal, -d[j], qs.final[c]*max(1, qs.final[i])) {
				preference = false
				break
			}
		}
		changed[s] = preference != qs.now.preference
	}
	// The work of one lean's convolution, which every lean weighed
	// repeats: past the budget the quick stop does not stop.
	work, active := 0.0, 1
	for q := range ms {
		work += float64(active) * float64(len(ms[q].shifts))
		active += ms[q].grow
	}
	weighed := 0
	for _, w := range qs.leanPosterior.weight {
		if w >= leanNeglect {
			weighed++
		}
	}
	if work*float64(weighed) > quickBudget {
		return 1, false
	}
	cur, next := make([]float64, size), make([]float64, size)
	// The likeliest leans first: once the chance is known to reach
	// enough, the rest need not be weighed.
	byWeight := make([]int, len(qs.leanPosterior.weight))
	for gi := range byWeight {
		byWeight[gi] = gi
	}
	slices.SortStableFunc(byWeight, func(x, y int) int { return cmp.Compare(qs.leanPosterior.weight[y], qs.leanPosterior.weight[x]) })
	total := 0.0
	for _, gi := range byWeight {
		w := qs.leanPosterior.weight[gi]
		if total >= enough {
			break
		}
		if w < leanNeglect {
			total += w
			continue
		}
		clear(cur)
		cur[0] = 1
		active := 1
		for q := range qs.answers {
			al, mg := &qs.answers[q], &ms[q]
			clear(mg.probs)
			for i, p := range al.byLean[gi] {
				mg.probs[mg.of[i]] += p
			}
			clear(next[:active+mg.grow])
			for s, v := range cur[:active] {
				if v == 0 {
					continue
				}
				for k, d := range mg.shifts {
					next[s+d] += v * mg.probs[k]
				}
			}
			cur, next = next, cur
			active += mg.grow
		}
		change := 0.0
		for s, v := range cur[:active] {
			if changed[s] {
				change += v
			}
		}
		total += w * change
	}
	return min(1, max(0, total)), true
}

// leadsBy reports whether a lead of 100×num/den percentage points reaches
// the balanced band for k answers, as leads does.
func (st *Stopper) leadsBy(k int, num, den int64) bool {
	m := 100 * float64(num) / float64(den)
	switch band := st.slight[min(k, len(st.slight)-1)]; {
	case m > band+1e-6:
		return true
	case m < band-1e-6:
		return false
	}
	r := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(100), big.NewInt(num)), big.NewInt(den))
	if r.Sign() < 0 {
		r.SetInt64(0)
	}
	return strength(st.s.bandsFor(k), r) != Balanced
}

// lwLayout is a convolution table's shape: per coordinate, the common
// divisor of its steps, its offset (the sum of each question's lowest term
// and the answers so far), its span in units, and its stride; lo holds each
// question's lowest term per coordinate.
type lwLayout struct {
	m            int
	g, off, span []int64
	lo           [][]int64
	strides      []int
	size         int
}

// layOutLW lays out a table of m coordinates, each answer adding term(raw, j)
// to coordinate j; ok is false past maxCells or 64 bits.
func layOutLW(qs *quickState, m int, term func(raw []int64, j int) int64) (lwLayout, bool) {
	lay := lwLayout{m: m, g: make([]int64, m), off: make([]int64, m), span: make([]int64, m),
		lo: make([][]int64, len(qs.answers)), strides: make([]int, m), size: 1}
	for j := range m {
		lay.off[j] = term(qs.pr.raw, j)
	}
	for q, al := range qs.answers {
		lay.lo[q] = make([]int64, m)
		for j := range m {
			l, h := int64(math.MaxInt64), int64(math.MinInt64)
			for _, raw := range al.raws {
				d := term(raw, j)
				l, h = min(l, d), max(h, d)
			}
			lay.lo[q][j] = l
			lay.off[j] += l
			for _, raw := range al.raws {
				lay.g[j] = gcd(lay.g[j], term(raw, j)-l)
			}
			lay.span[j] += h - l
		}
	}
	for j := range m {
		lay.g[j] = max(1, lay.g[j])
		lay.span[j] /= lay.g[j]
		lay.strides[j] = lay.size
		if float64(lay.size)*float64(lay.span[j]+1) > quickMaxCells {
			return lay, false
		}
		lay.size *= int(lay.span[j]) + 1
	}
	return lay, true
}

// next is QuickStep.Next.
func (st *Stopper) next(qs *quickState) string {
	best, bestVar := -1, -1.0
	for q, qi := range qs.pr.rest {
		al := &qs.answers[q]
		if !qs.ok {
			best = qi
			break
		}
		terms := make([]float64, len(al.raws))
		for i, raw := range al.raws {
			terms[i] = pctOf(raw[qs.ax.plus], qs.final[qs.ax.plus]) - pctOf(raw[qs.ax.minus], qs.final[qs.ax.minus])
		}
		var mean, sq float64
		for gi, w := range qs.leanPosterior.weight {
			if w < leanNeglect {
				continue
			}
			for i, p := range al.byLean[gi] {
				mean += w * p * terms[i]
				sq += w * p * terms[i] * terms[i]
			}
		}
		if v := sq - mean*mean; v > bestVar+1e-12 {
			best, bestVar = qi, v
		}
	}
	if best < 0 {
		for qi := range st.t.rows {
			if qs.out[qi] && !st.t.rows[qi].scored {
				best = qi
				break
			}
		}
	}
	if best < 0 {
		return ""
	}
	return st.b.Questions[best].ID
}
