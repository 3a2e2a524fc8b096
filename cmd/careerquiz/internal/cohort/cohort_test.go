package cohort

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

func builtin(t testing.TB) *quiz.Bank {
	t.Helper()
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// person is a simulated answerer. Lean runs from -1 (all for the last
// path) to +1 (all for the first); the stronger the lean, the likelier
// each answer follows it. Skip is the chance of leaving a question out.
type person struct {
	lean float64
	skip float64
}

// answer picks options for every question the way p would.
func (p person) answer(rng *rand.Rand, b *quiz.Bank) quiz.Answers {
	a := quiz.Answers{}
	for i := range b.Questions {
		q := &b.Questions[i]
		if rng.Float64() < p.skip {
			continue
		}
		// Each option is liked in proportion to exp(3 × lean × how far it
		// leans the first path's way), so leaners mostly, not always, follow
		// their lean.
		like := make([]float64, len(q.Options))
		var sum float64
		for o := range q.Options {
			w := q.Options[o].Weights
			first, last := w[0], w[len(w)-1]
			like[o] = math.Exp(3 * p.lean * (first - last))
			sum += like[o]
		}
		if q.Kind == quiz.PickAny {
			// Each option is ticked with about two and a half times its
			// share of the liking, so that few tick nothing: with more
			// pick-any questions in a bank, an empty one would otherwise
			// leave too few people complete to test anything.
			var picks []int
			for o := range q.Options {
				if rng.Float64() < like[o]/sum*2.5 {
					picks = append(picks, o)
				}
			}
			if len(picks) > 0 {
				a[q.ID] = quiz.Answer{Picks: picks}
			}
			continue
		}
		x := rng.Float64() * sum
		o := 0
		for o < len(like)-1 && x >= like[o] {
			x -= like[o]
			o++
		}
		a[q.ID] = quiz.Answer{Picks: []int{o}}
	}
	return a
}

// cohortOf simulates n people with leans spread over [-1, 1], returning
// their answers and results in the order they were added.
func cohortOf(b *quiz.Bank, n int, skip float64, seed uint64) ([]quiz.Answers, []scoring.Result) {
	rng := rand.New(rand.NewPCG(seed, 7))
	scorer := scoring.NewScorer(b)
	var as []quiz.Answers
	var rs []scoring.Result
	for range n {
		p := person{lean: 2*rng.Float64() - 1, skip: skip}
		a := p.answer(rng, b)
		as = append(as, a)
		rs = append(rs, scorer.Score(a))
	}
	return as, rs
}

// independent is the textbook two-pass computation over stored vectors:
// the item score of every complete person on every scored question, kept
// in full, then means, variances and correlations from their definitions.
type independent struct {
	people, complete int
	alpha            float64
	itemRest         map[string]float64
}

func twoPass(b *quiz.Bank, as []quiz.Answers, axis func(pts []float64) float64) independent {
	var items []*quiz.Question
	for i := range b.Questions {
		if b.Questions[i].Scored() {
			items = append(items, &b.Questions[i])
		}
	}
	var rows [][]float64
	for _, a := range as {
		row := make([]float64, len(items))
		ok := true
		for j, q := range items {
			picks := a[q.ID].Picks
			if len(picks) == 0 {
				ok = false
				break
			}
			pts := make([]float64, len(b.Paths))
			for _, o := range picks {
				for p := range pts {
					pts[p] += q.Options[o].Weights[p]
				}
			}
			row[j] = axis(pts)
		}
		if ok {
			rows = append(rows, row)
		}
	}
	n, k := float64(len(rows)), len(items)
	column := func(f func(row []float64) float64) []float64 {
		out := make([]float64, len(rows))
		for r, row := range rows {
			out[r] = f(row)
		}
		return out
	}
	mean := func(xs []float64) float64 {
		var s float64
		for _, x := range xs {
			s += x
		}
		return s / n
	}
	cov := func(xs, ys []float64) float64 {
		mx, my := mean(xs), mean(ys)
		var s float64
		for i := range xs {
			s += (xs[i] - mx) * (ys[i] - my)
		}
		return s / (n - 1)
	}
	total := column(func(row []float64) float64 {
		var s float64
		for _, x := range row {
			s += x
		}
		return s
	})
	var sumVar float64
	res := independent{people: len(as), complete: len(rows), itemRest: map[string]float64{}}
	for j, q := range items {
		x := column(func(row []float64) float64 { return row[j] })
		rest := column(func(row []float64) float64 {
			var s float64
			for i, v := range row {
				if i != j {
					s += v
				}
			}
			return s
		})
		sumVar += cov(x, x)
		res.itemRest[q.ID] = cov(x, rest) / math.Sqrt(cov(x, x)*cov(rest, rest))
	}
	res.alpha = float64(k) / float64(k-1) * (1 - sumVar/cov(total, total))
	return res
}

func firstMinusSecond(pts []float64) float64 { return pts[0] - pts[1] }

// The figures of a simulated cohort agree with the two-pass computation to
// well within the 0.001 they are judged by.
func TestFiguresMatchTwoPass(t *testing.T) {
	t.Parallel()
	b := builtin(t)
	for _, tc := range []struct {
		name string
		n    int
		skip float64
	}{
		{"everyone answers everything", 300, 0},
		{"some skip", 400, 0.01},
		{"many skip", 500, 0.05},
	} {
		t.Run(tc.name, func(t *testing.T) {
			as, rs := cohortOf(b, tc.n, tc.skip, uint64(tc.n))
			c := New(b)
			for i := range as {
				c.Add(as[i], rs[i])
			}
			got := c.Report()
			want := twoPass(b, as, firstMinusSecond)
			if got.People != want.people || got.Complete != want.complete || got.AlphaN != want.complete {
				t.Fatalf("people %d complete %d (alpha n %d), want %d and %d", got.People, got.Complete, got.AlphaN, want.people, want.complete)
			}
			t.Logf("people %d, complete %d, alpha %.4f", want.people, want.complete, want.alpha)
			if want.complete < 50 {
				t.Fatalf("only %d complete: the test would say little", want.complete)
			}
			if got.Alpha == nil || math.Abs(*got.Alpha-want.alpha) > 0.001 {
				t.Errorf("alpha %v, want %.6f", show(got.Alpha), want.alpha)
			}
			// People with known leanings answer a working bank
			// consistently: alpha must come out high.
			if want.alpha < 0.7 {
				t.Errorf("alpha %.3f of leaners; the simulation is broken", want.alpha)
			}
			for _, q := range got.Questions {
				w, scored := want.itemRest[q.ID]
				if !scored {
					if q.ItemRest != nil {
						t.Errorf("%s is unscored but has item_rest %v", q.ID, *q.ItemRest)
					}
					continue
				}
				if q.ItemRest == nil || math.Abs(*q.ItemRest-w) > 0.001 {
					t.Errorf("%s: item_rest %v, want %.6f", q.ID, show(q.ItemRest), w)
				}
			}
		})
	}
}

// With three paths, alpha is taken on the first path against the mean of
// the others, and per path on each path's own points.
func TestThreePathsMatchTwoPass(t *testing.T) {
	t.Parallel()
	b := threePaths(t)
	as, rs := cohortOf(b, 300, 0.02, 3)
	c := New(b)
	for i := range as {
		c.Add(as[i], rs[i])
	}
	got := c.Report()
	want := twoPass(b, as, itemScore)
	if got.Complete != want.complete || got.Alpha == nil || math.Abs(*got.Alpha-want.alpha) > 0.001 {
		t.Fatalf("complete %d alpha %v, want %d and %.6f", got.Complete, show(got.Alpha), want.complete, want.alpha)
	}
	if len(got.AlphaByPath) != 3 {
		t.Fatalf("alpha by path: %+v", got.AlphaByPath)
	}
	for p, pa := range got.AlphaByPath {
		own := twoPass(b, as, func(pts []float64) float64 { return pts[p] })
		if pa.Path != b.Paths[p].ID || pa.Alpha == nil || math.Abs(*pa.Alpha-own.alpha) > 0.001 {
			t.Errorf("path %s: alpha %v, want %.6f", pa.Path, show(pa.Alpha), own.alpha)
		}
		for _, q := range got.Questions {
			if r := q.ItemRestByPath[pa.Path]; r == nil || math.Abs(*r-own.itemRest[q.ID]) > 0.001 {
				t.Errorf("%s on %s: item_rest %v, want %.6f", q.ID, pa.Path, show(r), own.itemRest[q.ID])
			}
		}
	}
}

// A question everyone answers the same way has no variance: its item–rest
// correlation is null, not NaN, and it is flagged as one-sided.
func TestNoVarianceIsNullAndFlagged(t *testing.T) {
	t.Parallel()
	b := builtin(t)
	as, _ := cohortOf(b, 200, 0, 11)
	q := b.Questions[0]
	c := New(b)
	scorer := scoring.NewScorer(b)
	for i := range as {
		as[i][q.ID] = quiz.Answer{Picks: []int{0}}
		c.Add(as[i], scorer.Score(as[i]))
	}
	got := c.Report()
	if got.Questions[0].ItemRest != nil {
		t.Errorf("item_rest %v for a question without variance", *got.Questions[0].ItemRest)
	}
	if got.Questions[0].ItemSD == nil || *got.Questions[0].ItemSD != 0 {
		t.Errorf("item_sd %v, want 0", show(got.Questions[0].ItemSD))
	}
	if !hasFlag(got, q.ID, FlagOneSided) {
		t.Errorf("no one-sided flag for %s: %+v", q.ID, got.Flags)
	}
}

// reversed is b with the two paths' weights swapped on its first choice
// question, and that question's index.
func reversed(b *quiz.Bank) (*quiz.Bank, int) {
	qi := slices.IndexFunc(b.Questions, func(q quiz.Question) bool { return q.Kind == quiz.Choice })
	rev := *b
	rev.Questions = slices.Clone(b.Questions)
	q := rev.Questions[qi]
	q.Options = slices.Clone(q.Options)
	for o := range q.Options {
		w := slices.Clone(q.Options[o].Weights)
		w[0], w[1] = w[1], w[0]
		q.Options[o].Weights = w
	}
	rev.Questions[qi] = q
	return &rev, qi
}

// A question keyed the wrong way round correlates negatively with the rest
// and, once enough people answered every scored question to judge, is
// flagged with something to try. Below ReliabilityMin the figures are
// given but the report says they are too few to judge, and flags nothing.
func TestReversedQuestionIsFlagged(t *testing.T) {
	t.Parallel()
	b := builtin(t)
	rev, qi := reversed(b)
	id := rev.Questions[qi].ID
	for _, n := range []int{3, 8, 12, 30, 60, 300} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			// People answer the real question; the report reads it reversed.
			as, _ := cohortOf(b, n, 0, 5)
			c := New(rev)
			scorer := scoring.NewScorer(rev)
			for _, a := range as {
				c.Add(a, scorer.Score(a))
			}
			got := c.Report()
			// Some people tick nothing on a pick-any question, so fewer
			// than n are complete.
			few := got.Complete < ReliabilityMin
			if got.AlphaNEnough == few || got.AlphaNMin != ReliabilityMin {
				t.Errorf("alpha_n %d: alpha_n_enough %v, alpha_n_min %d", got.AlphaN, got.AlphaNEnough, got.AlphaNMin)
			}
			if few {
				if len(got.Flags) != 0 {
					t.Errorf("%d of %d complete, too few to judge, yet flagged: %+v", got.Complete, n, got.Flags)
				}
				return
			}
			r := got.Questions[qi].ItemRest
			if r == nil || *r > -weakBelow {
				t.Fatalf("item_rest %v for a reversed question, want at most %v", show(r), -weakBelow)
			}
			i := slices.IndexFunc(got.Flags, func(f Flag) bool { return f.Question == id && f.Code == FlagNegative })
			if i < 0 {
				t.Fatalf("no negative flag for %s: %+v", id, got.Flags)
			}
			for _, f := range got.Flags {
				if f.Try == "" || f.Message == "" || f.Tentative || f.Note != "" {
					t.Errorf("flag without words, or tentative: %+v", f)
				}
			}
		})
	}
}

