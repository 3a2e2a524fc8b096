package scoring

import (
	"math/rand/v2"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// Population is who Simulate draws.
type Population int

const (
	// UniformAnswers answer every question with every option (every
	// non-empty set of a pick-any question's options) equally likely.
	UniformAnswers Population = iota
	// LatentLean draws a lean θ from N(0, 1) towards the bank's first path
	// and away from its second, and every answer at θ from the answering
	// model of latent.go.
	LatentLean
)

// StopProfile is how a bank's stops behave for a population, each person
// answering the same answer sheet in the full bank and in both modes.
type StopProfile struct {
	People int
	// Scored is the number of scored questions in the bank.
	Scored  int
	Settled StopRun
	Quick   StopRun
}

// StopRun is one stop's figures, shares from 0 to 1.
type StopRun struct {
	// Asked is the mean number of scored questions asked; AskedShare is
	// that over Scored.
	Asked      float64
	AskedShare float64
	// SamePath is the share whose result names the same path as with every
	// question answered (or, both, none); SameStanding also needs the same
	// preference or not, and SameLabel the same strength.
	SamePath     float64
	SameStanding float64
	SameLabel    float64
	// Decided is the number of people whose full result is a preference
	// (not balanced, not tied), and SamePathDecided SamePath among them.
	Decided         int
	SamePathDecided float64
}

// simSeed tells the simulation's random stream from others of the same seed.
const simSeed = 0x73746f70 // "stop"

// Simulate draws people from pop and runs each through the bank three times
// on the same answer sheet: every question, the settled stop, and the quick
// stop. Profile questions count in no figure. It costs a few milliseconds a
// person on a bank like the built-in one, far more for three paths with
// unrelated weights.
func (st *Stopper) Simulate(pop Population, people int, seed uint64) StopProfile {
	r := rand.New(rand.NewPCG(seed, simSeed))
	prof := StopProfile{People: people, Scored: st.t.scored}
	type tally struct {
		asked                                 int
		path, standing, label, decided, dsame int
	}
	var settled, quick tally
	ax := leanAxis{plus: 0, minus: min(1, st.t.paths-1)}
	reactions := make([]leanReaction, len(st.t.rows))
	for qi := range st.t.rows {
		reactions[qi] = reactionOf(st.b, st.t, qi, ax)
	}
	for range people {
		theta := r.NormFloat64()
		sheet := quiz.Answers{}
		for qi, q := range st.b.Questions {
			if st.t.rows[qi].opts == 0 {
				continue
			}
			if pop == UniformAnswers {
				sheet[q.ID] = quiz.Answer{Picks: uniformAnswer(r, st.t.rows[qi].opts, st.t.rows[qi].kind.Multiple())}
			} else {
				sheet[q.ID] = quiz.Answer{Picks: reactions[qi].answer(r, theta)}
			}
		}
		full := st.verdictOf(sheet, nil)
		run := func(tl *tally, a quiz.Answers, notAsked []string) {
			for id := range a {
				if st.t.rows[st.index[id]].scored {
					tl.asked++
				}
			}
			earlyResult := st.verdictOf(a, notAsked)
			same := earlyResult.path == full.path
			tl.path += oneIf(same)
			tl.standing += oneIf(same && earlyResult.preference == full.preference)
			tl.label += oneIf(same && earlyResult.strength == full.strength)
			if full.preference {
				tl.decided++
				tl.dsame += oneIf(same)
			}
		}

		// The settled stop, in Order.
		notAsked := st.Order()
		a := quiz.Answers{}
		for len(notAsked) > 0 {
			id := notAsked[0]
			notAsked = notAsked[1:]
			a[id] = sheet[id]
			if st.t.rows[st.index[id]].scored && st.Settled(a, notAsked).Settled {
				break
			}
		}
		run(&settled, a, notAsked)

		// The quick stop, in its own order.
		notAsked, a = st.Order(), quiz.Answers{}
		for {
			step := st.Quick(a, notAsked)
			if step.Stop || step.Next == "" || !st.t.rows[st.index[step.Next]].scored {
				break
			}
			notAsked = slices.DeleteFunc(notAsked, func(id string) bool { return id == step.Next })
			a[step.Next] = sheet[step.Next]
		}
		run(&quick, a, notAsked)
	}
	fig := func(tl tally) StopRun {
		f := float64(people)
		sr := StopRun{
			Asked: float64(tl.asked) / f, SamePath: float64(tl.path) / f,
			SameStanding: float64(tl.standing) / f, SameLabel: float64(tl.label) / f,
			Decided: tl.decided, SamePathDecided: 1,
		}
		if st.t.scored > 0 {
			sr.AskedShare = sr.Asked / float64(st.t.scored)
		}
		if tl.decided > 0 {
			sr.SamePathDecided = float64(tl.dsame) / float64(tl.decided)
		}
		return sr
	}
	prof.Settled, prof.Quick = fig(settled), fig(quick)
	return prof
}

func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

// uniformAnswer answers with every option, or every non-empty set of a
// pick-any question's options, equally likely.
func uniformAnswer(r *rand.Rand, opts int, multiple bool) []int {
	if !multiple {
		return []int{r.IntN(opts)}
	}
	for {
		var picks []int
		for o := range opts {
			if r.IntN(2) == 0 {
				picks = append(picks, o)
			}
		}
		if len(picks) > 0 {
			return picks
		}
	}
}

// earlyResult is what a result says, as the figures compare it.
type earlyResult struct {
	standing
	strength Strength
}

// verdictOf is the standing and strength, by Score's rules, of the answers
// a with the questions notAsked left out.
func (st *Stopper) verdictOf(a quiz.Answers, notAsked []string) earlyResult {
	pr := st.s.read(a, notAsked)
	// Without a preference the strength is balanced; a withheld result has
	// none, but two withheld results match whatever it is called.
	e := earlyResult{standing: st.standingOf(pr.raw, pr.most, len(pr.done), st.t.scored-len(pr.rest)), strength: Balanced}
	if !e.preference {
		return e
	}
	top, second, _ := rank(pr.raw, pr.most)
	var rs, ms int64
	if second >= 0 {
		rs, ms = pr.raw[second], pr.most[second]
	}
	e.strength = strength(st.s.bandsFor(len(pr.done)), exactMargin(pr.raw[top], pr.most[top], rs, ms))
	return e
}
