package scoring

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/quiz"
)

// StepKind says why a step is on a person's list.
type StepKind string

const (
	// Learn is the next step along the recommended path.
	Learn StepKind = "learn"
	// Explore is a step of a theme where the answers leaned towards
	// another path. A lean is a preference, not a missing skill, so the
	// step is something to try before deciding, never a gap to fill first.
	Explore StepKind = "explore"
	// TryBoth is one piece of work with a half for each of the two leading
	// paths, for a result too close or too unsteady to act on: doing both
	// halves tests what the answers could only suggest.
	TryBoth StepKind = "try-both"
	// Done is a step the person's experience covers. It is listed apart
	// (Result.StepsDone), never among the steps to take.
	Done StepKind = "done"
)

// LowStability is the stability below which a recommendation is a
// hypothesis to test: it lost in more than three resamples of the answers
// in ten.
const LowStability = 0.7

// StepAdvice is one step chosen for a person, with the reason it is there.
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
	// Why is one sentence from the person's own answers: the theme that
	// drew them (or pulled them away) and the answers that decided it, or
	// for a step their experience covers, that answer. Never empty.
	Why string
	// Questions are the ids of the questions Why quotes, most decisive
	// first.
	Questions []string
	// Answer is, for a Done step, the answer that covers it, as shown to
	// the person.
	Answer string
}

// Hypothesis reports whether the recommendation is too close or too
// unsteady to act on as it stands: a tie, a balanced lean, or one that holds
// in fewer than LowStability of resamples of the answers. Such a result is a
// hypothesis to test, and its steps open with a try-both step when the bank
// has one.
func (r Result) Hypothesis() bool {
	rec := r.Recommendation
	return rec != nil && rec.RunnerUp != "" &&
		(rec.Tie || rec.Strength == Balanced || r.Stability < LowStability)
}

// planSteps chooses and orders the learning steps for the recommended path
// top, and the first step each other path would give, from the bank's
// steps and the person's answers:
//
//   - a step the answer to an unscored (profile) question says is done is
//     left out, and listed in covered with that answer;
//   - the bank's stages are kept in order; within a stage, steps of the
//     themes that drew the person most towards the path come first, and a
//     step whose theme leaned towards another path becomes an Explore step,
//     last in its stage;
//   - a result that is only a hypothesis (see Result.Hypothesis) opens with
//     the try-both step of the theme where the two leading paths came
//     closest.
//
// Equal leans keep the bank's order, so a bank lists a stage's steps in the
// order they build on each other.
func planSteps(b *quiz.Bank, a quiz.Answers, themes *themeSums, done []answered, gain []int64, res *Result, top int) (steps, others, covered []StepAdvice) {
	pl := newPlanner(b, a, themes, done, gain)
	steps, covered = pl.path(top)
	if second := b.PathIndex(res.Recommendation.RunnerUp); res.Hypothesis() && second >= 0 {
		if tb, ok := pl.tryBoth(res, top, second); ok {
			steps = append([]StepAdvice{tb}, steps...)
		}
	}
	for p := range b.Paths {
		if p == top {
			continue
		}
		if list, _ := pl.path(p); len(list) > 0 {
			others = append(others, list[0])
		}
	}
	return steps, others, covered
}

// planner holds what choosing steps needs from one scoring run.
type planner struct {
	b      *quiz.Bank
	n      int
	themes *themeSums
	done   []answered
	gain   []int64
	// profile maps each answered unscored question to its picked option.
	profile map[string]int
}

func newPlanner(b *quiz.Bank, a quiz.Answers, themes *themeSums, done []answered, gain []int64) *planner {
	pl := &planner{b: b, n: len(b.Paths), themes: themes, done: done, gain: gain, profile: map[string]int{}}
	for i := range b.Questions {
		q := &b.Questions[i]
		if q.Scored() {
			continue
		}
		if picks := a[q.ID].Picks; len(picks) > 0 && picks[0] >= 0 && picks[0] < len(q.Options) {
			pl.profile[q.ID] = picks[0]
		}
	}
	return pl
}

