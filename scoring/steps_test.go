package scoring

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// stepBank is a bank of two paths and three themes, two questions a theme,
// an unscored experience question and steps over three stages, laid out as
// the shipped bank lays out its own: a first-language step that experience
// covers, then stages whose steps have different themes.
func stepBank() *quiz.Bank {
	b := newBank(two,
		choice("d1", "design", w(2, 0), w(0, 2)),
		choice("d2", "design", w(2, 0), w(0, 2)),
		choice("c1", "code", w(2, 0), w(0, 2)),
		choice("c2", "code", w(2, 0), w(0, 2)),
		choice("s1", "security", w(2, 0), w(0, 2)),
		choice("s2", "security", w(2, 0), w(0, 2)),
		quiz.Question{ID: "experience", Theme: "code", Kind: quiz.Choice, Unscored: true, Text: "How much programming have you done?",
			Options: []quiz.Option{
				{ID: "none", Text: "None yet", Weights: w(0, 0)},
				{ID: "small", Text: "Small programs in one language", Weights: w(0, 0)},
				{ID: "work", Text: "Back-end code at work", Weights: w(0, 0)},
			}},
	)
	b.Themes = append(b.Themes, quiz.Theme{ID: "security", Name: "Security"})
	// Six questions are too few for calibrated bands to call any lean
	// more than balanced; these tests are about steps, so the bank sets
	// its own.
	b.Scoring = setBands
	for p, id := range two {
		b.Paths[p].Steps = []quiz.Step{
			{ID: id + "-language", Theme: "code", Stage: 1, Text: id + ": learn a first language",
				SkipWhen: map[string][]string{"experience": {"small", "work"}}},
			{ID: id + "-requests", Theme: "design", Stage: 2, Text: id + ": how servers process requests",
				SkipWhen: map[string][]string{"experience": {"work"}}},
			{ID: id + "-databases", Theme: "code", Stage: 2, Text: id + ": how databases store data",
				SkipWhen: map[string][]string{"experience": {"work"}}},
			{ID: id + "-projects", Theme: "code", Stage: 3, Text: id + ": build real projects"},
			{ID: id + "-security", Theme: "security", Stage: 3, Text: id + ": security in practice"},
			{ID: id + "-design", Theme: "design", Stage: 3, Text: id + ": system design"},
		}
	}
	b.TryBoth = []quiz.Step{
		{ID: "tb-design", Theme: "design", Text: "Design a log-in system, then write its code."},
		{ID: "tb-code", Theme: "code", Text: "Write a feature, then structure its data."},
		{ID: "tb-security", Theme: "security", Text: "Decide how passwords are kept, then write the code."},
	}
	return b
}

// setBands are strength bands for banks too small to calibrate their own:
// these tests are about steps, so a lean of a few answers is called clear.
var setBands = quiz.Thresholds{MinAnswered: 0.5, Slight: 5, Moderate: 12, Clear: 25, BandsSet: true}

// profile builds answers from option numbers (1-based, as in an answers
// file) per question id; 0 leaves a question out.
func profile(picks map[string]int) quiz.Answers {
	a := quiz.Answers{}
	for id, o := range picks {
		if o > 0 {
			a[id] = pick(o - 1)
		}
	}
	return a
}

// Option numbers of stepBank's questions.
const (
	eng = 1
	dev = 2
)

// afterTryBoth leaves out a try-both step at the head of a list: six
// answers split four to two are too few for a confident result, so the list
// opens with one, and the steps after it are what the tests below are about.
func afterTryBoth(ss []StepAdvice) []StepAdvice {
	if len(ss) > 0 && ss[0].Kind == TryBoth {
		return ss[1:]
	}
	return ss
}

