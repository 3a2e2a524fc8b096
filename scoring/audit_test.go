package scoring

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

func TestAuditCounts(t *testing.T) {
	b := newBank(two,
		choice("a", "design", w(2, 0), w(0, 1), w(1, 1)),
		choice("b", "design", w(1, 1), w(2, 2)),
		scale("c", "code", two, 0, 1),
		scale("d", "code", two, 1, 2),
		scale("e", "code", two, 1, 1),
		pickAny("f", "code", w(0, 3), w(1, 0)),
	)
	a := Analyze(b)
	if a.Questions != 6 {
		t.Errorf("questions %d", a.Questions)
	}
	themes := []ThemeCount{{ID: "design", Name: "System design", Questions: 2}, {ID: "code", Name: "Writing code", Questions: 4}}
	if !slices.Equal(a.Themes, themes) {
		t.Errorf("themes %+v, want %+v", a.Themes, themes)
	}
	kinds := []KindCount{{Kind: quiz.Choice, Questions: 2}, {Kind: quiz.Scale, Questions: 3}, {Kind: quiz.PickAny, Questions: 1}, {Kind: quiz.Graded}}
	if !slices.Equal(a.Kinds, kinds) {
		t.Errorf("kinds %+v, want %+v", a.Kinds, kinds)
	}
	// Most: engineer 2+2+2+4+2+1 = 13; developer 1+2+2+4+2+3 = 14.
	paths := []PathAudit{
		{ID: "engineer", Name: "Back-end engineer", Statements: 1, Options: 2, Most: 13},
		{ID: "developer", Name: "Back-end developer", Statements: 2, Options: 2, Most: 14},
	}
	if !slices.Equal(a.Paths, paths) {
		t.Errorf("paths %+v, want %+v", a.Paths, paths)
	}
	if a.Spread.Value != 1.0/14 || a.Spread.Threshold != 0.10 || a.Spread.Crossed {
		t.Errorf("spread %+v", a.Spread)
	}
	if !slices.Equal(a.Blind.Questions, []string{"b"}) || !a.Blind.Crossed {
		t.Errorf("blind %+v", a.Blind)
	}
	if i := slices.IndexFunc(a.Warnings, func(w AuditWarning) bool { return w.Check == "blind" }); i < 0 || a.Warnings[i].Question != "b" {
		t.Errorf("warnings %+v lack the blind question", a.Warnings)
	}
}

func TestAuditSpread(t *testing.T) {
	tests := []struct {
		name    string
		bank    *quiz.Bank
		spread  float64
		crossed bool
	}{
		{"even", newBank(two, choice("a", "design", w(2, 0), w(0, 2))), 0, false},
		{"a tenth apart is still ok", newBank(two, choice("a", "design", w(10, 0), w(0, 9))), 0.1, false},
		{"more than a tenth apart", newBank(two, choice("a", "design", w(10, 0), w(0, 8.999))), 0.1001, true},
		{"a path that can score nothing", newBank(two, choice("a", "design", w(1, 0), w(2, 0))), 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Analyze(tt.bank).Spread
			if math.Abs(s.Value-tt.spread) > 1e-12 || s.Crossed != tt.crossed {
				t.Errorf("spread %+v, want %v (crossed %v)", s, tt.spread, tt.crossed)
			}
		})
	}
}

