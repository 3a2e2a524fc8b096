package scoring

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
)

// This file holds the figures a person reads (labels, shares, confidence,
// warnings) to simulated people: it is the specification of what those
// figures mean. simBank is a two-path bank built like the shipped one:
// graded pairs with their sides balanced, one-sided statements keyed to each
// path equally often, pick-any questions and choices of four.

// gradedQ builds a graded question as the loader expands it: much rather
// A, rather A, both equally, rather B, much rather B, for the paths a and b.
func gradedQ(id string, n, a, b int) quiz.Question {
	q := quiz.Question{ID: id, Theme: "design", Kind: quiz.Graded, Text: "Graded " + id + "?"}
	for p, pts := range [][2]float64{{2, 0}, {1, 0}, {0, 0}, {0, 1}, {0, 2}} {
		o := quiz.Option{ID: []string{"much-a", "a", "equal", "b", "much-b"}[p], Text: fmt.Sprint(p), Weights: make([]float64, n)}
		o.Weights[a], o.Weights[b] = pts[0], pts[1]
		q.Options = append(q.Options, o)
	}
	return q
}

// statement builds a one-sided statement keyed to paths[keyed]: agreeing
// gives it points, disagreeing gives no path any.
func statement(id string, paths []string, keyed int) quiz.Question {
	q := quiz.Question{ID: id, Theme: "code", Kind: quiz.Scale, Text: "Statement " + id + ".", Keyed: paths[keyed]}
	for p := range 5 {
		o := quiz.Option{ID: quiz.ScaleIDs[p], Text: quiz.ScaleLabels[p], Weights: make([]float64, len(paths))}
		o.Weights[keyed] = float64(max(0, p-2))
		q.Options = append(q.Options, o)
	}
	return q
}

func simBank() *quiz.Bank {
	b := newBank(two)
	for i := range 16 {
		a := i % 2 // sides alternate: half the pairs put the engineer first
		b.Questions = append(b.Questions, gradedQ(fmt.Sprintf("g%02d", i), 2, a, 1-a))
	}
	for i := range 8 {
		b.Questions = append(b.Questions, statement(fmt.Sprintf("s%02d", i), two, i%2))
	}
	b.Questions = append(b.Questions,
		pickAny("p1", "code", w(1, 0), w(0, 1), w(1, 0), w(0, 1), w(1, 0), w(0, 1)),
		pickAny("p2", "code", w(0, 1), w(1, 0), w(0, 1), w(1, 0)),
		choice("c1", "design", w(2, 0), w(0, 2), w(2, 0), w(0, 2)),
		choice("c2", "design", w(0, 2), w(2, 0), w(0, 2), w(2, 0)),
	)
	return b
}

var profiles = map[string]answerer{
	"uniformly random": uniform,
	"random side": func(r *rand.Rand, q *quiz.Question) []int {
		return towards(r, q, 1-2*r.IntN(2), "random")
	},
	"random side, strongest": func(r *rand.Rand, q *quiz.Question) []int {
		return towards(r, q, 1-2*r.IntN(2), "strongest")
	},
	"strongest engineer": func(r *rand.Rand, q *quiz.Question) []int { return towards(r, q, 1, "strongest") },
	"mildest engineer":   func(r *rand.Rand, q *quiz.Question) []int { return towards(r, q, 1, "mildest") },
	"mildest developer":  func(r *rand.Rand, q *quiz.Question) []int { return towards(r, q, -1, "mildest") },
	"85% engineer, mildly": func(r *rand.Rand, q *quiz.Question) []int {
		if r.Float64() < 0.85 {
			return towards(r, q, 1, "mildest")
		}
		return towards(r, q, -1, "mildest")
	},
	"agrees with everything": func(r *rand.Rand, q *quiz.Question) []int {
		if q.Kind == quiz.Scale {
			return []int{3 + r.IntN(2)}
		}
		return uniform(r, q)
	},
	"always the middle": func(r *rand.Rand, q *quiz.Question) []int {
		if len(q.Options) == 5 && (q.Kind == quiz.Scale || q.Kind == quiz.Graded) {
			return []int{middle}
		}
		return uniform(r, q)
	},
}

// rates runs people of one answerer through a bank and counts what they are
// told.
type rates struct {
	people     int
	strength   map[Strength]float64
	path       map[string]float64
	warned     map[string]float64
	minShare   float64 // the leading share, lowest and highest
	maxShare   float64
	confidence float64 // mean
}