func stepIDs(ss []StepAdvice) []string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestStepsSkipWhatExperienceCovers(t *testing.T) {
	b := stepBank()
	answers := map[string]int{"d1": eng, "d2": eng, "c1": eng, "c2": eng, "s1": eng, "s2": dev}
	tests := []struct {
		experience int // option number; 0 skips the question
		first      string
		done       []string
	}{
		{0, "engineer-language", nil},
		{1, "engineer-language", nil},
		{2, "engineer-requests", []string{"engineer-language"}},
		{3, "engineer-projects", []string{"engineer-language", "engineer-requests", "engineer-databases"}},
	}
	for _, tt := range tests {
		a := profile(answers)
		if tt.experience > 0 {
			a["experience"] = pick(tt.experience - 1)
		}
		r := Score(b, a)
		if r.Recommendation == nil || r.Recommendation.Path != "engineer" {
			t.Fatalf("experience %d: recommendation %+v", tt.experience, r.Recommendation)
		}
		if r.Steps[0].ID != tt.first {
			t.Errorf("experience %d: first step %s, want %s (all: %v)", tt.experience, r.Steps[0].ID, tt.first, stepIDs(r.Steps))
		}
		if got := stepIDs(r.StepsDone); !slices.Equal(got, tt.done) {
			t.Errorf("experience %d: done %v, want %v", tt.experience, got, tt.done)
		}
		for _, s := range r.StepsDone {
			want := []StepAnswer{{Question: "experience", Asked: b.Questions[6].Text, Verb: Chose, Text: b.Questions[6].Options[tt.experience-1].Text}}
			if s.Kind != Done || s.Reason != ReasonCovered || !slices.Equal(s.Answers, want) {
				t.Errorf("experience %d: done step %+v, want it to quote %+v", tt.experience, s, want)
			}
		}
		for _, s := range r.Steps {
			if slices.Contains(tt.done, s.ID) {
				t.Errorf("experience %d: step %s is both done and listed", tt.experience, s.ID)
			}
		}
		if got, want := len(r.Steps)+len(r.StepsDone), len(b.Paths[0].Steps); got != want {
			t.Errorf("experience %d: %d steps listed or done, want %d", tt.experience, got, want)
		}
	}
}

func TestStepsFoundationsThenWhatDrewMost(t *testing.T) {
	b := stepBank()
	// Both lean clearly to the engineer; one was drawn by design, the
	// other by code, and each was even on the other theme.
	byDesign := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": eng, "c2": dev, "s1": eng, "s2": eng}))
	byCode := Score(b, profile(map[string]int{"d1": eng, "d2": dev, "c1": eng, "c2": eng, "s1": eng, "s2": eng}))
	for _, r := range []Result{byDesign, byCode} {
		if r.Recommendation.Path != "engineer" || r.Hypothesis() {
			t.Fatalf("recommendation %+v, hypothesis %v", r.Recommendation, r.Hypothesis())
		}
	}
	// The foundations (stages 1 and 2) keep the bank's order whatever the
	// leans; then the first step of each theme that drew the person, equal
	// leans (design and security, both 100 points ahead for the first
	// person) in the bank's order; then the rest.
	want := map[string][]string{
		"design": {"engineer-language", "engineer-requests", "engineer-databases", "engineer-security", "engineer-design", "engineer-projects"},
		"code":   {"engineer-language", "engineer-requests", "engineer-databases", "engineer-projects", "engineer-security", "engineer-design"},
	}
	if got := stepIDs(byDesign.Steps); !slices.Equal(got, want["design"]) {
		t.Errorf("drawn by design: %v, want %v", got, want["design"])
	}
	if got := stepIDs(byCode.Steps); !slices.Equal(got, want["code"]) {
		t.Errorf("drawn by code: %v, want %v", got, want["code"])
	}
	// A foundation quotes no answer, whatever its theme: it is there
	// because the later steps build on it. The first step of a theme that
	// drew the person quotes the two answers that decided it.
	d1 := StepAnswer{Question: "d1", Asked: "Question d1?", Verb: Chose, Text: "d1 option 1", Toward: true}
	d2 := StepAnswer{Question: "d2", Asked: "Question d2?", Verb: Chose, Text: "d2 option 1", Toward: true}
	reasons := map[string]StepAdvice{
		"engineer-language":  {Reason: ReasonFoundation},
		"engineer-requests":  {Reason: ReasonFoundation},
		"engineer-databases": {Reason: ReasonFoundation},
		"engineer-design":    {Reason: ReasonDrew, Answers: []StepAnswer{d1, d2}, Lead: true},
		"engineer-projects":  {Reason: ReasonEven},
	}
	for _, s := range byDesign.Steps {
		if want, ok := reasons[s.ID]; ok && (s.Reason != want.Reason || !slices.Equal(s.Answers, want.Answers) || s.Lead != want.Lead || s.Rival != "") {
			t.Errorf("step %s: %s %+v lead %v, want %s %+v lead %v", s.ID, s.Reason, s.Answers, s.Lead, want.Reason, want.Answers, want.Lead)
		}
	}
}

