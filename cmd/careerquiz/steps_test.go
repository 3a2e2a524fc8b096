package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// This file takes the quiz with the built-in bank through the real command,
// as people of different profiles would, and holds the steps of the result
// to what they promise. The answers are derived from the bank's own
// weights, so the tests keep their meaning when its questions change.

type stepDoc struct {
	ID        string   `json:"id"`
	Kind      string   `json:"kind"`
	Path      string   `json:"path"`
	Stage     int      `json:"stage"`
	Theme     string   `json:"theme"`
	Text      string   `json:"text"`
	Why       string   `json:"why"`
	Questions []string `json:"questions"`
}

type resultDoc struct {
	Recommendation *struct {
		Path     string `json:"path"`
		Strength string `json:"strength"`
	} `json:"recommendation"`
	Steps      []stepDoc `json:"steps"`
	OtherSteps []stepDoc `json:"other_steps"`
	StepsDone  []stepDoc `json:"steps_done"`
}

func builtinBank(t *testing.T) *quiz.Bank {
	t.Helper()
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The answers to the profile questions of people of some experience: a
// beginner, someone with a project of their own, someone who writes
// back-end code at work in several languages, and no answers at all.
var experience = map[string]map[string]string{
	"none":     {"languages": "none", "experience": "none", "designed": "no"},
	"database": {"languages": "one", "experience": "database", "designed": "no"},
	"work":     {"languages": "several", "experience": "work", "designed": "no"},
	"":         {},
}

// towards answers every scored question with the option that gives path
// the most over the other paths, except the questions of the themes in
// other, which it answers for the other path. level names the answers to
// the profile questions (see experience); "" skips them.
func towards(b *quiz.Bank, path string, other map[string]string, level string) map[string]any {
	a := map[string]any{}
	for _, q := range b.Questions {
		if !q.Scored() {
			if o, ok := experience[level][q.ID]; ok {
				a[q.ID] = o
			}
			continue
		}
		want := path
		if p, ok := other[q.Theme]; ok {
			want = p
		}
		a[q.ID] = bestFor(b, q, b.PathIndex(want)) + 1
	}
	return a
}

// bestFor is the option of q that gives path p the most over the highest
// of the other paths.
func bestFor(b *quiz.Bank, q quiz.Question, p int) int {
	best, bestLead := 0, 0.0
	for o, opt := range q.Options {
		rival := 0.0
		for i, w := range opt.Weights {
			if i != p {
				rival = max(rival, w)
			}
		}
		if lead := opt.Weights[p] - rival; o == 0 || lead > bestLead {
			best, bestLead = o, lead
		}
	}
	return best
}

// balanced answers the scored questions one by one for whichever of the
// first two paths is behind so far, which ends close to even.
func balanced(t *testing.T, b *quiz.Bank) map[string]any {
	t.Helper()
	a, picks := map[string]any{}, quiz.Answers{}
	for _, q := range b.Questions {
		if !q.Scored() {
			continue
		}
		r := scoring.Score(b, picks)
		p := 0
		if len(r.Paths) == 2 && r.Paths[0].Percent > r.Paths[1].Percent {
			p = 1
		}
		o := bestFor(b, q, p)
		picks[q.ID] = quiz.Answer{Picks: []int{o}}
		a[q.ID] = o + 1
	}
	if r := scoring.Score(b, picks); r.Recommendation == nil || !r.Hypothesis() {
		t.Fatalf("the balanced answers give %+v", r.Recommendation)
	}
	return a
}

// take runs careerquiz --answers with the answers, adding args, and returns
// stdout.
func take(t *testing.T, answers map[string]any, args ...string) string {
	t.Helper()
	data, err := json.Marshal(answers)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "answers.json")
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	e, stdout, stderr := testEnv(t, "")
	if code := run(append([]string{"--answers", file}, args...), e); code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	return stdout.String()
}

