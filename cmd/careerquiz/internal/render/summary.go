package render

import (
	"fmt"

	"github.com/careerquiz/careerquiz/scoring"
)

// Verdict is the result in a few words, for the one line that closes a
// quiz: "Back-end engineer (moderate)", "no clear preference (balanced;
// leaning a little to Back-end developer)", "Back-end engineer and
// Back-end developer tie", or "no recommendation yet". A report scrolls,
// and this line is what stays on the screen.
func Verdict(res scoring.Result) string {
	rec := res.Recommendation
	if rec == nil {
		return "no recommendation yet"
	}
	name := oneLine(rec.Name)
	if name == "" {
		name = oneLine(pathName(res, rec.Path))
	}
	switch {
	case rec.Tie:
		return fmt.Sprintf("%s and %s tie", name, oneLine(pathName(res, rec.RunnerUp)))
	case rec.Strength == scoring.Balanced:
		// A balanced result names a path only as the side of a small
		// lead: read alone, "Back-end engineer (balanced)" sounds like a
		// recommendation.
		return fmt.Sprintf("no clear preference (balanced; leaning a little to %s)", name)
	}
	return fmt.Sprintf("%s (%s)", name, rec.Strength)
}

// WarningNotes are the result's warnings in one short line each, for the
// end of a quiz whose report went to a file: there the full warnings are
// out of sight.
func WarningNotes(res scoring.Result) []string {
	var notes []string
	for _, w := range res.Warnings {
		var note string
		switch w.Code {
		case scoring.WarnFewAnswered:
			note = fmt.Sprintf("you answered %d of %s: too few for a firm result", w.Count, count(w.Of, "question"))
		case scoring.WarnSamePosition:
			where := fmt.Sprintf("option %d", w.Position)
			if w.Position == 0 {
				where = "the last option"
			}
			note = fmt.Sprintf("you picked %s on all %d one-answer questions: it may mean little", where, w.Count)
		case scoring.WarnAgreeAll:
			note = fmt.Sprintf("you agreed with all %d statements: they tell little about you", w.Count)
		case scoring.WarnAlwaysMiddle:
			note = fmt.Sprintf("you gave the middle answer all %d times it was offered: it may mean little", w.Count)
		default:
			note = fmt.Sprintf("your answers follow a pattern (%s): the result may mean little", oneLine(w.Code))
		}
		notes = append(notes, note)
	}
	return notes
}
