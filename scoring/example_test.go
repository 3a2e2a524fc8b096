package scoring_test

import (
	"fmt"

	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// exampleBank is a small bank of three questions, as the loader would build
// it: the agreement statement already expanded into its five points.
func exampleBank() *quiz.Bank {
	agree := func(keyed int) []quiz.Option {
		var opts []quiz.Option
		for p, label := range quiz.ScaleLabels {
			ws := []float64{float64(max(0, 2-p)), float64(max(0, 2-p))}
			ws[keyed] = float64(max(0, p-2))
			opts = append(opts, quiz.Option{ID: quiz.ScaleIDs[p], Text: label, Weights: ws})
		}
		return opts
	}
	return &quiz.Bank{
		Title:   "Engineer or developer?",
		Scoring: quiz.DefaultThresholds,
		Paths: []quiz.Path{
			{ID: "engineer", Name: "Back-end engineer", Steps: []quiz.Step{
				{Theme: "design", Text: "Study system design."},
				{Theme: "code", Text: "Read code that scales."},
			}},
			{ID: "developer", Name: "Back-end developer"},
		},
		Themes: []quiz.Theme{{ID: "design", Name: "Design"}, {ID: "code", Name: "Code"}},
		Questions: []quiz.Question{
			{ID: "outage", Theme: "design", Kind: quiz.Choice, Text: "The site is down. What do you do first?", Options: []quiz.Option{
				{Text: "Trace the root cause", Weights: []float64{2, 0}},
				{Text: "Ship a quick fix", Weights: []float64{0, 2}},
			}},
			{ID: "diagrams", Theme: "design", Kind: quiz.Scale, Keyed: "engineer", Text: "I enjoy drawing how services fit together.", Options: agree(0)},
			{ID: "tasks", Theme: "code", Kind: quiz.PickAny, Text: "Which tasks would you enjoy?", Options: []quiz.Option{
				{Text: "Plan for growth", Weights: []float64{1, 0}},
				{Text: "Tune a slow query", Weights: []float64{0, 1}},
				{Text: "Build a feature with designers", Weights: []float64{0, 1}},
			}},
		},
	}
}

func ExampleScore() {
	b := exampleBank()
	r := scoring.Score(b, quiz.Answers{
		"outage":   {Picks: []int{0}}, // Trace the root cause
		"diagrams": {Picks: []int{3}}, // Agree
		"tasks":    {Picks: []int{1}}, // Tune a slow query
	})
	for _, p := range r.Paths {
		fmt.Printf("%s: %g of %g (%.0f%%), share %g\n", p.ID, p.Raw, p.Most, p.Percent, p.Share)
	}
	rec := r.Recommendation
	fmt.Printf("recommended: %s, %s lean, margin %.0f points\n", rec.Path, rec.Strength, rec.Margin)
	fmt.Printf("bands: slight from %.1f, moderate from %.1f, clear from %.1f\n", r.Bands.Slight, r.Bands.Moderate, r.Bands.Clear)
	fmt.Printf("confidence: %.2f\n", r.Confidence)
	for _, why := range r.Toward {
		fmt.Printf("toward: %s (%+g)\n", why.Answer, why.Points)
	}
	fmt.Printf("against: %s (%+g)\n", r.Against.Answer, r.Against.Points)
	for _, s := range r.Steps {
		fmt.Printf("step: %s (%s %s: %v)\n", s.Text, s.Kind, s.Reason, s.Questions())
	}
	// Output:
	// engineer: 3 of 5 (60%), share 71.7
	// developer: 1 of 6 (17%), share 28.3
	// recommended: engineer, balanced lean, margin 43 points
	// bands: slight from 61.7, moderate from 80.8, clear from 100.0
	// confidence: 0.67
	// toward: Trace the root cause (+2)
	// toward: Agree (+1)
	// against: Tune a slow query (-1)
	// step: Study system design. (learn drew: [outage diagrams])
	// step: Read code that scales. (learn mild: [])
}

func ExampleAnalyze() {
	a := scoring.Analyze(exampleBank())
	for _, p := range a.Paths {
		fmt.Printf("%s: most %g\n", p.ID, p.Most)
	}
	fmt.Printf("spread %.2f (warning: %v)\n", a.Spread.Value, a.Spread.Crossed)
	r := a.Random
	fmt.Printf("random answers, %s: engineer %.3f, developer %.3f, tie %.3f\n", r.Method, r.Paths[0].Share, r.Paths[1].Share, r.Tie)
	for _, p := range a.Patterns {
		fmt.Printf("%s: %s leads, lean %.2f (warning: %v)\n", p.Name, p.Leader, p.Lean, p.Crossed)
	}
	// Output:
	// engineer: most 5
	// developer: most 6
	// spread 0.17 (warning: true)
	// random answers, exact: engineer 0.486, developer 0.514, tie 0.000
	// always-first: engineer leads, lean 0.27 (warning: false)
	// always-last: developer leads, lean 0.10 (warning: false)
	// always-middle: engineer leads, lean 0.23 (warning: false)
}