// Answers picked at random go with nothing: every item–rest is near zero,
// and a slightly negative one is called weak, not keyed the wrong way.
func TestRandomAnswersAreWeakNotNegative(t *testing.T) {
	t.Parallel()
	b := builtin(t)
	rng := rand.New(rand.NewPCG(3, 3))
	c := New(b)
	scorer := scoring.NewScorer(b)
	for range 2000 {
		a := quiz.Answers{}
		for _, q := range b.Questions {
			a[q.ID] = quiz.Answer{Picks: []int{rng.IntN(len(q.Options))}}
		}
		c.Add(a, scorer.Score(a))
	}
	got := c.Report()
	below := 0
	for _, q := range got.Questions {
		if q.ItemRest == nil {
			continue
		}
		if *q.ItemRest < 0 {
			below++
		}
		if hasFlag(got, q.ID, FlagNegative) || !hasFlag(got, q.ID, FlagWeak) {
			t.Errorf("%s: item_rest %.4f, flags %+v", q.ID, *q.ItemRest, got.Flags)
		}
	}
	if below == 0 {
		t.Fatal("no item_rest below zero: the cohort does not test what it should")
	}
}

// Two people make any alpha and an item–rest of exactly ±1: the figures
// are given, but nothing reads them as good or bad, and no question is
// flagged.
func TestTwoPeopleAreTooFewToJudge(t *testing.T) {
	t.Parallel()
	b := builtin(t)
	a1, a2 := quiz.Answers{}, quiz.Answers{}
	for i, q := range b.Questions {
		// Both lean the same way on most questions, and differ on a few
		// the second way round.
		a1[q.ID] = quiz.Answer{Picks: []int{0}}
		last := len(q.Options) - 1
		if i%6 == 1 {
			a1[q.ID], a2[q.ID] = quiz.Answer{Picks: []int{last}}, quiz.Answer{Picks: []int{0}}
		} else {
			a2[q.ID] = quiz.Answer{Picks: []int{last}}
		}
	}
	c := New(b)
	for _, a := range []quiz.Answers{a1, a2} {
		c.Add(a, scoring.Score(b, a))
	}
	got := c.Report()
	if got.Complete != 2 || got.Alpha == nil || got.AlphaNEnough {
		t.Fatalf("complete %d, alpha %v, alpha_n_enough %v", got.Complete, show(got.Alpha), got.AlphaNEnough)
	}
	negative := 0
	for _, q := range got.Questions {
		if q.ItemRest == nil || *q.ItemRest >= 0 {
			continue
		}
		negative++
	}
	if negative == 0 {
		t.Fatal("no negative item_rest: the cohort does not test what it should")
	}
	if len(got.Flags) != 0 {
		t.Errorf("2 people, too few to judge, yet flagged: %+v", got.Flags)
	}
	var out bytes.Buffer
	if err := WriteText(&out, got, false); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"too few people to judge (2 answered every scored question;",
		"Item-rest in brackets",
		"(-1.00)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, text)
		}
	}
	for _, word := range []string{"excellent", "good", "acceptable", "questionable", "poor", "unacceptable", "None:", "Try:"} {
		if strings.Contains(text, word) {
			t.Errorf("%q said of 2 people:\n%s", word, text)
		}
	}
}

