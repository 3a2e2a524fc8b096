package scoring

import (
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// duel is a bank of n choice questions, each with one option worth a point
// to the engineer and one worth a point to the developer.
func duel(n int) *quiz.Bank {
	b := newBank(two)
	for i := range n {
		b.Questions = append(b.Questions, choice(fmt.Sprintf("q%02d", i), "design", w(1, 0), w(0, 1)))
	}
	return b
}

// leaning answers the first k questions of b for option 0 and the rest for
// option 1.
func leaning(b *quiz.Bank, k int) quiz.Answers {
	a := quiz.Answers{}
	for i, q := range b.Questions {
		a[q.ID] = pick(1)
		if i < k {
			a[q.ID] = pick(0)
		}
	}
	return a
}

func TestStrengthBands(t *testing.T) {
	// Twenty questions worth a point each way: answering k for the engineer
	// gives the engineer 5k percent and the developer 100−5k, a margin of
	// |10k−100| points.
	th := quiz.Thresholds{MinAnswered: 0.5, Slight: 10, Moderate: 20, Clear: 40, BandsSet: true}
	tests := []struct {
		k        int
		path     string
		margin   float64
		strength Strength
	}{
		{k: 11, path: "engineer", margin: 10, strength: Slight}, // a margin equal to Slight is slight
		{k: 9, path: "developer", margin: 10, strength: Slight},
		{k: 12, path: "engineer", margin: 20, strength: Moderate},
		{k: 13, path: "engineer", margin: 30, strength: Moderate},
		{k: 14, path: "engineer", margin: 40, strength: Clear},
		{k: 20, path: "engineer", margin: 100, strength: Clear},
		{k: 0, path: "developer", margin: 100, strength: Clear},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("k=%d", tt.k), func(t *testing.T) {
			b := duel(20)
			b.Scoring = th
			rec := Score(b, leaning(b, tt.k)).Recommendation
			if rec == nil {
				t.Fatal("no recommendation")
			}
			if rec.Path != tt.path || rec.Margin != tt.margin || rec.Strength != tt.strength || rec.Tie {
				t.Errorf("got %s by %v (%s, tie %v), want %s by %v (%s)", rec.Path, rec.Margin, rec.Strength, rec.Tie, tt.path, tt.margin, tt.strength)
			}
		})
	}
	t.Run("below slight is balanced", func(t *testing.T) {
		b := duel(20)
		b.Scoring = quiz.Thresholds{MinAnswered: 0.5, Slight: 10.5, Moderate: 20, Clear: 40}
		if rec := Score(b, leaning(b, 11)).Recommendation; rec.Strength != Balanced || rec.Path != "engineer" {
			t.Errorf("got %+v, want a balanced lean to the engineer", rec)
		}
	})
}

