package scoring_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// This file takes the built-in bank as people of contrasting profiles would
// and holds their steps to what the quiz promises them. A profile is an
// answers map: a question id, or "*" for every scored question not named,
// maps to the way it is answered (see lean), and each profile question to
// an option id. Answers are read from the bank's own weights, so the
// profiles keep their meaning when the wording of a question changes.

// A way to answer a scored question, for path P of "engineer" and
// "developer": "P" is the answer that gives P the most over the other path
// (much rather, strongly agree with a statement keyed to P, strongly
// disagree with one keyed to the other, every option of a pick-any question
// for P); "P-mild" the mildest answer that still leans to P (rather, agree
// or disagree, one option); "even" the middle point (both equally,
// neutral), one option each way of a pick-any question, and for a choice
// question the skip it then is; "skip" leaves the question out.
type lean = string

type person struct {
	name    string
	answers map[string]lean
	// path is the path recommended, or "" for a balanced result.
	path string
	// experienced people have written back-end code others use, in two
	// languages or more.
	experienced bool
	// strongest is the theme that drew the person most to path, whose
	// step (strongest's own, not common ground) comes first past the
	// foundations; "" where no theme stands out.
	strongest string
}

// The people. Each comment says who it is.
var people = []person{
	{
		// A beginner who wants to design whole systems: every answer an
		// engineer's, no code written yet.
		name:    "beginner engineer",
		answers: map[string]lean{"*": "engineer", "languages": "none", "experience": "none", "designed": "no"},
		path:    "engineer",
	},
	{
		// A developer of five years moving up: the engineer's side on most
		// questions, mildly, several languages, back-end code at work and
		// part of a design behind them.
		name:        "experienced engineer",
		answers:     map[string]lean{"*": "engineer-mild", "languages": "several", "experience": "work", "designed": "part"},
		path:        "engineer",
		experienced: true,
	},
	{
		// A beginner who wants to build what people use: every answer a
		// developer's, one language, small exercises.
		name:    "beginner developer",
		answers: map[string]lean{"*": "developer", "languages": "one", "experience": "exercises", "designed": "no"},
		path:    "developer",
	},
	{
		// A developer with years of back-end work in two languages who
		// wants to stay one, most of all for the speed of their code.
		name: "experienced developer",
		answers: map[string]lean{"*": "developer-mild", "performance-tasks": "developer", "queries": "developer",
			"slow-app": "developer", "traffic": "developer", "languages": "several", "experience": "work", "designed": "no"},
		path:        "developer",
		experienced: true,
		strongest:   "performance",
	},
	{
		// A newcomer torn between the two: the middle point everywhere,
		// nothing written yet.
		name:    "balanced beginner",
		answers: map[string]lean{"*": "even", "languages": "none", "experience": "none", "designed": "no"},
	},
	{
		// An experienced developer torn between the two: the engineer's
		// side on design and data, the developer's on the rest of the
		// work, evenly.
		name: "balanced experienced",
		answers: map[string]lean{"*": "even", "messaging": "engineer", "components": "engineer", "login": "developer",
			"communication": "developer", "data-layout": "engineer", "search-bar": "developer",
			"languages": "several", "experience": "work", "designed": "part"},
		experienced: true,
	},
	{
		// A security strategist: the engineer's side on every security
		// question, mildly elsewhere; has shipped back-end code.
		name:        "security engineer",
		answers:     engineerDrawnBy("security"),
		path:        "engineer",
		experienced: true,
		strongest:   "security",
	},
	{
		// A performance architect: the engineer's side on every
		// performance question, mildly elsewhere; has shipped back-end code.
		name:        "performance engineer",
		answers:     engineerDrawnBy("performance"),
		path:        "engineer",
		experienced: true,
		strongest:   "performance",
	},
	{
		// A standard setter: the engineer's side on teamwork (coding
		// standards, planning with architects and DBAs), mildly elsewhere.
		name:        "standards engineer",
		answers:     engineerDrawnBy("teamwork"),
		path:        "engineer",
		experienced: true,
		strongest:   "teamwork",
	},
	{
		// A system planner: the engineer's side on system design, mildly
		// elsewhere.
		name:        "design engineer",
		answers:     engineerDrawnBy("design"),
		path:        "engineer",
		experienced: true,
		strongest:   "design",
	},
	{
		// A data designer: the engineer's side on how data is stored and
		// retrieved, mildly elsewhere.
		name:        "data engineer",
		answers:     engineerDrawnBy("data"),
		path:        "engineer",
		experienced: true,
		strongest:   "data",
	},
}

