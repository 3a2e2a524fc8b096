// Package render shows careerquiz's documents to people and programs: the
// report of a quiz in each format (a format is one file that adds itself to
// the table in format.go) and the views of check, history, compare and
// stats. Every fact is worded in one place, and every view adds no judgement
// of its own: the same input always gives the same bytes.
package render

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// Run is one finished quiz: the bank, what scoring concluded from the
// answers, and how the questions were put.
type Run struct {
	Bank   *quiz.Bank
	Result scoring.Result
	// Answers is the answers object in answers-file form: question id to a
	// 1-based option number (int), the option numbers picked ([]int) for a
	// pick-any question, or "skip". It is written out unchanged, so that a
	// saved JSON result can be replayed with --answers.
	Answers map[string]any
	// Shuffled and Seed record the order the questions were asked in, so
	// that a run can be repeated; Seed means nothing unless Shuffled.
	Shuffled bool
	Seed     int64
	// NotAsked and Stopped say how a quiz that stopped early stopped:
	// the scored questions not asked, and the figures of the stop; nil
	// when every question was asked. Result is then ScoreAsked's.
	NotAsked []string
	Stopped  *result.StoppedEarly
	// Taken is when the quiz was finished, for the formats that date a
	// report (Markdown, HTML); zero leaves the date out.
	Taken time.Time
}

var errNoBank = errors.New("report: run has no bank")

// pathName is the name of the scored path id, or id where there is none.
func pathName(res scoring.Result, id string) string {
	if i := pathIndex(res, id); i >= 0 {
		return res.Paths[i].Name
	}
	return id
}

// pathIndex is the place of the path with the given id in the result, or -1.
func pathIndex(res scoring.Result, id string) int {
	return slices.IndexFunc(res.Paths, func(p scoring.PathScore) bool { return p.ID == id })
}

// recName is the name of the path res recommends, on one line.
func recName(res scoring.Result) string {
	return cmp.Or(result.OneLine(res.Recommendation.Name), result.OneLine(pathName(res, res.Recommendation.Path)))
}

// pathShare is the share of the scored path id as every format shows it.
func pathShare(res scoring.Result, id string) float64 { return shownShare(res.Paths, id) }

// shownShare is path id's share of ps as shown (result.Shown): rounded with
// the others so that they add up to 100; 0 where ps has no such path.
func shownShare(ps []scoring.PathScore, id string) float64 {
	if i := slices.IndexFunc(ps, func(p scoring.PathScore) bool { return p.ID == id }); i >= 0 {
		return result.Shown(each(ps, func(p scoring.PathScore) float64 { return p.Share }))[i]
	}
	return 0
}

// The report words what scoring states as facts. These functions are the one
// place each fact gets its words, for every format.

// withheldText says why there is no recommendation.
func withheldText(res scoring.Result) string {
	switch res.Withheld {
	case scoring.WithheldNoQuestions:
		return "The bank has no questions to answer, so there is nothing to recommend."
	case scoring.WithheldNoPoints:
		return fmt.Sprintf("None of the %s you answered can give any path a point, so there is nothing to recommend.", Count(res.Answered, "question"))
	case scoring.WithheldFewAnswered:
		if res.Answered == 0 {
			return fmt.Sprintf("You answered none of the %s, so there is nothing to recommend yet.", Count(res.Total, "question"))
		}
		return fmt.Sprintf("You answered %d of %s; a recommendation needs at least %d.", res.Answered, Count(res.Total, "question"), res.Needed)
	}
	return "Too few questions were answered to say anything."
}

// warningText words a warning about the answers given in r.
func warningText(w scoring.Warning, r Run) string {
	switch w.Code {
	case scoring.WarnFewAnswered:
		return fmt.Sprintf("You answered %d of %s. That is too few for a recommendation: any lean in these answers may mean little.", w.Count, Count(w.Of, "question"))
	case scoring.WarnSamePosition:
		return fmt.Sprintf("You picked %s on all %d questions that take one answer, so the result may mean little: answer by what fits you, not by position.", positionText(w), w.Count)
	case scoring.WarnAgreeAll:
		return agreeAllText(w, r)
	case scoring.WarnAlwaysMiddle:
		return fmt.Sprintf("You gave the middle answer (Neutral, or both equally) on all %d statements and graded questions, so the result may mean little: where one side appeals even slightly more, say so.", w.Count)
	case scoring.WarnImpressive:
		return fmt.Sprintf("You took the side that sounds more impressive on %d of the %d questions that mark one; the result may say as much about how the answers sound as about what you would rather do.", w.Count, w.Of)
	}
	return fmt.Sprintf("Your answers follow a pattern (%s), so the result may mean little.", result.OneLine(w.Code))
}

