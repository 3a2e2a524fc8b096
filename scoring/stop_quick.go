package scoring

import (
	"cmp"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// The quick stop weighs what the questions not yet asked could do under
// the answering model of latent.go, fitted to the answers so far. With two
// paths the model's axis runs from the bank's first path to its second;
// with more, from the path the answers so far name to the runner-up.

const (
	// leanNeglect is the posterior weight below which a grid point's
	// convolution is not run; it counts as a change, so that the chance is
	// never understated.
	leanNeglect = 1e-7
	// quickMaxCells bounds the convolution table, and quickBudget the cell
	// updates of one decision (tens of milliseconds); past either, the
	// quick stop does not stop, which only ever asks more.
	quickMaxCells = 1 << 20
	quickBudget   = 2e7
)

// quickState is what Chance and Next share: the answers so far, the path
// they name and the answering model.
type quickState struct {
	pr      sofar
	now     standing
	ax      leanAxis
	final   []int64 // each path's most with every question answered
	weight  [leanPoints]float64
	answers []*answerList
}

func (st *Stopper) quickState(a quiz.Answers, notAsked []string) quickState {
	qs := quickState{pr: st.s.read(a, notAsked)}
	n := st.t.paths
	// Stopped now, the questions not asked are outside the result.
	qs.now = st.standingOf(qs.pr.raw, qs.pr.most, len(qs.pr.done), st.t.scored-len(qs.pr.rest))
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
	qs.weight = st.t.posterior(st.b, qs.pr.done, qs.ax, nil)
	for _, qi := range qs.pr.rest {
		qs.answers = append(qs.answers, st.t.answers(st.b, qi, qs.ax))
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
	// KeepStanding also keeps whether it is a preference, as the settled
	// stop does surely: it asks more, but a quick result is then rarely
	// called balanced where every answer would have called it a preference.
	KeepStanding
)

// QuickStep is the quick stop's answer after an answer.
type QuickStep struct {
	// Stop is true when Chance is below QuickRisk and at least QuickMin
	// scored questions have been asked.
	Stop bool
	// Chance is the chance that answering every scored question not yet
	// asked would name another path than stopping now (with KeepStanding,
	// or change the preference), under the answering model fitted to the
	// answers so far: over the grid of leans, the posterior weight times
	// the exact chance of a change at that lean, by the convolution of
	// lw.go. A tie names no path, so it is a change. A result that names no
	// path now has chance 1, as has a bank past the convolution's budget.
	//
	// Chance is exact when Stop is true. Otherwise it is at least QuickRisk
	// but may be less than the whole chance: the leans are weighed
	// likeliest first and the rest left out once the sum reaches QuickRisk,
	// which makes a decision to go on cheap.
	Chance float64
	// Next is the question to ask next: the scored question not yet asked
	// whose answer is least predictable (the largest variance, over the
	// posterior, of what it adds to the margin between the axis's paths),
	// the first in bank order among equals; once none is left, the first
	// profile question not yet asked; "" when every question has been asked.
	Next string
}

// Quick is the quick stop after the answers so far, with the questions
// not yet asked (by id). Called before the first answer it gives the first
// question to ask.
func (st *Stopper) Quick(a quiz.Answers, notAsked []string) QuickStep {
	qs := st.quickState(a, notAsked)
	c, _ := st.chance(&qs, QuickRisk)
	return QuickStep{Stop: c < QuickRisk && st.t.scored-len(qs.pr.rest) >= QuickMin(st.t.scored), Chance: c, Next: st.next(&qs)}
}

// QuickMin is the fewest scored questions, of a bank of scored ones, that
// the quick stop asks before it may stop: a quarter, rounded up. A handful
// of answers at one extreme makes the fitted model look surer than it is;
// a quarter is about what the quick stop asks on average anyway.
func QuickMin(scored int) int { return (scored + 3) / 4 }

// chance is QuickStep.Chance, exact below enough and at least enough
// otherwise; within is false when it is 1 for the budget alone.
func (st *Stopper) chance(qs *quickState, enough float64) (float64, bool) {
	switch {
	case qs.now.path < 0:
		return 1, true
	case slices.Contains(qs.answers, nil):
		return 1, false
	case len(qs.pr.rest) == 0, st.t.paths == 1 && st.QuickKeeps == KeepPath:
		return 0, true
	}
	t, n, c := st.t, st.t.paths, qs.now.path
	// The convolution of lw.go, against the path named now.
	var raws [][][]int64
	for _, al := range qs.answers {
		raws = append(raws, al.raws)
	}
	lt, ok := cheaper([]basis{byMargin, byRaw}, c, qs.final, qs.pr.raw, raws, quickMaxCells)
	if !ok {
		return 1, false
	}
	// Whether each cell is a change, decided once for every lean.
	kFinal := len(qs.pr.done) + len(qs.pr.rest)
	if withhold(st.b, t.scored, kFinal, qs.final) != "" {
		return 1, true
	}
	changed := make([]bool, lt.size)
	d := make([]int64, n)
	for s := range lt.size {
		lt.at(s, d)
		if lt.basis == byRaw {
			fin := st.standingOf(d, qs.final, kFinal, t.scored)
			changed[s] = fin.path != c || st.QuickKeeps == KeepStanding && fin.preference != qs.now.preference
			continue
		}
		// Another path level with c or ahead: a tie names no path.
		changed[s] = slices.ContainsFunc(lt.coords, func(i int) bool { return d[i] >= 0 })
		if changed[s] || st.QuickKeeps != KeepStanding {
			continue
		}
		// c leads path i by −D_i over most_c×most_i percent, or by −D_i
		// over most_c where path i can score nothing.
		preference := !slices.ContainsFunc(lt.coords, func(i int) bool {
			return !st.leads(kFinal, -d[i], qs.final[c]*max(1, qs.final[i]), 0, 0)
		})
		changed[s] = preference != qs.now.preference
	}
	// Every lean weighed repeats the convolution.
	weighed := 0
	for _, w := range qs.weight {
		if w >= leanNeglect {
			weighed++
		}
	}
	if lt.cost*float64(weighed) > quickBudget {
		return 1, false
	}
	cur, next := make([]float64, lt.size), make([]float64, lt.size)
	// The likeliest leans first, so that the rest need not be weighed once
	// the chance reaches enough.
	byWeight := make([]int, leanPoints)
	for gi := range byWeight {
		byWeight[gi] = gi
	}
	slices.SortStableFunc(byWeight, func(x, y int) int { return cmp.Compare(qs.weight[y], qs.weight[x]) })
	total := 0.0
	for _, gi := range byWeight {
		w := qs.weight[gi]
		if total >= enough {
			break
		}
		if w < leanNeglect {
			total += w
			continue
		}
		cells := lt.run(cur, next, func(q int) []float64 { return qs.answers[q].byLean[gi] })
		change := 0.0
		for s, v := range cells {
			if changed[s] {
				change += v
			}
		}
		total += w * change
	}
	return min(1, max(0, total)), true
}

// next is QuickStep.Next.
func (st *Stopper) next(qs *quickState) string {
	best, bestVar := -1, -1.0
	listed := !slices.Contains(qs.answers, nil)
	for q, qi := range qs.pr.rest {
		al := qs.answers[q]
		if !listed {
			best = qi
			break
		}
		terms := make([]float64, len(al.raws))
		for i, raw := range al.raws {
			terms[i] = swing(raw, qs.final, qs.ax.plus, qs.ax.minus)
		}
		var mean, sq float64
		for gi, w := range qs.weight {
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
		best = slices.IndexFunc(st.b.Questions, func(q quiz.Question) bool { return qs.pr.out[q.ID] && !q.Scored() })
	}
	if best < 0 {
		return ""
	}
	return st.b.Questions[best].ID
}