// stance is how one theme's answers stand towards a path.
type stance struct {
	ti int // theme index, -1 for a theme the bank does not have
	// rival is the other path that scored highest on the theme, -1 when
	// there is none.
	rival int
	// sign is +1 when the theme drew the person to the path (it beat every
	// other path), -1 when it leaned towards the rival, 0 otherwise.
	sign int
	// lean is the path's percent on the theme minus the rival's, 0 unless
	// sign is non-zero; it orders the steps of a stage.
	lean     float64
	answered int
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
	if st.sign != 0 {
		st.lean = percent(raw[p], most[p]) - percent(raw[st.rival], most[st.rival])
	}
	return st
}

// path lists path p's steps in the order to take them, and the steps the
// person's experience covers.
func (pl *planner) path(p int) (list, covered []StepAdvice) {
	type candidate struct {
		advice StepAdvice
		st     stance
		shared bool
	}
	var cands []candidate
	for _, s := range pl.b.Paths[p].Steps {
		sa := StepAdvice{ID: s.ID, Path: pl.b.Paths[p].ID, Kind: Learn, Stage: s.Stage, Theme: s.Theme,
			ThemeName: pl.themeName(s.Theme), Text: s.Text, Basis: s.Basis}
		if answer, q, ok := pl.covers(s); ok {
			sa.Kind, sa.Answer, sa.Questions = Done, answer, []string{q}
			sa.Why = fmt.Sprintf("Your answer %s says this is done.", quote(answer))
			covered = append(covered, sa)
			continue
		}
		c := candidate{advice: sa, st: pl.stance(s.Theme, p), shared: pl.shared(s, p)}
		switch {
		case c.st.sign < 0 && c.shared:
			// A step every path takes is common ground: a lean on its
			// theme says nothing about it, so it neither becomes a step
			// to explore nor moves within its stage.
			c.st.lean = 0
		case c.st.sign < 0:
			c.advice.Kind = Explore
		}
		cands = append(cands, c)
	}
	slices.SortStableFunc(cands, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(x.advice.Stage, y.advice.Stage), cmp.Compare(y.st.lean, x.st.lean))
	})
	// Reasons are worded in list order, so that a theme's second step
	// refers back to its first instead of repeating it.
	seen := map[string]bool{}
	for _, c := range cands {
		c.advice.Why, c.advice.Questions = pl.why(c.advice, c.st, p, c.shared, seen[c.advice.Theme])
		seen[c.advice.Theme] = true
		list = append(list, c.advice)
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

// covers reports whether an answer to an unscored question says step s is
// done, with that answer's text and the question's id.
func (pl *planner) covers(s quiz.Step) (answer, question string, ok bool) {
	// Map order must not choose the question quoted, so the keys are sorted.
	keys := make([]string, 0, len(s.SkipWhen))
	for k := range s.SkipWhen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		o, answered := pl.profile[k]
		if !answered {
			continue
		}
		q := &pl.b.Questions[pl.b.QuestionIndex(k)]
		if slices.Contains(s.SkipWhen[k], q.Options[o].ID) {
			return q.Options[o].Text, k, true
		}
	}
	return "", "", false
}

// why words the reason for a learn or explore step of path p from the
// theme's stance. shared says that every path takes the step, again that
// an earlier step of the list had the same theme.
func (pl *planner) why(sa StepAdvice, st stance, p int, shared, again bool) (string, []string) {
	theme := sa.ThemeName
	switch {
	case st.answered == 0:
		return fmt.Sprintf("You answered no questions on %s, so this step keeps its place in the usual order.", theme), nil
	case st.sign == 0:
		return fmt.Sprintf("Your answers on %s leaned neither way, so this step keeps its place in the usual order.", theme), nil
	}
	answers, ids := pl.deciders(st.ti, p, st.rival, st.sign)
	if len(answers) == 0 {
		// Only weights far beyond the loader's limits, overflowing the
		// measure of deciders, could leave no answer; a reason is never empty.
		return fmt.Sprintf("Your answers on %s leaned that way.", theme), nil
	}
	if again {
		answers, ids = answers[:1], ids[:1]
	}
	you := join(answers, "and")
	switch {
	case st.sign > 0 && again:
		return fmt.Sprintf("Again %s, which drew you to %s: you %s.", theme, pl.pathName(p), you), ids
	case st.sign > 0:
		return fmt.Sprintf("%s drew you to %s: you %s.", theme, pl.pathName(p), you), ids
	case shared:
		return fmt.Sprintf("On %s you leaned towards %s (you %s), but both paths take this step.", theme, pl.pathName(st.rival), you), ids
	case again:
		return fmt.Sprintf("Again %s, where you leaned towards %s: you %s.", theme, pl.pathName(st.rival), you), ids
	}
	return fmt.Sprintf("On %s you leaned towards %s: you %s.", theme, pl.pathName(st.rival), you), ids
}