// positionText is the option a same-position warning names: position 0
// is the last.
func positionText(w scoring.Warning) string {
	if w.Position == 0 {
		return "the last option"
	}
	return fmt.Sprintf("option %d", w.Position)
}

// agreeAllText words the agree-all warning by what the agreeing did to the
// result: each statement and each pick-any option is worded for one path,
// so agreeing with all of them adds to every path, the same to both where
// they are keyed evenly.
func agreeAllText(w scoring.Warning, r Run) string {
	var statements, pickAny int
	var toLead, toRunner float64
	rec := r.Result.Recommendation
	lead, runner := -1, -1
	if rec != nil && rec.RunnerUp != "" {
		lead, runner = r.Bank.PathIndex(rec.Path), r.Bank.PathIndex(rec.RunnerUp)
	}
	add := func(ws []float64) {
		if lead >= 0 && runner >= 0 && lead < len(ws) && runner < len(ws) {
			toLead += ws[lead]
			toRunner += ws[runner]
		}
	}
	for _, q := range r.Bank.Questions {
		switch {
		case q.Kind == quiz.Scale:
			if n, ok := r.Answers[q.ID].(int); ok && n > 3 && n <= len(q.Options) {
				statements++
				add(q.Options[n-1].Weights)
			}
		case q.Multiple() && q.Scored():
			if picks, _ := r.Answers[q.ID].([]int); len(picks) == len(q.Options) {
				pickAny++
				for _, o := range q.Options {
					add(o.Weights)
				}
			}
		}
	}
	var head string
	switch {
	case statements > 0 && pickAny > 0:
		head = fmt.Sprintf("You agreed with all %s and ticked every option of all %s.", Count(statements, "statement"), Count(pickAny, "pick-any question"))
	case pickAny > 0:
		head = fmt.Sprintf("You ticked every option of all %s.", Count(pickAny, "pick-any question"))
	default:
		head = fmt.Sprintf("You agreed with all %d statements.", w.Count)
	}
	if lead < 0 || runner < 0 || statements+pickAny == 0 {
		return head + " Each is worded for one path, so agreeing with all of them tells little about which path suits you."
	}
	runnerName := result.OneLine(pathName(r.Result, rec.RunnerUp))
	leadName := result.OneLine(pathName(r.Result, rec.Path))
	if math.Abs(toLead-toRunner) < 1e-9 {
		return head + " Each is worded for one path, and they are keyed evenly, so agreeing with all of them adds the same to " +
			leadName + " and " + runnerName + ": your other answers decided the result."
	}
	more, less := leadName, runnerName
	if toRunner > toLead {
		more, less = runnerName, leadName
	}
	diff := strings.TrimPrefix(pointsText(math.Abs(toLead-toRunner)), "+")
	noun := "points"
	if diff == "1" {
		noun = "point"
	}
	return fmt.Sprintf("%s Each is worded for one path, so agreeing with all of them says little about you; here they gave %s %s %s more than %s, and the rest came from your other answers.",
		head, more, diff, noun, less)
}

// patterned reports whether a warning says the answers follow a pattern:
// the confidence then measures how steadily the pattern gives a path, not
// how well the path fits, and the report must not say more than that.
func patterned(res scoring.Result) bool {
	for _, w := range res.Warnings {
		switch w.Code {
		case scoring.WarnSamePosition, scoring.WarnAgreeAll, scoring.WarnAlwaysMiddle, scoring.WarnImpressive:
			return true
		}
	}
	return false
}

// steady is the confidence from which a lean is called consistent: a
// retest would very likely give the same path.
const steady = 0.85

