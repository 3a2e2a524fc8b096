package report

import (
	"fmt"

	"github.com/careerquiz/careerquiz/scoring"
)

// Verdict is the result in a few words, for the one line that closes a
// quiz: "Back-end engineer (moderate)", "Back-end engineer and Back-end
// developer tie", or "no recommendation yet". A report scrolls, and this
// line is what stays on the screen.
func Verdict(res scoring.Result) string {
	rec := res.Recommendation
	if rec == nil {
		return "no recommendation yet"
	}
	name := oneLine(rec.Name)
	if name == "" {
		name = oneLine(pathName(res, rec.Path))
	}
	if rec.Tie {
		return fmt.Sprintf("%s and %s tie", name, oneLine(pathName(res, rec.RunnerUp)))
	}
	return fmt.Sprintf("%s (%s)", name, rec.Strength)
}
