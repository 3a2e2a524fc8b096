package main

import (
	"encoding/json"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// This file takes the quiz through the real command (--answers - --json)
// as contrasting people would, beginners and experienced people leaning
// each way or neither, and engineers drawn most by different themes, and
// holds their next steps to what the steps promise: experience leaves out
// what it covers, a strong theme leads, common ground never pushes it out,
// every reason quotes its own theme, and a balanced person sees both paths.

// The profile answers of a beginner and of someone experienced: several
// languages, back-end code that people use, no system of their own design.
var (
	beginner    = map[string]any{"languages": "none", "experience": "none", "designed": "no"}
	experienced = map[string]any{"languages": "several", "experience": "work", "designed": "no"}
)

// profileLeaning answers every scored question for path, mildly, but strongly on
// the questions of theme (none for ""), with the profile answers given.
func profileLeaning(b *quiz.Bank, rng *rand.Rand, path, theme string, profile map[string]any) map[string]any {
	p := b.PathIndex(path)
	a := answering(b, func(q *quiz.Question) any { return side(rng, q, p, q.Theme == theme) })
	maps.Copy(a, profile)
	return a
}

// isCovered reports whether a step is learning a first or a second
// language, or how a server processes a request: what someone who writes
// back-end code at work in several languages has done.
func isCovered(s stepDoc) bool {
	for _, start := range []string{"Learn one back-end programming language", "Learn a second back-end language", "Learn how a server processes"} {
		if strings.HasPrefix(s.Text, start) {
			return true
		}
	}
	return false
}

func firstN(steps []stepDoc, n int) []stepDoc { return steps[:min(n, len(steps))] }

func ids(steps []stepDoc) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.ID
	}
	return out
}

func TestStepsFitProfiles(t *testing.T) {
	t.Parallel()
	b := builtinBank(t)
	c := newCommandRunner(t)
	rng := rand.New(rand.NewPCG(21, 21))
	// Texts of the steps every path takes: common ground.
	texts := map[string]int{}
	for _, p := range b.Paths {
		for _, s := range p.Steps {
			texts[s.Text]++
		}
	}
	shared := func(s stepDoc) bool { return texts[s.Text] == len(b.Paths) }
	// The steps experience covers must be in the bank for the rule on
	// them to mean anything.
	covered := 0
	for text, n := range texts {
		if isCovered(stepDoc{Text: text}) {
			covered += n
		}
	}
	if covered < 4 {
		t.Fatalf("%d language and request steps in the bank: isCovered no longer names them", covered)
	}
	take := func(a map[string]any) resultDoc {
		t.Helper()
		var doc resultDoc
		if err := json.Unmarshal(c.result(a), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Recommendation == nil {
			t.Fatal("no recommendation")
		}
		checkSteps(t, doc)
		return doc
	}
	balancedAs := func(profile map[string]any) map[string]any {
		a := balanced(t, b)
		maps.Copy(a, profile)
		return a
	}

	type profile struct {
		name    string
		answers map[string]any
		path    string // the path recommended; "" for a balanced result
		// theme is the engineer's strongest theme, whose step must come
		// among the first two; "" for none.
		theme string
	}
	profiles := []profile{
		{"beginner engineer", profileLeaning(b, rng, "engineer", "", beginner), "engineer", ""},
		{"experienced engineer", profileLeaning(b, rng, "engineer", "", experienced), "engineer", ""},
		{"beginner developer", profileLeaning(b, rng, "developer", "", beginner), "developer", ""},
		{"experienced developer", profileLeaning(b, rng, "developer", "", experienced), "developer", ""},
		{"beginner, balanced", balancedAs(beginner), "", ""},
		{"experienced, balanced", balancedAs(experienced), "", ""},
		{"security engineer", profileLeaning(b, rng, "engineer", "security", experienced), "engineer", "security"},
		{"performance engineer", profileLeaning(b, rng, "engineer", "performance", experienced), "engineer", "performance"},
		{"growth engineer", profileLeaning(b, rng, "engineer", "growth", experienced), "engineer", "growth"},
		{"problem-solving engineer", profileLeaning(b, rng, "engineer", "problems", experienced), "engineer", "problems"},
	}
	firstTwo := map[string]string{}
	for _, pr := range profiles {
		t.Run(pr.name, func(t *testing.T) {
			doc := take(pr.answers)
			var lines []string
			for i, s := range firstN(doc.Steps, 5) {
				lines = append(lines, s.Kind+" "+s.ID+": "+s.Why)
				if i < 3 && pr.path != "" && pr.answers["experience"] == "work" && isCovered(s) {
					t.Errorf("step %d of someone experienced is %s: %q", i+1, s.ID, s.Text)
				}
				if i < 3 && pr.path == "engineer" && strings.Contains(s.Text, "front-end basics") {
					t.Errorf("step %d of an engineer is the front-end basics", i+1)
				}
			}
			t.Logf("%s: %s %s\n%s", pr.name, doc.Recommendation.Path, doc.Recommendation.Strength, strings.Join(lines, "\n"))
			if pr.path != "" && (doc.Recommendation.Path != pr.path || doc.Recommendation.Strength == "balanced") {
				t.Fatalf("recommended %s (%s), want %s", doc.Recommendation.Path, doc.Recommendation.Strength, pr.path)
			}
			if pr.path == "" {
				// Both paths' steps, and no step both take is one to
				// explore before deciding.
				var paths []string
				for _, s := range doc.Steps {
					if s.Path != "" && !slices.Contains(paths, s.Path) {
						paths = append(paths, s.Path)
					}
					if s.Kind == "explore" && shared(s) {
						t.Errorf("%s, a step both paths take, is one to explore", s.ID)
					}
				}
				if len(paths) != 2 || len(doc.OtherSteps) != 0 {
					t.Errorf("a balanced list holds the steps of %v, and other steps %v", paths, ids(doc.OtherSteps))
				}
			}
			if pr.answers["experience"] == "work" && len(doc.StepsDone) == 0 {
				t.Error("nothing left out for someone experienced")
			}
			if pr.theme != "" {
				two := firstN(doc.Steps, 2)
				if !slices.ContainsFunc(two, func(s stepDoc) bool { return s.Theme == pr.theme }) {
					t.Errorf("the strongest theme %s is not among the first two steps %v", pr.theme, ids(two))
				}
				firstTwo[pr.name] = strings.Join(ids(two), " ")
			}
		})
	}
	// Engineers drawn most by different themes start differently.
	seen := map[string]string{}
	for name, two := range firstTwo {
		if other, ok := seen[two]; ok {
			t.Errorf("%s and %s both start with %s", name, other, two)
		}
		seen[two] = name
	}
	if len(firstTwo) < 4 {
		t.Errorf("%d engineers with a strongest theme were checked, want 4", len(firstTwo))
	}
}
