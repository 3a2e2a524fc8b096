package scoring

import (
	"cmp"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/quiz"
)

// Warning codes (Warning.Code).
const (
	WarnFewAnswered  = "few-answered"  // too few answers for a recommendation
	WarnSamePosition = "same-position" // the same option position on every question
	WarnAgreeAll     = "agree-all"     // agreed with every statement
	WarnAlwaysMiddle = "always-middle" // the middle point of every statement and graded question
	// WarnImpressive: the side the bank marks as sounding more impressive
	// taken on nearly every marked question (see impressiveMin).
	WarnImpressive = "impressive"
)

// The smallest numbers of answers from which a pattern is worth a warning:
// two or three identical answers happen by chance and by honest conviction.
const (
	samePositionMin = 5
	styleMin        = 3
	middle          = 2 // index of the middle point of a five-point question
)

// The marked impressive side taken on at least impressiveShare of at least
// impressiveMin marked questions is answering for how an answer sounds: at
// random (a marked side 40% of the time) that happens less than once in two
// hundred. Someone who truly prefers the path the marks favour is warned
// too, rightly, since their answers cannot tell preference from appeal.
const (
	impressiveMin   = 6
	impressiveShare = 0.9
)

// answered is one answered question: its index in the bank and its valid
// picks.
type answered struct {
	q     int
	picks []int
}

// Scorer scores answers to one bank, having worked out once what the bank
// alone gives (its exact weights and its bands), so that scoring many
// people costs little more than adding up their points.
type Scorer struct {
	b     *quiz.Bank
	t     table
	bands Bands
}

// NewScorer prepares b for scoring. The bank must not change afterwards.
func NewScorer(b *quiz.Bank) *Scorer {
	s := &Scorer{b: b, t: newTable(b)}
	// Bands worked out over the questions sorted by id depend on no order.
	byID := *b
	byID.Questions = slices.SortedStableFunc(slices.Values(b.Questions), func(x, y quiz.Question) int {
		return strings.Compare(x.ID, y.ID)
	})
	t := newTable(&byID)
	s.bands = bankBands(&byID, &t, t.most())
	return s
}

// Bands are the bank's strength bands, calibrated or set by the bank.
func (s *Scorer) Bands() Bands { return s.bands }

// Score weighs a person's answers against a bank (see the package
// documentation for the rules): NewScorer(b).Score(a).
func Score(b *quiz.Bank, a quiz.Answers) Result { return NewScorer(b).Score(a) }

// Score weighs a person's answers. It never fails: answers for unknown
// questions and picks outside a question's options are ignored, and a
// single-pick question counts only its first pick. Warnings come in the
// order few-answered, same-position, agree-all, always-middle, impressive.
// With a single path the margin is its percent, its lead over nothing.
func (s *Scorer) Score(a quiz.Answers) Result { return s.score(a, nil, true) }

// ScoreAsked is Score for a quiz that stopped early: the scored questions
// in notAsked, whatever a holds for them, are neither answered nor skipped
// (Result.NotAsked counts them), and the share of answers a recommendation
// needs is a share of the questions asked.
func (s *Scorer) ScoreAsked(a quiz.Answers, notAsked []string) Result {
	return s.score(a, notAsked, true)
}

// VerdictAsked is Verdict for a quiz that stopped early, as ScoreAsked.
func (s *Scorer) VerdictAsked(a quiz.Answers, notAsked []string) Result {
	return s.score(a, notAsked, false)
}

// Verdict is Score without the advice on a recommendation (the reasons,
// steps, salary and other paths), at about half the cost; without a
// recommendation it is Score's result.
func (s *Scorer) Verdict(a quiz.Answers) Result { return s.score(a, nil, false) }