// TestStepsLeadWithTheStrongestTheme: of the themes that drew the person,
// the one that drew most gives the first step past the foundations, even
// from a later stage.
func TestStepsLeadWithTheStrongestTheme(t *testing.T) {
	b := stepBank()
	// A third option of c2 gives the engineer one point of the two it
	// could have had.
	b.Questions[3].Options = append(b.Questions[3].Options, quiz.Option{ID: "o3", Text: "c2 option 3", Weights: w(1, 0)})
	r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": eng, "c2": 3, "s1": eng, "s2": eng, "experience": 3}))
	if r.Recommendation.Path != "engineer" || r.Hypothesis() {
		t.Fatalf("recommendation %+v", r.Recommendation)
	}
	// Design and security drew 100 points ahead, code 75: their steps
	// (in the bank's order, being equal) before code's, although code's is
	// of the same stage and listed first.
	if got, want := stepIDs(r.Steps), []string{"engineer-security", "engineer-design", "engineer-projects"}; !slices.Equal(got, want) {
		t.Errorf("steps %v, want %v", got, want)
	}
}

func TestStepsLeanedAwayIsSomethingToExplore(t *testing.T) {
	b := stepBank()
	r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": eng, "c2": eng, "s1": dev, "s2": dev}))
	if r.Recommendation.Path != "engineer" {
		t.Fatalf("recommendation %+v", r.Recommendation)
	}
	r.Steps = afterTryBoth(r.Steps)
	got := stepIDs(r.Steps)
	want := []string{"engineer-language", "engineer-requests", "engineer-databases", "engineer-projects", "engineer-design", "engineer-security"}
	if !slices.Equal(got, want) {
		t.Fatalf("steps %v, want %v: the security step last in its stage, not first", got, want)
	}
	for _, s := range r.Steps {
		wantKind := Learn
		if s.Theme == "security" {
			wantKind = Explore
		}
		if s.Kind != wantKind {
			t.Errorf("step %s: kind %s, want %s", s.ID, s.Kind, wantKind)
		}
	}
	sec := r.Steps[5]
	wantAnswers := []StepAnswer{{Question: "s1", Asked: "Question s1?", Verb: Chose, Text: "s1 option 2"}, {Question: "s2", Asked: "Question s2?", Verb: Chose, Text: "s2 option 2"}}
	if sec.Reason != ReasonAway || sec.Rival != "developer" || !slices.Equal(sec.Answers, wantAnswers) {
		t.Errorf("security step: %s towards %q, %+v; want away towards developer, %+v", sec.Reason, sec.Rival, sec.Answers, wantAnswers)
	}
	if !slices.Equal(sec.Questions(), []string{"s1", "s2"}) {
		t.Errorf("questions %v", sec.Questions())
	}
}

func TestStepsTryBothWhenTheResultIsAHypothesis(t *testing.T) {
	b := stepBank()
	// Three answers each way: a tie, even overall and on security, one-sided
	// on design and on code.
	r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": dev, "c2": dev, "s1": eng, "s2": dev}))
	if !r.Recommendation.Tie || !r.Hypothesis() {
		t.Fatalf("recommendation %+v, hypothesis %v", r.Recommendation, r.Hypothesis())
	}
	first := r.Steps[0]
	if first.Kind != TryBoth || first.ID != "tb-security" || first.Path != "" {
		t.Fatalf("first step %+v, want the try-both step of the theme that came closest to even", first)
	}
	want := []StepAnswer{{Question: "s1", Asked: "Question s1?", Verb: Chose, Text: "s1 option 1", Toward: true}, {Question: "s2", Asked: "Question s2?", Verb: Chose, Text: "s2 option 2"}}
	if first.Reason != ReasonClose || first.Rival != "developer" || !slices.Equal(first.Answers, want) {
		t.Errorf("try-both: %s against %q, %+v; want close against developer, %+v", first.Reason, first.Rival, first.Answers, want)
	}
	for _, s := range r.Steps[1:] {
		if s.Kind == TryBoth {
			t.Errorf("a second try-both step %s", s.ID)
		}
	}

	clear := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": eng, "c2": eng, "s1": eng, "s2": eng}))
	if clear.Hypothesis() || slices.ContainsFunc(clear.Steps, func(s StepAdvice) bool { return s.Kind == TryBoth }) {
		t.Errorf("a clear result got a try-both step: %v", stepIDs(clear.Steps))
	}

	b.TryBoth = nil
	if r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": dev, "c2": dev, "s1": eng, "s2": dev})); r.Steps[0].Kind == TryBoth {
		t.Errorf("a bank without try-both steps got one: %+v", r.Steps[0])
	}
}

