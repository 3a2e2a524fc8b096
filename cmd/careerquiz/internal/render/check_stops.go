package render

import (
	"fmt"
	"io"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// StopPeople is how many simulated people each population of the stopping
// profile has: enough to tell 95% from 100%, and about a second for a
// bank like the built-in one, which is why check computes it only when
// asked (check --stops).
const StopPeople = 200

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
	return &StopProfiles{
		Latent:  st.Simulate(scoring.LatentLean, StopPeople, 1),
		Uniform: st.Simulate(scoring.UniformAnswers, StopPeople, 1),
	}
}

// WriteStops is the stopping profile section of check's report.
func WriteStops(w io.Writer, sp *StopProfiles) {
	fmt.Fprintf(w, "\nStopping early (%d simulated people each; the same answers with every\nquestion asked, with the settled stop, and with --quick)\n", StopPeople)
	fmt.Fprintf(w, "  %-15s %-7s %7s  %9s  %10s  %s\n", "", "", "asked", "same path", "same label", "same path, decided")
	for _, pop := range []struct {
		name string
		p    scoring.StopProfile
	}{{"latent lean", sp.Latent}, {"uniform answers", sp.Uniform}} {
		for i, run := range []struct {
			name string
			r    scoring.StopRun
		}{{"settled", pop.p.Settled}, {"quick", pop.p.Quick}} {
			name := pop.name
			if i > 0 {
				name = ""
			}
			r := run.r
			fmt.Fprintf(w, "  %-15s %-7s %6.1f%%  %8.1f%%  %9.1f%%  %.1f%% of %d\n", name, run.name,
				100*r.AskedShare, 100*r.SamePath, 100*r.SameLabel, 100*r.SamePathDecided, r.Decided)
		}
	}
}