// bruteForce enumerates every way of answering a bank, each with its
// probability under random answering, and scores each with exact rational
// arithmetic, independently of the code under test.
func bruteForce(b *quiz.Bank) (shares []float64, tie float64, margins map[string]float64) {
	n := len(b.Paths)
	shares = make([]float64, n)
	margins = map[string]float64{}
	most := make([]*big.Rat, n)
	for p := range most {
		most[p] = new(big.Rat)
		for _, q := range b.Questions {
			best := new(big.Rat)
			for _, o := range q.Options {
				v := new(big.Rat).SetFloat64(o.Weights[p])
				if q.Kind == quiz.PickAny {
					best.Add(best, v)
				} else if v.Cmp(best) > 0 {
					best = v
				}
			}
			most[p].Add(most[p], best)
		}
	}
	raw := make([]*big.Rat, n)
	for p := range raw {
		raw[p] = new(big.Rat)
	}
	var walk func(qi int, prob float64)
	walk = func(qi int, prob float64) {
		if qi == len(b.Questions) {
			pct := make([]*big.Rat, n)
			for p := range n {
				pct[p] = new(big.Rat)
				if most[p].Sign() > 0 {
					pct[p].Quo(raw[p], most[p])
				}
			}
			top := 0
			for p := range n {
				if pct[p].Cmp(pct[top]) > 0 {
					top = p
				}
			}
			tied := false
			for p := range n {
				tied = tied || p != top && pct[p].Cmp(pct[top]) == 0
			}
			if tied {
				tie += prob // a tie counts for no path
			} else {
				shares[top] += prob
			}
			if n == 2 {
				m := new(big.Rat).Sub(pct[0], pct[1])
				margins[m.Mul(m, big.NewRat(100, 1)).RatString()] += prob
			}
			return
		}
		q := b.Questions[qi]
		alts := alternatives(q)
		for _, picks := range alts {
			added := make([]*big.Rat, n)
			for p := range n {
				added[p] = new(big.Rat)
				for _, o := range picks {
					added[p].Add(added[p], new(big.Rat).SetFloat64(q.Options[o].Weights[p]))
				}
				raw[p].Add(raw[p], added[p])
			}
			walk(qi+1, prob/float64(len(alts)))
			for p := range n {
				raw[p].Sub(raw[p], added[p])
			}
		}
	}
	walk(0, 1)
	return shares, tie, margins
}

// smallBank builds a random bank small enough to enumerate: six questions,
// choices of up to four options, pick-any questions of up to three, with
// weights in halves and statements weighted in quarters, so that the paths'
// Mosts differ.
func smallBank(seed uint64, paths int) *quiz.Bank {
	r := rand.New(rand.NewPCG(seed, 5))
	ids := []string{"engineer", "developer", "architect", "tester"}[:paths]
	b := newBank(ids)
	for i := range 6 {
		id := fmt.Sprintf("q%d", i)
		k := 2 + r.IntN(3)
		kind := r.IntN(3)
		if kind == 1 {
			b.Questions = append(b.Questions, scale(id, "design", ids, r.IntN(paths), float64(1+r.IntN(8))/4))
			continue
		}
		ws := make([][]float64, k)
		for o := range ws {
			ws[o] = make([]float64, paths)
			for p := range ws[o] {
				if r.IntN(2) == 0 {
					ws[o][p] = float64(r.IntN(4)) / 2
				}
			}
		}
		if kind == 2 {
			b.Questions = append(b.Questions, pickAny(id, "code", ws[:min(k, 3)]...))
		} else {
			b.Questions = append(b.Questions, choice(id, "design", ws...))
		}
	}
	return b
}

