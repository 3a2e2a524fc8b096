package scoring

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/quiz"
)

// Warning codes.
const (
	WarnSamePosition = "same-position"
	WarnAllNeutral   = "all-neutral"
	WarnFewAnswered  = "few-answered"
)

// The smallest numbers of answers from which a pattern is worth a warning:
// two or three identical answers happen by chance and by honest conviction.
const (
	samePositionMin = 5
	allNeutralMin   = 3
	neutral         = 2 // index of "Neutral" on the five-point scale
)

// answered is one answered question: its index in the bank and its valid
// picks.
type answered struct {
	q     int
	picks []int
}

// Score weighs a person's answers against a bank (see the package
// documentation for the rules). It never fails: answers for questions the
// bank does not have are ignored, as are picks outside a question's options
// (the answers parser rejects both earlier), and a choice or scale question
// counts only its first pick.
//
// Warnings come in a fixed order: few-answered, same-position, all-neutral.
// In a bank of a single path the margin is that path's percent, its lead
// over nothing.
func Score(b *quiz.Bank, a quiz.Answers) Result {
	t := newTable(b)
	n := t.paths
	res := Result{Total: scored(b)}

	var done []answered
	for qi := range b.Questions {
		if !b.Questions[qi].Scored() {
			// A profile question is asked and kept, but counts for nothing.
			continue
		}
		if picks := validPicks(&t.rows[qi], a[b.Questions[qi].ID].Picks); len(picks) > 0 {
			done = append(done, answered{q: qi, picks: picks})
		}
	}
	res.Answered = len(done)
	res.Skipped = res.Total - res.Answered

	// gain holds, per answered question, what its picks gave each path.
	gain := make([]int64, len(done)*n)
	raw, most := make([]int64, n), make([]int64, n)
	for j, d := range done {
		r := &t.rows[d.q]
		g := gain[j*n : (j+1)*n]
		for _, o := range d.picks {
			for p, w := range r.weights(o, n) {
				g[p] += w
			}
		}
		for p := range n {
			raw[p] += g[p]
			most[p] += r.best[p]
		}
	}
	res.Paths = pathScores(b, raw, most)
	themes := sumThemes(b, &t, done, gain)
	res.Themes = themes.scores(b)
	res.Warnings = patternWarnings(b, done)

	if reason, ok := withhold(b, res.Answered, most); ok {
		res.Reason = reason
		res.Warnings = append([]Warning{{Code: WarnFewAnswered, Message: fewMessage(b, res.Answered, most)}}, res.Warnings...)
		for p := range b.Paths {
			res.Others = append(res.Others, other(b, p, res.Paths[p].Percent))
		}
		return res
	}

	top, second, tie := rank(raw, most)
	rec := &Recommendation{Path: b.Paths[top].ID, Name: b.Paths[top].Name, Tie: tie}
	var margin *big.Rat
	if second >= 0 {
		rec.RunnerUp = b.Paths[second].ID
		margin = exactMargin(raw[top], most[top], raw[second], most[second])
	} else {
		margin = exactMargin(raw[top], most[top], 0, 0)
	}
	rec.Margin, _ = margin.Float64()
	rec.Strength = strength(b.Scoring, margin)
	if tie {
		rec.Strength = Balanced
	}
	res.Recommendation = rec
	res.Stability = stability(b, &t, done, gain, top)
	res.Toward, res.Against = reasons(b, &t, done, gain, top, second)
	res.Steps, res.OtherSteps, res.StepsDone = planSteps(b, a, &themes, done, gain, &res, top)
	res.Salary = slices.Clone(b.Paths[top].Salary)
	for p := range b.Paths {
		if p != top {
			res.Others = append(res.Others, other(b, p, res.Paths[p].Percent))
		}
	}
	return res
}

// scored counts the questions of the bank that count towards the result.
func scored(b *quiz.Bank) int {
	n := 0
	for i := range b.Questions {
		if b.Questions[i].Scored() {
			n++
		}
	}
	return n
}

// validPicks keeps the picks that name an option of the question, once
// each, and only the first for a question that takes a single pick. Valid
// picks, the usual case, are returned as they are, without a copy.
func validPicks(r *row, picks []int) []int {
	if len(picks) == 1 && picks[0] >= 0 && picks[0] < r.opts {
		return picks
	}
	var out []int
	for _, o := range picks {
		if o < 0 || o >= r.opts || slices.Contains(out, o) {
			continue
		}
		out = append(out, o)
		if r.kind != quiz.PickAny {
			break
		}
	}
	return out
}

