package scoring

import (
	"math/rand/v2"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// A quiz that stopped early is scored on the questions asked: ScoreAsked
// says what the stops' own verdict says, counts the questions not asked
// in neither Answered nor Skipped, and needs its share of answers from the
// questions asked alone.
func TestScoreAskedIsTheStopsVerdict(t *testing.T) {
	banks := []*quiz.Bank{builtIn(t), smallBank(1, 2), smallBank(2, 3), simBank()}
	r := rand.New(rand.NewPCG(9, 9))
	for _, b := range banks {
		s := NewScorer(b)
		st := NewStopper(s)
		for range 300 {
			a := quiz.Answers{}
			var notAsked []string
			for _, q := range b.Questions {
				switch r.IntN(6) {
				case 0:
				case 1, 2:
					notAsked = append(notAsked, q.ID)
				default:
					a[q.ID] = quiz.Answer{Picks: uniform(r, &q)}
				}
			}
			res := s.ScoreAsked(a, notAsked)
			got, want := st.verdictOf(a, notAsked), standingOfResult(b, res)
			if got.standing != want {
				t.Fatalf("%s: %v without %v: stops say %+v, ScoreAsked %+v", b.Title, a, notAsked, got.standing, want)
			}
			if res.Recommendation != nil && got.strength != res.Recommendation.Strength {
				t.Fatalf("%s: strength %s, ScoreAsked says %s", b.Title, got.strength, res.Recommendation.Strength)
			}
			if res.Answered+res.Skipped+res.NotAsked != res.Total || res.Sided+res.NoSide+res.NotAsked != res.Total {
				t.Fatalf("%s: answered %d, skipped %d, not asked %d, sided %d, no side %d of %d",
					b.Title, res.Answered, res.Skipped, res.NotAsked, res.Sided, res.NoSide, res.Total)
			}
		}
	}
}