func TestRandomExactMatchesEnumeration(t *testing.T) {
	if testing.Short() {
		t.Skip("thousands of answer sets: run without -short")
	}
	three := []string{"engineer", "developer", "architect"}
	banks := map[string]*quiz.Bank{
		"two paths with pick-any": newBank(two,
			choice("a", "design", w(2, 0), w(0, 1), w(1, 1.5)),
			scale("b", "design", two, 0, 1),
			scale("c", "code", two, 1, 2),
			pickAny("d", "code", w(1, 0), w(0, 1), w(0.5, 0.5)),
			choice("e", "code", w(3, 0), w(0, 2.5))),
		"three paths": newBank(three,
			choice("a", "design", w(2, 0, 1), w(0, 2, 0), w(0, 0, 2)),
			scale("b", "design", three, 2, 1),
			pickAny("c", "code", w(1, 1, 0), w(0, 1, 0), w(0, 0, 1)),
			choice("d", "code", w(1, 0, 0), w(0, 1, 0))),
		"three evenly matched paths, ties everywhere": newBank(three,
			choice("a", "design", w(1, 0, 0), w(0, 1, 0), w(0, 0, 1)),
			choice("b", "design", w(1, 0, 0), w(0, 1, 0), w(0, 0, 1)),
			pickAny("c", "code", w(1, 0, 0), w(0, 1, 0), w(0, 0, 1))),
		"a path that can score nothing": newBank(three,
			choice("a", "design", w(1, 0, 0), w(0, 1, 0), w(0, 0, 0)),
			pickAny("b", "code", w(1, 0, 0), w(0, 2, 0))),
		"the first path can score nothing": newBank(two,
			choice("a", "design", w(0, 1), w(0, 0)),
			choice("b", "design", w(0, 2), w(0, 0), w(0, 1))),
		"a pick-any option that gives nothing": newBank(two,
			choice("a", "design", w(1, 0), w(0, 1)),
			pickAny("b", "code", w(0, 0), w(1, 0), w(0, 1), w(1, 0))),
		"a pick-any question of twelve options": newBank(two,
			choice("a", "design", w(1, 0), w(0, 1)),
			pickAny("b", "code", w(1, 0), w(0, 1), w(2, 0), w(0, 2), w(1, 1), w(3, 0),
				w(0, 3), w(1, 2), w(2, 1), w(0.5, 0), w(0, 0.5), w(1, 0))),
		"no path can score": newBank(three, choice("a", "design", w(0, 0, 0), w(0, 0, 0))),
		"no questions":      newBank(two),
	}
	for seed := range uint64(12) {
		banks[fmt.Sprintf("random %d", seed)] = smallBank(seed, 2+int(seed%2))
	}
	// Weights far beyond the loader's limit of 1000: the margins overflow
	// 64 bits, but the raws do not.
	banks["huge weights"] = newBank(two,
		choice("a", "design", w(4e12, 0), w(0, 3e12), w(1e12, 1e12)),
		choice("b", "design", w(2e12, 0), w(0, 4e12)),
		pickAny("c", "code", w(3e12, 0), w(0, 1e12)))

	for name, b := range banks {
		t.Run(name, func(t *testing.T) {
			rd := Analyze(b).Random
			if rd.Method != "exact" || rd.Samples != 0 || rd.StdErr != 0 {
				t.Fatalf("method %s, samples %d, std err %v; want exact", rd.Method, rd.Samples, rd.StdErr)
			}
			shares, tie, margins := bruteForce(b)
			for p, ps := range rd.Paths {
				if math.Abs(ps.Share-shares[p]) > 1e-12 {
					t.Errorf("%s: share %v, want %v", ps.ID, ps.Share, shares[p])
				}
			}
			if math.Abs(rd.Tie-tie) > 1e-12 {
				t.Errorf("tie %v, want %v", rd.Tie, tie)
			}
			if len(b.Paths) != 2 && rd.Margins != nil {
				t.Errorf("margins %v for %d paths", rd.Margins, len(b.Paths))
			}

			// Each basis on its own, margins before bucketing.
			tb := newTable(b)
			planned := 0
			for _, bs := range []basis{byMargin, byRaw} {
				o, ok := exactRandom(&tb, tb.most(), exactBudget, []basis{bs})
				if !ok {
					continue
				}
				planned++
				for p := range shares {
					if math.Abs(o.shares[p]-shares[p]) > 1e-12 {
						t.Errorf("basis %d: %s: share %v, want %v", bs, b.Paths[p].ID, o.shares[p], shares[p])
					}
				}
				if math.Abs(o.tie-tie) > 1e-12 {
					t.Errorf("basis %d: tie %v, want %v", bs, o.tie, tie)
				}
				if len(b.Paths) != 2 {
					continue
				}
				if len(o.margins) != len(margins) {
					t.Fatalf("basis %d: %d margin points, want %d: %v against %v", bs, len(o.margins), len(margins), o.margins, margins)
				}
				for _, pt := range o.margins {
					found := false
					for m, p := range margins {
						r, _ := new(big.Rat).SetString(m)
						if f, _ := r.Float64(); math.Abs(f-pt.Margin) < 1e-9 {
							found = true
							if math.Abs(p-pt.Probability) > 1e-12 {
								t.Errorf("basis %d: margin %v: probability %v, want %v", bs, pt.Margin, pt.Probability, p)
							}
						}
					}
					if !found {
						t.Errorf("basis %d: margin %v is not reachable", bs, pt.Margin)
					}
				}
			}
			if planned == 0 {
				t.Error("neither basis planned an exact run")
			}
		})
	}
}

