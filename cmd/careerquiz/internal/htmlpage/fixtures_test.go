package htmlpage

import (
	"bytes"
	"flag"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/report"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

var (
	update  = flag.Bool("update", false, "rewrite the golden pages in testdata")
	pagesTo = flag.String("pages", "", "write the three pages into this folder (for .ci/browser)")
)

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

// threeBank is a small bank of three paths: paths are data, and a page
// must not assume two.
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

// run is one answer set scored on b, as the command reports it.
func run(b *quiz.Bank, s answerSet, seed uint64) report.Run {
	a := s.answers(b, seed)
	return report.Run{Bank: b, Result: scoring.Score(b, a), Answers: b.AnswerValues(a)}
}

func resultJSON(t testing.TB, r report.Run) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cohortReport is n people answering b: each leans towards the first path
// by a chance of their own, answers most questions by that lean (picking
// the option that favours one path most) and the rest at random, and skips
// a few. The bank's second question is answered against the lean, so that
// the cohort has a question to flag.
func cohortReport(b *quiz.Bank, n int) cohort.Report {
	c := cohort.New(b)
	rng := rand.New(rand.NewPCG(7, 23))
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
		c.Add(a, scoring.Score(b, a))
	}
	return c.Report()
}

// historyFixture is four attempts on one bank, moving towards one path.
func historyFixture() History {
	share := func(e float64) []PathShare {
		return []PathShare{{ID: "engineer", Name: "Back-end engineer", Share: e}, {ID: "developer", Name: "Back-end developer", Share: 100 - e}}
	}
	rec := func(path, name, strength string) *Verdict {
		return &Verdict{Path: path, Name: name, Strength: strength}
	}
	const title = "Back-end engineer or back-end developer?"
	return History{Attempts: []Attempt{
		{Taken: taken.AddDate(0, -3, 0), Bank: title, Verdict: rec("developer", "Back-end developer", "slight"), Paths: share(43.6)},
		{Taken: taken.AddDate(0, -2, 3), Bank: title, Verdict: rec("engineer", "Back-end engineer", "balanced"), Paths: share(51.2)},
		{Taken: taken.AddDate(0, -1, 0), Bank: title, Verdict: rec("engineer", "Back-end engineer", "moderate"), Paths: share(62.4)},
		{Taken: taken, Bank: title, Verdict: rec("engineer", "Back-end engineer", "clear"), Paths: share(71.5)},
	}}
}

func writeFile(t testing.TB, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