func TestTieRule(t *testing.T) {
	three := []string{"engineer", "developer", "architect"}
	tests := []struct {
		name     string
		bank     *quiz.Bank
		answers  quiz.Answers
		path     string
		runnerUp string
		tie      bool
		tied     []string // on a tie, no path wins: these are named, in bank order
	}{
		{
			name:    "two paths tied: neither wins, both are named in bank order",
			bank:    duel(4),
			answers: quiz.Answers{"q00": pick(0), "q01": pick(1), "q02": pick(0), "q03": pick(1)},
			path:    "engineer", runnerUp: "developer", tie: true, tied: two,
		},
		{
			name:    "equal percents from different sums: 1 of 3 and 2 of 6",
			bank:    newBank(two, choice("a", "design", w(3, 0), w(0, 6), w(1, 2))),
			answers: quiz.Answers{"a": pick(2)},
			path:    "engineer", runnerUp: "developer", tie: true, tied: two,
		},
		{
			name:    "a thousandth more raw breaks the tie",
			bank:    newBank(two, choice("a", "design", w(3, 0), w(0, 6), w(1, 2.001))),
			answers: quiz.Answers{"a": pick(2)},
			path:    "developer", runnerUp: "engineer",
		},
		{
			name:    "a thousandth more most breaks the tie",
			bank:    newBank(two, choice("a", "design", w(3, 0), w(0, 6.001), w(1, 2))),
			answers: quiz.Answers{"a": pick(2)},
			path:    "engineer", runnerUp: "developer",
		},
		{
			name: "three paths, the later two tied on top",
			bank: newBank(three,
				choice("a", "design", w(0, 1, 0), w(0, 0, 1), w(1, 0, 0)),
				choice("b", "design", w(0, 1, 0), w(0, 0, 1), w(1, 0, 0))),
			answers: quiz.Answers{"a": pick(0), "b": pick(1)},
			path:    "developer", runnerUp: "architect", tie: true, tied: []string{"developer", "architect"},
		},
		{
			name:    "every path at zero: all three tie",
			bank:    newBank(three, choice("a", "design", w(1, 1, 1), w(0, 0, 0))),
			answers: quiz.Answers{"a": pick(1)},
			path:    "engineer", runnerUp: "developer", tie: true, tied: three,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := Score(tt.bank, tt.answers).Recommendation
			if rec == nil {
				t.Fatal("no recommendation")
			}
			if rec.Path != tt.path || rec.RunnerUp != tt.runnerUp || rec.Tie != tt.tie {
				t.Errorf("got %s over %s (tie %v), want %s over %s (tie %v)", rec.Path, rec.RunnerUp, rec.Tie, tt.path, tt.runnerUp, tt.tie)
			}
			if !slices.Equal(rec.Tied, tt.tied) {
				t.Errorf("tied %v, want %v", rec.Tied, tt.tied)
			}
			if tt.tie && (rec.Strength != Balanced || rec.Margin != 0) {
				t.Errorf("a tie is %s by %v, want balanced by 0", rec.Strength, rec.Margin)
			}
		})
	}
}

func TestCmpPercentBeyond64Bits(t *testing.T) {
	// Raws and mosts of a 10,000-question bank whose products need more
	// than 64 bits; the percents differ only in the 20th digit.
	const big = int64(1) << 40
	tests := []struct {
		rawA, mostA, rawB, mostB int64
		want                     int
	}{
		{big, 3 * big, big + 1, 3*big + 3, 0},
		{big + 1, 3 * big, big, 3*big - 1, 1},
		{big, 3*big + 1, big, 3 * big, -1},
		{0, 0, 0, 5, 0},
		{5, 0, 0, 5, 0}, // a most of 0 means 0 percent
		{1, 7, 0, 0, 1},
	}
	for _, tt := range tests {
		if got := cmpPercent(tt.rawA, tt.mostA, tt.rawB, tt.mostB); got != tt.want {
			t.Errorf("cmpPercent(%d/%d, %d/%d) = %d, want %d", tt.rawA, tt.mostA, tt.rawB, tt.mostB, got, tt.want)
		}
	}
}

func TestMinAnswered(t *testing.T) {
	tests := []struct {
		name      string
		bank      *quiz.Bank
		min       float64
		answered  int
		withheld  string
		needed    int
		recommend bool
	}{
		{name: "one short", bank: duel(26), min: 0.5, answered: 12, withheld: WithheldFewAnswered, needed: 13},
		{name: "just enough", bank: duel(26), min: 0.5, answered: 13, needed: 13, recommend: true},
		{name: "a third", bank: duel(10), min: 1.0 / 3, answered: 3, withheld: WithheldFewAnswered, needed: 4},
		{name: "nothing answered, nothing needed", bank: duel(5), min: 0, answered: 0, withheld: WithheldFewAnswered},
		{name: "all of them", bank: duel(5), min: 1, answered: 5, needed: 5, recommend: true},
		{name: "empty bank", bank: duel(0), min: 0.5, answered: 0, withheld: WithheldNoQuestions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.bank.Scoring.MinAnswered = tt.min
			a := quiz.Answers{}
			for _, q := range tt.bank.Questions[:tt.answered] {
				a[q.ID] = pick(0)
			}
			r := Score(tt.bank, a)
			if got := r.Recommendation != nil; got != tt.recommend {
				t.Fatalf("recommendation %+v, want one: %v", r.Recommendation, tt.recommend)
			}
			if r.Withheld != tt.withheld || r.Needed != tt.needed {
				t.Errorf("withheld %q, needed %d; want %q, %d", r.Withheld, r.Needed, tt.withheld, tt.needed)
			}
			few := slices.ContainsFunc(r.Warnings, func(w Warning) bool { return w.Code == WarnFewAnswered })
			if few == (tt.recommend || tt.withheld == WithheldNoQuestions) {
				t.Errorf("few-answered warning: %v, want %v (%v)", few, !tt.recommend, r.Warnings)
			}
			if !tt.recommend && (len(r.Others) != len(tt.bank.Paths) || r.Steps != nil || r.Salary != nil || r.Toward != nil || r.Confidence != 0) {
				t.Errorf("without a recommendation got others %v, steps %v, salary %v, toward %v, confidence %v", r.Others, r.Steps, r.Salary, r.Toward, r.Confidence)
			}
		})
	}
}

