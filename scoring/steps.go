package scoring

import (
	"cmp"
	"maps"
	"math"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// StepKind says why a step is on a person's list.
type StepKind string

const (
	// Learn is the next step along the recommended path.
	Learn StepKind = "learn"
	// Explore is a step of a theme where the answers leaned towards
	// another path: a lean is a preference, not a missing skill, so it is
	// something to try before deciding, never a gap to fill first.
	Explore StepKind = "explore"
	// TryBoth is one piece of work with a half for each of the two leading
	// paths, for a result too close or too unsteady to act on.
	TryBoth StepKind = "try-both"
	// Done is a step the person's experience covers, listed apart in
	// Result.StepsDone.
	Done StepKind = "done"
)

// LowConfidence is the confidence below which a recommendation is a
// hypothesis to test: more than four retests in ten would name another
// path. (Random answerers average about 0.57.)
const LowConfidence = 0.6

// ExploreLead is how far, in points, a theme's answers must lean towards
// another path before its steps become steps to explore: more than one
// mild answer (each worth a point), which is too little to question a step.
const ExploreLead = 2

// StepAdvice is one step chosen for a person, with the facts of why it is
// there: the report words them.
type StepAdvice struct {
	ID string
	// Path is the path whose steps it comes from; empty for a try-both step.
	Path      string
	Kind      StepKind
	Stage     int
	Theme     string
	ThemeName string
	Text      string
	// Basis names the point of the bank's source the step rests on.
	Basis string
	// Reason is why the step is where it is; Rival is the other path it
	// speaks of (the one the theme leaned towards, or for a try-both step
	// the runner-up); Answers are the answers that decided it, most
	// decisive first: at most two, for a try-both step one each way.
	Reason  StepReason
	Rival   string
	Answers []StepAnswer
	// Lead is true for a step brought forward past the foundations (see
	// LeadSteps).
	Lead bool
	// Again is true when an earlier step of the list has the same theme
	// and reason and quoted its answers already; Answers then holds the
	// next in turn of those that decided the theme.
	Again bool
	// After is the text of the step before this one on its path as
	// planned, empty for the first: a step no answer bears on is explained
	// by its place. First is true for the first step of its path, and
	// AfterDone when steps the person's experience covers come before it.
	After     string
	First     bool
	AfterDone bool
}

// Questions lists the ids of the questions the step's reason quotes.
func (s StepAdvice) Questions() []string {
	ids := make([]string, 0, len(s.Answers))
	for _, a := range s.Answers {
		ids = append(ids, a.Question)
	}
	return ids
}

// StepReason says why a step is where it is.
type StepReason string

const (
	// ReasonDrew: the theme drew the person to the step's path more than
	// to any other.
	ReasonDrew StepReason = "drew"
	// ReasonEven: the theme's answers leaned towards no path.
	ReasonEven StepReason = "even"
	// ReasonUnanswered: no question of the theme was answered.
	ReasonUnanswered StepReason = "unanswered"
	// ReasonAway: the theme leaned towards Rival, so the step is one to
	// explore.
	ReasonAway StepReason = "away"
	// ReasonShared: every path takes the step, so a lean on its theme
	// says nothing about it.
	ReasonShared StepReason = "shared"
	// ReasonFoundation: the step is a foundation of its path (stage at
	// most FoundationStage), which the later steps build on.
	ReasonFoundation StepReason = "foundation"
	// ReasonMild: the theme leaned towards Rival, but by less than
	// ExploreLead, so the step keeps its place and stays one to learn.
	ReasonMild StepReason = "mild"
	// ReasonCovered: the answer to a profile question says the step is
	// done.
	ReasonCovered StepReason = "covered"
	// ReasonClose: a try-both step for a result close to even.
	ReasonClose StepReason = "close"
	// ReasonUnsteady: a try-both step for a lean whose confidence is below
	// LowConfidence.
	ReasonUnsteady StepReason = "unsteady"
)

// StepAnswer is one answer a step's reason quotes.
type StepAnswer struct {
	Question string
	// Asked is the question's text, so that a side of a graded question
	// can be quoted with the question it answers.
	Asked string
	// Verb says how the person answered.
	Verb AnswerVerb
	// Text is the option, the statement or the side, as the bank gives it.
	Text string
	// Toward is true when the answer moved the result towards the step's
	// path (for a try-both step, towards the recommended path).
	Toward bool
}

// AnswerVerb says how an answer was given: an option chosen, a statement
// agreed or disagreed with, a side of a graded question preferred.
type AnswerVerb string

// The ways an answer is given.
const (
	Chose             AnswerVerb = "chose"
	Agreed            AnswerVerb = "agreed"
	StronglyAgreed    AnswerVerb = "strongly-agreed"
	Disagreed         AnswerVerb = "disagreed"
	StronglyDisagreed AnswerVerb = "strongly-disagreed"
	Rather            AnswerVerb = "rather"
	MuchRather        AnswerVerb = "much-rather"
)

// Hypothesis reports whether the recommendation is too close or too
// unsteady to act on as it stands: a tie, a balanced lean, or one with a
// confidence below LowConfidence. Such a result is a hypothesis to test,
// and its steps open with a try-both step when the bank has one.
func (r Result) Hypothesis() bool {
	rec := r.Recommendation
	return rec != nil && rec.RunnerUp != "" &&
		(rec.Tie || rec.Strength == Balanced || r.Confidence < LowConfidence)
}

// FoundationStage is the last stage of a path's foundations (a language,
// then how servers and databases work), which come first in the bank's
// order whatever the person's leans: a preference makes none of them less
// needed, so none quotes an answer or is ever a step to explore.
const FoundationStage = 2

// LeadSteps is how many steps, after the foundations, come from the themes
// that drew the person most (each by ExploreLead points or more): the
// first step of each, strongest first, whatever its stage.
const LeadSteps = 3

// planSteps chooses and orders the learning steps for the recommended path
// top, and the first step each path not in the list would give:
//
//   - a step an answer to a profile question says is done is listed in
//     covered instead;
//   - the foundations come first, then the LeadSteps lead steps, then the
//     rest in stage order, within a stage what drew the person, then what
//     leaned neither way, then the steps to explore; common ground (a step
//     every path takes) comes last;
//   - a balanced result (a tie, a balanced lean, or none recommended: top
//     < 0) lists the two leading paths' steps in turn, each step once;
//   - a balanced result or a hypothesis (see Result.Hypothesis) opens with
//     the try-both step of the theme where the two leading paths came
//     closest.
//
// Equal leans keep the bank's order, so a bank lists a stage's steps in the
// order they build on each other.
func planSteps(b *quiz.Bank, a quiz.Answers, themes *themeSums, done []answered, gain []int64, res *Result, top int) (steps, others, covered []StepAdvice) {
	pl := &planner{b: b, n: len(b.Paths), themes: themes, done: done, gain: gain, a: a}
	first, second, balanced := pl.leaders(res, top)
	if first < 0 {
		return nil, nil, nil
	}
	steps, covered = pl.path(first)
	if balanced && second >= 0 {
		more, moreCovered := pl.path(second)
		steps, covered = inTurn(steps, more), inTurn(covered, moreCovered)
	}
	if second >= 0 && (balanced || res.Hypothesis()) {
		if tb, ok := pl.tryBoth(first, second, balanced); ok {
			steps = append([]StepAdvice{tb}, steps...)
		}
	}
	for p := range b.Paths {
		// A balanced list holds the runner-up's steps already.
		if p == first || (balanced && p == second) {
			continue
		}
		if list, _ := pl.path(p); len(list) > 0 {
			others = append(others, list[0])
		}
	}
	return steps, others, covered
}

// leaders returns the path whose steps lead, the runner-up (-1 for none),
// and whether the result is balanced; with no path recommended (top < 0)
// the two highest percents lead, in bank order where equal.
func (pl *planner) leaders(res *Result, top int) (first, second int, balanced bool) {
	rec := res.Recommendation
	if rec != nil && rec.Path != "" && top >= 0 {
		return top, pl.b.PathIndex(rec.RunnerUp), rec.Tie || rec.Strength == Balanced
	}
	order := make([]int, len(res.Paths))
	for p := range order {
		order[p] = p
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(res.Paths[y].Percent, res.Paths[x].Percent) })
	order = append(order, -1, -1) // none, past the last path
	return order[0], order[1], true
}

