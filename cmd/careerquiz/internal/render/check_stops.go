package render

import (
	"fmt"
	"io"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// StopPeople is how many simulated people each population of the stopping
// profile has on a bank like the built-in one: enough to tell 95% from
// 100%, in about a second, which is why only check --stops computes it.
const (
	StopPeople    = 200
	stopPeopleMin = 20
)

// stopPeople is StopPeople for some 40 scored questions and two paths or
// fewer, and fewer beyond, in proportion to the questions and to the square
// of the paths (the quick stop's chance weighs every pair of them), so that
// check --stops stays a matter of seconds.
func stopPeople(scored, paths int) int {
	n := StopPeople * 40 / max(scored, 1) * 4 / max(paths*paths, 4)
	return max(stopPeopleMin, min(StopPeople, n))
}

// StopProfiles is a bank's stopping profile (scoring.Stopper.Simulate)
// under the latent-trait population and under uniformly random answers.
type StopProfiles struct {
	Latent  scoring.StopProfile `json:"latent"`
	Uniform scoring.StopProfile `json:"uniform"`
}

// StopsOf simulates b's stops, with a fixed seed so that the figures
// repeat.
func StopsOf(b *quiz.Bank) *StopProfiles {
	st := scoring.NewStopper(scoring.NewScorer(b))
	scored := 0
	for i := range b.Questions {
		if b.Questions[i].Scored() {
			scored++
		}
	}
	n := stopPeople(scored, len(b.Paths))
	return &StopProfiles{
		Latent:  st.Simulate(scoring.LatentLean, n, 1),
		Uniform: st.Simulate(scoring.UniformAnswers, n, 1),
	}
}

// WriteStops is the stopping profile section of check's report.
func WriteStops(w io.Writer, sp *StopProfiles) {
	fmt.Fprintf(w, "\nStopping early (%d simulated people each; the same answers with every\nquestion asked, with the settled stop, and with --quick)\n", sp.Latent.People)
	fmt.Fprintf(w, "  %-15s %-7s %7s  %9s  %10s  %s\n", "", "", "asked", "same path", "same label", "same path, decided")
	row := func(population, stop string, r scoring.StopRun) {
		fmt.Fprintf(w, "  %-15s %-7s %6.1f%%  %8.1f%%  %9.1f%%  %.1f%% of %d\n", population, stop,
			100*r.AskedShare, 100*r.SamePath, 100*r.SameLabel, 100*r.SamePathDecided, r.Decided)
	}
	row("latent lean", "settled", sp.Latent.Settled)
	row("", "quick", sp.Latent.Quick)
	row("uniform answers", "settled", sp.Uniform.Settled)
	row("", "quick", sp.Uniform.Quick)
}
