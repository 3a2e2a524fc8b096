package scoring

import (
	"fmt"
	"math/rand/v2"

	"github.com/careerquiz/careerquiz/quiz"
)

// This file builds banks in Go for the tests, so that they depend on
// neither the loader nor the shipped bank.

// newBank returns a bank with the given paths (ids; names are derived),
// the themes "design" and "code", default thresholds and the questions.
func newBank(paths []string, qs ...quiz.Question) *quiz.Bank {
	b := &quiz.Bank{
		File:    "test.toml",
		Title:   "Test bank",
		Scoring: quiz.DefaultThresholds,
		Themes: []quiz.Theme{
			{ID: "design", Name: "System design"},
			{ID: "code", Name: "Writing code"},
		},
		Questions: qs,
	}
	for _, id := range paths {
		b.Paths = append(b.Paths, quiz.Path{
			ID: id, Name: "Back-end " + id, Summary: "What a back-end " + id + " does.",
			Salary: []string{"Pay for a back-end " + id + "."},
			Steps: []quiz.Step{
				{Theme: "design", Text: id + " step on design"},
				{Theme: "code", Text: id + " step on code"},
			},
		})
	}
	return b
}

// two is the default pair of paths.
var two = []string{"engineer", "developer"}

// w is shorthand for an option's weights.
func w(ws ...float64) []float64 { return ws }

// choice builds a choice question whose options carry the given weights.
func choice(id, theme string, weights ...[]float64) quiz.Question {
	return withOptions(quiz.Question{ID: id, Theme: theme, Kind: quiz.Choice, Text: "Question " + id + "?"}, weights)
}

// pickAny builds a pick-any question whose options carry the given weights.
func pickAny(id, theme string, weights ...[]float64) quiz.Question {
	return withOptions(quiz.Question{ID: id, Theme: theme, Kind: quiz.PickAny, Text: "Question " + id + "?"}, weights)
}

func withOptions(q quiz.Question, weights [][]float64) quiz.Question {
	for i, ws := range weights {
		q.Options = append(q.Options, quiz.Option{ID: fmt.Sprintf("o%d", i+1), Text: fmt.Sprintf("%s option %d", q.ID, i+1), Weights: ws})
	}
	return q
}

// scale builds a statement keyed to paths[keyed], expanded the way the
// loader expands it: agreeing gives the keyed path points, disagreeing gives
// every other path points, Neutral gives nothing.
func scale(id, theme string, paths []string, keyed int, weight float64) quiz.Question {
	n := len(paths)
	q := quiz.Question{ID: id, Theme: theme, Kind: quiz.Scale, Text: "Statement " + id + ".", Keyed: paths[keyed]}
	for p := range 5 {
		o := quiz.Option{ID: quiz.ScaleIDs[p], Text: quiz.ScaleLabels[p], Weights: make([]float64, n)}
		for pi := range n {
			if pi == keyed {
				o.Weights[pi] = weight * float64(max(0, p-2))
			} else {
				o.Weights[pi] = weight * float64(max(0, 2-p))
			}
		}
		q.Options = append(q.Options, o)
	}
	return q
}

// pick is the answer picking the given 0-based options.
func pick(os ...int) quiz.Answer { return quiz.Answer{Picks: os} }

// generate builds a bank of the given size at random but repeatably: about
// 55% choice questions of 2–5 options, 30% scale statements and 15%
// pick-any questions of 2–5 options, weights in steps of 0.5 from 0 to 3,
// spread over six themes.
func generate(seed uint64, questions, paths int) *quiz.Bank {
	r := rand.New(rand.NewPCG(seed, 1))
	ids := make([]string, paths)
	for p := range ids {
		ids[p] = fmt.Sprintf("path%d", p)
	}
	b := newBank(ids)
	b.Themes = nil
	for i := range 6 {
		b.Themes = append(b.Themes, quiz.Theme{ID: fmt.Sprintf("theme%d", i), Name: fmt.Sprintf("Theme %d", i)})
	}
	for p := range b.Paths {
		b.Paths[p].Steps = nil
		for _, th := range b.Themes {
			b.Paths[p].Steps = append(b.Paths[p].Steps, quiz.Step{Theme: th.ID, Text: ids[p] + " learns " + th.Name})
		}
	}
	for i := range questions {
		id := fmt.Sprintf("q%05d", i)
		theme := b.Themes[r.IntN(len(b.Themes))].ID
		weights := func() [][]float64 {
			k := 2 + r.IntN(4)
			ws := make([][]float64, k)
			for o := range ws {
				ws[o] = make([]float64, paths)
				ws[o][r.IntN(paths)] = float64(1+r.IntN(6)) / 2
				if r.IntN(3) == 0 {
					ws[o][r.IntN(paths)] = float64(r.IntN(7)) / 2
				}
			}
			return ws
		}
		switch x := r.IntN(100); {
		case x < 55:
			b.Questions = append(b.Questions, choice(id, theme, weights()...))
		case x < 85:
			b.Questions = append(b.Questions, scale(id, theme, ids, r.IntN(paths), float64(1+r.IntN(2))))
		default:
			b.Questions = append(b.Questions, pickAny(id, theme, weights()...))
		}
	}
	return b
}