// inTurn lists the steps of two paths in turn, the foundations of both
// first, each text once: a step both paths take is listed where it first
// comes.
func inTurn(one, two []StepAdvice) []StepAdvice {
	var out []StepAdvice
	seen := map[string]bool{}
	// give lists the next step of l not listed yet and returns the rest.
	give := func(l []StepAdvice) []StepAdvice {
		for len(l) > 0 {
			s := l[0]
			l = l[1:]
			if !seen[s.Text] {
				seen[s.Text] = true
				out = append(out, s)
				return l
			}
		}
		return l
	}
	for _, foundation := range []bool{true, false} {
		phase := func(l []StepAdvice) []StepAdvice {
			return slices.DeleteFunc(slices.Clone(l), func(s StepAdvice) bool { return isFoundation(s) != foundation })
		}
		for a, b := phase(one), phase(two); len(a)+len(b) > 0; {
			a, b = give(a), give(b)
		}
	}
	return out
}

func isFoundation(s StepAdvice) bool { return s.Stage >= 1 && s.Stage <= FoundationStage }

// planner holds what choosing steps needs from one scoring run.
type planner struct {
	b      *quiz.Bank
	n      int
	themes *themeSums
	done   []answered
	gain   []int64
	a      quiz.Answers
}

// stance is how one theme's answers stand towards a path.
type stance struct {
	ti int // theme index, -1 for a theme the bank does not have
	// rival is the other path that scored highest on the theme, -1 for none.
	rival int
	// sign is +1 when the theme drew the person to the path (it beat every
	// other path), -1 when it leaned towards the rival, 0 otherwise.
	sign int
	// lean is the path's percent on the theme minus the rival's, 0 unless
	// sign is non-zero; it orders the steps of a stage.
	lean     float64
	answered int
	// net is the rival's points on the theme minus the path's, in thousandths.
	net int64
}