func takeJSON(t *testing.T, answers map[string]any) resultDoc {
	t.Helper()
	var doc resultDoc
	if err := json.Unmarshal([]byte(take(t, answers, "--json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Recommendation == nil {
		t.Fatal("no recommendation")
	}
	checkSteps(t, doc)
	return doc
}

// checkSteps holds every step of a result to the rules that hold for all:
// an id, a text, a reason, and a kind its list allows.
func checkSteps(t *testing.T, doc resultDoc) {
	t.Helper()
	lists := []struct {
		name  string
		steps []stepDoc
		kinds []string
	}{
		{"steps", doc.Steps, []string{"learn", "explore", "try-both"}},
		{"other_steps", doc.OtherSteps, []string{"learn", "explore"}},
		{"steps_done", doc.StepsDone, []string{"done"}},
	}
	b := builtinBank(t)
	for _, l := range lists {
		for _, s := range l.steps {
			if s.ID == "" || s.Text == "" || strings.TrimSpace(s.Why) == "" || !slices.Contains(l.kinds, s.Kind) {
				t.Errorf("%s: step %+v lacks an id, a text or a reason, or has a kind outside %v", l.name, s, l.kinds)
			}
			// A reason quotes only answers that bear on the step: of its
			// own theme, or the profile answer that says what is done; a
			// reason that quotes none says where the step comes on its path.
			for _, id := range s.Questions {
				q := b.Questions[b.QuestionIndex(id)]
				if q.Theme != s.Theme && q.Scored() {
					t.Errorf("%s: step %s of theme %s quotes %s, a question of theme %s: %s", l.name, s.ID, s.Theme, id, q.Theme, s.Why)
				}
			}
			if len(s.Questions) == 0 && s.Kind == "learn" && !strings.Contains(s.Why, " path") {
				t.Errorf("%s: step %s quotes no answer and does not say where it comes on its path: %s", l.name, s.ID, s.Why)
			}
		}
	}
	if len(doc.Steps) == 0 {
		t.Error("no steps")
	}
}

// firstLanguage lists the steps that knowing one language already covers:
// learning a first language.
func firstLanguage(b *quiz.Bank) []string {
	var ids []string
	for _, p := range b.Paths {
		for _, s := range p.Steps {
			if slices.Contains(s.SkipWhen["languages"], "one") {
				ids = append(ids, s.ID)
			}
		}
	}
	return ids
}

func TestStepsFitExperience(t *testing.T) {
	t.Parallel()
	b := builtinBank(t)
	first := firstLanguage(b)
	if len(first) == 0 {
		t.Fatal("the bank has no first-language step")
	}
	for _, path := range []string{"engineer", "developer"} {
		t.Run(path, func(t *testing.T) {
			least := takeJSON(t, towards(b, path, nil, "none"))
			most := takeJSON(t, towards(b, path, nil, "work"))
			skipped := takeJSON(t, towards(b, path, nil, ""))
			if least.Recommendation.Path != path || most.Recommendation.Path != path {
				t.Fatalf("recommended %s and %s", least.Recommendation.Path, most.Recommendation.Path)
			}
			if least.Steps[0].ID == most.Steps[0].ID {
				t.Errorf("the least and the most experienced both start with %s", least.Steps[0].ID)
			}
			if !slices.Contains(first, least.Steps[0].ID) {
				t.Errorf("the least experienced starts with %s, not with a first language", least.Steps[0].ID)
			}
			if skipped.Steps[0].ID != least.Steps[0].ID || len(skipped.StepsDone) != 0 {
				t.Errorf("skipping the experience question left out %d steps", len(skipped.StepsDone))
			}
			for _, s := range most.Steps {
				if slices.Contains(first, s.ID) {
					t.Errorf("the most experienced is told to %q", s.Text)
				}
			}
			if len(most.StepsDone) == 0 || !strings.Contains(most.StepsDone[0].Why, "Back-end code that people use") {
				t.Errorf("steps done %+v", most.StepsDone)
			}
		})
	}
}

func TestStepsFitThemes(t *testing.T) {
	t.Parallel()
	b := builtinBank(t)
	var developerTexts []string
	for _, s := range b.Paths[b.PathIndex("developer")].Steps {
		developerTexts = append(developerTexts, s.Text)
	}
	// Two people on the engineer path, each answering one theme's questions
	// as a developer would.
	for _, pair := range [][2]string{{"security", "performance"}, {"teamwork", "problems"}, {"design", "data"}} {
		t.Run(pair[0]+"/"+pair[1], func(t *testing.T) {
			one := takeJSON(t, towards(b, "engineer", map[string]string{pair[0]: "developer"}, "none"))
			two := takeJSON(t, towards(b, "engineer", map[string]string{pair[1]: "developer"}, "none"))
			if one.Recommendation.Path != "engineer" || two.Recommendation.Path != "engineer" {
				t.Fatalf("recommended %s and %s", one.Recommendation.Path, two.Recommendation.Path)
			}
			ids := func(d resultDoc) string {
				var s []string
				for _, st := range d.Steps {
					s = append(s, st.Kind+":"+st.ID)
				}
				return strings.Join(s, " ")
			}
			if ids(one) == ids(two) {
				t.Errorf("both get the same steps: %s", ids(one))
			}
			for _, d := range []struct {
				doc   resultDoc
				theme string
			}{{one, pair[0]}, {two, pair[1]}} {
				for _, s := range d.doc.Steps {
					// A step both paths take is common ground, and a
					// foundation (stage 1 or 2) is needed whatever the
					// leans: neither is ever a step to explore.
					explore := s.Theme == d.theme && !slices.Contains(developerTexts, s.Text) && s.Stage > scoring.FoundationStage
					if explore != (s.Kind == "explore") {
						t.Errorf("leaning away on %s: step %s of theme %s is %s", d.theme, s.ID, s.Theme, s.Kind)
					}
				}
			}
		})
	}
}

func TestStepsTryBothWhenBalanced(t *testing.T) {
	t.Parallel()
	b := builtinBank(t)
	a := balanced(t, b)
	doc := takeJSON(t, a)
	if doc.Steps[0].Kind != "try-both" {
		t.Errorf("a %s result starts with a %s step", doc.Recommendation.Strength, doc.Steps[0].Kind)
	}
	text := take(t, a)
	if !strings.Contains(text, "hypothesis to test") {
		t.Errorf("the verdict does not call the result a hypothesis:\n%s", text)
	}
}

// TestTextShowsAFewSteps reads the text report for several profiles: it
// lists one to five steps, and a line on the other path's first step.
func TestTextShowsAFewSteps(t *testing.T) {
	t.Parallel()
	b := builtinBank(t)
	numbered := regexp.MustCompile(`^ {4}\d\. `)
	profiles := map[string]map[string]any{
		"engineer, new":        towards(b, "engineer", nil, "none"),
		"engineer, at work":    towards(b, "engineer", nil, "work"),
		"developer, new":       towards(b, "developer", nil, "none"),
		"developer, a project": towards(b, "developer", nil, "database"),
		"balanced":             balanced(t, b),
	}
	for name, a := range profiles {
		t.Run(name, func(t *testing.T) {
			out := take(t, a)
			_, section, ok := strings.Cut(out, "Your next ")
			if !ok {
				t.Fatalf("no steps in\n%s", out)
			}
			section, _, _ = strings.Cut(section, "\n\n")
			n := 0
			for _, l := range strings.Split(section, "\n") {
				if numbered.MatchString(l) {
					n++
				}
			}
			if n < 1 || n > 5 {
				t.Errorf("%d steps listed:\n%s", n, section)
			}
			// A balanced list holds both paths' steps, each named;
			// any other names the other path's first step.
			if name == "balanced" {
				if !strings.Contains(section, "For Back-end engineer: ") || !strings.Contains(section, "For Back-end developer: ") {
					t.Errorf("the balanced list does not name both paths' steps:\n%s", section)
				}
			} else if !strings.Contains(section, "path your first step would be:") {
				t.Errorf("no line on the other path:\n%s", section)
			}
			t.Log("\n" + section)
		})
	}
}