// Recommendations, labels and the split histogram count what scoring said,
// person by person; option counts add up to the answers.
func TestCountsFollowScoring(t *testing.T) {
	t.Parallel()
	b := builtin(t)
	as, rs := cohortOf(b, 250, 0.3, 9)
	c := New(b)
	for i := range as {
		c.Add(as[i], rs[i])
	}
	got := c.Report()
	recs := map[string]int{}
	strengths := map[scoring.Strength]int{}
	withheld := 0
	for _, r := range rs {
		if r.Recommendation == nil {
			withheld++
			continue
		}
		recs[r.Recommendation.Path]++
		strengths[r.Recommendation.Strength]++
	}
	if withheld == 0 {
		t.Fatal("the simulation withholds no recommendation; raise the skip rate")
	}
	if got.NoRecommendation != withheld {
		t.Errorf("no_recommendation %d, want %d", got.NoRecommendation, withheld)
	}
	for _, p := range got.Paths {
		if p.Recommended != recs[p.ID] {
			t.Errorf("%s recommended %d, want %d", p.ID, p.Recommended, recs[p.ID])
		}
		n := 0
		for _, v := range p.Split {
			n += v
		}
		if n != got.People-withheld {
			t.Errorf("%s split holds %d people, want %d", p.ID, n, got.People-withheld)
		}
	}
	wantLabels := Labels{strengths[scoring.Balanced], strengths[scoring.Slight], strengths[scoring.Moderate], strengths[scoring.Clear]}
	if got.Labels != wantLabels {
		t.Errorf("labels %+v, want %+v", got.Labels, wantLabels)
	}
	for i, q := range got.Questions {
		answered := 0
		for _, a := range as {
			if len(a[q.ID].Picks) > 0 {
				answered++
			}
		}
		if q.Answered != answered {
			t.Errorf("%s answered %d, want %d", q.ID, q.Answered, answered)
		}
		leans := 0
		for _, n := range q.Leans {
			leans += n
		}
		if leans != answered {
			t.Errorf("%s leans add up to %d, want %d", q.ID, leans, answered)
		}
		if b.Questions[i].Kind != quiz.PickAny {
			picked := 0
			for _, o := range q.Options {
				picked += o.Picked
				byPath := 0
				for _, n := range o.ByPath {
					byPath += n
				}
				if byPath > o.Picked {
					t.Errorf("%s option %d: %d by path of %d picks", q.ID, o.Number, byPath, o.Picked)
				}
			}
			if picked != answered {
				t.Errorf("%s: %d picks for %d answers", q.ID, picked, answered)
			}
		}
	}
}