func (pl *planner) stance(theme string, p int) stance {
	st := stance{ti: pl.b.ThemeIndex(theme), rival: -1}
	if st.ti < 0 {
		return st
	}
	s, n := pl.themes, pl.n
	raw, most := s.raw[st.ti*n:(st.ti+1)*n], s.most[st.ti*n:(st.ti+1)*n]
	st.answered = s.answered[st.ti]
	for q := range n {
		if q != p && (st.rival < 0 || cmpPercent(raw[q], most[q], raw[st.rival], most[st.rival]) > 0) {
			st.rival = q
		}
	}
	if st.answered == 0 || st.rival < 0 {
		return st
	}
	st.sign = cmpPercent(raw[p], most[p], raw[st.rival], most[st.rival])
	st.net = raw[st.rival] - raw[p]
	if st.sign != 0 {
		st.lean = percent(raw[p], most[p]) - percent(raw[st.rival], most[st.rival])
	}
	return st
}

// The places a step can take within its stage, after the foundations and
// the lead; common ground comes after all the path's own steps.
const (
	placeDrew = iota
	placeEven
	placeAway
	placeCommon
)

// path lists path p's steps in the order to take them (see planSteps), and
// the steps the person's experience covers.
func (pl *planner) path(p int) (list, covered []StepAdvice) {
	type candidate struct {
		advice StepAdvice
		st     stance
		place  int
	}
	var foundations, rest []candidate
	for _, s := range pl.b.Paths[p].Steps {
		sa := StepAdvice{ID: s.ID, Path: pl.b.Paths[p].ID, Kind: Learn, Stage: s.Stage, Theme: s.Theme,
			ThemeName: pl.themeName(s.Theme), Text: s.Text, Basis: s.Basis}
		if answer, ok := pl.covers(s); ok {
			sa.Kind, sa.Reason, sa.Answers = Done, ReasonCovered, []StepAnswer{answer}
			covered = append(covered, sa)
			continue
		}
		c := candidate{advice: sa, st: pl.stance(s.Theme, p), place: placeEven}
		switch {
		case isFoundation(sa):
			c.advice.Reason = ReasonFoundation
			foundations = append(foundations, c)
			continue
		case pl.shared(s, p):
			c.advice.Reason, c.place = ReasonShared, placeCommon
		case c.st.sign < 0 && c.st.net >= ExploreLead*1000:
			c.advice.Kind, c.advice.Reason, c.advice.Rival, c.place = Explore, ReasonAway, pl.b.Paths[c.st.rival].ID, placeAway
		case c.st.sign < 0:
			c.advice.Reason, c.advice.Rival = ReasonMild, pl.b.Paths[c.st.rival].ID
		case c.st.sign > 0:
			c.advice.Reason, c.place = ReasonDrew, placeDrew
		case c.st.answered > 0:
			c.advice.Reason = ReasonEven
		default:
			c.advice.Reason = ReasonUnanswered
		}
		rest = append(rest, c)
	}
	slices.SortStableFunc(foundations, func(x, y candidate) int { return cmp.Compare(x.advice.Stage, y.advice.Stage) })
	// Common ground sorts after the path's own steps, whatever its stage.
	common := func(c candidate) int {
		if c.place == placeCommon {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(rest, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(common(x), common(y)),
			cmp.Compare(x.advice.Stage, y.advice.Stage), cmp.Compare(x.place, y.place), cmp.Compare(y.st.lean, x.st.lean))
	})
	var lead []int
	for i, c := range rest {
		// A theme leads only when it drew the person by ExploreLead, as a
		// lean away must to make steps to explore.
		strong := c.place == placeDrew && -c.st.net >= ExploreLead*1000
		if strong && !slices.ContainsFunc(lead, func(j int) bool { return rest[j].advice.Theme == c.advice.Theme }) {
			lead = append(lead, i)
		}
	}
	slices.SortStableFunc(lead, func(i, j int) int { return cmp.Compare(rest[j].st.lean, rest[i].st.lean) })
	lead = lead[:min(len(lead), LeadSteps)]
	ordered := foundations
	for _, i := range lead {
		rest[i].advice.Lead = true
		ordered = append(ordered, rest[i])
	}
	for _, c := range rest {
		if !c.advice.Lead {
			ordered = append(ordered, c)
		}
	}
	// Answers are chosen in list order, so that a theme's later steps quote
	// the answers that decided it in turn instead of repeating the same two.
	seen := map[string]int{}
	for i, c := range ordered {
		sa, st := c.advice, c.st
		sa.First, sa.AfterDone = i == 0, len(covered) > 0
		if i > 0 {
			sa.After = ordered[i-1].advice.Text
		}
		if sa.Reason == ReasonDrew || sa.Reason == ReasonAway {
			all := pl.deciders(st.ti, p, st.rival, st.sign)
			key := sa.Theme + " " + string(sa.Reason)
			switch k := seen[key]; {
			case k == 0 || len(all) == 0:
				sa.Answers = all[:min(2, len(all))]
			default:
				// First the answers the theme's first step left unquoted,
				// then its two, the weaker first.
				turn := append(slices.Clone(all[min(2, len(all)):]), all[:min(2, len(all))]...)
				slices.Reverse(turn[len(turn)-min(2, len(all)):])
				sa.Answers, sa.Again = []StepAnswer{turn[(k-1)%len(turn)]}, true
			}
			seen[key]++
		}
		list = append(list, sa)
	}
	return list, covered
}