func TestHypothesis(t *testing.T) {
	rec := func(s Strength, tie bool) *Recommendation {
		return &Recommendation{Path: "engineer", RunnerUp: "developer", Strength: s, Tie: tie}
	}
	tests := []struct {
		name string
		res  Result
		want bool
	}{
		{"no recommendation", Result{}, false},
		{"a tie", Result{Recommendation: rec(Balanced, true), Confidence: 1}, true},
		{"balanced", Result{Recommendation: rec(Balanced, false), Confidence: 0.9}, true},
		{"slight but unsteady", Result{Recommendation: rec(Slight, false), Confidence: LowConfidence - 0.01}, true},
		{"slight and steady", Result{Recommendation: rec(Slight, false), Confidence: LowConfidence}, false},
		{"clear", Result{Recommendation: rec(Clear, false), Confidence: 1}, false},
		{"a single path", Result{Recommendation: &Recommendation{Path: "engineer", Strength: Balanced}}, false},
	}
	for _, tt := range tests {
		if got := tt.res.Hypothesis(); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestOtherPathsFirstStep(t *testing.T) {
	b := stepBank()
	a := profile(map[string]int{"d1": eng, "d2": eng, "c1": eng, "c2": eng, "s1": eng, "s2": dev, "experience": 3})
	r := Score(b, a)
	if len(r.OtherSteps) != 1 {
		t.Fatalf("other steps %+v", r.OtherSteps)
	}
	o := r.OtherSteps[0]
	// Experience covers the developer's first two stages too; of stage 3,
	// security, even, leaned least far from the developer.
	if o.Path != "developer" || o.ID != "developer-security" || o.Kind != Learn {
		t.Errorf("other path's first step %+v", o)
	}
	if o.Reason != ReasonEven || len(o.Answers) != 0 {
		t.Errorf("other path's first step: %s, %+v", o.Reason, o.Answers)
	}
}

// TestStepsAlwaysSayWhy answers banks at random, the step bank and
// generated banks of three paths, and holds every list to the rules that
// do not depend on the answers.
func TestStepsAlwaysSayWhy(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 10))
	banks := []*quiz.Bank{stepBank(), generate(3, 40, 3)}
	for _, b := range banks {
		for i := range b.Paths {
			for j := range b.Paths[i].Steps {
				b.Paths[i].Steps[j].Stage = 1 + j%4
				b.Paths[i].Steps[j].ID = b.Paths[i].ID + "-" + b.Paths[i].Steps[j].Theme
			}
		}
		for range 300 {
			a := randomAnswers(r, b, 4)
			res := Score(b, a)
			if res.Recommendation == nil {
				continue
			}
			lists := map[string][]StepAdvice{"steps": res.Steps, "other": res.OtherSteps, "done": res.StepsDone}
			for name, ss := range lists {
				for _, s := range ss {
					if s.Reason == "" || s.ID == "" || s.Text == "" || s.ThemeName == "" {
						t.Fatalf("%s: step %+v lacks a reason, an id, a text or a theme", name, s)
					}
					// A reason that speaks of a lean quotes the answers
					// that made it.
					leaned := s.Reason == ReasonDrew || s.Reason == ReasonAway || s.Reason == ReasonCovered
					if leaned && len(s.Answers) == 0 {
						t.Fatalf("%s: step %+v quotes no answer", name, s)
					}
					if name != "done" && !slices.Contains([]StepKind{Learn, Explore, TryBoth}, s.Kind) {
						t.Fatalf("%s: step %+v of kind %q", name, s, s.Kind)
					}
				}
			}
			checkOrder(t, b, res)
		}
	}
}