// Too few people for a figure give null, never NaN or a guess.
func TestEmptyAndSingle(t *testing.T) {
	t.Parallel()
	b := builtin(t)
	c := New(b)
	r := c.Report()
	if r.People != 0 || r.Alpha != nil || r.Questions[0].ItemRest != nil || r.Questions[0].ItemMean != nil {
		t.Errorf("empty cohort: %+v", r)
	}
	first := quiz.Answers{}
	for _, q := range b.Questions {
		first[q.ID] = quiz.Answer{Picks: []int{0}}
	}
	c.Add(first, scoring.Score(b, first))
	r = c.Report()
	if r.People != 1 || r.Complete != 1 || r.Alpha != nil || r.Questions[0].ItemRest != nil || r.Questions[0].ItemMean == nil {
		t.Errorf("one person: people %d complete %d alpha %v", r.People, r.Complete, show(r.Alpha))
	}
}

func TestBin(t *testing.T) {
	t.Parallel()
	for share, want := range map[float64]int{0: 0, 9.99: 0, 10: 1, 55: 5, 99.9: 9, 100: 9, -1: 0, 101: 9} {
		if got := bin(share); got != want {
			t.Errorf("bin(%v) = %d, want %d", share, got, want)
		}
	}
}

func TestLean(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		pts  []float64
		want int
	}{
		{[]float64{2, 0}, 0},
		{[]float64{0, 1}, 1},
		{[]float64{1, 1}, 2},
		{[]float64{0, 0}, 2},
		{[]float64{0, 2, 2}, 3},
		{[]float64{0, 1, 2}, 2},
	} {
		if got := lean(tc.pts); got != tc.want {
			t.Errorf("lean(%v) = %d, want %d", tc.pts, got, tc.want)
		}
	}
}