func (s *Scorer) score(a quiz.Answers, notAsked []string, advice bool) Result {
	b, t := s.b, &s.t
	n := t.paths
	res := Result{Total: t.scored}

	pr := s.read(a, notAsked)
	done, raw, most, gain := pr.done, pr.raw, pr.most, pr.gain
	res.Answered, res.NotAsked = len(pr.done), len(pr.rest)
	res.Skipped = res.Total - res.NotAsked - res.Answered

	res.Paths = pathScores(b, raw, most)
	themes := sumThemes(b, t, done, gain)
	res.Themes = themes.scores(b)
	res.Warnings = styleWarnings(b, done)
	if w, ok := impressiveWarning(b, done); ok {
		res.Warnings = append(res.Warnings, w)
	}
	res.Sided = sidesTaken(b, t, done, res.Paths, res.Themes)
	asked := res.Total - res.NotAsked
	res.NoSide = asked - res.Sided
	res.Bands = s.bandsFor(res.Answered)
	res.Needed = needed(b.Scoring.MinAnswered, asked)

	if code := withhold(b, asked, res.Answered, most); code != "" {
		res.Withheld = code
		if code == WithheldFewAnswered {
			res.Warnings = append([]Warning{{Code: WarnFewAnswered, Count: res.Answered, Of: asked}}, res.Warnings...)
		}
		for p := range b.Paths {
			res.Others = append(res.Others, other(b, p, res.Paths[p]))
		}
		return res
	}

	top, second, tie := rank(raw, most)
	rec := &Recommendation{Path: b.Paths[top].ID, Name: b.Paths[top].Name, Tie: tie}
	if tie {
		for p := range n {
			if cmpPercent(raw[p], most[p], raw[top], most[top]) == 0 {
				rec.Tied = append(rec.Tied, b.Paths[p].ID)
			}
		}
	}
	// With a single path the lead is over nothing.
	rs, ms := int64(0), int64(0)
	if second >= 0 {
		rec.RunnerUp, rs, ms = b.Paths[second].ID, raw[second], most[second]
	}
	margin := exactMargin(raw[top], most[top], rs, ms)
	rec.Margin, _ = margin.Float64()
	rec.Strength = strength(res.Bands, margin)
	if tie {
		rec.Strength = Balanced
	}
	res.Recommendation = rec
	res.Confidence = s.confidence(done, most, top, second, tie)
	if !advice {
		return res
	}
	res.Toward, res.Against = reasons(b, t, done, gain, top, second)
	res.Steps, res.OtherSteps, res.StepsDone = planSteps(b, a, &themes, done, gain, &res, top)
	res.Salary = slices.Clone(b.Paths[top].Salary)
	for p := range b.Paths {
		if p != top {
			res.Others = append(res.Others, other(b, p, res.Paths[p]))
		}
	}
	return res
}

// sofar is where a quiz stands: the scored questions' sums over the
// answers given (gain holds what each answer in done gave each path) and
// the scored questions not yet asked (rest, in bank order; out, by id).
type sofar struct {
	raw, most []int64
	gain      []int64
	rest      []int
	done      []answered
	out       map[string]bool
}

// read reads the answers so far; a scored question neither in notAsked nor
// validly answered was skipped.
func (s *Scorer) read(a quiz.Answers, notAsked []string) sofar {
	t := &s.t
	n := t.paths
	pr := sofar{raw: make([]int64, n), most: make([]int64, n)}
	if len(notAsked) > 0 {
		pr.out = make(map[string]bool, len(notAsked))
		for _, id := range notAsked {
			pr.out[id] = true
		}
	}
	for qi := range t.rows {
		r, id := &t.rows[qi], s.b.Questions[qi].ID
		switch {
		case !r.scored:
			continue
		case pr.out[id]:
			pr.rest = append(pr.rest, qi)
			continue
		}
		picks := validPicks(r, a[id].Picks)
		if len(picks) == 0 {
			continue
		}
		pr.done = append(pr.done, answered{q: qi, picks: picks})
		pr.gain = append(pr.gain, make([]int64, n)...)
		g := pr.gain[len(pr.gain)-n:]
		r.addPicks(g, picks...)
		for p := range n {
			pr.raw[p] += g[p]
			pr.most[p] += r.best[p]
		}
	}
	return pr
}

// bandsFor is the bank's bands for a result of k answers: a calibrated
// balanced band widens by √(questions/k), since a random lead over fewer
// questions is larger, but never beyond Moderate.
func (s *Scorer) bandsFor(k int) Bands {
	bd := s.bands
	if bd.Calibrated && k > 0 && k < s.t.scored {
		bd.Slight = min(bd.Moderate, bd.Slight*math.Sqrt(float64(s.t.scored)/float64(k)))
	}
	return bd
}

// validPicks keeps the picks that name an option of the question, once
// each, and only the first for a single-pick question; the usual single
// valid pick is returned without a copy.
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
		if !r.kind.Multiple() {
			break
		}
	}
	return out
}

func pathScores(b *quiz.Bank, raw, most []int64) []PathScore {
	ps := make([]PathScore, len(b.Paths))
	pcts := make([]float64, len(b.Paths))
	for p, path := range b.Paths {
		pcts[p] = percent(raw[p], most[p])
		ps[p] = PathScore{ID: path.ID, Name: path.Name, Raw: weight(raw[p]), Most: weight(most[p]), Percent: pcts[p]}
	}
	for p, sh := range shares(pcts) {
		ps[p].Share = sh
	}
	return ps
}

func other(b *quiz.Bank, p int, ps PathScore) OtherPath {
	return OtherPath{ID: b.Paths[p].ID, Name: b.Paths[p].Name, Summary: b.Paths[p].Summary, Percent: ps.Percent, Share: ps.Share}
}