// A profile question (scored = false) is asked and kept in the answers, but
// it is neither in Total nor in Answered, so it cannot lift a person over
// the least share answered, and it moves no path.
func TestUnscoredQuestionsCountForNothing(t *testing.T) {
	profile := choice("experience", "design", w(0, 0), w(0, 0))
	profile.Unscored = true
	b := newBank(two, profile, choice("a", "design", w(2, 0), w(0, 2)), choice("b", "code", w(1, 0), w(0, 1)))
	r := Score(b, quiz.Answers{"experience": pick(1), "a": pick(0)})
	if r.Total != 2 || r.Answered != 1 || r.Skipped != 1 {
		t.Errorf("total %d, answered %d, skipped %d; want 2, 1, 1", r.Total, r.Answered, r.Skipped)
	}
	if r.Recommendation == nil || r.Recommendation.Path != "engineer" {
		t.Fatalf("recommendation %+v, want engineer", r.Recommendation)
	}
	b.Scoring.MinAnswered = 1
	if r := Score(b, quiz.Answers{"experience": pick(0), "a": pick(0)}); r.Recommendation != nil ||
		r.Withheld != WithheldFewAnswered || r.Needed != 2 || r.Total != 2 {
		t.Errorf("with an unscored answer counted towards min_answered: %+v, %q, needed %d of %d", r.Recommendation, r.Withheld, r.Needed, r.Total)
	}
	if a := Analyze(b); slices.Contains(a.Blind.Questions, "experience") {
		t.Errorf("the audit calls the unscored question blind: %v", a.Blind.Questions)
	}
}

func TestNoPointsAnywhere(t *testing.T) {
	b := newBank(two, choice("a", "design", w(0, 0), w(0, 0)), choice("b", "design", w(1, 0), w(0, 1)))
	r := Score(b, quiz.Answers{"a": pick(1)})
	if r.Recommendation != nil || r.Withheld != WithheldNoPoints {
		t.Errorf("got %+v, %q", r.Recommendation, r.Withheld)
	}
}

func TestPickAnyAndSkipped(t *testing.T) {
	b := newBank(two,
		// Pick-any: the most is the sum of every option's weight.
		pickAny("tasks", "code", w(2, 0), w(1, 1), w(0, 3)),
		choice("outage", "design", w(2, 0), w(0, 1)),
		choice("missing", "design", w(5, 0), w(0, 5)),
		choice("empty", "design", w(5, 0), w(0, 5)),
	)
	b.Scoring.MinAnswered = 0.5
	r := Score(b, quiz.Answers{
		"tasks":   pick(0, 1),
		"outage":  pick(1),
		"empty":   pick(),
		"unknown": pick(3), // not in the bank: ignored
	})
	want := []PathScore{
		{ID: "engineer", Name: "Back-end engineer", Raw: 3, Most: 5, Percent: 60, Share: 60, Towards: 1},
		{ID: "developer", Name: "Back-end developer", Raw: 2, Most: 5, Percent: 40, Share: 40, Towards: 1},
	}
	if !reflect.DeepEqual(r.Paths, want) {
		t.Errorf("paths %+v, want %+v", r.Paths, want)
	}
	if r.Total != 4 || r.Answered != 2 || r.Skipped != 2 {
		t.Errorf("total/answered/skipped %d/%d/%d, want 4/2/2", r.Total, r.Answered, r.Skipped)
	}
	if r.Recommendation.Path != "engineer" || r.Recommendation.Margin != 20 {
		t.Errorf("got %+v", r.Recommendation)
	}
}

