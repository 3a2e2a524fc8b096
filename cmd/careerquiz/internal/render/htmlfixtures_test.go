package render

import (
	"bytes"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// The pages are made from the built-in bank answered in every way that
// gives a different page, and from a small bank of three paths: paths are
// data, and a page must not assume two.

// taken is the fixed time every page in the tests was taken at.
var taken = time.Date(2026, 12, 7, 18, 30, 0, 0, time.UTC)

func builtinBank(t testing.TB) *quiz.Bank {
	t.Helper()
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func threeBank(t testing.TB) *quiz.Bank {
	t.Helper()
	b, err := quiz.Load(filepath.Join("testdata", "three.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// answerSet is one way of answering the built-in bank.
type answerSet struct {
	name string
	pick func(rng *rand.Rand, q *quiz.Question, i int) int // option index, or -1 to skip
}

// answerSets cover every kind of verdict: a lean each way, weak and
// strong, random answers (mostly balanced), a pattern, skips, and too few
// answers for any.
var answerSets = []answerSet{
	{"engineer", leaning(1, 1)},
	{"developer", leaning(1, -1)},
	{"mostly-engineer", leaning(0.7, 1)},
	{"mostly-developer", leaning(0.6, -1)},
	{"a-little-engineer", leaning(0.25, 1)},
	{"a-little-developer", leaning(0.35, -1)},
	{"random", leaning(0, 1)},
	{"first", func(_ *rand.Rand, q *quiz.Question, _ int) int { return 0 }},
	{"skipping", func(rng *rand.Rand, q *quiz.Question, i int) int {
		if i%3 == 0 {
			return -1
		}
		return leaning(0.6, 1)(rng, q, i)
	}},
	{"none", func(*rand.Rand, *quiz.Question, int) int { return -1 }},
	{"few", func(_ *rand.Rand, q *quiz.Question, i int) int {
		if i < 2 {
			return 0
		}
		return -1
	}},
}

// leaning answers a question by the option that favours the first path
// most (toward 1) or the second most (toward -1), with the chance given,
// and at random otherwise.
func leaning(chance, toward float64) func(*rand.Rand, *quiz.Question, int) int {
	return func(rng *rand.Rand, q *quiz.Question, _ int) int {
		k := rng.IntN(len(q.Options))
		if rng.Float64() >= chance {
			return k
		}
		best := math.Inf(-1)
		for o, opt := range q.Options {
			if len(opt.Weights) < 2 {
				continue
			}
			if d := toward * (opt.Weights[0] - opt.Weights[1]); d > best {
				best, k = d, o
			}
		}
		return k
	}
}

func (s answerSet) answers(b *quiz.Bank, seed uint64) quiz.Answers {
	rng := rand.New(rand.NewPCG(seed, 23))
	a := quiz.Answers{}
	for i := range b.Questions {
		q := &b.Questions[i]
		if len(q.Options) == 0 {
			continue
		}
		if k := s.pick(rng, q, i); k >= 0 {
			a[q.ID] = quiz.Answer{Picks: []int{k}}
		}
	}
	return a
}

// scoredRun is s's answers to b, scored, as the command reports them.
func scoredRun(b *quiz.Bank, a quiz.Answers) Run {
	return Run{Bank: b, Result: scoring.Score(b, a), Answers: b.AnswerValues(a), Taken: taken}
}

func (s answerSet) run(b *quiz.Bank, seed uint64) Run { return scoredRun(b, s.answers(b, seed)) }

func resultDoc(t testing.TB, r Run) result.Document {
	t.Helper()
	d, err := NewDocument(r)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func resultJSON(t testing.TB, r Run) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cohortAnswers are n people answering b: each leans towards the first
// path by a chance of their own, answers most questions by that lean
// (picking the option that favours one path most) and the rest at random,
// and skips a few. The bank's second question is answered against the
// lean, so that the cohort has a question to flag.
func cohortAnswers(b *quiz.Bank, n int) []quiz.Answers {
	rng := rand.New(rand.NewPCG(7, 23))
	var out []quiz.Answers
	for range n {
		lean := rng.Float64()
		a := quiz.Answers{}
		for i := range b.Questions {
			q := &b.Questions[i]
			if len(q.Options) == 0 || rng.IntN(80) == 0 {
				continue
			}
			k := rng.IntN(len(q.Options))
			if rng.Float64() < 0.7 {
				toward := 1.0
				if rng.Float64() >= lean {
					toward = -1
				}
				if i == 1 {
					toward = -toward
				}
				best := -1e9
				for o, opt := range q.Options {
					if len(opt.Weights) < 2 {
						continue
					}
					if d := toward * (opt.Weights[0] - opt.Weights[1]); d > best {
						best, k = d, o
					}
				}
			}
			a[q.ID] = quiz.Answer{Picks: []int{k}}
		}
		out = append(out, a)
	}
	return out
}

func cohortReport(b *quiz.Bank, n int) cohort.Report {
	c := cohort.New(b)
	for _, a := range cohortAnswers(b, n) {
		c.Add(a, scoring.Score(b, a))
	}
	return c.Report()
}

// historyAttempts are four kept attempts on the built-in bank a month
// apart, moving from a little towards the developer to clearly towards
// the engineer; newest first, as result.List gives them.
func historyAttempts(t testing.TB) []result.Attempt {
	b := builtinBank(t)
	sets := []answerSet{answerSets[5], answerSets[6], answerSets[2], answerSets[0]}
	var out []result.Attempt
	for i, s := range sets {
		when := taken.AddDate(0, i-len(sets)+1, 0)
		out = append(out, result.Attempt{Number: len(sets) - i, Taken: when, Document: resultDoc(t, s.run(b, 1))})
	}
	slices.Reverse(out)
	return out
}