// shared reports whether another path has a step of the same text as s.
func (pl *planner) shared(s quiz.Step, p int) bool {
	for q := range pl.b.Paths {
		if q != p && slices.ContainsFunc(pl.b.Paths[q].Steps, func(o quiz.Step) bool { return o.Text == s.Text }) {
			return true
		}
	}
	return false
}

// covers returns the answer to an unscored question that says step s is
// done, if one does.
func (pl *planner) covers(s quiz.Step) (StepAnswer, bool) {
	// Map order must not choose the question quoted, so the keys are sorted.
	for _, k := range slices.Sorted(maps.Keys(s.SkipWhen)) {
		q, picks := pl.b.Question(k), pl.a[k].Picks
		if q == nil || q.Scored() || len(picks) == 0 || picks[0] < 0 || picks[0] >= len(q.Options) {
			continue
		}
		if o := q.Options[picks[0]]; slices.Contains(s.SkipWhen[k], o.ID) {
			return StepAnswer{Question: k, Asked: q.Text, Verb: Chose, Text: o.Text}, true
		}
	}
	return StepAnswer{}, false
}

// tryBoth picks the bank's try-both step whose theme came closest to even
// between the two leading paths, answered themes first, with the strongest
// answer each way on that theme.
func (pl *planner) tryBoth(top, second int, balanced bool) (StepAdvice, bool) {
	best, bestGap, bestAnswered := -1, 0.0, false
	for i, s := range pl.b.TryBoth {
		ti := pl.b.ThemeIndex(s.Theme)
		answered := ti >= 0 && pl.themes.answered[ti] > 0
		gap := math.Inf(1)
		if answered {
			gap = math.Abs(pl.themePercent(ti, top) - pl.themePercent(ti, second))
		}
		if best < 0 || (answered && !bestAnswered) || (answered == bestAnswered && gap < bestGap) {
			best, bestGap, bestAnswered = i, gap, answered
		}
	}
	if best < 0 {
		return StepAdvice{}, false
	}
	s := pl.b.TryBoth[best]
	sa := StepAdvice{ID: s.ID, Kind: TryBoth, Theme: s.Theme, ThemeName: pl.themeName(s.Theme), Text: s.Text, Basis: s.Basis,
		Reason: ReasonUnsteady, Rival: pl.b.Paths[second].ID}
	if balanced {
		sa.Reason = ReasonClose
	}
	if bestAnswered {
		ti := pl.b.ThemeIndex(s.Theme)
		toward := pl.deciders(ti, top, second, 1)
		away := pl.deciders(ti, top, second, -1)
		// The strongest answer each way: the two halves the person felt.
		sa.Answers = append(toward[:min(1, len(toward))], away[:min(1, len(away))]...)
	}
	return sa, true
}