func TestInvalidPicksAreIgnored(t *testing.T) {
	b := duel(2)
	got := Score(b, quiz.Answers{"q00": pick(7, -1, 0), "q01": pick(1, 0)})
	want := Score(b, quiz.Answers{"q00": pick(0), "q01": pick(1)})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("out-of-range picks and second picks of a choice changed the result:\n%+v\n%+v", got, want)
	}
}

func TestWarnings(t *testing.T) {
	mixed := newBank(two,
		choice("c1", "design", w(1, 0), w(0, 1)),
		choice("c2", "design", w(1, 0), w(0, 1), w(1, 1)),
		choice("c3", "design", w(1, 0), w(0, 1), w(1, 1), w(0, 0)),
		scale("s1", "code", two, 0, 1),
		scale("s2", "code", two, 1, 1),
		scale("s3", "code", two, 0, 1),
		pickAny("p1", "code", w(1, 0), w(0, 1)),
	)
	all := func(o int) quiz.Answers {
		a := quiz.Answers{}
		for _, q := range mixed.Questions {
			a[q.ID] = pick(o)
		}
		return a
	}
	last := quiz.Answers{"p1": pick(0)}
	for _, q := range mixed.Questions[:6] {
		last[q.ID] = pick(len(q.Options) - 1)
	}
	tests := []struct {
		name    string
		bank    *quiz.Bank
		answers quiz.Answers
		want    []Warning
	}{
		{name: "same position on six", bank: mixed, answers: all(0), want: []Warning{{Code: WarnSamePosition, Count: 6, Position: 1}}},
		{name: "last option everywhere", bank: mixed, answers: last,
			want: []Warning{{Code: WarnSamePosition, Count: 6, Position: 0}, {Code: WarnAgreeAll, Count: 3}}},
		{name: "the middle everywhere is said as such", bank: mixed,
			answers: quiz.Answers{"c2": pick(2), "c3": pick(2), "s1": pick(2), "s2": pick(2), "s3": pick(2)},
			want:    []Warning{{Code: WarnAlwaysMiddle, Count: 3}}},
		{name: "mixed positions", bank: mixed,
			answers: quiz.Answers{"c1": pick(0), "c2": pick(1), "c3": pick(0), "s1": pick(0), "s2": pick(0), "s3": pick(0)}},
		{name: "four answers are too few for a pattern", bank: mixed,
			answers: quiz.Answers{"c1": pick(0), "c2": pick(0), "c3": pick(0), "s1": pick(0)}},
		{name: "pick-any answers do not count", bank: mixed,
			answers: quiz.Answers{"c1": pick(0), "c2": pick(0), "c3": pick(0), "s1": pick(0), "p1": pick(0)}},
		{name: "three neutral statements", bank: mixed,
			answers: quiz.Answers{"c1": pick(1), "c2": pick(0), "s1": pick(2), "s2": pick(2), "s3": pick(2)},
			want:    []Warning{{Code: WarnAlwaysMiddle, Count: 3}}},
		{name: "two neutral statements are too few", bank: mixed,
			answers: quiz.Answers{"c1": pick(1), "c2": pick(0), "c3": pick(0), "s1": pick(2), "s2": pick(2)}},
		{name: "one statement not neutral", bank: mixed,
			answers: quiz.Answers{"c1": pick(1), "c2": pick(0), "s1": pick(2), "s2": pick(2), "s3": pick(3)}},
		{name: "agreeing with every statement, mildly or strongly", bank: mixed,
			answers: quiz.Answers{"c1": pick(1), "c2": pick(0), "s1": pick(3), "s2": pick(4), "s3": pick(3)},
			want:    []Warning{{Code: WarnAgreeAll, Count: 3}}},
		{name: "one statement not agreed with", bank: mixed,
			answers: quiz.Answers{"c1": pick(1), "c2": pick(0), "s1": pick(3), "s2": pick(4), "s3": pick(2)}},
		{name: "few answered", bank: mixed, answers: quiz.Answers{"c1": pick(0)}, want: []Warning{{Code: WarnFewAnswered, Count: 1, Of: 7}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(tt.bank, tt.answers)
			if !slices.Equal(r.Warnings, tt.want) {
				t.Errorf("warnings %+v, want %+v", r.Warnings, tt.want)
			}
		})
	}
}

