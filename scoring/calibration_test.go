package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/quiz"
)

// This file holds Confidence to what it claims: the chance of the same
// path on a retest, for people as the model in latent.go describes them
// (leaners). A simulated person has a true lean θ towards the bank's first
// path, drawn once; a retest draws the answers' noise afresh. The expected calibration error, over ten equal-width
// bins of confidence, compares what people were told with how often their
// retest named the same path. A first test that ties names no path and is
// left out; a retest that ties is not the same path.

// calibration is what a retest of many people bore out.
type calibration struct {
	people int
	ece    float64
	bins   [10]struct {
		n          int
		conf, same float64
	}
}

func (c *calibration) add(conf float64, same bool) {
	c.people++
	bin := &c.bins[min(9, int(conf*10))]
	bin.n++
	bin.conf += conf
	if same {
		bin.same++
	}
}

// finish turns the bins' sums into means and works out the ECE.
func (c *calibration) finish() {
	for i := range c.bins {
		bin := &c.bins[i]
		if bin.n > 0 {
			c.ece += math.Abs(bin.conf-bin.same) / float64(c.people)
			bin.conf /= float64(bin.n)
			bin.same /= float64(bin.n)
		}
	}
}

func (c calibration) String() string {
	s := fmt.Sprintf("%d people, ECE %.4f", c.people, c.ece)
	for i, b := range c.bins {
		if b.n > 0 {
			s += fmt.Sprintf("\n  %.1f–%.1f: %6d told %.3f, same path %.3f", float64(i)/10, float64(i+1)/10, b.n, b.conf, b.same)
		}
	}
	return s
}

// retestLatent draws people with θ normal of standard deviation spread, has
// each take the bank twice,
// and measures the calibration of the first test's confidence: over
// everyone, and apart for the people told each path.
func retestLatent(b *quiz.Bank, people int, spread float64, seed uint64) (all calibration, byPath []calibration, ties int) {
	s := NewScorer(b)
	r := rand.New(rand.NewPCG(seed, 13))
	person := leaners(b)
	byPath = make([]calibration, len(b.Paths))
	for range people {
		l := person(spread * r.NormFloat64())
		first := s.Verdict(answerAll(r, b, l))
		second := s.Verdict(answerAll(r, b, l))
		rec := first.Recommendation
		if rec.Tie {
			ties++
			continue
		}
		same := !second.Recommendation.Tie && second.Recommendation.Path == rec.Path
		all.add(first.Confidence, same)
		byPath[b.PathIndex(rec.Path)].add(first.Confidence, same)
	}
	all.finish()
	for p := range byPath {
		byPath[p].finish()
	}
	return all, byPath, ties
}

// The figure is calibrated for the population it assumes (θ of spread 1)
// and, less tightly, for a population of milder leans (spread 0.5), for
// the people told either path: on the built-in bank, and on simBank, whose
// choice questions and pick-any questions of six options the model reads
// differently. Six thousand people a population keep the bins' sampling
// error to about 0.01 of ECE.
func TestConfidenceIsCalibrated(t *testing.T) {
	if testing.Short() {
		t.Skip("tens of thousands of answer sets: run without -short")
	}
	banks := []struct {
		name string
		bank *quiz.Bank
	}{{"built-in", builtIn(t)}, {"simBank", simBank()}}
	for _, bk := range banks {
		for _, tt := range []struct {
			spread, most float64
		}{{1, 0.03}, {0.5, 0.05}} {
			t.Run(fmt.Sprintf("%s, spread %v", bk.name, tt.spread), func(t *testing.T) {
				t.Parallel()
				start := time.Now()
				all, byPath, ties := retestLatent(bk.bank, 6000, tt.spread, 17)
				t.Logf("%s, θ of spread %v: %d first tests tied (left out); everyone: %v (%v)", bk.name, tt.spread, ties, all, time.Since(start))
				if all.ece > tt.most {
					t.Errorf("expected calibration error %.4f, want at most %.2f", all.ece, tt.most)
				}
				for p, c := range byPath {
					t.Logf("%s, θ of spread %v, told %s: %v", bk.name, tt.spread, bk.bank.Paths[p].ID, c)
					if c.ece > tt.most {
						t.Errorf("told %s: expected calibration error %.4f, want at most %.2f", bk.bank.Paths[p].ID, c.ece, tt.most)
					}
				}
			})
		}
	}
}

// Confidence costs little: the report works it out once, and summing up
// many people's results works it out for each.
func BenchmarkConfidenceOnTheBuiltInBank(b *testing.B) {
	bank := builtIn(b)
	s := NewScorer(bank)
	a := randomAnswers(rand.New(rand.NewPCG(1, 1)), bank, 0)
	for b.Loop() {
		s.Verdict(a)
	}
}
