package scoring

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// Verdict gives what Score gives but the advice on a recommendation: for
// random answers to the built-in bank and to generated banks of two and
// three paths, everything else is equal field by field.
func TestVerdictIsScoreWithoutAdvice(t *testing.T) {
	banks := map[string]*Scorer{"built-in": NewScorer(builtIn(t))}
	for _, paths := range []int{2, 3} {
		banks[fmt.Sprintf("%d paths", paths)] = NewScorer(generate(3, 40, paths))
	}
	for name, s := range banks {
		t.Run(name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(5, 5))
			withheld := 0
			for i := range 300 {
				a := randomAnswers(rng, s.b, 1+i%4)
				want, got := s.Score(a), s.Verdict(a)
				if want.Recommendation == nil {
					withheld++
				} else {
					want.Toward, want.Against, want.Steps, want.OtherSteps, want.StepsDone, want.Salary, want.Others = nil, nil, nil, nil, nil, nil, nil
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("answers %v:\nVerdict %+v\nScore   %+v", a, got, want)
				}
			}
			if withheld == 0 || withheld == 300 {
				t.Errorf("%d of 300 withheld: the test misses a case", withheld)
			}
		})
	}
}

func BenchmarkVerdict(b *testing.B) {
	bank := generate(1, 26, 2)
	s := NewScorer(bank)
	answers := randomAnswers(rand.New(rand.NewPCG(1, 1)), bank, 10)
	b.Run("Score", func(b *testing.B) {
		for b.Loop() {
			s.Score(answers)
		}
	})
	b.Run("Verdict", func(b *testing.B) {
		for b.Loop() {
			s.Verdict(answers)
		}
	})
}