func TestHugeMarginsRefuseTheMarginBasis(t *testing.T) {
	b := newBank(two, choice("a", "design", w(4e12, 0), w(0, 3e12)), choice("b", "design", w(2e12, 0), w(0, 4e12)))
	tb := newTable(b)
	if _, ok := exactRandom(&tb, tb.most(), math.Inf(1), []basis{byMargin}); ok {
		t.Error("planned margins that overflow 64 bits")
	}
	if _, ok := exactRandom(&tb, tb.most(), math.Inf(1), []basis{byRaw}); !ok {
		t.Error("refused raws that fit 64 bits")
	}
}

func TestRandomSampledAgreesWithExact(t *testing.T) {
	for _, paths := range []int{2, 3} {
		t.Run(fmt.Sprint(paths, " paths"), func(t *testing.T) {
			b := generate(uint64(paths), 14, paths)
			exact := Analyze(b).Random
			if exact.Method != "exact" {
				t.Fatalf("method %s, want exact", exact.Method)
			}
			// A budget below the exact method's cost forces sampling.
			sampled := analyze(b, 1000).Random
			if sampled.Method != "sampled" || sampled.Samples != minSamples || sampled.StdErr <= 0 {
				t.Fatalf("method %s, samples %d, std err %v; want sampled", sampled.Method, sampled.Samples, sampled.StdErr)
			}
			tolerance := 5 * sampled.StdErr
			for p := range paths {
				if d := math.Abs(sampled.Paths[p].Share - exact.Paths[p].Share); d > tolerance {
					t.Errorf("%s: sampled %v, exact %v (off by %v > %v)", exact.Paths[p].ID, sampled.Paths[p].Share, exact.Paths[p].Share, d, tolerance)
				}
			}
			if d := math.Abs(sampled.Tie - exact.Tie); d > tolerance {
				t.Errorf("tie: sampled %v, exact %v", sampled.Tie, exact.Tie)
			}

			// Many samples narrow the gap.
			tb := newTable(b)
			const many = 200_000
			o := sample(&tb, tb.most(), many)
			for p := range paths {
				s := exact.Paths[p].Share
				if d := math.Abs(o.shares[p] - s); d > 5*math.Sqrt(s*(1-s)/many)+1e-9 {
					t.Errorf("%s: %d samples give %v, exact %v", exact.Paths[p].ID, many, o.shares[p], s)
				}
			}
		})
	}
}

func TestRandomLargeBankIsSampledAndRepeatable(t *testing.T) {
	if testing.Short() {
		t.Skip("thousands of answer sets: run without -short")
	}
	b := generate(7, 10_000, 2)
	a1, a2 := Analyze(b), Analyze(b)
	if a1.Random.Method != "sampled" || a1.Random.Samples < minSamples {
		t.Errorf("method %s with %d samples", a1.Random.Method, a1.Random.Samples)
	}
	if !reflect.DeepEqual(a1, a2) {
		t.Error("two audits of the same bank differ")
	}
	checkMargins(t, a1.Random.Margins)
}

func TestRandomMarginsAreBucketed(t *testing.T) {
	b := generate(11, 26, 2)
	rd := Analyze(b).Random
	if rd.Method != "exact" {
		t.Fatalf("method %s, want exact", rd.Method)
	}
	checkMargins(t, rd.Margins)
}