// engineerDrawnBy is the answers map of an experienced person who leans
// mildly to the engineer everywhere and fully on the questions of theme.
func engineerDrawnBy(theme string) map[string]lean {
	b := builtin()
	a := map[string]lean{"*": "engineer-mild", "languages": "several", "experience": "work", "designed": "no"}
	for _, q := range b.Questions {
		if q.Scored() && q.Theme == theme {
			a[q.ID] = "engineer"
		}
	}
	return a
}

func builtin() *quiz.Bank {
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		panic(err)
	}
	return b
}

// answersOf turns a profile's answers map into answers to bank b.
func answersOf(t *testing.T, b *quiz.Bank, m map[string]lean) quiz.Answers {
	t.Helper()
	a := quiz.Answers{}
	for _, q := range b.Questions {
		how, ok := m[q.ID]
		if !ok && q.Scored() {
			how = m["*"]
		}
		if how == "" || how == "skip" {
			continue
		}
		if !q.Scored() {
			o := q.OptionIndex(how)
			if o < 0 {
				t.Fatalf("question %s has no option %q", q.ID, how)
			}
			a[q.ID] = quiz.Answer{Picks: []int{o}}
			continue
		}
		if picks := answer(b, &q, how); len(picks) > 0 {
			a[q.ID] = quiz.Answer{Picks: picks}
		}
	}
	return a
}

// answer picks q's options the way how says (see lean).
func answer(b *quiz.Bank, q *quiz.Question, how lean) []int {
	path, mild := strings.CutSuffix(how, "-mild")
	p := b.PathIndex(path)
	lead := func(o int) float64 { // what option o gives p over the other path
		w := q.Options[o].Weights
		return w[p] - w[1-p]
	}
	switch {
	case how == "even" && q.Kind == quiz.PickAny:
		var picks []int
		for _, want := range []int{0, 1} {
			if o := slices.IndexFunc(q.Options, func(o quiz.Option) bool { return o.Weights[want] > 0 }); o >= 0 {
				picks = append(picks, o)
			}
		}
		return picks
	case how == "even" && (q.Kind == quiz.Scale || q.Kind == quiz.Graded):
		return []int{2}
	case how == "even":
		return nil
	case q.Kind == quiz.PickAny:
		var picks []int
		for o := range q.Options {
			if lead(o) > 0 {
				picks = append(picks, o)
			}
		}
		if mild {
			picks = picks[:1]
		}
		return picks
	case q.Kind == quiz.Scale && q.Keyed == path:
		return []int{map[bool]int{false: 4, true: 3}[mild]}
	case q.Kind == quiz.Scale:
		return []int{map[bool]int{false: 0, true: 1}[mild]}
	}
	// A graded or choice question: the option of the largest lead, or
	// the smallest lead still towards p.
	best := -1
	for o := range q.Options {
		if l := lead(o); l > 0 && (best < 0 || (!mild && l > lead(best)) || (mild && l < lead(best))) {
			best = o
		}
	}
	return []int{best}
}

// listed is the steps a person is told to take, past a try-both task.
func listed(r scoring.Result) []scoring.StepAdvice {
	if len(r.Steps) > 0 && r.Steps[0].Kind == scoring.TryBoth {
		return r.Steps[1:]
	}
	return r.Steps
}