func TestThemes(t *testing.T) {
	b := newBank(two,
		choice("d1", "design", w(2, 0), w(0, 2)),
		choice("d2", "design", w(1, 0), w(0, 3)),
		choice("c1", "code", w(1, 0), w(0, 1)),
		choice("c2", "code", w(1, 0), w(0, 1)),
	)
	r := Score(b, quiz.Answers{"d1": pick(0), "d2": pick(1), "c1": pick(0)})
	want := []ThemeScore{
		{ID: "design", Name: "System design", Answered: 2, Sided: 2, Paths: []PathScore{
			{ID: "engineer", Name: "Back-end engineer", Raw: 2, Most: 3, Percent: 200.0 / 3, Share: 53.3},
			{ID: "developer", Name: "Back-end developer", Raw: 3, Most: 5, Percent: 60, Share: 46.7},
		}},
		{ID: "code", Name: "Writing code", Answered: 1, Sided: 1, Paths: []PathScore{
			{ID: "engineer", Name: "Back-end engineer", Raw: 1, Most: 1, Percent: 100, Share: 100},
			{ID: "developer", Name: "Back-end developer", Raw: 0, Most: 1, Percent: 0, Share: 0},
		}},
	}
	if !reflect.DeepEqual(r.Themes, want) {
		t.Errorf("themes\n%+v\nwant\n%+v", r.Themes, want)
	}
}

func TestReasons(t *testing.T) {
	b := newBank(two,
		choice("a", "design", w(1, 0), w(0, 1)),
		choice("b", "design", w(3, 0), w(0, 1)),
		pickAny("c", "code", w(2, 0), w(1.5, 0), w(0, 1)),
		choice("d", "design", w(2, 0), w(0, 1)),
		choice("e", "design", w(2, 0), w(0, 1)),
		choice("f", "code", w(1, 0), w(0, 2.5)),
		choice("g", "code", w(1, 0), w(0, 2.5)),
		choice("h", "code", w(1, 1), w(0, 1)),
	)
	r := Score(b, quiz.Answers{
		"a": pick(0), "b": pick(0), "c": pick(0, 1, 2), "d": pick(0), "e": pick(0),
		"f": pick(1), "g": pick(1), "h": pick(0),
	})
	if r.Recommendation.Path != "engineer" {
		t.Fatalf("got %+v", r.Recommendation)
	}
	// c: 3.5−1 = 2.5; b: 3; d and e: 2 each, ordered by id; h: 0 is
	// neither way; f and g: −2.5, the tie going to the lower id.
	want := []Reason{
		{Question: "b", Text: "Question b?", Answer: "b option 1", Picks: []int{0}, Points: 3},
		{Question: "c", Text: "Question c?", Answer: "c option 1, c option 2, c option 3", Picks: []int{0, 1, 2}, Points: 2.5},
		{Question: "d", Text: "Question d?", Answer: "d option 1", Picks: []int{0}, Points: 2},
	}
	if !reflect.DeepEqual(r.Toward, want) {
		t.Errorf("toward\n%+v\nwant\n%+v", r.Toward, want)
	}
	against := &Reason{Question: "f", Text: "Question f?", Answer: "f option 2", Picks: []int{1}, Points: -2.5}
	if !reflect.DeepEqual(r.Against, against) {
		t.Errorf("against %+v, want %+v", r.Against, against)
	}

	r = Score(b, quiz.Answers{"a": pick(0), "b": pick(0), "d": pick(0), "e": pick(0), "h": pick(0)})
	if r.Against != nil {
		t.Errorf("against %+v, want none when no answer pulled away", r.Against)
	}
}

