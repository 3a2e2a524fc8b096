package render

import (
	"io"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
)

// stoppedRun is clearRun as a quiz that stopped early: 7 of 10 scored
// questions asked, none skipped.
func stoppedRun(mode string, chance *float64) Run {
	r := clearRun()
	r.Result.Total, r.Result.Skipped, r.Result.NotAsked = 10, 0, 3
	r.NotAsked = []string{"q9", "q10", "q11"}
	r.Stopped = &result.StoppedEarly{Mode: mode, Asked: 7, Scored: 10, Chance: chance}
	return r
}

// TestEveryReportSaysItStoppedEarly: the text, Markdown and HTML reports
// of a quiz that stopped early say so in the same words, and say nothing of
// it for a quiz that asked every question.
func TestEveryReportSaysItStoppedEarly(t *testing.T) {
	t.Parallel()
	chance := 0.0123
	writers := []struct {
		name  string
		write func(io.Writer, Run) error
	}{{"text", func(w io.Writer, r Run) error { return WriteText(w, r, Options{}) }}, {"markdown", WriteMarkdown}, {"html", WriteHTML}}
	runs := []struct {
		name string
		run  Run
		want string
	}{
		{"settled", stoppedRun("settled", nil), "Stopped early after 7 of 10 questions: the 3 left could not have changed the path."},
		{"quick", stoppedRun("quick", &chance), "Stopped early (--quick) after 7 of 10 questions: the chance that the 3 left would have named another path is 1.2%."},
		{"every question", clearRun(), ""},
	}
	for _, w := range writers {
		for _, r := range runs {
			t.Run(w.name+"/"+r.name, func(t *testing.T) {
				out := oneSpace(string(render(t, w.write, r.run)))
				if r.want == "" {
					if strings.Contains(out, "Stopped early") {
						t.Errorf("a quiz that asked every question says it stopped early:\n%s", out)
					}
					return
				}
				if !strings.Contains(out, r.want) {
					t.Errorf("no %q in:\n%s", r.want, out)
				}
				if strings.Contains(out, "7 of 10 answered (0 skipped)") {
					t.Errorf("the questions not asked are counted as skipped:\n%s", out)
				}
			})
		}
	}
}