// meaningText says what the label and the confidence mean together, for a
// result with a lean: the label says how far the answers leaned, the
// confidence how steadily, and a slight lean can be a very consistent one.
// Empty for a balanced result, a tie or none.
func meaningText(res scoring.Result) string {
	rec := res.Recommendation
	if rec == nil || rec.Tie || rec.Strength == scoring.Balanced {
		return ""
	}
	name := recName(res)
	var label, how string
	switch rec.Strength {
	case scoring.Slight:
		label = "A slight preference"
		how = fmt.Sprintf("your answers leaned towards %s a little more than most people's with no preference do", name)
	case scoring.Moderate:
		label = "A moderate preference"
		how = fmt.Sprintf("your answers leaned towards %s well beyond chance, though less than a mild answer for it on every question would", name)
	default:
		label = "A clear preference"
		how = fmt.Sprintf("your answers leaned towards %s as far as a mild answer for it on every question would", name)
	}
	i := pathIndex(res, rec.Path)
	switch {
	case patterned(res):
		// How steady a pattern is says nothing about the person.
		return fmt.Sprintf("%s: %s.", label, how)
	case res.Confidence >= steady && rec.Strength == scoring.Clear:
		return fmt.Sprintf("%s, and a consistent one: %s.", label, how)
	case res.Confidence >= steady:
		return fmt.Sprintf("%s, but a consistent one: %s.", label, how)
	case i >= 0 && res.Paths[i].Towards == res.Sided:
		// Every answer that took a side took this one: what keeps the
		// figure low is how few they are.
		return fmt.Sprintf("%s, and not yet a steady one: %s, but on too few answers to be sure.", label, how)
	default:
		return fmt.Sprintf("%s, and not a steady one: %s, but not all of your answers pointed the same way.", label, how)
	}
}

// evenText says what a tie or a balanced result means, without suggesting
// the answers were careless; "" for any other.
func evenText(res scoring.Result) string {
	rec := res.Recommendation
	switch {
	case rec == nil:
		return ""
	case rec.Tie:
		return "Your answers came out exactly even, so either path could suit you; the themes below show where each one pulls."
	case rec.Strength == scoring.Balanced:
		return "Your answers lean no more than most people's with no preference do, so either path could suit you; the themes below show where each one pulls."
	}
	return ""
}

// thinShare is the share of answers that took no side (skipped ones
// included) beyond which the report says on how many the verdict rests.
const thinShare = 0.25

// sidedText says on how many answers the verdict rests, when many took no
// side ("12 of your 33 answers took a side; 11 of them towards Back-end
// engineer"), or "" when most did.
func sidedText(res scoring.Result) string {
	rec := res.Recommendation
	// Questions a quiz that stopped early never asked are no answers.
	asked := res.Sided + res.NoSide
	if rec == nil || asked == 0 || float64(res.NoSide) <= thinShare*float64(asked) {
		return ""
	}
	if res.Sided == 0 {
		return fmt.Sprintf("None of your %d answers took a side.", asked)
	}
	head := fmt.Sprintf("%d of your %d answers took a side", res.Sided, asked)
	var parts []string
	for _, p := range res.Paths {
		if rec.Tie || p.ID == rec.Path {
			parts = append(parts, fmt.Sprintf("%d towards %s", p.Towards, result.OneLine(p.Name)))
		}
	}
	if len(parts) == 1 {
		n, rest, _ := strings.Cut(parts[0], " ")
		return fmt.Sprintf("%s; %s of them %s.", head, n, rest)
	}
	return fmt.Sprintf("%s: %s.", head, result.JoinAnd(parts))
}

// confidenceText says the confidence of res in words, with the figure as a
// natural frequency.
func confidenceText(res scoring.Result) string {
	c := res.Confidence
	if rec := res.Recommendation; rec != nil && rec.Tie {
		// A tie names no path for a retest to repeat.
		return "With no path ahead, a retest could as easily name either of the tied paths."
	}
	_, freq := retests(c)
	if patterned(res) {
		return fmt.Sprintf("The chance of the same path on a retest (%s) assumes answers given by what fits you; with the pattern noted below, it may say more about how you answered than about you.", freq)
	}
	var how string
	switch {
	case c >= 0.95:
		how = "almost certainly"
	case c >= steady:
		how = "very likely"
	case c >= 0.7:
		how = "likely"
	case c >= 0.6:
		how = "more likely than not"
	default:
		return fmt.Sprintf("If you took the quiz again, you could as easily get another path (%s would get the same one).", freq)
	}
	return fmt.Sprintf("If you took the quiz again, you would %s (%s) get the same path.", how, freq)
}