// tryBoth picks the bank's try-both step whose theme came closest to even
// between the two leading paths, preferring themes that were answered, and
// says why from the whole result and that theme's answers.
func (pl *planner) tryBoth(res *Result, top, second int) (StepAdvice, bool) {
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
	sa := StepAdvice{ID: s.ID, Kind: TryBoth, Theme: s.Theme, ThemeName: pl.themeName(s.Theme), Text: s.Text, Basis: s.Basis}

	rec := res.Recommendation
	var why string
	if rec.Tie || rec.Strength == Balanced {
		a, b := percentPair(res.Paths[top].Percent, res.Paths[second].Percent)
		why = fmt.Sprintf("Your answers came out close to even (%s %s, %s %s)", pl.pathName(top), a, pl.pathName(second), b)
	} else {
		why = fmt.Sprintf("Your lean to %s is %s and held in only %d%% of resamples of your answers",
			pl.pathName(top), rec.Strength, int(math.Round(res.Stability*100)))
	}
	ti := pl.b.ThemeIndex(s.Theme)
	if ti < 0 || !bestAnswered {
		return withWhy(sa, why+": doing both halves of one task will tell you more.", nil), true
	}
	toward, tIDs := pl.deciders(ti, top, second, 1)
	away, aIDs := pl.deciders(ti, top, second, -1)
	switch {
	case len(toward) > 0 && len(away) > 0:
		why += fmt.Sprintf(", and on %s you %s.", sa.ThemeName, join([]said{toward[0], away[0]}, "but"))
		return withWhy(sa, why, []string{tIDs[0], aIDs[0]}), true
	case len(toward) > 0 || len(away) > 0:
		answers, ids := append(toward, away...), append(tIDs, aIDs...)
		why += fmt.Sprintf(", and on %s you %s.", sa.ThemeName, join(answers[:1], ""))
		return withWhy(sa, why, ids[:1]), true
	}
	why += fmt.Sprintf(", and your answers on %s leaned neither way.", sa.ThemeName)
	return withWhy(sa, why, nil), true
}

func withWhy(sa StepAdvice, why string, ids []string) StepAdvice {
	sa.Why, sa.Questions = why, ids
	return sa
}

// deciders returns the (at most two) answers on theme ti that moved path p
// furthest from the rival (sign +1) or towards it (sign -1), with their
// question ids. An answer moves the theme's percents, not its points: it
// gives p g_p/M_p and the rival g_r/M_r, where M is each path's most on the
// theme, so it is measured as g_p×M_r − g_r×M_p (exact, and summing over
// the theme to the sign of the percents' difference, so a theme that leaned
// always has an answer that leaned with it). Equal measures are ordered by
// question id, as in the reasons of a result.
func (pl *planner) deciders(ti, p, rival, sign int) ([]said, []string) {
	type moved struct {
		j      int
		points int64
	}
	var ms []moved
	theme := pl.b.Themes[ti].ID
	mp, mr := pl.scales(ti, p, rival)
	for j, d := range pl.done {
		if pl.b.Questions[d.q].Theme != theme {
			continue
		}
		pts := pl.gain[j*pl.n+p]*mr - pl.gain[j*pl.n+rival]*mp
		if pts*int64(sign) > 0 {
			ms = append(ms, moved{j, pts * int64(sign)})
		}
	}
	slices.SortFunc(ms, func(x, y moved) int {
		return cmp.Or(cmp.Compare(y.points, x.points),
			cmp.Compare(pl.b.Questions[pl.done[x.j].q].ID, pl.b.Questions[pl.done[y.j].q].ID))
	})
	var answers []said
	var ids []string
	for _, m := range ms[:min(2, len(ms))] {
		d := pl.done[m.j]
		q := &pl.b.Questions[d.q]
		answers = append(answers, pl.said(q, d.picks, p, rival, sign, mp, mr))
		ids = append(ids, q.ID)
	}
	return answers, ids
}

