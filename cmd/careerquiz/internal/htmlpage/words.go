package htmlpage

import (
	"fmt"
	"math"
	"strconv"

	"github.com/careerquiz/careerquiz/scoring"
)

// The sentences below are the text report's, word for word, worded here
// from the JSON document instead of from a scoring.Result; words_test.go
// holds each of them to the text report of the same answers.

// steady is the confidence from which a lean is called consistent.
const steady = 0.85

// headlineText is the verdict in one line.
func headlineText(d *resultDoc, name func(string) string, shownOf map[string]float64) string {
	rec := d.Recommendation
	lead := name(rec.Path)
	if n := text(rec.Name); n != "" {
		lead = n
	}
	if rec.RunnerUp == "" {
		return fmt.Sprintf("You lean towards: %s (%s)", lead, rec.Strength)
	}
	a, b := pct(shownOf[rec.Path]), pct(shownOf[rec.RunnerUp])
	switch {
	case rec.Tie:
		return fmt.Sprintf("Balanced: %s and %s are even (%s to %s)", lead, name(rec.RunnerUp), a, b)
	case rec.Strength == scoring.Balanced:
		return fmt.Sprintf("Balanced: no clear preference (%s %s to %s)", lead, a, b)
	}
	return fmt.Sprintf("You lean towards: %s (%s, %s to %s)", lead, rec.Strength, a, b)
}

// meaningText is what follows the headline: for a balanced result that
// either path could suit, for a result too close or too unsteady to act on
// that it is a hypothesis, and for a lean what its label and confidence
// mean together.
func meaningText(d *resultDoc, name func(string) string) []string {
	rec := d.Recommendation
	var notes []string
	if rec.RunnerUp != "" && (rec.Tie || rec.Strength == scoring.Balanced) {
		notes = append(notes, "Your answers are close to what answering at random gives, so either path could suit you; the themes below show where each one pulls.")
	}
	if rec.RunnerUp != "" && (rec.Tie || rec.Strength == scoring.Balanced || d.Confidence < scoring.LowConfidence) {
		note := "Treat this result as a hypothesis to test, not a verdict."
		if len(d.Steps) > 0 && d.Steps[0].Kind == scoring.TryBoth {
			note += " The first step below has you try both paths' halves of one task."
		}
		notes = append(notes, note)
	}
	if rec.Tie || rec.Strength == scoring.Balanced {
		return notes
	}
	lead := name(rec.Path)
	if n := text(rec.Name); n != "" {
		lead = n
	}
	var label, how string
	switch rec.Strength {
	case scoring.Slight:
		label, how = "A slight preference", "your answers leaned only mildly"
	case scoring.Moderate:
		label, how = "A moderate preference", "your answers leaned fairly strongly"
	default:
		label, how = "A clear preference", "your answers leaned strongly"
	}
	var m string
	switch {
	case patterned(d):
		m = fmt.Sprintf("%s: %s towards %s.", label, how, lead)
	case d.Confidence >= steady && rec.Strength == scoring.Clear:
		m = fmt.Sprintf("%s, and a consistent one: %s, and steadily, towards %s.", label, how, lead)
	case d.Confidence >= steady:
		m = fmt.Sprintf("%s, but a consistent one: %s, yet steadily, towards %s.", label, how, lead)
	default:
		m = fmt.Sprintf("%s, and not a steady one: %s towards %s, but not all of them the same way.", label, how, lead)
	}
	return append(notes, m)
}

// patterned reports whether a warning says the answers follow a pattern:
// the confidence then measures the pattern, not the fit.
func patterned(d *resultDoc) bool {
	for _, w := range d.Warnings {
		switch w.Code {
		case scoring.WarnSamePosition, scoring.WarnAgreeAll, scoring.WarnAlwaysMiddle:
			return true
		}
	}
	return false
}

// tenths is the confidence as a natural frequency: out of 10 retests, how
// many would give the same path.
func tenths(c float64) int { return int(round(min(max(c, 0), 1)*10, 0)) }

// frequencyText is tenths in words.
func frequencyText(c float64) string {
	if c >= 0.95 {
		return "more than 9 in 10"
	}
	return fmt.Sprintf("about %d in 10", tenths(c))
}

// confidenceText says the confidence in words a person reads correctly,
// with the figure as a natural frequency.
func confidenceText(d *resultDoc) string {
	c := d.Confidence
	freq := frequencyText(c)
	if patterned(d) {
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

// basisText says how many questions the result rests on.
func basisText(d *resultDoc) string {
	total := d.Answered + d.Skipped
	switch {
	case d.Answered == 0:
		return fmt.Sprintf("No questions answered (%s in the quiz).", count(total, "question"))
	case d.Skipped == 0:
		return fmt.Sprintf("Based on all %s.", count(total, "question"))
	}
	return fmt.Sprintf("Based on %d of %s (%d skipped).", d.Answered, count(total, "question"), d.Skipped)
}

// stepText is a step as a line of the plan, led by its kind where it is not
// simply one to learn.
func stepText(s stepDoc) string {
	t := text(s.Text)
	switch s.Kind {
	case scoring.TryBoth:
		return "Try both: " + t
	case scoring.Explore:
		return "Explore before deciding: " + t
	}
	return t
}

// pointsText is a signed number of points with no needless decimals.
func pointsText(x float64) string {
	x = round(x, 3)
	s := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
	switch {
	case x > 0:
		return "+" + s
	case x < 0:
		return "-" + s
	}
	return s
}