// remedial reports whether s is a foundation: a first or second language,
// how a server processes a request, how a database stores data. Someone who
// has written back-end code others use in two languages has done them all.
func remedial(s scoring.StepAdvice) bool {
	return s.Stage <= scoring.FoundationStage
}

func TestStepsForProfiles(t *testing.T) {
	b := builtin()
	for _, pp := range people {
		t.Run(pp.name, func(t *testing.T) {
			r := scoring.Score(b, answersOf(t, b, pp.answers))
			rec := r.Recommendation
			if rec == nil {
				t.Fatal("no recommendation")
			}
			balanced := rec.Tie || rec.Strength == scoring.Balanced
			if pp.path == "" && !balanced {
				t.Fatalf("a balanced person is told %s (%s)", rec.Path, rec.Strength)
			}
			if pp.path != "" && (rec.Path != pp.path || balanced) {
				t.Fatalf("recommended %s (%s), want %s", rec.Path, rec.Strength, pp.path)
			}
			steps := listed(r)
			if len(steps) < 5 {
				t.Fatalf("only %d steps: %v", len(steps), ids(steps))
			}
			first := steps[:5]
			t.Logf("%s (%s): %v; left out %v", rec.Path, rec.Strength, why(first), ids(r.StepsDone))

			// Experience leaves out what it covers, and says so.
			if pp.experienced {
				if slices.ContainsFunc(steps[:3], remedial) {
					t.Errorf("an experienced person's first three steps hold a foundation: %v", ids(steps[:3]))
				}
				if len(r.StepsDone) < 3 {
					t.Errorf("left out %v, want the foundations experience covers", ids(r.StepsDone))
				}
				for _, s := range r.StepsDone {
					if s.Kind != scoring.Done || s.Reason != scoring.ReasonCovered || len(s.Answers) != 1 || s.Answers[0].Asked == "" {
						t.Errorf("left out %s without the answer that covers it: %+v", s.ID, s)
					}
				}
			} else if s := steps[0]; s.Reason != scoring.ReasonFoundation {
				t.Errorf("a beginner starts with %s (%s), not a foundation", s.ID, s.Reason)
			}

			// What drew the person most comes first past the foundations,
			// and common ground pushes no theme that drew them out of the
			// first three past the foundations.
			past := slices.DeleteFunc(slices.Clone(steps), func(s scoring.StepAdvice) bool { return s.Reason == scoring.ReasonFoundation })
			if pp.strongest != "" && (past[0].Theme != pp.strongest || past[0].Reason != scoring.ReasonDrew) {
				t.Errorf("drawn most by %s, the first step past the foundations is %s (%s, %s)", pp.strongest, past[0].ID, past[0].Theme, past[0].Reason)
			}
			for i, s := range past[:3] {
				if s.Reason == scoring.ReasonShared && slices.ContainsFunc(past[i+1:], func(o scoring.StepAdvice) bool { return o.Reason == scoring.ReasonDrew && o.Path == s.Path }) {
					t.Errorf("common ground %s is step %d past the foundations, before steps on themes that drew the person", s.ID, i+1)
				}
			}

			// Every reason justifies its step: the answers it quotes are
			// on the step's own theme, and one that quotes none is a
			// foundation with what it comes after, or a step no lean bears
			// on.
			for _, s := range steps {
				for _, id := range s.Questions() {
					if q := b.Questions[b.QuestionIndex(id)]; q.Theme != s.Theme {
						t.Errorf("step %s of theme %s quotes %s of theme %s", s.ID, s.Theme, id, q.Theme)
					}
				}
				switch s.Reason {
				case scoring.ReasonDrew, scoring.ReasonAway:
					if len(s.Answers) == 0 {
						t.Errorf("step %s (%s) quotes no answer", s.ID, s.Reason)
					}
				case scoring.ReasonFoundation:
					if len(s.Answers) != 0 || (!s.First && s.After == "") {
						t.Errorf("foundation %s quotes %v, comes after %q", s.ID, s.Questions(), s.After)
					}
				}
			}

			// Balanced people see both paths, and nothing both need is
			// one to explore.
			if balanced {
				if r.Steps[0].Kind != scoring.TryBoth {
					t.Errorf("a balanced result opens with %s", r.Steps[0].ID)
				}
				paths := map[string]bool{}
				for _, s := range first {
					paths[s.Path] = true
				}
				if !paths["engineer"] || !paths["developer"] {
					t.Errorf("a balanced person's first five steps come from %v", paths)
				}
			}
			for _, s := range steps {
				if (s.Reason == scoring.ReasonFoundation || s.Reason == scoring.ReasonShared) && s.Kind == scoring.Explore {
					t.Errorf("step %s both paths need is one to explore", s.ID)
				}
			}
		})
	}
}

