package scoring

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
)

// standingOfResult reads a result as the settled stop compares results:
// the path named (none for a tie or a withheld result) and whether it is a
// preference.
func standingOfResult(b *quiz.Bank, res Result) standing {
	rec := res.Recommendation
	switch {
	case rec == nil && res.Withheld != "":
		return standing{path: pathWithheld}
	case rec == nil || rec.Tie:
		return standing{path: pathNone}
	}
	return standing{path: b.PathIndex(rec.Path), preference: rec.Strength != Balanced}
}

// everyCompletion calls f with every completion of a over the questions rest.
func everyCompletion(b *quiz.Bank, a quiz.Answers, rest []string, f func(quiz.Answers)) {
	if len(rest) == 0 {
		f(a)
		return
	}
	q := b.Question(rest[0])
	// Every answer to q, skipping it first.
	for _, picks := range append([][]int{nil}, alternatives(*q)...) {
		c := quiz.Answers{}
		for id, x := range a {
			c[id] = x
		}
		if picks != nil {
			c[q.ID] = quiz.Answer{Picks: picks}
		}
		everyCompletion(b, c, rest[1:], f)
	}
}

// Settled is exact: on small banks, where every completion can be listed,
// it says settled exactly when every completion gets the outcome Score gives
// the answers so far.
func TestSettledMatchesEnumeration(t *testing.T) {
	seeds := 40
	if testing.Short() {
		seeds = 10
	}
	counts := map[string]int{}
	for _, paths := range []int{2, 3} {
		for seed := range uint64(seeds) {
			b := smallBank(seed, paths)
			s := NewScorer(b)
			st := NewStopper(s)
			r := rand.New(rand.NewPCG(seed, 9))
			for range 12 {
				a := quiz.Answers{}
				var rest []string
				for _, q := range b.Questions {
					switch r.IntN(4) {
					case 0:
						rest = append(rest, q.ID)
					case 1: // asked and skipped
					default:
						a[q.ID] = quiz.Answer{Picks: uniform(r, &q)}
					}
				}
				now := standingOfResult(b, s.Score(a))
				same := true
				everyCompletion(b, a, rest, func(c quiz.Answers) {
					same = same && standingOfResult(b, s.Score(c)) == now
				})
				got := st.Settled(a, rest)
				name := fmt.Sprintf("%d paths, seed %d, answers %v, not asked %v", paths, seed, a, rest)
				switch {
				case !got.Exact:
					t.Errorf("%s: over budget", name)
				case got.Settled && !same:
					t.Errorf("%s: settled, but some completion changes %+v", name, now)
				case !got.Settled && same && (paths == 2 || now.path != pathNone):
					t.Errorf("%s: not settled, but no completion changes %+v", name, now)
				}
				counts[fmt.Sprint(paths, " paths settled ", same)]++
			}
		}
	}
	t.Log(counts)
}

// The quick stop's chance is exact for its model: on small banks, listing
// every way of answering the rest with the chance the model gives it, at
// each lean of the posterior, and scoring each with Score gives the same
// chance of another path.
func TestQuickChanceMatchesEnumeration(t *testing.T) {
	over, cases := 0, 0
	seeds := 12
	if testing.Short() {
		seeds = 4
	}
	for _, keep := range []Keep{KeepPath, KeepStanding} {
		for _, paths := range []int{2, 3} {
			for seed := range uint64(seeds) {
				b := smallBank(seed, paths)
				s := NewScorer(b)
				st := NewStopper(s)
				st.QuickKeeps = keep
				r := rand.New(rand.NewPCG(seed, 10))
				for range 6 {
					a := quiz.Answers{}
					var rest []string
					for _, q := range b.Questions {
						switch r.IntN(3) {
						case 0:
							rest = append(rest, q.ID)
						default:
							a[q.ID] = quiz.Answer{Picks: uniform(r, &q)}
						}
					}
					qs := st.quickState(a, rest)
					got, exact := st.chance(&qs, math.Inf(1))
					cases++
					if !exact {
						over++
						continue
					}
					now := st.verdictOf(a, rest).standing
					want := 1.0
					if now.path >= 0 && len(rest) > 0 {
						want = 0
						changes := listChanges(st, &qs, a, rest, now)
						for gi, wt := range qs.weight {
							if wt < leanNeglect {
								want += wt
								continue
							}
							want += wt * changeAt(&qs, changes, gi)
						}
					} else if now.path >= 0 {
						want = 0
					}
					if cut, _ := st.chance(&qs, QuickRisk); cut != got && (cut < QuickRisk || cut > got) {
						t.Errorf("%d paths, seed %d: chance %v cut short at %v", paths, seed, got, cut)
					}
					if math.Abs(got-want) > 1e-9 {
						t.Errorf("keep %d, %d paths, seed %d, answers %v, not asked %v: chance %v, by enumeration %v", keep, paths, seed, a, rest, got, want)
					}
				}
			}
		}
	}
	t.Logf("%d of %d cases over the budget", over, cases)
	if over*4 > cases {
		t.Errorf("%d of %d cases over the budget", over, cases)
	}
}

// listChanges lists every way of answering the questions rest, as the
// index of each one's answer in the model's list, keeping those that name
// another path than now (with KeepStanding, or change its preference).
func listChanges(st *Stopper, qs *quickState, a quiz.Answers, rest []string, now standing) [][]int {
	var out [][]int
	var walk func(i int, c quiz.Answers, picked []int)
	walk = func(i int, c quiz.Answers, picked []int) {
		if i == len(rest) {
			fin := standingOfResult(st.b, st.s.Score(c))
			if fin.path != now.path || st.QuickKeeps == KeepStanding && fin.preference != now.preference {
				out = append(out, slices.Clone(picked))
			}
			return
		}
		// The model lists answers in the order alternatives does.
		for k, set := range alternatives(*st.b.Question(rest[i])) {
			next := maps.Clone(c)
			next[rest[i]] = quiz.Answer{Picks: set}
			walk(i+1, next, append(picked, k))
		}
	}
	walk(0, maps.Clone(a), nil)
	return out
}

