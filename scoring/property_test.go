package scoring

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// Properties every result must have, checked over generated banks and
// answers.

func TestShufflingQuestionsChangesNothing(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 2))
			b := generate(seed, 20+int(seed), 2+int(seed%3))
			a := randomAnswers(r, b, 4)
			want := Score(b, a)

			shuffled := *b
			shuffled.Questions = slices.Clone(b.Questions)
			r.Shuffle(len(shuffled.Questions), func(i, j int) {
				shuffled.Questions[i], shuffled.Questions[j] = shuffled.Questions[j], shuffled.Questions[i]
			})
			if got := Score(&shuffled, a); !reflect.DeepEqual(got, want) {
				t.Errorf("shuffled bank scored\n%+v\nwant\n%+v", got, want)
			}
		})
	}
}

func TestAnsweringTowardsAPathNeverLowersIt(t *testing.T) {
	for seed := range uint64(16) {
		r := rand.New(rand.NewPCG(seed, 3))
		b := generate(seed, 16, 2+int(seed%2))
		a := randomAnswers(r, b, 0)
		s := NewScorer(b)
		before := s.Score(a)
		for _, q := range b.Questions {
			old := a[q.ID]
			for p := range b.Paths {
				// Every change whose picks give path p at least as much.
				for _, alt := range alternatives(q) {
					if gives(q, alt, p) < gives(q, old.Picks, p) {
						continue
					}
					a[q.ID] = quiz.Answer{Picks: alt}
					after := s.Score(a)
					if after.Paths[p].Percent < before.Paths[p].Percent {
						t.Errorf("seed %d: answering %s %v instead of %v lowered %s from %v to %v",
							seed, q.ID, alt, old.Picks, b.Paths[p].ID, before.Paths[p].Percent, after.Paths[p].Percent)
					}
				}
			}
			a[q.ID] = old
		}
	}
}

// alternatives lists every answer a question accepts.
func alternatives(q quiz.Question) [][]int {
	var out [][]int
	if q.Kind != quiz.PickAny {
		for o := range q.Options {
			out = append(out, []int{o})
		}
		return out
	}
	for mask := 1; mask < 1<<len(q.Options); mask++ {
		var picks []int
		for o := range q.Options {
			if mask&(1<<o) != 0 {
				picks = append(picks, o)
			}
		}
		out = append(out, picks)
	}
	return out
}

func gives(q quiz.Question, picks []int, p int) float64 {
	sum := 0.0
	for _, o := range picks {
		sum += q.Options[o].Weights[p]
	}
	return sum
}

func TestMirroredBankGivesMirroredResult(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 4))
			b := generate(seed, 26, 2)
			a := randomAnswers(r, b, 6)
			m := mirror(b)
			got, want := Score(m, a), Score(b, a)

			for p := range 2 {
				g, w := got.Paths[1-p], want.Paths[p]
				if g.Raw != w.Raw || g.Most != w.Most || g.Percent != w.Percent {
					t.Errorf("mirrored %s scored %+v, want %+v", g.ID, g, w)
				}
			}
			for i := range got.Themes {
				if got.Themes[i].Paths[0].Percent != want.Themes[i].Paths[1].Percent {
					t.Errorf("theme %s not mirrored", got.Themes[i].ID)
				}
			}
			gr, wr := got.Recommendation, want.Recommendation
			if (gr == nil) != (wr == nil) {
				t.Fatalf("recommendation %+v, want mirror of %+v", gr, wr)
			}
			if wr == nil || wr.Tie {
				return
			}
			if gr.Path != wr.RunnerUp || gr.RunnerUp != wr.Path || gr.Margin != wr.Margin || gr.Strength != wr.Strength {
				t.Errorf("recommendation %+v, want mirror of %+v", gr, wr)
			}
			if !reflect.DeepEqual(got.Toward, want.Toward) || !reflect.DeepEqual(got.Against, want.Against) {
				t.Errorf("reasons %+v / %+v, want %+v / %+v", got.Toward, got.Against, want.Toward, want.Against)
			}
			if !reflect.DeepEqual(got.Warnings, want.Warnings) {
				t.Errorf("warnings %+v, want %+v", got.Warnings, want.Warnings)
			}
		})
	}
}

// mirror swaps the weights of a two-path bank's paths, and the paths its
// statements are keyed to.
func mirror(b *quiz.Bank) *quiz.Bank {
	m := *b
	m.Questions = slices.Clone(b.Questions)
	for i := range m.Questions {
		q := &m.Questions[i]
		q.Options = slices.Clone(q.Options)
		for o := range q.Options {
			q.Options[o].Weights = []float64{q.Options[o].Weights[1], q.Options[o].Weights[0]}
		}
		if q.Keyed != "" {
			q.Keyed = b.Paths[1-b.PathIndex(q.Keyed)].ID
		}
	}
	return &m
}

func TestThreePaths(t *testing.T) {
	three := []string{"engineer", "developer", "architect"}
	b := newBank(three,
		choice("a", "design", w(2, 0, 1), w(0, 2, 0), w(0, 0, 2)),
		scale("b", "design", three, 2, 1),
		pickAny("c", "code", w(1, 1, 0), w(0, 1, 0), w(0, 0, 1)),
		choice("d", "code", w(1, 0, 0), w(0, 1, 0)),
	)
	b.Scoring = quiz.Thresholds{MinAnswered: 0.5, Slight: 5, Moderate: 12, Clear: 25, BandsSet: true}
	r := Score(b, quiz.Answers{"a": pick(0), "b": pick(4), "c": pick(0, 2), "d": pick(1)})
	// Most: engineer 2+2+1+1 = 6, developer 2+2+2+1 = 7, architect 2+2+1+0 = 5.
	// Raw:  engineer 2+0+1+0 = 3, developer 0+0+1+1 = 2, architect 1+2+1+0 = 4.
	want := []PathScore{
		{ID: "engineer", Name: "Back-end engineer", Raw: 3, Most: 6, Percent: 50, Share: 30.5, Towards: 1},
		{ID: "developer", Name: "Back-end developer", Raw: 2, Most: 7, Percent: 200.0 / 7, Share: 9, Towards: 1},
		{ID: "architect", Name: "Back-end architect", Raw: 4, Most: 5, Percent: 80, Share: 60.5, Towards: 1},
	}
	// Shares: every percent less (50 + 28.57 + 80 − 100)/3 = 19.52.
	if !reflect.DeepEqual(r.Paths, want) {
		t.Errorf("paths\n%+v\nwant\n%+v", r.Paths, want)
	}
	rec := r.Recommendation
	if rec.Path != "architect" || rec.RunnerUp != "engineer" || rec.Margin != 30 || rec.Strength != Clear {
		t.Errorf("got %+v", rec)
	}
	if len(r.Others) != 2 || r.Others[0].ID != "engineer" || r.Others[1].ID != "developer" {
		t.Errorf("others %+v", r.Others)
	}
	for _, th := range r.Themes {
		if len(th.Paths) != 3 {
			t.Errorf("theme %s has %d paths", th.ID, len(th.Paths))
		}
	}
}
