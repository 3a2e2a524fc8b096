package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// This file holds the strength labels of the built-in bank to what they
// promise, by simulated people. Each person leans to one path (the side s:
// +1 the first path, −1 the second) and answers every scored question:
//
//   - a graded question on one of its five points: "rather" is the milder
//     answer of a side, "much rather" the stronger;
//   - a statement keyed to either path: taking a path's side is agreeing
//     with a statement for it ("agree" mildly, "strongly agree" strongly)
//     and disagreeing with one for the other path ("disagree",
//     "strongly disagree");
//   - a choice question: an option of the side taken;
//   - a pick-any question: mildly, the one option of the side that counts
//     least; strongly, every option of the side.
//
// The people, each simulated for both paths:
//
//   - uniformly random: every option (every non-empty set of a pick-any
//     question) equally likely;
//   - takes its path's side on 65% of questions, the other side on the
//     rest, always mildly;
//   - takes its path's side on every question, always mildly ("rather",
//     "agree"): a consistent but mild preference;
//   - takes its path's side on 85% of questions, the other side on the
//     rest, mildly or strongly at even odds.

// told counts what people are told: each label's share, each path's share
// of the people who were told a path (not a tie), and the ties apart.
type told struct {
	people   int
	strength map[Strength]float64
	path     map[string]float64
	ties     float64
	// splitSlight counts results with a margin of 60 points or more (a
	// split of 80/20 or wider) labelled slight.
	splitSlight int
}

func (tl told) String() string {
	return fmt.Sprintf("balanced %.3f slight %.3f moderate %.3f clear %.3f; ties %.3f; of the rest %v",
		tl.strength[Balanced], tl.strength[Slight], tl.strength[Moderate], tl.strength[Clear], tl.ties, tl.path)
}

// tell scores people answering b with p, skipping each question with
// probability skip.
func tell(s *Scorer, b *quiz.Bank, p answerer, people int, skip float64, seed uint64) told {
	r := rand.New(rand.NewPCG(seed, 21))
	tl := told{people: people, strength: map[Strength]float64{}, path: map[string]float64{}}
	decided := 0
	for range people {
		a := quiz.Answers{}
		for i := range b.Questions {
			if q := &b.Questions[i]; q.Scored() && r.Float64() >= skip {
				a[q.ID] = quiz.Answer{Picks: p(r, q)}
			}
		}
		rec := s.Verdict(a).Recommendation
		if rec == nil {
			continue
		}
		tl.strength[rec.Strength] += 1 / float64(people)
		if rec.Margin >= 60 && rec.Strength == Slight {
			tl.splitSlight++
		}
		if rec.Tie {
			tl.ties += 1 / float64(people)
			continue
		}
		decided++
		tl.path[rec.Path]++
	}
	for id := range tl.path {
		tl.path[id] /= float64(decided)
	}
	return tl
}

func TestLabelsOnTheBuiltInBank(t *testing.T) {
	if testing.Short() {
		t.Skip("thousands of answer sets: run without -short")
	}
	const people = 4000
	b := builtIn(t)
	s := NewScorer(b)
	t.Logf("bands %+v", s.Bands())
	check := func(what string, ok bool) {
		t.Helper()
		if !ok {
			t.Errorf("%s", what)
		}
	}
	// Rates are sums of 1/people; "every time" allows for their rounding.
	const always = 1 - 1e-9

	u := tell(s, b, uniform, people, 0, 1)
	t.Logf("uniformly random: %v", u)
	// Leads come in steps, so the balanced share of random answer sets
	// jumps from one step to the next; the band takes the least step that
	// calls at least three in four of them balanced.
	check("uniformly random: balanced at least 75% of the time", u.strength[Balanced] >= 0.75)
	check("uniformly random: clear at most 2% of the time", u.strength[Clear] <= 0.02)
	for _, p := range b.Paths {
		check("uniformly random: "+p.ID+" told 50 ± 3% of those told a path", u.path[p.ID] >= 0.47 && u.path[p.ID] <= 0.53)
	}
	// Fewer answers widen the balanced band: random answering on about
	// two thirds of the questions is still mostly balanced, and not
	// clear.
	few := tell(s, b, uniform, people, 1.0/3, 2)
	t.Logf("uniformly random, a third skipped: %v", few)
	check("uniformly random, a third skipped: balanced at least two times in three", few.strength[Balanced] >= 2.0/3)
	check("uniformly random, a third skipped: clear at most 2% of the time", few.strength[Clear] <= 0.02)

	for _, side := range []int{1, -1} {
		path := b.Paths[(1-side)/2].ID
		mild := tell(s, b, leaner(side, 0.65, 0), people, 0, 3)
		t.Logf("%s's side on 65%%, mildly: %v", path, mild)
		// The share sits close to one half on the built-in bank (49.6% of
		// 20,000 people), so a sample of this size is allowed its two
		// standard errors.
		check(path+"'s side on 65%, mildly: balanced at most 50% of the time",
			mild.strength[Balanced] <= 0.5+2*math.Sqrt(0.25/people))

		rather := tell(s, b, leaner(side, 1, 0), 50, 0, 4)
		t.Logf("%s's side on every question, mildly: %v", path, rather)
		check(path+"'s side on every question, mildly: at least moderate, every time",
			rather.strength[Moderate]+rather.strength[Clear] >= always && rather.path[path] >= always)

		mix := tell(s, b, leaner(side, 0.85, 0.5), people, 0, 5)
		t.Logf("%s's side on 85%%, rather and much rather: %v", path, mix)
		check(path+"'s side on 85%, rather and much rather: clear at least half the time", mix.strength[Clear] >= 0.5)

		for _, tl := range []told{u, few, mild, rather, mix} {
			check("a split of 80/20 or wider is never slight", tl.splitSlight == 0)
		}
	}
	// Someone who takes the side the bank marks as more impressive on every
	// marked question (rather or much rather at even odds; every marked
	// option of a pick-any question) and answers the rest at random is
	// told what the marks lean to, not a preference: a bank whose marks
	// lean to every path alike keeps them balanced or slight.
	if marked := impressiveTaker(b); marked != nil {
		imp := tell(s, b, marked, people, 0, 6)
		t.Logf("the marked impressive side: %v", imp)
		check("the marked impressive side: balanced or slight at least 90% of the time",
			imp.strength[Balanced]+imp.strength[Slight] >= 0.9)
	} else {
		t.Logf("the bank marks fewer than %d impressive sides: nothing to check", impressiveMin)
	}

	// The same holds at every number of answers, since the balanced band
	// never widens past Moderate.
	for k := 1; k <= s.t.scored; k++ {
		if bd := s.bandsFor(k); bd.Moderate > 60 {
			t.Errorf("with %d answers moderate starts at %v: a margin of 60 could be slight", k, bd.Moderate)
		}
	}
}

// impressiveTaker answers the marked side of every question that marks one
// and the rest at random, or is nil for a bank that marks too few to warn.
func impressiveTaker(b *quiz.Bank) answerer {
	n := 0
	for _, q := range b.Questions {
		if q.Scored() && len(q.Impressive) > 0 {
			n++
		}
	}
	if n < impressiveMin {
		return nil
	}
	return func(r *rand.Rand, q *quiz.Question) []int {
		switch {
		case len(q.Impressive) == 0:
			return uniform(r, q)
		case q.Multiple():
			return q.Impressive
		}
		return []int{q.Impressive[r.IntN(len(q.Impressive))]}
	}
}
