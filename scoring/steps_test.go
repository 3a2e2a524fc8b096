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
	b.Scoring = quiz.Thresholds{MinAnswered: 0.5, Slight: 5, Moderate: 12, Clear: 25, BandsSet: true}
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
			want := []StepAnswer{{Question: "experience", Verb: Chose, Text: b.Questions[6].Options[tt.experience-1].Text}}
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

func TestStepsLeadWithTheThemesThatDrewMost(t *testing.T) {
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
	// Within a stage, equal leans (design and security, both 100 points
	// ahead for the first person) keep the bank's order.
	want := map[string][]string{
		"design": {"engineer-language", "engineer-requests", "engineer-databases", "engineer-security", "engineer-design", "engineer-projects"},
		"code":   {"engineer-language", "engineer-databases", "engineer-requests", "engineer-projects", "engineer-security", "engineer-design"},
	}
	if got := stepIDs(byDesign.Steps); !slices.Equal(got, want["design"]) {
		t.Errorf("drawn by design: %v, want %v", got, want["design"])
	}
	if got := stepIDs(byCode.Steps); !slices.Equal(got, want["code"]) {
		t.Errorf("drawn by code: %v, want %v", got, want["code"])
	}
	// The first step of a theme quotes the two answers that decided it,
	// a later one refers back with the other of them.
	d1 := StepAnswer{Question: "d1", Verb: Chose, Text: "d1 option 1", Toward: true}
	d2 := StepAnswer{Question: "d2", Verb: Chose, Text: "d2 option 1", Toward: true}
	reasons := map[string]StepAdvice{
		"engineer-requests":  {Reason: ReasonDrew, Answers: []StepAnswer{d1, d2}},
		"engineer-design":    {Reason: ReasonDrew, Answers: []StepAnswer{d2}, Again: true},
		"engineer-language":  {Reason: ReasonEven},
		"engineer-databases": {Reason: ReasonEven},
	}
	// Each later step of a theme quotes the next of its deciding answers.
	c1 := StepAnswer{Question: "c1", Verb: Chose, Text: "c1 option 1", Toward: true}
	c2 := StepAnswer{Question: "c2", Verb: Chose, Text: "c2 option 1", Toward: true}
	codeReasons := map[string]StepAdvice{
		"engineer-language":  {Reason: ReasonDrew, Answers: []StepAnswer{c1, c2}},
		"engineer-databases": {Reason: ReasonDrew, Answers: []StepAnswer{c2}, Again: true},
		"engineer-projects":  {Reason: ReasonDrew, Answers: []StepAnswer{c1}, Again: true},
	}
	for _, s := range byCode.Steps {
		if want, ok := codeReasons[s.ID]; ok && (s.Reason != want.Reason || !slices.Equal(s.Answers, want.Answers) || s.Again != want.Again) {
			t.Errorf("drawn by code: step %s: %s %+v again %v, want %s %+v again %v", s.ID, s.Reason, s.Answers, s.Again, want.Reason, want.Answers, want.Again)
		}
	}
	for _, s := range byDesign.Steps {
		if want, ok := reasons[s.ID]; ok && (s.Reason != want.Reason || !slices.Equal(s.Answers, want.Answers) || s.Again != want.Again || s.Rival != "") {
			t.Errorf("step %s: %s %+v again %v, want %s %+v again %v", s.ID, s.Reason, s.Answers, s.Again, want.Reason, want.Answers, want.Again)
		}
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
	wantAnswers := []StepAnswer{{Question: "s1", Verb: Chose, Text: "s1 option 2"}, {Question: "s2", Verb: Chose, Text: "s2 option 2"}}
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
	want := []StepAnswer{{Question: "s1", Verb: Chose, Text: "s1 option 1", Toward: true}, {Question: "s2", Verb: Chose, Text: "s2 option 2"}}
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
				b.Paths[i].Steps[j].Stage = 1 + j%3
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
					leaned := s.Reason == ReasonDrew || s.Reason == ReasonAway || s.Reason == ReasonShared || s.Reason == ReasonCovered
					if leaned && len(s.Answers) == 0 {
						t.Fatalf("%s: step %+v quotes no answer", name, s)
					}
					if name != "done" && !slices.Contains([]StepKind{Learn, Explore, TryBoth}, s.Kind) {
						t.Fatalf("%s: step %+v of kind %q", name, s, s.Kind)
					}
				}
			}
			steps := res.Steps
			if res.Hypothesis() && len(b.TryBoth) > 0 {
				if steps[0].Kind != TryBoth {
					t.Fatalf("hypothesis without a try-both step first: %v", stepIDs(steps))
				}
				steps = steps[1:]
			}
			for i, s := range steps {
				if s.Kind == TryBoth || s.Path != res.Recommendation.Path {
					t.Fatalf("step %+v in the recommended path's list", s)
				}
				if i > 0 && s.Stage < steps[i-1].Stage {
					t.Fatalf("stage order broken: %v", steps)
				}
				if i > 0 && s.Stage == steps[i-1].Stage && s.Kind == Learn && steps[i-1].Kind == Explore {
					t.Fatalf("an explore step before a learn step of its stage: %v", steps)
				}
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
	b.Paths[0].Steps = []quiz.Step{
		{ID: "one", Theme: "design", Stage: 1, Text: "one"},
		{ID: "two", Theme: "code", Stage: 1, Text: "two"},
		{ID: "three", Theme: "design", Stage: 2, Text: "three"},
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
		r := Score(b, quiz.Answers{tt.q.ID: pick(tt.picks...)})
		// The step of the recommended path on the question's theme.
		i := slices.IndexFunc(r.Steps, func(s StepAdvice) bool { return s.Theme == "design" })
		want := []StepAnswer{{Question: tt.q.ID, Verb: tt.verb, Text: tt.text, Toward: true}}
		if i < 0 || r.Steps[i].Reason != ReasonDrew || !slices.Equal(r.Steps[i].Answers, want) {
			t.Errorf("%s %v: steps %+v, want the design step to quote %+v", tt.q.ID, tt.picks, r.Steps, want)
		}
	}
}

