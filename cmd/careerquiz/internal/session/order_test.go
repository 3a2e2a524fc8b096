package session

import (
	"slices"
	"testing"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
)

// TestShuffleKeepsProfileQuestionsInPlace: --shuffle and --seed move only
// the scored questions; an unscored (profile) question is asked where the
// bank puts it, so "one last question, about you" stays last. Every
// question is still asked once, and a seed repeats its order.
func TestShuffleKeepsProfileQuestionsInPlace(t *testing.T) {
	t.Parallel()
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		t.Fatal(err)
	}
	var profile []int
	for i := range b.Questions {
		if !b.Questions[i].Scored() {
			profile = append(profile, i)
		}
	}
	if len(profile) == 0 {
		t.Fatal("the built-in bank has no unscored question; the test has lost its material")
	}
	for seed := int64(0); seed < 50; seed++ {
		order := Order(b, true, seed)
		for _, qi := range profile {
			if order[qi] != qi {
				t.Fatalf("seed %d: the profile question %s is asked at %d, not at its place %d",
					seed, b.Questions[qi].ID, slices.Index(order, qi)+1, qi+1)
			}
		}
		sorted := slices.Sorted(slices.Values(order))
		for i := range sorted {
			if sorted[i] != i {
				t.Fatalf("seed %d: order %v does not ask every question once", seed, order)
			}
		}
		if !slices.Equal(order, Order(b, true, seed)) {
			t.Fatalf("seed %d gives two orders", seed)
		}
	}
	if slices.Equal(Order(b, true, 1), Order(b, false, 0)) {
		t.Error("seed 1 leaves the bank's order as it is: nothing is shuffled")
	}
}