// retests is a confidence as a natural frequency: of 10 retests, how many
// would give the same path, as a number and in words.
func retests(c float64) (int, string) {
	n := int(result.Round(min(max(c, 0), 1)*10, 0))
	if c >= 0.95 {
		return n, "more than 9 in 10"
	}
	return n, fmt.Sprintf("about %d in 10", n)
}

// answerText is an answer as the person gave it: for a graded question the
// side taken and how strongly.
func answerText(rs scoring.Reason) string { return verbText(rs.Verb, rs.Answer) }

// verbText is the one wording of a graded answer, in every view: the
// side's own text and how strongly, since "Much rather B" means nothing
// without B.
func verbText(v scoring.AnswerVerb, side string) string {
	switch v {
	case scoring.MuchRather:
		return "Much rather: " + side
	case scoring.Rather:
		return "Rather: " + side
	}
	return side
}

// stoppedText is the note on a quiz that stopped early: after how many
// questions, and for the quick stop the chance that the rest would have
// named another path; "" for a quiz that asked every question.
func stoppedText(r Run) string {
	st := r.Stopped
	if st == nil {
		return ""
	}
	left := st.Scored - st.Asked
	if st.Mode == "quick" && st.Chance != nil {
		return fmt.Sprintf("Stopped early (--quick) after %d of %s: the chance that the %d left would have named another path is %s.",
			st.Asked, Count(st.Scored, "question"), left, ChanceText(*st.Chance))
	}
	return fmt.Sprintf("Stopped early after %d of %s: the %d left could not have changed the path.",
		st.Asked, Count(st.Scored, "question"), left)
}

// ChanceText is a small chance in percent, never rounded to a flat 0: a
// result keeps the chance to four decimals, so a stop the quiz called
// "under 0.1%" would otherwise read "0.0%" in its report.
func ChanceText(c float64) string {
	pct := 100 * c
	if pct < 0.1 {
		return "under 0.1%"
	}
	return fmt.Sprintf("%.1f%%", math.Round(pct*10)/10)
}

// Verdict is the result in a few words (result.Verdict), for the one line
// that closes a quiz. A report scrolls, and this line is what stays on the
// screen.
func Verdict(res scoring.Result) string {
	var rec *result.Recommendation
	if r := res.Recommendation; r != nil {
		rec = &result.Recommendation{Path: r.Path, Name: r.Name, Strength: r.Strength, RunnerUp: r.RunnerUp, Tie: r.Tie, Tied: r.Tied}
	}
	return result.Verdict(rec, each(res.Paths, func(p scoring.PathScore) result.Path { return result.Path{ID: p.ID, Name: p.Name} }))
}

// WarningNotes are the result's warnings in one short sentence each, for
// the end of a quiz whose report went to a file: there the full warnings
// are out of sight.
func WarningNotes(res scoring.Result) []string {
	return each(res.Warnings, func(w scoring.Warning) string { return sentence(warningNote(w)) })
}

func warningNote(w scoring.Warning) string {
	switch w.Code {
	case scoring.WarnFewAnswered:
		return fmt.Sprintf("you answered %d of %s: too few for a firm result", w.Count, Count(w.Of, "question"))
	case scoring.WarnSamePosition:
		return fmt.Sprintf("you picked %s on all %d one-answer questions: it may mean little", positionText(w), w.Count)
	case scoring.WarnAgreeAll:
		return fmt.Sprintf("you agreed with everything on %s: they tell little about you", Count(w.Count, "question"))
	case scoring.WarnImpressive:
		return fmt.Sprintf("you took the more impressive-sounding side %d times of %d: it may mean little", w.Count, w.Of)
	case scoring.WarnAlwaysMiddle:
		return fmt.Sprintf("you gave the middle answer all %d times it was offered: it may mean little", w.Count)
	}
	return fmt.Sprintf("your answers follow a pattern (%s): the result may mean little", result.OneLine(w.Code))
}