// checkOrder holds a result's steps to the rules of planSteps that do not
// depend on the answers.
func checkOrder(t *testing.T, b *quiz.Bank, res Result) {
	t.Helper()
	rec := res.Recommendation
	balanced := rec.Tie || rec.Strength == Balanced
	steps := res.Steps
	if (balanced || res.Hypothesis()) && len(b.TryBoth) > 0 {
		if steps[0].Kind != TryBoth {
			t.Fatalf("a balanced or unsteady result without a try-both step first: %v", stepIDs(steps))
		}
		steps = steps[1:]
	}
	paths := []string{rec.Path}
	if balanced {
		paths = append(paths, rec.RunnerUp)
	}
	texts := map[string]bool{}
	for _, s := range steps {
		if s.Kind == TryBoth || !slices.Contains(paths, s.Path) {
			t.Fatalf("step %+v in a list of the paths %v", s, paths)
		}
		if texts[s.Text] {
			t.Fatalf("step text %q twice: %v", s.Text, stepIDs(steps))
		}
		texts[s.Text] = true
		// A reason quotes only answers on the step's own theme.
		for _, id := range s.Questions() {
			if q := b.Questions[b.QuestionIndex(id)]; q.Theme != s.Theme {
				t.Fatalf("step %s of theme %s quotes %s of theme %s", s.ID, s.Theme, id, q.Theme)
			}
		}
		// What every path needs is never a step to explore.
		if (s.Reason == ReasonFoundation || s.Reason == ReasonShared) && s.Kind != Learn {
			t.Fatalf("step %+v both paths need is %s", s, s.Kind)
		}
		if s.Lead && s.Reason != ReasonDrew {
			t.Fatalf("step %+v leads but did not draw the person", s)
		}
	}
	// Along each path: the foundations, in stage order; then the lead;
	// then the rest in stage order, a step to explore after every step to
	// learn of its stage; then common ground.
	for _, p := range paths {
		var own []StepAdvice
		for _, s := range steps {
			if s.Path == p {
				own = append(own, s)
			}
		}
		phase := func(s StepAdvice) int {
			switch {
			case s.Reason == ReasonFoundation:
				return 0
			case s.Lead:
				return 1
			}
			return 2
		}
		for i := 1; i < len(own); i++ {
			x, y := own[i-1], own[i]
			switch {
			case phase(x) > phase(y):
				t.Fatalf("path %s: %s (phase %d) before %s (phase %d): %v", p, x.ID, phase(x), y.ID, phase(y), stepIDs(own))
			case phase(x) == phase(y) && phase(x) != 1 && x.Stage > y.Stage && x.Reason != ReasonShared && y.Reason != ReasonShared:
				t.Fatalf("path %s: stage order broken: %v", p, stepIDs(own))
			case x.Reason == ReasonShared && y.Reason != ReasonShared:
				t.Fatalf("path %s: common ground %s before the path's own %s: %v", p, x.ID, y.ID, stepIDs(own))
			case x.Reason != ReasonShared && y.Reason == ReasonShared:
				// The path's own steps, then common ground: in order.
			case phase(x) == 2 && x.Stage == y.Stage && x.Kind == Explore && y.Kind == Learn:
				t.Fatalf("path %s: an explore step before a learn step of its stage: %v", p, stepIDs(own))
			}
		}
	}
}

func TestStepsWithThreePaths(t *testing.T) {
	three := []string{"engineer", "developer", "architect"}
	b := newBank(three,
		choice("d1", "design", w(1, 0, 0), w(0, 1, 0), w(0, 0, 1)),
		choice("d2", "design", w(1, 0, 0), w(0, 1, 0), w(0, 0, 1)),
		choice("c1", "code", w(1, 0, 0), w(0, 1, 0), w(0, 0, 1)),
		choice("c2", "code", w(1, 0, 0), w(0, 1, 0), w(0, 0, 1)),
		choice("c3", "code", w(1, 0, 0), w(0, 1, 0), w(0, 0, 1)),
	)
	b.Scoring = setBands
	b.Paths[0].Steps = []quiz.Step{
		{ID: "one", Theme: "design", Stage: 3, Text: "one"},
		{ID: "two", Theme: "code", Stage: 3, Text: "two"},
		{ID: "three", Theme: "design", Stage: 4, Text: "three"},
	}
	r := Score(b, quiz.Answers{"d1": pick(2), "d2": pick(2), "c1": pick(0), "c2": pick(0), "c3": pick(0)})
	if r.Recommendation.Path != "engineer" {
		t.Fatalf("recommendation %+v", r.Recommendation)
	}
	if got, want := stepIDs(r.Steps), []string{"two", "one", "three"}; !slices.Equal(got, want) {
		t.Errorf("steps %v, want %v", got, want)
	}
	if s := r.Steps[1]; s.Kind != Explore || s.Rival != "architect" || len(s.Answers) != 2 || s.Answers[0].Text != "d1 option 3" {
		t.Errorf("step one: %s towards %q, %+v", s.Kind, s.Rival, s.Answers)
	}
	var got []string
	for _, s := range r.OtherSteps {
		got = append(got, s.Path+": "+s.Text)
	}
	if want := []string{"developer: developer step on design", "architect: architect step on design"}; !slices.Equal(got, want) {
		t.Errorf("other paths' first steps %v, want %v", got, want)
	}
}