// TestStepsDifferByStrongestTheme: engineers drawn most by different themes
// do not share their first two steps.
func TestStepsDifferByStrongestTheme(t *testing.T) {
	b := builtin()
	seen := map[string]string{}
	for _, theme := range []string{"security", "performance", "teamwork", "design", "data"} {
		r := scoring.Score(b, answersOf(t, b, engineerDrawnBy(theme)))
		firstTwo := fmt.Sprint(ids(listed(r)[:2]))
		if other, ok := seen[firstTwo]; ok {
			t.Errorf("drawn by %s and by %s, both start with %s", theme, other, firstTwo)
		}
		seen[firstTwo] = theme
	}
}

// why lists steps with the facts of their reasons, for the log.
func why(ss []scoring.StepAdvice) []string {
	var out []string
	for _, s := range ss {
		out = append(out, fmt.Sprintf("%s (%s %s%s %v)", s.ID, s.Kind, s.Reason, map[bool]string{true: ", lead"}[s.Lead], s.Questions()))
	}
	return out
}

func ids(ss []scoring.StepAdvice) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

// TestStepsProfileQuestionsCover: each profile question leaves out the steps
// it says are done, and a skipped one leaves out none; a step is left out
// with the answer that covers it.
func TestStepsProfileQuestionsCover(t *testing.T) {
	b := builtin()
	tests := []struct {
		profile map[string]lean
		path    string
		done    []string
	}{
		{map[string]lean{}, "engineer", nil},
		{map[string]lean{"languages": "one", "experience": "exercises"}, "engineer", []string{"eng-language"}},
		{map[string]lean{"experience": "database"}, "engineer", []string{"eng-language", "eng-requests", "eng-databases"}},
		{map[string]lean{"designed": "system"}, "engineer", []string{"eng-design", "eng-data"}},
		{map[string]lean{"languages": "one"}, "developer", []string{"dev-language"}},
		{map[string]lean{"languages": "several"}, "developer", []string{"dev-language", "dev-languages"}},
		{map[string]lean{"experience": "work", "designed": "part"}, "developer", []string{"dev-language", "dev-api", "dev-databases", "dev-features", "dev-design"}},
	}
	for _, tt := range tests {
		m := map[string]lean{"*": tt.path}
		for k, v := range tt.profile {
			m[k] = v
		}
		r := scoring.Score(b, answersOf(t, b, m))
		if got := ids(r.StepsDone); !slices.Equal(got, tt.done) {
			t.Errorf("%s with %v: left out %v, want %v", tt.path, tt.profile, got, tt.done)
		}
		for _, s := range r.StepsDone {
			a := s.Answers[0]
			q := b.Questions[b.QuestionIndex(a.Question)]
			if tt.profile[a.Question] == "" || a.Text != q.Options[q.OptionIndex(tt.profile[a.Question])].Text {
				t.Errorf("%s with %v: %s left out for %+v", tt.path, tt.profile, s.ID, a)
			}
		}
	}
}
