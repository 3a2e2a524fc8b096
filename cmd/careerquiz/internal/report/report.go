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

// pathPercent returns the percent of the scored path with the given id.
func pathPercent(res scoring.Result, id string) float64 {
	for _, p := range res.Paths {
		if p.ID == id {
			return p.Percent
		}
	}
	return 0
}
