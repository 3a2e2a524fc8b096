package scoring

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
)

// stopCall is the state of a quiz after one answer.
type stopCall struct {
	a        quiz.Answers
	notAsked []string
}

// stopCalls are the states after every answer of people from the
// latent-trait population taking the bank in Order, to the end.
func stopCalls(st *Stopper, people int) []stopCall {
	r := rand.New(rand.NewPCG(2, 2))
	person := leaners(st.b)
	var calls []stopCall
	for range people {
		l := person(r.NormFloat64())
		order := st.Order()
		a := quiz.Answers{}
		for i, id := range order {
			qi := st.index[id]
			rw := &st.t.rows[qi]
			if !rw.scored {
				break
			}
			a[id] = quiz.Answer{Picks: l(r, st.b.Question(id))}
			c := stopCall{a: quiz.Answers{}, notAsked: order[i+1:]}
			for k, v := range a {
				c.a[k] = v
			}
			calls = append(calls, c)
		}
	}
	return calls
}

// slowestCall is the time the slowest of the calls takes, each timed as the
// fastest of five runs so that a pause of the machine is not counted.
func slowestCall(calls []stopCall, f func(stopCall)) time.Duration {
	var slowest time.Duration
	for _, c := range calls {
		fastest := time.Duration(math.MaxInt64)
		for range 5 {
			start := time.Now()
			f(c)
			fastest = min(fastest, time.Since(start))
		}
		slowest = max(slowest, fastest)
	}
	return slowest
}

func builtInStopper(b *testing.B) *Stopper {
	bank, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		b.Fatal(err)
	}
	return NewStopper(NewScorer(bank))
}

// BenchmarkSettled is the settled stop's decision after one answer on the
// built-in bank, averaged over every answer of 20 people; slowest is the
// slowest single decision.
func BenchmarkSettled(b *testing.B) {
	st := builtInStopper(b)
	calls := stopCalls(st, 20)
	slowest := slowestCall(calls, func(c stopCall) { st.Settled(c.a, c.notAsked) })
	i := 0
	for b.Loop() {
		c := calls[i%len(calls)]
		st.Settled(c.a, c.notAsked)
		i++
	}
	b.ReportMetric(float64(slowest.Nanoseconds()), "slowest-ns")
}

// BenchmarkQuick is the quick stop's decision and next question after one
// answer on the built-in bank, likewise.
func BenchmarkQuick(b *testing.B) {
	st := builtInStopper(b)
	calls := stopCalls(st, 20)
	slowest := slowestCall(calls, func(c stopCall) { st.Quick(c.a, c.notAsked) })
	i := 0
	for b.Loop() {
		c := calls[i%len(calls)]
		st.Quick(c.a, c.notAsked)
		i++
	}
	b.ReportMetric(float64(slowest.Nanoseconds()), "slowest-ns")
}