// deciders returns the answers on theme ti that moved path p away from the
// rival (sign +1) or towards it (sign -1), furthest first, equal ones by
// question id. An answer moves the theme's percents, so it is measured
// exactly as g_p×M_r − g_r×M_p (M each path's most on the theme); these sum
// to the sign of the percents' difference, so a theme that leaned always
// has an answer that leaned with it.
func (pl *planner) deciders(ti, p, rival, sign int) []StepAnswer {
	var ms []moved
	theme := pl.b.Themes[ti].ID
	// At least 1, so that a path that could get nothing lets the other's count.
	most := pl.themes.most[ti*pl.n : (ti+1)*pl.n]
	mp, mr := max(most[p], 1), max(most[rival], 1)
	for j, d := range pl.done {
		if pl.b.Questions[d.q].Theme != theme {
			continue
		}
		pts := pl.gain[j*pl.n+p]*mr - pl.gain[j*pl.n+rival]*mp
		if pts*int64(sign) > 0 {
			ms = append(ms, moved{j, pts * int64(sign)})
		}
	}
	strongestFirst(pl.b, pl.done, ms)
	var answers []StepAnswer
	for _, m := range ms {
		d := pl.done[m.j]
		a := pl.answer(&pl.b.Questions[d.q], d.picks, p, rival, sign, mp, mr)
		a.Toward = sign > 0
		answers = append(answers, a)
	}
	return answers
}

// answer is what the person answered to q: the side taken, the statement
// agreed with, or the option chosen; of several picks, the one that moved
// the result furthest the way being explained.
func (pl *planner) answer(q *quiz.Question, picks []int, p, rival, sign int, mp, mr int64) StepAnswer {
	a := StepAnswer{Question: q.ID, Asked: q.Text}
	switch {
	case len(picks) == 1 && q.Kind == quiz.Graded:
		if verb, side, ok := sideTaken(q, picks[0]); ok {
			a.Verb, a.Text = verb, side
			return a
		}
	case q.Kind == quiz.Scale && len(picks) == 1:
		verbs := []AnswerVerb{StronglyDisagreed, Disagreed, Agreed, Agreed, StronglyAgreed}
		a.Verb, a.Text = verbs[min(max(picks[0], 0), 4)], q.Text
		return a
	}
	moved := func(o int) float64 {
		w := q.Options[o].Weights
		return (at(w, p)*float64(mr) - at(w, rival)*float64(mp)) * float64(sign)
	}
	best := slices.MaxFunc(picks, func(x, y int) int { return cmp.Compare(moved(x), moved(y)) })
	a.Verb, a.Text = Chose, q.Options[best].Text
	return a
}

// sideTaken is the side of a graded question that point pick prefers, and
// how strongly; "both equally" (ok false) prefers neither.
func sideTaken(q *quiz.Question, pick int) (verb AnswerVerb, side string, ok bool) {
	if q.Kind != quiz.Graded || len(q.Sides) != 2 || len(q.Options) != 5 || pick == middle || pick < 0 || pick > 4 {
		return "", "", false
	}
	verb, side = Rather, q.Sides[0].Text
	if pick > middle {
		side = q.Sides[1].Text
	}
	if pick == 0 || pick == 4 {
		verb = MuchRather
	}
	return verb, side, true
}

func at(w []float64, p int) float64 {
	if p < len(w) {
		return w[p]
	}
	return 0
}

func (pl *planner) themePercent(ti, p int) float64 {
	return percent(pl.themes.raw[ti*pl.n+p], pl.themes.most[ti*pl.n+p])
}

func (pl *planner) themeName(id string) string {
	if ti := pl.b.ThemeIndex(id); ti >= 0 {
		return cmp.Or(pl.b.Themes[ti].Name, id)
	}
	return id
}