// said is one answer in words that follow "you": a verb ("chose",
// "agreed with") and what it was said of, in quotation marks.
type said struct{ verb, object string }

// join words one or two answers: two with the same verb share it ("chose
// “a” and “b”", "chose “a” but also “b”").
func join(ss []said, conj string) string {
	switch {
	case len(ss) == 1:
		return ss[0].verb + " " + ss[0].object
	case ss[0].verb == ss[1].verb && conj == "but":
		return ss[0].verb + " " + ss[0].object + " but also " + ss[1].object
	case ss[0].verb == ss[1].verb:
		return ss[0].verb + " " + ss[0].object + " " + conj + " " + ss[1].object
	}
	return ss[0].verb + " " + ss[0].object + " " + conj + " " + ss[1].verb + " " + ss[1].object
}

// said words what the person answered: the side they would rather take,
// the statement they agreed with, or the option they chose.
func (pl *planner) said(q *quiz.Question, picks []int, p, rival, sign int, mp, mr int64) said {
	if q.Kind == quiz.Graded && len(q.Sides) == 2 && len(picks) == 1 {
		// Points 1 and 2 lean to side A, 4 and 5 to side B; "both equally"
		// moves nothing and so is never quoted.
		side, verb := q.Sides[0], "would rather"
		if picks[0] > 2 {
			side = q.Sides[1]
		}
		if picks[0] == 0 || picks[0] == 4 {
			verb = "would much rather"
		}
		return said{verb, quote(side.Text)}
	}
	if q.Kind == quiz.Scale {
		verb := "agreed with"
		switch picks[0] {
		case 0:
			verb = "strongly disagreed with"
		case 1:
			verb = "disagreed with"
		case 4:
			verb = "strongly agreed with"
		}
		return said{verb, quote(q.Text)}
	}
	// Of several picks, the one that moved the result furthest the way
	// being explained speaks for them all: a sentence quotes one answer a
	// question.
	best, bestMoved := picks[0], math.Inf(-1)
	for _, o := range picks {
		w := q.Options[o].Weights
		if moved := (at(w, p)*float64(mr) - at(w, rival)*float64(mp)) * float64(sign); moved > bestMoved {
			best, bestMoved = o, moved
		}
	}
	return said{"chose", quote(q.Options[best].Text)}
}

func at(w []float64, p int) float64 {
	if p < len(w) {
		return w[p]
	}
	return 0
}

// scales returns the most paths p and rival could get on theme ti, each
// at least 1 so that a path that could get nothing still lets the other's
// points count.
func (pl *planner) scales(ti, p, rival int) (mp, mr int64) {
	most := pl.themes.most[ti*pl.n : (ti+1)*pl.n]
	return max(most[p], 1), max(most[rival], 1)
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

func (pl *planner) pathName(p int) string {
	return cmp.Or(pl.b.Paths[p].Name, pl.b.Paths[p].ID)
}

// quote puts text from the bank in quotation marks, without a final full
// stop that would end the sentence inside the quote.
func quote(s string) string {
	return "“" + strings.TrimRight(strings.TrimSpace(s), ".") + "”"
}

// percentPair shows two percents that are compared in a sentence: whole
// numbers unless rounding would make different scores look equal.
func percentPair(a, b float64) (string, string) {
	f := func(x float64, d int) string { return strconv.FormatFloat(x, 'f', d, 64) + "%" }
	if math.Round(a) == math.Round(b) && math.Round(a*10) != math.Round(b*10) {
		return f(a, 1), f(b, 1)
	}
	return f(a, 0), f(b, 0)
}