func TestStepsQuoteTheAnswers(t *testing.T) {
	sides := []quiz.Side{{Text: "Design the store", Path: "engineer"}, {Text: "Write the code", Path: "developer"}}
	graded := quiz.Question{ID: "g", Theme: "design", Kind: quiz.Graded, Text: "Which part?", Sides: sides}
	for i, ws := range [][]float64{w(2, 0), w(1, 0), w(0, 0), w(0, 1), w(0, 2)} {
		graded.Options = append(graded.Options, quiz.Option{ID: []string{"much-a", "a", "equal", "b", "much-b"}[i], Text: "point", Weights: ws})
	}
	statement := quiz.Question{ID: "s", Theme: "design", Kind: quiz.Scale, Keyed: "engineer", Text: "I enjoy design."}
	for p := range 5 {
		statement.Options = append(statement.Options, quiz.Option{ID: quiz.ScaleIDs[p], Text: quiz.ScaleLabels[p], Weights: w(float64(max(0, p-2)), 0)})
	}
	tasks := pickAny("t", "design", w(1, 0), w(0, 1), w(2, 0), w(0, 1))
	tests := []struct {
		q     quiz.Question
		picks []int
		verb  AnswerVerb
		text  string
	}{
		{graded, []int{0}, MuchRather, "Design the store"},
		{graded, []int{1}, Rather, "Design the store"},
		{graded, []int{3}, Rather, "Write the code"},
		{graded, []int{4}, MuchRather, "Write the code"},
		{statement, []int{3}, Agreed, "I enjoy design."},
		{statement, []int{4}, StronglyAgreed, "I enjoy design."},
		// Of several picks, the one that pulled hardest the way explained.
		{tasks, []int{1, 2}, Chose, "t option 3"},
	}
	for _, tt := range tests {
		b := newBank(two, tt.q)
		b.Scoring = setBands
		r := Score(b, quiz.Answers{tt.q.ID: pick(tt.picks...)})
		// The step of the recommended path on the question's theme.
		i := slices.IndexFunc(r.Steps, func(s StepAdvice) bool { return s.Theme == "design" })
		want := []StepAnswer{{Question: tt.q.ID, Asked: tt.q.Text, Verb: tt.verb, Text: tt.text, Toward: true}}
		if i < 0 || r.Steps[i].Reason != ReasonDrew || !slices.Equal(r.Steps[i].Answers, want) {
			t.Errorf("%s %v: steps %+v, want the design step to quote %+v", tt.q.ID, tt.picks, r.Steps, want)
		}
	}
}

// TestStepsEveryPathTakesAreNotExplored: a step with the same text on every
// path is common ground, and a foundation is needed on every path, so
// leaning the other way on its theme makes neither a step to explore.
func TestStepsEveryPathTakesAreNotExplored(t *testing.T) {
	b := stepBank()
	for p := range b.Paths {
		b.Paths[p].Steps[3].Text = "Build a real project."
	}
	// Engineer overall, but the code theme leaned to the developer.
	r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": dev, "c2": dev, "s1": eng, "s2": eng}))
	if r.Recommendation.Path != "engineer" {
		t.Fatalf("recommendation %+v", r.Recommendation)
	}
	for _, s := range afterTryBoth(r.Steps) {
		want := map[string]StepReason{"engineer-language": ReasonFoundation, "engineer-databases": ReasonFoundation, "engineer-projects": ReasonShared}[s.ID]
		if want == "" {
			continue
		}
		// No preference bears on common ground, so none is quoted.
		if s.Kind != Learn || s.Reason != want || s.Rival != "" || len(s.Answers) != 0 {
			t.Errorf("step %s: %s %s towards %q, %+v; want learn %s", s.ID, s.Kind, s.Reason, s.Rival, s.Answers, want)
		}
	}
}

