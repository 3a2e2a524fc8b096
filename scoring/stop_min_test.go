package scoring

import (
	"slices"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// Someone who answers every question at one extreme is sure enough for the
// quick stop's model after two or three answers, but it asks QuickMin of
// the scored questions before it stops: a quarter of them, never a
// handful.
func TestQuickAsksAQuarterFirst(t *testing.T) {
	b := builtIn(t)
	scored := 0
	for _, q := range b.Questions {
		if q.Scored() {
			scored++
		}
	}
	if got := QuickMin(scored); got != 9 || scored != 33 {
		t.Fatalf("QuickMin(%d) = %d, want 9 of 33: update this test and docs/usage.md with the bank", scored, got)
	}
	for p, path := range b.Paths {
		t.Run(path.ID, func(t *testing.T) {
			st := NewStopper(NewScorer(b))
			notAsked := st.Order()
			a := quiz.Answers{}
			asked, sureAt := 0, 0
			for {
				step := st.Quick(a, notAsked)
				if step.Chance < QuickRisk && sureAt == 0 {
					sureAt = asked
				}
				if step.Stop {
					if asked != QuickMin(scored) {
						t.Errorf("stopped after %d scored questions, want %d", asked, QuickMin(scored))
					}
					break
				}
				if asked < QuickMin(scored) && step.Next != "" && !b.Question(step.Next).Scored() {
					t.Fatalf("the profile question %s before %d scored questions", step.Next, QuickMin(scored))
				}
				if step.Next == "" || !b.Question(step.Next).Scored() {
					t.Fatalf("never stopped, after %d", asked)
				}
				q := b.Question(step.Next)
				notAsked = slices.DeleteFunc(notAsked, func(id string) bool { return id == q.ID })
				a[q.ID] = quiz.Answer{Picks: extreme(q, p)}
				asked++
			}
			if sureAt == 0 || sureAt >= QuickMin(scored) {
				t.Errorf("the chance fell below %v after %d answers: the floor is not what this test holds", QuickRisk, sureAt)
			}
		})
	}
}

// extreme is the answer that gives path p the most over the others: the
// single option that does, or every option that leans to p.
func extreme(q *quiz.Question, p int) []int {
	lean := func(o int) float64 {
		w := q.Options[o].Weights
		d := 0.0
		for i, v := range w {
			if i == p {
				d += v
			} else {
				d -= v
			}
		}
		return d
	}
	if q.Kind.Multiple() {
		var picks []int
		for o := range q.Options {
			if lean(o) > 0 {
				picks = append(picks, o)
			}
		}
		if len(picks) > 0 {
			return picks
		}
	}
	best := 0
	for o := range q.Options {
		if lean(o) > lean(best) {
			best = o
		}
	}
	return []int{best}
}