// changeAt is the chance of the listed changes at grid lean g.
func changeAt(qs *quickState, changes [][]int, g int) float64 {
	probs := make([][]float64, len(qs.answers))
	for i := range qs.answers {
		probs[i] = qs.answers[i].byLean[g]
	}
	sum := 0.0
	for _, c := range changes {
		p := 1.0
		for i, k := range c {
			p *= probs[i][k]
		}
		sum += p
	}
	return sum
}

// On a bank of thirty questions and three or four paths the settled stop
// decides within its budget after every answer, and the result it stops at
// is the one answering every question gives.
func TestSettledOnManyPaths(t *testing.T) {
	for _, paths := range []int{3, 4} {
		b := generate(3, 30, paths)
		s := NewScorer(b)
		st := NewStopper(s)
		r := rand.New(rand.NewPCG(1, 1))
		for range 20 {
			a := randomAnswers(r, b, 8)
			want := standingOfResult(b, s.Score(a))
			order := st.Order()
			sofar := quiz.Answers{}
			for i, id := range order {
				if x, ok := a[id]; ok {
					sofar[id] = x
				}
				got := st.Settled(sofar, order[i+1:])
				if !got.Exact {
					t.Fatalf("%d paths: over budget after %d answers", paths, i+1)
				}
				if got.Settled {
					if now := standingOfResult(b, s.Score(sofar)); now != want {
						t.Fatalf("%d paths: settled at %+v after %d questions, but every answer gives %+v", paths, now, i+1, want)
					}
					break
				}
			}
		}
	}
}

// The asking order puts the widest swings first and profile questions
// last: on the built-in bank a pick-any question of six options, which can
// move the margin furthest, comes first. A statement that is no trade gives
// one path up to 2 points where a graded question swings 2 either way: with
// the bank's trades made one-sided, every statement comes after every
// graded question.
func TestOrder(t *testing.T) {
	oneSided, err := quiz.Parse(careerquiz.QuestionsFile, regexp.MustCompile(`(?m)^against = .*\n`).ReplaceAll(careerquiz.Questions, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []*quiz.Bank{builtIn(t), oneSided} {
		st := NewStopper(NewScorer(b))
		order := st.Order()
		if len(order) != len(b.Questions) {
			t.Fatalf("order has %d questions, the bank %d", len(order), len(b.Questions))
		}
		if q := b.Question(order[0]); q.Kind != quiz.PickAny || len(q.Options) != 6 {
			t.Errorf("first question %s, a %s of %d options", q.ID, q.Kind, len(q.Options))
		}
		seenProfile, seenStatement := false, false
		for _, id := range order {
			q := b.Question(id)
			switch {
			case !q.Scored():
				seenProfile = true
			case seenProfile:
				t.Errorf("scored question %s asked after a profile question", id)
			case q.Kind == quiz.Scale && q.Against == "":
				seenStatement = true
			case q.Kind == quiz.Graded && seenStatement:
				t.Errorf("graded question %s asked after a one-sided statement", id)
			}
		}
		if !seenProfile {
			t.Error("the profile question is not asked")
		}
	}
}

// Before the first answer the quick stop goes on and names a scored
// question; a quiz that goes on past it is offered every scored question,
// then the profile questions, then nothing.
func TestQuickAsksEveryScoredQuestionThenTheProfile(t *testing.T) {
	b := builtIn(t)
	st := NewStopper(NewScorer(b))
	notAsked := st.Order()
	a := quiz.Answers{}
	step := st.Quick(a, notAsked)
	if step.Stop || step.Chance != 1 || step.Next == "" || !b.Question(step.Next).Scored() {
		t.Fatalf("before any answer: %+v", step)
	}
	for step.Next != "" {
		q := b.Question(step.Next)
		notAsked = slices.DeleteFunc(notAsked, func(id string) bool { return id == q.ID })
		if q.Scored() {
			a[q.ID] = quiz.Answer{Picks: []int{len(q.Options) / 2}}
		}
		step = st.Quick(a, notAsked)
		if step.Next != "" && !b.Question(step.Next).Scored() &&
			slices.ContainsFunc(notAsked, func(id string) bool { return b.Question(id).Scored() }) {
			t.Fatalf("profile question %s offered before every scored question", step.Next)
		}
	}
	if len(notAsked) != 0 {
		t.Errorf("%d questions never asked", len(notAsked))
	}
}

func TestProfileIsAskedAfterAStop(t *testing.T) {
	b := builtIn(t)
	st := NewStopper(NewScorer(b))
	var want []string
	for _, q := range b.Questions {
		if !q.Scored() {
			want = append(want, q.ID)
		}
	}
	if got := st.Profile(st.Order()[3:]); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("profile questions left %v, want %v", got, want)
	}
	if got := st.Profile(nil); got != nil {
		t.Errorf("profile questions left of none: %v", got)
	}
}

// The settled stop decides in well under 5 ms after every answer of people
// taking the built-in bank (BenchmarkSettled times it closely; this holds
// it loosely enough for a busy machine).
func TestSettledIsFast(t *testing.T) {
	st := NewStopper(NewScorer(builtIn(t)))
	calls := stopCalls(st, 20)
	start := time.Now()
	for _, c := range calls {
		st.Settled(c.a, c.notAsked)
	}
	if mean := time.Since(start) / time.Duration(len(calls)); mean > 5*time.Millisecond {
		t.Errorf("a settled decision takes %v on average", mean)
	}
}