// TestStepsEveryPathTakesAreNotExplored: a step with the same text on every
// path is common ground, so leaning the other way on its theme does not make
// it a step to explore.
func TestStepsEveryPathTakesAreNotExplored(t *testing.T) {
	b := stepBank()
	for p := range b.Paths {
		b.Paths[p].Steps[0].Text = "Learn a first language."
	}
	// Engineer overall, but the code theme leaned to the developer.
	r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": dev, "c2": dev, "s1": eng, "s2": eng}))
	if r.Recommendation.Path != "engineer" {
		t.Fatalf("recommendation %+v", r.Recommendation)
	}
	r.Steps = afterTryBoth(r.Steps)
	first := r.Steps[0]
	if first.ID != "engineer-language" || first.Kind != Learn {
		t.Fatalf("first step %s of kind %s", first.ID, first.Kind)
	}
	// No preference bears on common ground, so none is quoted: the report
	// explains the step by its place on the path.
	if first.Reason != ReasonShared || first.Rival != "" || len(first.Answers) != 0 {
		t.Errorf("first step: %s towards %q, %+v", first.Reason, first.Rival, first.Answers)
	}
	for _, s := range r.Steps[1:] {
		if s.Theme == "code" && s.Kind != Explore {
			t.Errorf("step %s of the code theme is %s, not explore", s.ID, s.Kind)
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
	b.Paths[0].Steps = nil
	for i := range 5 {
		b.Paths[0].Steps = append(b.Paths[0].Steps, quiz.Step{ID: fmt.Sprintf("s%d", i+1), Theme: "design", Stage: i + 1, Text: "step"})
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
	b.Paths[0].Steps = []quiz.Step{
		{ID: "design", Theme: "design", Stage: 1, Text: "Design."},
		{ID: "code", Theme: "code", Stage: 1, Text: "Code."},
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

// TestStepsCommonGroundPlace: a step every path takes leads its stage only
// where experience could cover it (a first language before a second); other
// common ground comes after the steps the person's leans brought forward.
func TestStepsCommonGroundPlace(t *testing.T) {
	b := stepBank()
	shared := func(id string, skip bool) quiz.Step {
		s := quiz.Step{ID: id, Theme: "design", Stage: 5, Text: "Shared " + id + "."}
		if skip {
			s.SkipWhen = map[string][]string{"experience": {"work"}}
		}
		return s
	}
	for p := range b.Paths {
		b.Paths[p].Steps = append(b.Paths[p].Steps, quiz.Step{ID: b.Paths[p].ID + "-own", Theme: "code", Stage: 5, Text: "Own step " + b.Paths[p].ID + "."})
	}
	for _, tt := range []struct {
		skip bool
		want []string
	}{{false, []string{"engineer-own", "common"}}, {true, []string{"common", "engineer-own"}}} {
		b.Paths[0].Steps = append(b.Paths[0].Steps[:len(b.Paths[0].Steps):len(b.Paths[0].Steps)], shared("common", tt.skip))
		b.Paths[1].Steps = append(b.Paths[1].Steps[:len(b.Paths[1].Steps):len(b.Paths[1].Steps)], shared("dev-common", tt.skip))
		b.Paths[1].Steps[len(b.Paths[1].Steps)-1].Text = "Shared common."
		r := Score(b, profile(map[string]int{"d1": eng, "d2": eng, "c1": eng, "c2": eng, "s1": eng, "experience": 1}))
		var got []string
		for _, s := range r.Steps {
			if s.Stage == 5 {
				got = append(got, s.ID)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("common ground experience can cover %v: stage 5 is %v, want %v", tt.skip, got, tt.want)
		}
		for p := range b.Paths {
			b.Paths[p].Steps = b.Paths[p].Steps[:len(b.Paths[p].Steps)-1]
		}
	}
}