func simulate(b *quiz.Bank, p answerer, people int, seed uint64) rates {
	s := NewScorer(b)
	r := rand.New(rand.NewPCG(seed, 7))
	rt := rates{people: people, strength: map[Strength]float64{}, path: map[string]float64{},
		warned: map[string]float64{}, minShare: 100}
	for range people {
		res := s.Score(answerAll(r, b, p))
		rec := res.Recommendation
		if rec == nil {
			continue
		}
		rt.strength[rec.Strength] += 1.0 / float64(people)
		if !rec.Tie { // a tie names no path
			rt.path[rec.Path] += 1 / float64(people)
		}
		for _, w := range res.Warnings {
			rt.warned[w.Code] += 1 / float64(people)
		}
		lead := res.Paths[b.PathIndex(rec.Path)].Share
		rt.minShare, rt.maxShare = min(rt.minShare, lead), max(rt.maxShare, lead)
		rt.confidence += res.Confidence / float64(people)
	}
	return rt
}

func (rt rates) String() string {
	return fmt.Sprintf("balanced %.3f slight %.3f moderate %.3f clear %.3f; paths %v; warned %v; leading share %.1f–%.1f; confidence %.3f",
		rt.strength[Balanced], rt.strength[Slight], rt.strength[Moderate], rt.strength[Clear],
		rt.path, rt.warned, rt.minShare, rt.maxShare, rt.confidence)
}

// checkTargets holds a two-path bank to what its labels promise whatever
// its questions (labels_test.go holds the built-in bank to the figures of
// its own steps of lead).
func checkTargets(t *testing.T, b *quiz.Bank) {
	t.Helper()
	const people = 1000
	got := map[string]rates{}
	for name, p := range profiles {
		got[name] = simulate(b, p, people, 1)
		t.Logf("%-24s %v", name, got[name])
	}
	// Rates are sums of 1/people; "every time" allows for their rounding.
	const always = 1 - 1e-9
	check := func(what string, ok bool) {
		t.Helper()
		if !ok {
			t.Errorf("%s", what)
		}
	}
	u, side := got["uniformly random"], got["random side"]
	// Balanced is about 3 in 4 random answer sets, as near as the bank's
	// steps of lead allow.
	check("uniformly random answerers: balanced at least 70% of the time", u.strength[Balanced] >= 0.70)
	check("uniformly random answerers: clear at most 2% of the time", u.strength[Clear] <= 0.02)
	check("random-side answerers: clear at most 3% of the time", side.strength[Clear] <= 0.03)
	strong := got["random side, strongest"]
	check("strongest random-side answerers: clear at most 3% of the time", strong.strength[Clear] <= 0.03)
	lean := got["85% engineer, mildly"]
	check("85% mild engineer leaners: placed on the engineer at least 95% of the time", lean.path["engineer"] >= 0.95)
	s := got["strongest engineer"]
	check("the strongest engineer answers: clear, share at least 90", s.strength[Clear] >= always && s.minShare >= 90)
	for _, name := range []string{"mildest engineer", "mildest developer"} {
		m := got[name]
		check(name+": every answer one way, if mildly, is clear", m.strength[Clear] >= always)
		check(name+": share between 55 and 85", m.minShare >= 55 && m.maxShare <= 85)
	}
	check("the mildest engineer and developer are placed on their paths",
		got["mildest engineer"].path["engineer"] >= always && got["mildest developer"].path["developer"] >= always)
	agree, mid := got["agrees with everything"], got["always the middle"]
	check("agreeing with everything: warned every time", agree.warned[WarnAgreeAll] >= always)
	check("agreeing with everything: balanced at least two times in three", agree.strength[Balanced] >= 2.0/3)
	check("always the middle: warned every time", mid.warned[WarnAlwaysMiddle] >= always)
	check("always the middle: balanced at least 75% of the time", mid.strength[Balanced] >= 0.75)
	check("random answerers are rarely warned of a style", u.warned[WarnAgreeAll]+u.warned[WarnAlwaysMiddle]+u.warned[WarnSamePosition] < 0.01)
}

func TestSimulatedAnswerersOnABalancedBank(t *testing.T) {
	if testing.Short() {
		t.Skip("thousands of answer sets: run without -short")
	}
	checkTargets(t, simBank())
}

// mirrorPaths swaps the two paths' roles: every weight goes to the other
// path and statements change their key. The same answers then mean the
// mirror image.
func mirrorPaths(b *quiz.Bank) *quiz.Bank {
	m := *b
	m.Questions = nil
	for _, q := range b.Questions {
		q.Options = append([]quiz.Option(nil), q.Options...)
		for i, o := range q.Options {
			o.Weights = []float64{o.Weights[1], o.Weights[0]}
			q.Options[i] = o
		}
		switch q.Keyed {
		case b.Paths[0].ID:
			q.Keyed = b.Paths[1].ID
		case b.Paths[1].ID:
			q.Keyed = b.Paths[0].ID
		}
		m.Questions = append(m.Questions, q)
	}
	return &m
}