func pathScores(b *quiz.Bank, raw, most []int64) []PathScore {
	ps := make([]PathScore, len(b.Paths))
	for p, path := range b.Paths {
		ps[p] = PathScore{ID: path.ID, Name: path.Name, Raw: weight(raw[p]), Most: weight(most[p]), Percent: percent(raw[p], most[p])}
	}
	return ps
}

func other(b *quiz.Bank, p int, pct float64) OtherPath {
	return OtherPath{ID: b.Paths[p].ID, Name: b.Paths[p].Name, Summary: b.Paths[p].Summary, Percent: pct}
}

// themeSums holds each theme's exact sums, theme by theme.
type themeSums struct {
	n         int
	raw, most []int64
	answered  []int
}

// sumThemes adds up each theme over its own answered questions.
func sumThemes(b *quiz.Bank, t *table, done []answered, gain []int64) themeSums {
	n := t.paths
	index := make(map[string]int, len(b.Themes))
	for i, th := range b.Themes {
		index[th.ID] = i
	}
	s := themeSums{n: n, raw: make([]int64, len(b.Themes)*n), most: make([]int64, len(b.Themes)*n), answered: make([]int, len(b.Themes))}
	for j, d := range done {
		ti, ok := index[b.Questions[d.q].Theme]
		if !ok {
			continue
		}
		s.answered[ti]++
		for p := range n {
			s.raw[ti*n+p] += gain[j*n+p]
			s.most[ti*n+p] += t.rows[d.q].best[p]
		}
	}
	return s
}

func (s *themeSums) scores(b *quiz.Bank) []ThemeScore {
	n := s.n
	ts := make([]ThemeScore, len(b.Themes))
	for i, th := range b.Themes {
		ts[i] = ThemeScore{ID: th.ID, Name: th.Name, Answered: s.answered[i], Paths: pathScores(b, s.raw[i*n:(i+1)*n], s.most[i*n:(i+1)*n])}
	}
	return ts
}

// withhold says why no path can be recommended, if so.
func withhold(b *quiz.Bank, answered int, most []int64) (string, bool) {
	total := scored(b)
	switch {
	case total == 0:
		return "the bank has no questions", true
	case float64(answered)/float64(total) < b.Scoring.MinAnswered:
		return fmt.Sprintf("you answered %d of %d questions; a recommendation needs at least %d (%s%%)",
			answered, total, needed(b.Scoring.MinAnswered, total), share(b.Scoring.MinAnswered)), true
	case answered == 0:
		return fmt.Sprintf("you answered none of the %d questions", total), true
	case !slices.ContainsFunc(most, func(m int64) bool { return m > 0 }):
		return fmt.Sprintf("none of the %d questions you answered can give any path a point", answered), true
	}
	return "", false
}

func fewMessage(b *quiz.Bank, answered int, most []int64) string {
	total := scored(b)
	switch {
	case total == 0:
		return "There were no questions to answer, so there is nothing to recommend."
	case float64(answered)/float64(total) < b.Scoring.MinAnswered || answered == 0:
		return fmt.Sprintf("You answered %d of %d questions. That is too few for a recommendation: any lean in these answers may mean little.", answered, total)
	}
	return "None of your answers gave any path a point, so the scores mean little."
}

// needed is the least number of answers whose share reaches least, found with
// the same float comparison withhold makes so that the two always agree.
func needed(least float64, total int) int {
	k := max(0, min(total, int(math.Ceil(least*float64(total)))))
	for k > 0 && float64(k-1)/float64(total) >= least {
		k--
	}
	for k < total && float64(k)/float64(total) < least {
		k++
	}
	return k
}

// share renders a 0–1 share as a percentage with at most one decimal.
func share(s float64) string {
	return strconv.FormatFloat(math.Round(s*1000)/10, 'f', -1, 64)
}

