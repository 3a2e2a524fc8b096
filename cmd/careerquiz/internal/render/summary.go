package render

import (
	"fmt"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/scoring"
)

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
	var notes []string
	for _, w := range res.Warnings {
		var note string
		switch w.Code {
		case scoring.WarnFewAnswered:
			note = fmt.Sprintf("you answered %d of %s: too few for a firm result", w.Count, Count(w.Of, "question"))
		case scoring.WarnSamePosition:
			note = fmt.Sprintf("you picked %s on all %d one-answer questions: it may mean little", positionText(w), w.Count)
		case scoring.WarnAgreeAll:
			note = fmt.Sprintf("you agreed with everything on %s: they tell little about you", Count(w.Count, "question"))
		case scoring.WarnImpressive:
			note = fmt.Sprintf("you took the more impressive-sounding side %d times of %d: it may mean little", w.Count, w.Of)
		case scoring.WarnAlwaysMiddle:
			note = fmt.Sprintf("you gave the middle answer all %d times it was offered: it may mean little", w.Count)
		default:
			note = fmt.Sprintf("your answers follow a pattern (%s): the result may mean little", result.OneLine(w.Code))
		}
		notes = append(notes, sentence(note))
	}
	return notes
}