// themeSums holds each theme's exact sums, theme by theme.
type themeSums struct {
	raw, most []int64
	answered  []int
}

// sumThemes adds up each theme over its own answered questions.
func sumThemes(b *quiz.Bank, t *table, done []answered, gain []int64) themeSums {
	n := t.paths
	s := themeSums{raw: make([]int64, len(b.Themes)*n), most: make([]int64, len(b.Themes)*n), answered: make([]int, len(b.Themes))}
	for j, d := range done {
		ti := b.ThemeIndex(b.Questions[d.q].Theme)
		if ti < 0 {
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
	n := len(b.Paths)
	// A profile theme counts for no path, so it has no place here.
	scored := map[string]bool{}
	for i := range b.Questions {
		if b.Questions[i].Scored() {
			scored[b.Questions[i].Theme] = true
		}
	}
	ts := make([]ThemeScore, 0, len(b.Themes))
	for i, th := range b.Themes {
		if !scored[th.ID] && slices.ContainsFunc(b.Questions, func(q quiz.Question) bool { return q.Theme == th.ID }) {
			continue
		}
		ts = append(ts, ThemeScore{ID: th.ID, Name: th.Name, Answered: s.answered[i], Paths: pathScores(b, s.raw[i*n:(i+1)*n], s.most[i*n:(i+1)*n])})
	}
	return ts
}

// withhold says why no path can be recommended, or "" if one can.
func withhold(b *quiz.Bank, total, answered int, most []int64) string {
	switch {
	case total == 0:
		return WithheldNoQuestions
	case answered == 0 || float64(answered)/float64(total) < b.Scoring.MinAnswered:
		return WithheldFewAnswered
	case !slices.ContainsFunc(most, func(m int64) bool { return m > 0 }):
		return WithheldNoPoints
	}
	return ""
}

// needed is the least number of answers whose share reaches least, by
// withhold's own float comparison so that the two always agree.
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

// exactMargin is the lead of percent a (rawA/mostA) over percent b, at
// least 0, as an exact fraction: a margin of exactly 25 must meet a band
// at 25, which rounded percents (55.357… − 30.357… = 24.999…) would miss.
func exactMargin(rawA, mostA, rawB, mostB int64) *big.Rat {
	pct := func(raw, most int64) *big.Rat {
		if most == 0 {
			return new(big.Rat)
		}
		return new(big.Rat).Mul(big.NewRat(raw, most), big.NewRat(100, 1))
	}
	m := new(big.Rat).Sub(pct(rawA, mostA), pct(rawB, mostB))
	if m.Sign() < 0 {
		return new(big.Rat)
	}
	return m
}

// strength turns a margin in percentage points into a band, comparing it
// exactly with the bands.
func strength(bd Bands, margin *big.Rat) Strength {
	below := func(t float64) bool {
		bound, ok := new(big.Rat).SetString(strconv.FormatFloat(t, 'g', -1, 64))
		return ok && margin.Cmp(bound) < 0
	}
	switch {
	case below(bd.Slight):
		return Balanced
	case below(bd.Moderate):
		return Slight
	case below(bd.Clear):
		return Moderate
	}
	return Clear
}

// styleWarnings looks for answers given by habit: the same option position
// everywhere, agreeing with everything (every statement, every option of
// every pick-any question), or the middle point of every five-point one.
func styleWarnings(b *quiz.Bank, done []answered) []Warning {
	var (
		single, statements, agreed, fivePoint, middles int
		pickAny, ticked                                int
		samePos, allLast                               = true, true
		pos                                            = -1
	)
	for _, d := range done {
		q := &b.Questions[d.q]
		if q.Multiple() {
			pickAny++
			if len(d.picks) == len(q.Options) {
				ticked++
			}
			continue
		}
		o := d.picks[0]
		single++
		if pos < 0 {
			pos = o
		}
		samePos = samePos && o == pos
		allLast = allLast && o == len(q.Options)-1
		if q.DefaultPick() >= 0 {
			fivePoint++
			if o == middle {
				middles++
			}
		}
		if q.Kind == quiz.Scale {
			statements++
			if o > middle {
				agreed++
			}
		}
	}
	var ws []Warning
	alwaysMiddle := fivePoint >= styleMin && middles == fivePoint
	// Always the middle is itself a position; it is said once, as such.
	if single >= samePositionMin && (samePos || allLast) && !(alwaysMiddle && samePos && pos == middle) {
		w := Warning{Code: WarnSamePosition, Count: single, Position: pos + 1}
		if allLast && !samePos {
			w.Position = 0
		}
		ws = append(ws, w)
	}
	// Ticking every option of a pick-any question agrees with them all.
	agreeing := 0
	if statements > 0 && agreed == statements {
		agreeing += statements
	}
	if pickAny > 0 && ticked == pickAny {
		agreeing += pickAny
	}
	if agreeing >= styleMin {
		ws = append(ws, Warning{Code: WarnAgreeAll, Count: agreeing})
	}
	if alwaysMiddle {
		ws = append(ws, Warning{Code: WarnAlwaysMiddle, Count: fivePoint})
	}
	return ws
}

// reasons ranks the answered questions by how far they moved the result
// from the runner-up towards the recommended path: the three strongest
// towards it, and the strongest away from it.
func reasons(b *quiz.Bank, t *table, done []answered, gain []int64, top, second int) ([]Reason, *Reason) {
	n := t.paths
	var toward, away []moved
	for j := range done {
		points := gain[j*n+top]
		if second >= 0 {
			points -= gain[j*n+second]
		}
		switch {
		case points > 0:
			toward = append(toward, moved{j, points})
		case points < 0:
			away = append(away, moved{j, -points})
		}
	}
	strongestFirst(b, done, toward)
	strongestFirst(b, done, away)
	reason := func(m moved, sign int64) Reason {
		d := done[m.j]
		q := &b.Questions[d.q]
		texts := make([]string, len(d.picks))
		for i, o := range d.picks {
			texts[i] = q.Options[o].Text
		}
		rs := Reason{Question: q.ID, Text: q.Text, Answer: strings.Join(texts, ", "), Picks: slices.Clone(d.picks), Points: weight(sign * m.points)}
		if verb, side, ok := sideTaken(q, d.picks[0]); ok && len(d.picks) == 1 {
			// A graded answer is the side taken, and how strongly.
			rs.Verb, rs.Answer = verb, side
		}
		return rs
	}
	var out []Reason
	for _, m := range toward[:min(3, len(toward))] {
		out = append(out, reason(m, 1))
	}
	if len(away) == 0 {
		return out, nil
	}
	r := reason(away[0], -1)
	return out, &r
}

// moved is how far the answer done[j] moved a result, in thousandths of a
// point.
type moved struct {
	j      int
	points int64
}

// strongestFirst sorts ms by points, most first, equal points by question
// id, not bank order, so that reordering a bank never changes a result.
func strongestFirst(b *quiz.Bank, done []answered, ms []moved) {
	slices.SortStableFunc(ms, func(x, y moved) int {
		return cmp.Or(cmp.Compare(y.points, x.points), strings.Compare(b.Questions[done[x.j].q].ID, b.Questions[done[y.j].q].ID))
	})
}

// impressiveWarning warns when the marked impressive side was taken on
// nearly every marked question answered (see impressiveMin): on a pick-any
// question, every ticked option marked.
func impressiveWarning(b *quiz.Bank, done []answered) (Warning, bool) {
	marked, took := 0, 0
	for _, d := range done {
		q := &b.Questions[d.q]
		if len(q.Impressive) == 0 {
			continue
		}
		marked++
		if !slices.ContainsFunc(d.picks, func(o int) bool { return !slices.Contains(q.Impressive, o) }) {
			took++
		}
	}
	if marked < impressiveMin || float64(took) < impressiveShare*float64(marked) {
		return Warning{}, false
	}
	return Warning{Code: WarnImpressive, Count: took, Of: marked}, true
}

// sidesTaken counts the answers that took a side, per path and per theme:
// an answer takes the side of the one path to which it gives the largest
// part of what the question can. Disagreeing with a statement takes a side
// even where it gives nothing: with no against path to give to, the other
// path's where there are two.
func sidesTaken(b *quiz.Bank, t *table, done []answered, paths []PathScore, themes []ThemeScore) int {
	n := t.paths
	sided := 0
	part := make([]float64, n)
	for _, d := range done {
		q, r := &b.Questions[d.q], &t.rows[d.q]
		toward := -1
		switch {
		case q.Kind == quiz.Scale && q.Against == "" && q.DefaultPick() >= 0 && d.picks[0] < middle:
			if n == 2 {
				toward = 1 - b.PathIndex(q.Keyed)
			}
		default:
			clear(part)
			for _, o := range d.picks {
				for p, w := range r.weights(o, n) {
					if r.best[p] > 0 {
						part[p] += float64(w) / float64(r.best[p])
					}
				}
			}
			if toward = soleTop(part); toward < 0 {
				continue
			}
		}
		sided++
		if toward >= 0 && toward < len(paths) {
			paths[toward].Towards++
		}
		for i := range themes {
			if themes[i].ID == q.Theme {
				themes[i].Sided++
			}
		}
	}
	return sided
}