// exactMargin is the lead of percent a (rawA/mostA) over percent b in
// percentage points, as an exact fraction: a margin of exactly 25 points
// must meet a band that starts at 25, which the difference of two rounded
// percents (55.357… − 30.357… = 24.999…) would miss.
func exactMargin(rawA, mostA, rawB, mostB int64) *big.Rat {
	pct := func(raw, most int64) *big.Rat {
		if most == 0 {
			return new(big.Rat)
		}
		return big.NewRat(100*raw, most)
	}
	m := new(big.Rat).Sub(pct(rawA, mostA), pct(rawB, mostB))
	if m.Sign() < 0 {
		return new(big.Rat)
	}
	return m
}

// strength turns a margin in percentage points into a band, comparing it
// exactly with the bank's thresholds.
func strength(th quiz.Thresholds, margin *big.Rat) Strength {
	below := func(t float64) bool {
		bound, ok := new(big.Rat).SetString(strconv.FormatFloat(t, 'g', -1, 64))
		return ok && margin.Cmp(bound) < 0
	}
	switch {
	case below(th.Slight):
		return Balanced
	case below(th.Moderate):
		return Slight
	case below(th.Clear):
		return Moderate
	}
	return Clear
}

// patternWarnings looks for answers given by position rather than by
// thought: the same option position everywhere, or Neutral on every
// statement.
func patternWarnings(b *quiz.Bank, done []answered) []Warning {
	var (
		single, neutrals, scales int
		samePos, allLast         = true, true
		pos                      = -1
	)
	for _, d := range done {
		q := &b.Questions[d.q]
		if q.Kind == quiz.PickAny {
			continue
		}
		o := d.picks[0]
		single++
		if pos < 0 {
			pos = o
		}
		samePos = samePos && o == pos
		allLast = allLast && o == len(q.Options)-1
		if q.Kind == quiz.Scale {
			scales++
			if o == neutral {
				neutrals++
			}
		}
	}
	var ws []Warning
	if single >= samePositionMin && (samePos || allLast) {
		where := fmt.Sprintf("option %d", pos+1)
		if allLast {
			where = "the last option"
		}
		ws = append(ws, Warning{Code: WarnSamePosition, Message: fmt.Sprintf(
			"You picked %s on all %d single-answer questions, so the result may mean little: answer by what fits you, not by position.", where, single)})
	}
	if scales >= allNeutralMin && neutrals == scales {
		ws = append(ws, Warning{Code: WarnAllNeutral, Message: fmt.Sprintf(
			"You answered %q to all %d statements, so they tell little about you and the result may mean little.", quiz.ScaleLabels[neutral], scales)})
	}
	return ws
}

// reasons ranks the answered questions by how far they moved the result
// from the runner-up towards the recommended path. Equal points are ordered
// by question id, not bank order, so that reordering a bank never changes a
// result.
func reasons(b *quiz.Bank, t *table, done []answered, gain []int64, top, second int) ([]Reason, *Reason) {
	n := t.paths
	type moved struct {
		j      int // index into done
		points int64
	}
	// before reports whether x ranks before y: more points first (fewer
	// for the answers that pulled away), then the lower question id.
	before := func(x, y moved, sign int64) bool {
		if x.points != y.points {
			return x.points*sign > y.points*sign
		}
		return b.Questions[done[x.j].q].ID < b.Questions[done[y.j].q].ID
	}
	// The three strongest answers towards the recommendation, kept sorted
	// by insertion, and the strongest away from it: linear, whatever the
	// number of answers.
	var toward []moved
	against := moved{j: -1}
	for j := range done {
		m := moved{j: j, points: gain[j*n+top]}
		if second >= 0 {
			m.points -= gain[j*n+second]
		}
		switch {
		case m.points > 0:
			i := len(toward)
			for i > 0 && before(m, toward[i-1], 1) {
				i--
			}
			if i < 3 {
				toward = slices.Insert(toward, i, m)[:min(3, len(toward)+1)]
			}
		case m.points < 0 && (against.j < 0 || before(m, against, -1)):
			against = m
		}
	}
	reason := func(m moved) Reason {
		d := done[m.j]
		q := &b.Questions[d.q]
		texts := make([]string, len(d.picks))
		for i, o := range d.picks {
			texts[i] = q.Options[o].Text
		}
		return Reason{Question: q.ID, Text: q.Text, Answer: strings.Join(texts, ", "), Points: weight(m.points)}
	}
	var out []Reason
	for _, m := range toward {
		out = append(out, reason(m))
	}
	if against.j < 0 {
		return out, nil
	}
	r := reason(against)
	return out, &r
}
