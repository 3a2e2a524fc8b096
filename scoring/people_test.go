package scoring

import (
	"math"
	"math/rand/v2"

	"github.com/careerquiz/careerquiz/quiz"
)

// The simulated people every test of figures shares: people of the
// latent-trait model (leaners), people who take a side on each question
// (towards, leaner), and people who answer uniformly at random.

// leaners makes people of the latent-trait model of latent.go, the same
// model the confidence and the stops assume: leaners(b)(θ) answers every
// question of b from a lean θ towards the bank's first path and away from
// its second.
func leaners(b *quiz.Bank) func(theta float64) answerer {
	t := newTable(b)
	react := map[string]leanReaction{}
	for qi, q := range b.Questions {
		react[q.ID] = reactionOf(b, &t, qi, leanAxis{0, min(1, t.paths-1)})
	}
	return func(theta float64) answerer {
		return func(r *rand.Rand, q *quiz.Question) []int {
			l := react[q.ID]
			return l.answer(r, theta)
		}
	}
}

// sides classifies a question's options for a two-path bank by the side
// they take: +1 towards path 0, −1 towards path 1, 0 neither; and how far
// (the option's share of the question's best for its path). A statement's
// disagreeing points take the other path's side even where, without
// against, they give it nothing.
func sides(q *quiz.Question) (side []int, strength []float64) {
	side, strength = make([]int, len(q.Options)), make([]float64, len(q.Options))
	best := [2]float64{}
	for _, o := range q.Options {
		best[0], best[1] = max(best[0], o.Weights[0]), max(best[1], o.Weights[1])
	}
	for i, o := range q.Options {
		t := 0.0
		if best[0] > 0 {
			t += o.Weights[0] / best[0]
		}
		if best[1] > 0 {
			t -= o.Weights[1] / best[1]
		}
		switch {
		case t > 0:
			side[i] = 1
		case t < 0:
			side[i] = -1
		}
		strength[i] = math.Abs(t)
		if q.Kind == quiz.Scale && i < middle {
			// Disagreeing with a statement for one path is the other's side.
			side[i] = 1
			if q.Keyed == "engineer" {
				side[i] = -1
			}
			strength[i] = float64(middle-i) / 2
		}
	}
	return side, strength
}

// towards answers q for side s (+1 path 0, −1 path 1): the mildest or the
// strongest answer on that side, or a random one of them.
func towards(r *rand.Rand, q *quiz.Question, s int, how string) []int {
	side, strength := sides(q)
	var on []int
	for i := range side {
		if side[i] == s {
			on = append(on, i)
		}
	}
	if len(on) == 0 {
		return []int{middle}
	}
	if q.Kind == quiz.PickAny {
		switch how {
		case "strongest":
			return on
		case "random":
			var picks []int
			for len(picks) == 0 {
				for _, o := range on {
					if r.IntN(2) == 0 {
						picks = append(picks, o)
					}
				}
			}
			return picks
		}
	}
	pick := on[0]
	for _, o := range on {
		switch how {
		case "mildest":
			if strength[o] < strength[pick] {
				pick = o
			}
		case "strongest":
			if strength[o] > strength[pick] {
				pick = o
			}
		}
	}
	if how == "random" {
		pick = on[r.IntN(len(on))]
	}
	return []int{pick}
}

// uniform answers q with every option (every non-empty set, for pick-any)
// equally likely.
func uniform(r *rand.Rand, q *quiz.Question) []int {
	return uniformAnswer(r, len(q.Options), q.Multiple())
}

// answerer answers a whole bank.
type answerer func(r *rand.Rand, q *quiz.Question) []int

func answerAll(r *rand.Rand, b *quiz.Bank, p answerer) quiz.Answers {
	a := quiz.Answers{}
	for i := range b.Questions {
		a[b.Questions[i].ID] = quiz.Answer{Picks: p(r, &b.Questions[i])}
	}
	return a
}

// leaner takes side s with probability p on each question, and the
// strongest answer of the side with probability strong.
func leaner(s int, p, strong float64) answerer {
	return func(r *rand.Rand, q *quiz.Question) []int {
		side := s
		if r.Float64() >= p {
			side = -s
		}
		how := "mildest"
		if r.Float64() < strong {
			how = "strongest"
		}
		return towards(r, q, side, how)
	}
}

// randomAnswers answers b uniformly at random, skipping each question one
// time in skip (none when skip is 0).
func randomAnswers(r *rand.Rand, b *quiz.Bank, skip int) quiz.Answers {
	a := quiz.Answers{}
	for i := range b.Questions {
		if skip > 0 && r.IntN(skip) == 0 {
			continue
		}
		a[b.Questions[i].ID] = quiz.Answer{Picks: uniform(r, &b.Questions[i])}
	}
	return a
}