// TestStrengthAtABandEdge: a margin of exactly 25 points is clear, even
// when the two percents are not exact in floating point (31/56 and 17/56
// differ by 24.999999999999996 when subtracted as rounded percents).
func TestStrengthAtABandEdge(t *testing.T) {
	b := newBank([]string{"engineer", "developer"},
		choice("edge", "design", w(31, 17), w(56, 56)))
	b.Scoring = quiz.Thresholds{MinAnswered: 0.5, Slight: 5, Moderate: 12, Clear: 25, BandsSet: true}
	res := Score(b, quiz.Answers{"edge": pick(0)})
	if res.Recommendation == nil {
		t.Fatal("no recommendation")
	}
	if got := res.Recommendation.Strength; got != Clear {
		t.Errorf("strength at a margin of exactly 25 points = %q, want %q", got, Clear)
	}
	if got := res.Recommendation.Margin; got != 25 {
		t.Errorf("margin = %v, want 25", got)
	}
}

// An answer takes a side when it gives one path more of what the question
// can give than any other; the middle point, "both equally" and an even
// option take none, and disagreeing with a statement takes the side of the
// path it is not keyed to. Skipped questions take none either.
func TestSidesTaken(t *testing.T) {
	b := newBank(two,
		gradedQ("g1", 2, 0, 1),
		gradedQ("g2", 2, 0, 1),
		scale("s1", "code", two, 0, 1),
		scale("s2", "code", two, 0, 1),
		choice("c1", "design", w(1, 0), w(0, 1), w(1, 1)),
		pickAny("p1", "code", w(1, 0), w(0, 1)),
		choice("skipped", "design", w(1, 0), w(0, 1)),
	)
	tests := []struct {
		name                    string
		answers                 quiz.Answers
		sided, noSide, eng, dev int
		design, code            int // sided per theme
	}{
		{"all on the middle or even", quiz.Answers{"g1": pick(2), "g2": pick(2), "s1": pick(2), "s2": pick(2), "c1": pick(2), "p1": pick(0, 1)},
			0, 7, 0, 0, 0, 0},
		{"rather and much rather a", quiz.Answers{"g1": pick(0), "g2": pick(1)}, 2, 5, 2, 0, 2, 0},
		{"agreeing with an engineer statement, disagreeing with another", quiz.Answers{"s1": pick(3), "s2": pick(0)}, 2, 5, 1, 1, 0, 2},
		{"one option each way", quiz.Answers{"c1": pick(1), "p1": pick(0)}, 2, 5, 1, 1, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score(b, tt.answers)
			if r.Sided != tt.sided || r.NoSide != tt.noSide || r.Paths[0].Towards != tt.eng || r.Paths[1].Towards != tt.dev {
				t.Errorf("sided %d, no side %d, towards %d/%d; want %d, %d, %d/%d",
					r.Sided, r.NoSide, r.Paths[0].Towards, r.Paths[1].Towards, tt.sided, tt.noSide, tt.eng, tt.dev)
			}
			if r.Themes[0].Sided != tt.design || r.Themes[1].Sided != tt.code {
				t.Errorf("themes sided %d/%d, want %d/%d", r.Themes[0].Sided, r.Themes[1].Sided, tt.design, tt.code)
			}
		})
	}
}