// checkMargins checks a bucketed margin distribution: at most 41 points in
// ascending order, evenly spaced, within ±100 points, adding up to 1.
func checkMargins(t *testing.T, pts []MarginPoint) {
	t.Helper()
	if len(pts) < 2 || len(pts) > marginPoints {
		t.Fatalf("%d margin points", len(pts))
	}
	sum := 0.0
	for i, pt := range pts {
		sum += pt.Probability
		if pt.Margin < -100 || pt.Margin > 100 || pt.Probability <= 0 || i > 0 && pt.Margin <= pts[i-1].Margin {
			t.Errorf("point %d: %+v after %+v", i, pt, pts[max(0, i-1)])
		}
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Errorf("probabilities add up to %v", sum)
	}
}

func TestRandomThreshold(t *testing.T) {
	tests := []struct {
		name     string
		bank     *quiz.Bank
		shares   []float64
		expected float64
		crossed  bool
	}{
		// Two fair coins: the engineer wins on two heads, the developer on
		// two tails, and the two ties (one each) count for no path: a fair
		// share is then a quarter.
		{"ties count for no path", duel(2), []float64{0.25, 0.25}, 0.25, false},
		// Three fair coins: never a tie.
		{"an odd number of fair questions is fair", duel(3), []float64{0.5, 0.5}, 0.5, false},
		{"three options, two for the engineer", newBank(two,
			choice("a", "design", w(1, 0), w(1, 0), w(0, 1))), []float64{2.0 / 3, 1.0 / 3}, 0.5, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rd := Analyze(tt.bank).Random
			for p, ps := range rd.Paths {
				if math.Abs(ps.Share-tt.shares[p]) > 1e-12 || ps.Crossed != tt.crossed {
					t.Errorf("%s: %+v, want share %v (crossed %v)", ps.ID, ps, tt.shares[p], tt.crossed)
				}
			}
			if rd.Crossed != tt.crossed || rd.Expected != tt.expected || rd.Threshold != 0.10 {
				t.Errorf("check %+v", rd)
			}
		})
	}
}