func hasFlag(r Report, id, code string) bool {
	return slices.ContainsFunc(r.Flags, func(f Flag) bool { return f.Question == id && f.Code == code })
}

func show(v *float64) any {
	if v == nil {
		return "null"
	}
	return *v
}

// threePaths is a small bank of three paths in which each question
// contrasts all three, so that every path's own points form a scale.
func threePaths(t testing.TB) *quiz.Bank {
	t.Helper()
	src := `title = "Three ways"
intro = "Three paths."

[[themes]]
id = "work"
name = "Work"
`
	for _, p := range []string{"engineer", "developer", "architect"} {
		src += fmt.Sprintf("\n[[paths]]\nid = %q\nname = %q\nsummary = \"A path.\"\n\n[[paths.steps]]\nid = \"learn-%s\"\ntheme = \"work\"\nstage = 1\ntext = \"Learn.\"\n", p, p, p)
	}
	// Each question's options, as weights for engineer, developer and
	// architect.
	for i, opts := range [][][3]int{
		{{2, 0, 0}, {0, 2, 0}, {0, 0, 2}},
		{{2, 0, 1}, {0, 2, 1}, {0, 0, 2}},
		{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}},
		{{2, 0, 0}, {0, 1, 1}, {0, 0, 2}},
		{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
	} {
		src += fmt.Sprintf("\n[[questions]]\nid = \"q%d\"\ntheme = \"work\"\ntext = \"Which?\"\nbasis = \"test\"\n", i+1)
		for o, w := range opts {
			src += fmt.Sprintf("\n[[questions.options]]\ntext = \"Option %d\"\nweights = { engineer = %d, developer = %d, architect = %d }\n", o+1, w[0], w[1], w[2])
		}
	}
	b, err := quiz.Parse("three.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// An unscored question is counted, answers and all, but it is not an item:
// it is not in alpha, has no item–rest correlation, and skipping it leaves
// a person complete.
func TestUnscoredIsNotAnItem(t *testing.T) {
	t.Parallel()
	b := builtin(t)
	src := string(careerquiz.Questions) + `
[[questions]]
id = "experience-test"
theme = "` + b.Questions[0].Theme + `"
scored = false
text = "How much programming have you done so far?"

[[questions.options]]
id = "none"
text = "None yet"

[[questions.options]]
id = "some"
text = "Some"
`
	withProfile, err := quiz.Parse("questions.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	as, _ := cohortOf(withProfile, 200, 0, 21)
	c := New(withProfile)
	scorer := scoring.NewScorer(withProfile)
	for i, a := range as {
		if i%2 == 0 {
			delete(a, "experience-test")
		}
		c.Add(a, scorer.Score(a))
	}
	got := c.Report()
	want := twoPass(withProfile, as, firstMinusSecond)
	scored := 0
	for _, q := range b.Questions {
		if q.Scored() {
			scored++
		}
	}
	if got.Items != scored {
		t.Errorf("%d items, want %d", got.Items, scored)
	}
	if got.Complete != want.complete || math.Abs(*got.Alpha-want.alpha) > 0.001 {
		t.Errorf("complete %d alpha %v, want %d and %.4f", got.Complete, show(got.Alpha), want.complete, want.alpha)
	}
	q := got.Questions[len(got.Questions)-1]
	if q.ID != "experience-test" || q.Scored || q.ItemRest != nil || q.Answered != 100 {
		t.Errorf("unscored question: %+v", q)
	}
	if hasFlag(got, q.ID, FlagOneSided) {
		t.Errorf("an unscored question is flagged: %+v", got.Flags)
	}
}