// Taking the side a bank marks as more impressive on nearly every marked
// question (90% of at least six) is warned of; ticking every option of
// every pick-any question is agreeing with everything.
func TestImpressiveAndAgreeAllWarnings(t *testing.T) {
	b := newBank(two)
	for i := range 8 {
		q := gradedQ(fmt.Sprintf("g%d", i), 2, 0, 1)
		q.Impressive = []int{0, 1} // side a, the engineer's
		b.Questions = append(b.Questions, q)
	}
	b.Questions = append(b.Questions,
		pickAny("p1", "code", w(1, 0), w(0, 1), w(1, 0)),
		pickAny("p2", "code", w(1, 0), w(0, 1)),
		pickAny("p3", "code", w(0, 1), w(1, 0)),
		choice("c1", "design", w(1, 0), w(0, 1)),
	)
	b.Questions[9].Impressive = []int{0}
	b.Scoring.MinAnswered = 0.1
	graded := func(picks ...int) quiz.Answers {
		a := quiz.Answers{}
		for i, p := range picks {
			a[fmt.Sprintf("g%d", i)] = pick(p)
		}
		return a
	}
	with := func(a quiz.Answers, more quiz.Answers) quiz.Answers {
		for k, v := range more {
			a[k] = v
		}
		return a
	}
	ticked := quiz.Answers{"p1": pick(0, 1, 2), "p2": pick(0, 1), "p3": pick(1, 0)}
	tests := []struct {
		name    string
		answers quiz.Answers
		want    []Warning
	}{
		{"the marked side on all eight", graded(0, 1, 0, 1, 1, 1, 0, 0), []Warning{{Code: WarnImpressive, Count: 8, Of: 8}}},
		{"on seven of eight is fewer than 90%", graded(0, 1, 0, 1, 1, 1, 0, 2), nil},
		{"on nine of nine, the pick-any's marked option alone", with(graded(0, 1, 0, 1, 1, 1, 0, 1), quiz.Answers{"p2": pick(0)}),
			[]Warning{{Code: WarnImpressive, Count: 9, Of: 9}}},
		{"a pick-any with an unmarked option ticked takes no marked side: eight of nine", with(graded(0, 1, 0, 1, 1, 1, 0, 0), quiz.Answers{"p2": pick(0, 1)}),
			nil},
		{"five marked questions are too few", graded(0, 1, 0, 1, 1), nil},
		{"every option of every pick-any question", with(graded(3, 4), ticked), []Warning{{Code: WarnAgreeAll, Count: 3}}},
		{"every option of two of three", with(graded(3, 4), quiz.Answers{"p1": pick(0, 1, 2), "p2": pick(0, 1), "p3": pick(1)}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Score(b, tt.answers).Warnings; !slices.Equal(got, tt.want) {
				t.Errorf("warnings %+v, want %+v", got, tt.want)
			}
		})
	}
}

// A runner-up that can score nothing on the questions answered stays at 0
// percent: the confidence is still a chance, not a division by zero.
func TestConfidenceWithARunnerUpThatCannotScore(t *testing.T) {
	b := newBank(two, choice("a", "design", w(1, 0), w(2, 0)), choice("b", "design", w(1, 0), w(0, 1)))
	res := Score(b, quiz.Answers{"a": pick(1)})
	if c := res.Confidence; !(c >= 0 && c <= 1) {
		t.Errorf("confidence %v, want a chance", c)
	}
}

// Disagreeing with a statement that names the path it is against takes that
// path's side, however many paths the bank has.
func TestDisagreeingTakesTheAgainstPathsSide(t *testing.T) {
	three := []string{"engineer", "developer", "architect"}
	q := quiz.Question{ID: "s", Theme: "design", Kind: quiz.Scale, Text: "Statement s.", Keyed: "engineer", Against: "developer"}
	for p := range 5 {
		q.Options = append(q.Options, quiz.Option{ID: quiz.ScaleIDs[p], Text: quiz.ScaleLabels[p],
			Weights: []float64{float64(max(0, p-2)), float64(max(0, 2-p)), 0}})
	}
	b := newBank(three, q)
	res := Score(b, quiz.Answers{"s": {Picks: []int{0}}})
	if res.Sided != 1 || res.Paths[1].Towards != 1 {
		t.Errorf("strongly disagreeing: %d sided, %d towards developer; want 1 and 1", res.Sided, res.Paths[1].Towards)
	}
}

// The settled stop asks first the questions whose answers can move the
// result most. A pick-any question whose options all favour one path can
// move it only between ticking one of them and ticking all: ticking none
// is no answer, so it does not reach as far as a choice between the paths.
func TestOneSidedPickAnyReachesLessThanAChoice(t *testing.T) {
	two := []string{"engineer", "developer"}
	b := newBank(two,
		pickAny("tasks", "design", w(1, 0), w(1, 0)),
		choice("role", "design", w(2, 0), w(0, 0)))
	if got := NewStopper(NewScorer(b)).Order(); !slices.Equal(got, []string{"role", "tasks"}) {
		t.Errorf("asking order %v, want the choice first", got)
	}
}