func TestPatterns(t *testing.T) {
	tests := []struct {
		name string
		bank *quiz.Bank
		want []Pattern
	}{
		{
			// Most: 4 each. First: engineer 4 of 4 against 0. The widest
			// engineer lead: 50 + 25 + 25 = 100 points.
			name: "options ordered by path",
			bank: newBank(two,
				choice("a", "design", w(2, 0), w(0, 2)),
				choice("b", "design", w(1, 0), w(0, 0), w(0, 1)),
				pickAny("c", "code", w(1, 0), w(0, 1))),
			want: []Pattern{
				{Name: AlwaysFirst, Paths: []PathPercent{{"engineer", 100}, {"developer", 0}}, Leader: "engineer", RunnerUp: "developer", Lean: 1},
				{Name: AlwaysLast, Paths: []PathPercent{{"engineer", 0}, {"developer", 100}}, Leader: "developer", RunnerUp: "engineer", Lean: 1},
				{Name: AlwaysMiddle, Paths: []PathPercent{{"engineer", 75}, {"developer", 0}}, Leader: "engineer", RunnerUp: "developer", Lean: 0.75},
			},
		},
		{
			// Most: engineer 4, developer 3. First: 3/4 = 75% against
			// 2/3 = 66.7%; the engineer's widest lead is 75 + 25 = 100, so
			// the lean is 8.33/100. Last: 25% against 33.3%; the
			// developer's widest lead is 33.3 + 66.7 = 100.
			name: "mixed positions",
			bank: newBank(two,
				choice("a", "design", w(3, 0), w(0, 1)),
				choice("b", "design", w(0, 2), w(1, 0))),
			want: []Pattern{
				{Name: AlwaysFirst, Paths: []PathPercent{{"engineer", 75}, {"developer", 200.0 / 3}}, Leader: "engineer", RunnerUp: "developer", Lean: (75 - 200.0/3) / 100},
				{Name: AlwaysLast, Paths: []PathPercent{{"engineer", 25}, {"developer", 100.0 / 3}}, Leader: "developer", RunnerUp: "engineer", Lean: (100.0/3 - 25) / 100},
				{Name: AlwaysMiddle, Paths: []PathPercent{{"engineer", 75}, {"developer", 200.0 / 3}}, Leader: "engineer", RunnerUp: "developer", Lean: (75 - 200.0/3) / 100},
			},
		},
		{
			// A pick-any question whose every option favours the
			// developer can at best cost the engineer its mildest option:
			// the engineer's widest lead is 100 − 25 = 75, and always-first
			// (100% against 25%) reaches all of it.
			name: "pick-any with nothing for the leader",
			bank: newBank(two,
				choice("a", "design", w(4, 0), w(0, 1)),
				pickAny("b", "code", w(0, 1), w(0, 2))),
			want: []Pattern{
				{Name: AlwaysFirst, Paths: []PathPercent{{"engineer", 100}, {"developer", 25}}, Leader: "engineer", RunnerUp: "developer", Lean: 1},
				{Name: AlwaysLast, Paths: []PathPercent{{"engineer", 0}, {"developer", 75}}, Leader: "developer", RunnerUp: "engineer", Lean: 0.75},
				{Name: AlwaysMiddle, Paths: []PathPercent{{"engineer", 100}, {"developer", 25}}, Leader: "engineer", RunnerUp: "developer", Lean: 1},
			},
		},
		{
			name: "a tie leans nowhere",
			bank: duel(2),
			want: []Pattern{
				{Name: AlwaysFirst, Paths: []PathPercent{{"engineer", 100}, {"developer", 0}}, Leader: "engineer", RunnerUp: "developer", Lean: 1},
				{Name: AlwaysLast, Paths: []PathPercent{{"engineer", 0}, {"developer", 100}}, Leader: "developer", RunnerUp: "engineer", Lean: 1},
				{Name: AlwaysMiddle, Paths: []PathPercent{{"engineer", 100}, {"developer", 0}}, Leader: "engineer", RunnerUp: "developer", Lean: 1},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Analyze(tt.bank).Patterns
			for i := range tt.want {
				tt.want[i].Threshold = PatternThreshold
				tt.want[i].Crossed = tt.want[i].Lean > PatternThreshold
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d patterns", len(got))
			}
			for i, g := range got {
				wt := tt.want[i]
				if g.Name != wt.Name || g.Leader != wt.Leader || g.RunnerUp != wt.RunnerUp || g.Crossed != wt.Crossed ||
					math.Abs(g.Lean-wt.Lean) > 1e-12 || !closePercents(g.Paths, wt.Paths) {
					t.Errorf("got  %+v\nwant %+v", g, wt)
				}
			}
		})
	}
	t.Run("tie", func(t *testing.T) {
		b := newBank(two, choice("a", "design", w(1, 1), w(0, 1)), choice("b", "design", w(1, 0), w(0, 1)))
		b.Questions[1].Options[0].Weights = w(1, 1)
		p := Analyze(b).Patterns[0]
		if !p.Tie || p.Leader != "" || p.RunnerUp != "" || p.Lean != 0 || p.Crossed {
			t.Errorf("got %+v, want a tie that no path leads, with no lean", p)
		}
	})
}

func closePercents(a, b []PathPercent) bool {
	return slices.EqualFunc(a, b, func(x, y PathPercent) bool {
		return x.ID == y.ID && math.Abs(x.Percent-y.Percent) < 1e-9
	})
}

func TestAuditIsDeterministic(t *testing.T) {
	for _, size := range []int{26, 1000} {
		b := generate(3, size, 3)
		if !reflect.DeepEqual(Analyze(b), Analyze(b)) {
			t.Errorf("%d questions: two audits differ", size)
		}
	}
}

func TestBucket(t *testing.T) {
	var pts []MarginPoint
	for i := range 100 {
		pts = append(pts, MarginPoint{Margin: float64(i - 50), Probability: 0.01})
	}
	got := bucket(pts)
	if len(got) != marginPoints || got[0].Margin != -50 || got[len(got)-1].Margin != 49 {
		t.Fatalf("%d points from %v to %v, want 41 from -50 to 49", len(got), got[0], got[len(got)-1])
	}
	checkMargins(t, got)
	// −50 and −49 (and nothing else) are nearest to the first point, at
	// −50, for the points are 99/40 = 2.475 apart.
	if math.Abs(got[0].Probability-0.02) > 1e-12 {
		t.Errorf("first point %+v, want probability 0.02", got[0])
	}
	few := pts[:marginPoints]
	if !slices.Equal(bucket(few), few) {
		t.Error("41 points or fewer were bucketed")
	}
}