// TestStepsQuoteEachDecidingAnswerInTurn: the later steps of a theme quote
// first the answers its first step left out, then the first step's two.
func TestStepsQuoteEachDecidingAnswerInTurn(t *testing.T) {
	b := newBank(two,
		choice("d1", "design", w(3, 0), w(0, 3)),
		choice("d2", "design", w(2, 0), w(0, 2)),
		choice("d3", "design", w(1, 0), w(0, 1)),
	)
	b.Scoring = setBands
	b.Paths[0].Steps = nil
	for i := range 5 {
		b.Paths[0].Steps = append(b.Paths[0].Steps, quiz.Step{ID: fmt.Sprintf("s%d", i+1), Theme: "design", Stage: FoundationStage + 1 + i, Text: "step"})
	}
	r := Score(b, quiz.Answers{"d1": pick(0), "d2": pick(0), "d3": pick(0)})
	var got []string
	for _, s := range r.Steps {
		got = append(got, strings.Join(s.Questions(), "+"))
	}
	if want := []string{"d1+d2", "d3", "d2", "d1", "d3"}; !slices.Equal(got, want) {
		t.Errorf("quoted %v, want %v", got, want)
	}
}

// TestStepsExploreOnlyPastOneMildAnswer: a theme's steps become steps to
// explore only when its answers lean away by ExploreLead points or more; a
// single mild answer the other way leaves them steps to learn.
func TestStepsExploreOnlyPastOneMildAnswer(t *testing.T) {
	b := newBank(two,
		choice("d1", "design", w(1, 0), w(0, 1)),
		choice("d2", "design", w(1, 0), w(0, 1)),
		choice("d3", "design", w(1, 0), w(0, 1)),
		choice("c1", "code", w(1, 0), w(0, 1)),
		choice("c2", "code", w(1, 0), w(0, 1)),
	)
	b.Scoring = setBands
	b.Paths[0].Steps = []quiz.Step{
		{ID: "design", Theme: "design", Stage: 3, Text: "Design."},
		{ID: "code", Theme: "code", Stage: 3, Text: "Code."},
	}
	tests := []struct {
		name   string
		code   []int // the picks of c1 and c2; -1 leaves one unanswered
		kind   StepKind
		reason StepReason
	}{
		{"one mild answer away", []int{1, -1}, Learn, ReasonMild},
		{"two mild answers away", []int{1, 1}, Explore, ReasonAway},
		{"one each way", []int{0, 1}, Learn, ReasonEven},
	}
	for _, tt := range tests {
		a := quiz.Answers{"d1": pick(0), "d2": pick(0), "d3": pick(0)}
		for i, o := range tt.code {
			if o >= 0 {
				a[fmt.Sprintf("c%d", i+1)] = pick(o)
			}
		}
		r := Score(b, a)
		i := slices.IndexFunc(r.Steps, func(s StepAdvice) bool { return s.ID == "code" })
		if i < 0 || r.Steps[i].Kind != tt.kind || r.Steps[i].Reason != tt.reason {
			t.Errorf("%s: steps %+v, want the code step %s (%s)", tt.name, r.Steps, tt.kind, tt.reason)
		}
		if tt.reason == ReasonMild && (r.Steps[i].Rival != "developer" || len(r.Steps[i].Answers) != 0) {
			t.Errorf("%s: a mild lean names its rival and quotes no answer: %+v", tt.name, r.Steps[i])
		}
	}
}

// TestStepsKnowTheirPlace: each step carries the step before it, so that a
// step no answer bears on can be explained by where it comes on the path.
func TestStepsKnowTheirPlace(t *testing.T) {
	b := stepBank()
	for _, tt := range []struct {
		experience int
		afterDone  bool
	}{{1, false}, {3, true}} {
		r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": eng, "s1": dev, "experience": tt.experience}))
		steps := afterTryBoth(r.Steps)
		if !steps[0].First || steps[0].After != "" || steps[0].AfterDone != tt.afterDone {
			t.Errorf("experience %d: first step %+v", tt.experience, steps[0])
		}
		for i, s := range steps[1:] {
			if s.First || s.After != steps[i].Text {
				t.Errorf("experience %d: step %s comes after %q, want %q", tt.experience, s.ID, s.After, steps[i].Text)
			}
		}
	}
}