// The same answers to a mirrored bank give the mirrored result with the
// same confidence and strength, ties included: nothing favours the path a
// bank happens to list first.
func TestMirroredBankGivesTheSameConfidence(t *testing.T) {
	b := simBank()
	m := mirrorPaths(b)
	sb, sm := NewScorer(b), NewScorer(m)
	r := rand.New(rand.NewPCG(3, 3))
	names := []string{"uniformly random", "always the middle", "85% engineer, mildly", "random side"}
	for i := range 400 {
		a := answerAll(r, b, profiles[names[i%len(names)]])
		x, y := sb.Score(a), sm.Score(a)
		if x.Confidence != y.Confidence {
			t.Fatalf("confidence %v, mirrored %v", x.Confidence, y.Confidence)
		}
		if x.Recommendation.Strength != y.Recommendation.Strength || x.Recommendation.Margin != y.Recommendation.Margin {
			t.Fatalf("strength %s (%v), mirrored %s (%v)", x.Recommendation.Strength, x.Recommendation.Margin,
				y.Recommendation.Strength, y.Recommendation.Margin)
		}
		if x.Paths[0].Share != y.Paths[1].Share {
			t.Fatalf("share %v, mirrored %v", x.Paths[0].Share, y.Paths[1].Share)
		}
		if x.Recommendation.Tie && x.Confidence != 0.5 {
			t.Fatalf("a tie has confidence %v, want 0.5", x.Confidence)
		}
	}
	// The random shares behind the bands are sums in another order on the
	// mirrored bank, equal to the last bits.
	x, y := sb.Bands(), sm.Bands()
	near := math.Abs(x.RandomBalanced-y.RandomBalanced) < 1e-12 && math.Abs(x.RandomClear-y.RandomClear) < 1e-12
	x.RandomBalanced, x.RandomClear = y.RandomBalanced, y.RandomClear
	if x != y || !near {
		t.Errorf("bands %+v, mirrored %+v", sb.Bands(), sm.Bands())
	}
}

// The confidence assumes people who answer from a lean of their own (see
// confidence). Random answering is not that: a retest gives its path half
// the time, and the figure, reading a random lead as a small lean, says
// more. It stays below what any consistent leaner is told, and the
// balanced label and the style warnings say the rest.
func TestRandomAnswerersAreLessConfidentThanLeaners(t *testing.T) {
	b := simBank()
	for _, name := range []string{"uniformly random", "random side"} {
		rt := simulate(b, profiles[name], 1000, 9)
		t.Logf("%s: mean confidence %.3f", name, rt.confidence)
		if rt.confidence > 0.75 {
			t.Errorf("%s: mean confidence %.3f, want at most 0.75", name, rt.confidence)
		}
	}
	for _, name := range []string{"strongest engineer", "mildest engineer", "85% engineer, mildly"} {
		rt := simulate(b, profiles[name], 500, 9)
		if rt.confidence < 0.9 {
			t.Errorf("%s: mean confidence %.3f, want at least 0.9", name, rt.confidence)
		}
	}
}

// A bank of three paths gets shares that sum to 100 and a confidence of 1 in
// 3 for a three-way tie.
func TestThreePathSharesAndTies(t *testing.T) {
	three := []string{"engineer", "developer", "architect"}
	b := newBank(three)
	for i := range 12 {
		b.Questions = append(b.Questions, gradedQ(fmt.Sprintf("g%02d", i), 3, i%3, (i+1)%3))
	}
	s := NewScorer(b)
	mid := quiz.Answers{}
	for _, q := range b.Questions {
		mid[q.ID] = pick(middle)
	}
	res := s.Score(mid)
	if res.Confidence != 1.0/3 {
		t.Errorf("a three-way tie has confidence %v, want 1/3", res.Confidence)
	}
	r := rand.New(rand.NewPCG(1, 1))
	for range 200 {
		res := s.Score(answerAll(r, b, uniform))
		sum := 0.0
		for _, p := range res.Paths {
			if p.Share < 0 || p.Share > 100 {
				t.Fatalf("share %v", p.Share)
			}
			sum += p.Share
		}
		if math.Abs(sum-100) > 1e-9 {
			t.Fatalf("shares sum to %v", sum)
		}
	}
}

// builtIn is the bank that ships with careerquiz.
func builtIn(t testing.TB) *quiz.Bank {
	t.Helper()
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The shipped bank keeps every promise its labels make.
func TestSimulatedAnswerersOnTheBuiltInBank(t *testing.T) {
	if testing.Short() {
		t.Skip("thousands of answer sets: run without -short")
	}
	b := builtIn(t)
	t.Logf("bands %+v", NewScorer(b).Bands())
	checkTargets(t, b)
	m := mirrorPaths(b)
	sb, sm := NewScorer(b), NewScorer(m)
	r := rand.New(rand.NewPCG(4, 4))
	for range 300 {
		a := answerAll(r, b, uniform)
		if x, y := sb.Score(a), sm.Score(a); x.Confidence != y.Confidence {
			t.Fatalf("confidence %v, on the mirrored bank %v", x.Confidence, y.Confidence)
		}
	}
}