func TestDegenerateBanks(t *testing.T) {
	one := []string{"engineer"}
	banks := map[string]*quiz.Bank{
		"no paths":                   newBank(nil, choice("a", "design", w(), w())),
		"no questions":               newBank(two),
		"one path":                   newBank(one, choice("a", "design", w(1), w(0)), pickAny("b", "code", w(2), w(1))),
		"a question without options": newBank(two, choice("a", "design"), choice("b", "design", w(1, 0), w(0, 1))),
		"weights missing":            newBank(two, choice("a", "design", w(1), w(0, 1))),
	}
	for name, b := range banks {
		t.Run(name, func(t *testing.T) {
			a := quiz.Answers{}
			for _, q := range b.Questions {
				a[q.ID] = pick(0)
			}
			r := Score(b, a)
			if len(b.Paths) == 1 && (r.Recommendation == nil || r.Recommendation.Path != "engineer" || r.Recommendation.RunnerUp != "") {
				t.Errorf("one path: %+v", r.Recommendation)
			}
			if _, err := json.Marshal(Analyze(b)); err != nil {
				t.Errorf("audit does not marshal: %v", err)
			}
		})
	}
}

// The audit says exactly what always taking the marked impressive side
// gives, and flags a bank whose marks lean beyond the balanced band.
func TestImpressiveAudit(t *testing.T) {
	marked := func(sides ...int) *quiz.Bank {
		b := newBank(two)
		for i := range 12 {
			q := gradedQ(fmt.Sprintf("g%02d", i), 2, i%2, 1-i%2)
			if i < len(sides) {
				q.Impressive = [][]int{{0, 1}, {3, 4}}[sides[i]]
			}
			b.Questions = append(b.Questions, q)
		}
		return b
	}
	tests := []struct {
		name      string
		bank      *quiz.Bank
		questions int
		leader    string
		tie       bool
		crossed   bool
	}{
		{"nothing marked", marked(), 0, "", false, false},
		// Sides alternate: side a is the engineer's on even questions, so
		// marking a then b is always the engineer.
		{"every marked side the engineer's", marked(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1), 12, "engineer", false, true},
		{"marks split evenly between the paths", marked(0, 0, 0, 0, 1, 1, 1, 1, 0, 1, 1, 0), 12, "", true, false},
		// Three answers are judged, not withheld, by the band widened for
		// three answers, which three mild answers one way still cross.
		{"three marks, all the developer's", marked(1, 0, 1), 3, "developer", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Analyze(tt.bank)
			im := a.Impressive
			if im.Questions != tt.questions || im.Leader != tt.leader || im.Tie != tt.tie || im.Crossed != tt.crossed {
				t.Errorf("got %+v", im)
			}
			warned := slices.ContainsFunc(a.Warnings, func(w AuditWarning) bool { return w.Check == "impressive" && w.Path == tt.leader })
			if warned != tt.crossed {
				t.Errorf("warned %v, want %v: %+v", warned, tt.crossed, a.Warnings)
			}
			if tt.crossed && (im.Strength == Balanced || im.Margin < im.Threshold) {
				t.Errorf("crossed at %v (%s) below the band %v", im.Margin, im.Strength, im.Threshold)
			}
		})
	}
	// The figure is what Score tells the same answers: a rather for the
	// engineer on every question, a mild lead of a third of the most.
	im := Analyze(marked(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1)).Impressive
	if im.Paths[0].Percent != 50 || im.Paths[1].Percent != 0 || im.Margin != 50 {
		t.Errorf("got %+v, want the engineer at 50%%, the developer at 0, a margin of 50", im)
	}
}