// TestStepsCommonGroundPlace: common ground past the foundations comes
// after all the path's own steps, those the person leaned away from too.
func TestStepsCommonGroundPlace(t *testing.T) {
	b := stepBank()
	for p := range b.Paths {
		id := b.Paths[p].ID
		b.Paths[p].Steps = append(b.Paths[p].Steps,
			quiz.Step{ID: id + "-common", Theme: "design", Stage: 3, Text: "Shared step."},
			quiz.Step{ID: id + "-even", Theme: "security", Stage: 5, Text: "Own step on security " + id + "."},
			quiz.Step{ID: id + "-away", Theme: "code", Stage: 5, Text: "Own step on code " + id + "."},
		)
	}
	b.Questions = append(b.Questions, choice("d3", "design", w(2, 0), w(0, 2)))
	// Drawn by design, even on security, away on code.
	r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "d3": eng, "c1": dev, "c2": dev, "s1": eng, "s2": dev, "experience": 3}))
	if r.Recommendation.Path != "engineer" || r.Recommendation.Strength == Balanced {
		t.Fatalf("recommendation %+v", r.Recommendation)
	}
	want := []string{"engineer-design", "engineer-security", "engineer-projects", "engineer-even", "engineer-away", "engineer-common"}
	if got := stepIDs(afterTryBoth(r.Steps)); !slices.Equal(got, want) {
		t.Errorf("steps %v, want %v", got, want)
	}
}

// planFor plans the steps for answers a as Score would, but for the
// result and leading path given: a result that recommends no path (top
// < 0) is what a tie may come to be.
func planFor(b *quiz.Bank, a quiz.Answers, res *Result, top int) (steps, others, covered []StepAdvice) {
	t := newTable(b)
	n := t.paths
	var done []answered
	for qi := range b.Questions {
		if picks := validPicks(&t.rows[qi], a[b.Questions[qi].ID].Picks); t.rows[qi].scored && len(picks) > 0 {
			done = append(done, answered{q: qi, picks: picks})
		}
	}
	gain := make([]int64, len(done)*n)
	for j, d := range done {
		for _, o := range d.picks {
			for p, w := range t.rows[d.q].weights(o, n) {
				gain[j*n+p] += w
			}
		}
	}
	themes := sumThemes(b, &t, done, gain)
	return planSteps(b, a, &themes, done, gain, res, top)
}

// TestStepsWithoutARecommendedPath: a result that names no path is planned
// as a balanced one: a try-both step, then both paths' steps in turn.
func TestStepsWithoutARecommendedPath(t *testing.T) {
	b := stepBank()
	a := profile(map[string]int{"d1": eng, "d2": eng, "c1": dev, "c2": dev, "s1": eng, "s2": dev, "experience": 2})
	tie := Score(b, a)
	if !tie.Recommendation.Tie {
		t.Fatalf("recommendation %+v", tie.Recommendation)
	}
	for name, res := range map[string]Result{
		"no recommendation": {Paths: tie.Paths},
		"no path":           {Paths: tie.Paths, Recommendation: &Recommendation{Tie: true, Strength: Balanced}},
	} {
		steps, others, covered := planFor(b, a, &res, -1)
		if len(steps) == 0 || steps[0].Kind != TryBoth || steps[0].Reason != ReasonClose {
			t.Fatalf("%s: steps %v, want a try-both step first", name, stepIDs(steps))
		}
		want := []string{"engineer-requests", "developer-requests", "engineer-databases", "developer-databases"}
		if got := stepIDs(steps[1:5]); !slices.Equal(got, want) {
			t.Errorf("%s: steps %v, want the foundations of both paths in turn, %v", name, got, want)
		}
		if len(others) != 0 {
			t.Errorf("%s: other paths' first steps %v, though both paths are listed", name, stepIDs(others))
		}
		if got := stepIDs(covered); !slices.Equal(got, []string{"engineer-language", "developer-language"}) {
			t.Errorf("%s: left out %v", name, got)
		}
	}
}
