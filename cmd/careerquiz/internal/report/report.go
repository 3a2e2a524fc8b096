// Package report renders a scored quiz: as a text report for a person,
// sized to a terminal and coloured when the caller says so, and as one JSON
// document for programs, held to result.schema.json at the module root.
//
// Both renderings show the same facts, taken from a scoring.Result; the
// report adds no judgement of its own. Neither writes anything but what it
// is given to w, so the same Run always gives the same bytes.
package report

import (
	"errors"
	"fmt"
	"math"
	"strings"

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
}

var errNoBank = errors.New("report: run has no bank")

// clean makes text taken from a bank safe to print, whatever the loader did:
// invalid UTF-8 becomes U+FFFD (a stray byte such as 0x9b can act as an
// escape on some terminals) and quiz.Clean drops control characters.
func clean(s string) string {
	return quiz.Clean(strings.ToValidUTF8(s, "\uFFFD"))
}

// oneLine is clean with every run of white space, newlines included, made a
// single space: the text report lays out its own lines.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// round rounds x to the given number of decimals, half away from zero.
// Non-finite numbers become 0, since neither a person nor the JSON encoder
// can use them, and so does -0, which would otherwise print as "-0".
func round(x float64, decimals int) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	p := math.Pow10(decimals)
	r := math.Round(x*p) / p
	if r == 0 || math.IsInf(r, 0) || math.IsNaN(r) {
		// Rounding a huge number overflows; such a number has no decimals
		// to round, so it stands as it is. -0 becomes 0.
		if r != 0 {
			return x
		}
		return 0
	}
	return r
}

// pathName returns the display name of the scored path with the given id,
// or the id itself when the result does not list it.
func pathName(res scoring.Result, id string) string {
	for _, p := range res.Paths {
		if p.ID == id {
			return p.Name
		}
	}
	return id
}

// pathShare returns the share of the scored path with the given id.
func pathShare(res scoring.Result, id string) float64 {
	for _, p := range res.Paths {
		if p.ID == id {
			return p.Share
		}
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
		return fmt.Sprintf("None of the %s you answered can give any path a point, so there is nothing to recommend.", count(res.Answered, "question"))
	case scoring.WithheldFewAnswered:
		if res.Answered == 0 {
			return fmt.Sprintf("You answered none of the %s, so there is nothing to recommend yet.", count(res.Total, "question"))
		}
		return fmt.Sprintf("You answered %d of %s; a recommendation needs at least %d.", res.Answered, count(res.Total, "question"), res.Needed)
	}
	return "Too few questions were answered to say anything."
}

// warningText words a warning about the answers.
func warningText(w scoring.Warning) string {
	switch w.Code {
	case scoring.WarnFewAnswered:
		return fmt.Sprintf("You answered %d of %s. That is too few for a recommendation: any lean in these answers may mean little.", w.Count, count(w.Of, "question"))
	case scoring.WarnSamePosition:
		where := fmt.Sprintf("option %d", w.Position)
		if w.Position == 0 {
			where = "the last option"
		}
		return fmt.Sprintf("You picked %s on all %d questions that take one answer, so the result may mean little: answer by what fits you, not by position.", where, w.Count)
	case scoring.WarnAgreeAll:
		return fmt.Sprintf("You agreed with all %d statements, including those that speak for different paths, so they tell little about you and the result may mean little.", w.Count)
	case scoring.WarnAlwaysMiddle:
		return fmt.Sprintf("You gave the middle answer (Neutral, or both equally) on all %d statements and graded questions, so the result may mean little: where one side appeals even slightly more, say so.", w.Count)
	}
	return fmt.Sprintf("Your answers follow a pattern (%s), so the result may mean little.", oneLine(w.Code))
}

// confidenceText says the confidence in words a person reads correctly,
// with the figure as a natural frequency.
func confidenceText(c float64) string {
	tenths := int(round(min(max(c, 0), 1)*10, 0))
	var how string
	switch {
	case c >= 0.95:
		return "If you took the quiz again, you would almost certainly (more than 9 in 10) get the same path."
	case c >= 0.85:
		how = "very likely"
	case c >= 0.7:
		how = "likely"
	case c >= 0.6:
		how = "more likely than not"
	default:
		return fmt.Sprintf("If you took the quiz again, you could as easily get another path (about %d in 10 would get the same one).", tenths)
	}
	return fmt.Sprintf("If you took the quiz again, you would %s (about %d in 10) get the same path.", how, tenths)
}

// answerText is an answer as the person gave it: for a graded question the
// side taken and how strongly.
func answerText(rs scoring.Reason) string {
	switch rs.Verb {
	case scoring.MuchRather:
		return "Much rather: " + rs.Answer
	case scoring.Rather:
		return "Rather: " + rs.Answer
	}
	return rs.Answer
}
