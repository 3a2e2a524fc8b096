package quiz_test

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

// These tests cover the kinds and tables testdata/profile.toml shows: a
// graded question, a one-sided statement, a profile (unscored) question,
// learning steps with ids, stages and skip_when, and try-both steps. Line
// numbers in expected messages are those of testdata/profile.toml.

func editProfile(t *testing.T, old, new string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/profile.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	if n := strings.Count(src, old); n != 1 {
		t.Fatalf("%q occurs %d times in testdata/profile.toml, want once", old, n)
	}
	return strings.Replace(src, old, new, 1)
}

func TestParseProfileBank(t *testing.T) {
	data, err := os.ReadFile("testdata/profile.toml")
	if err != nil {
		t.Fatal(err)
	}
	b, err := quiz.Parse("profile.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) > 0 {
		t.Errorf("warnings: %v", quiz.Problems(b.Warnings))
	}

	t.Run("graded", func(t *testing.T) {
		q := b.Questions[1]
		if q.Kind != quiz.Graded || !q.Scored() || q.DefaultPick() != 2 {
			t.Fatalf("kind %q, scored %v, default pick %d; want graded, scored, 2", q.Kind, q.Scored(), q.DefaultPick())
		}
		wantSides := []quiz.Side{
			{Text: "Work out why it failed and stop it failing that way again", Path: "engineer"},
			{Text: "Find the broken code and get payments going again", Path: "developer"},
		}
		if !reflect.DeepEqual(q.Sides, wantSides) {
			t.Errorf("sides %+v, want %+v", q.Sides, wantSides)
		}
		want := []quiz.Option{
			{ID: "much-a", Text: "Much rather A", Weights: []float64{3, 0}},
			{ID: "a", Text: "Rather A", Weights: []float64{1.5, 0}},
			{ID: "equal", Text: "Both equally", Weights: []float64{0, 0}},
			{ID: "b", Text: "Rather B", Weights: []float64{0, 1.5}},
			{ID: "much-b", Text: "Much rather B", Weights: []float64{0, 3}},
		}
		if !reflect.DeepEqual(q.Options, want) {
			t.Errorf("options\n got %+v\nwant %+v", q.Options, want)
		}
	})

	t.Run("one-sided statement", func(t *testing.T) {
		q := b.Questions[2]
		if q.DefaultPick() != 2 {
			t.Errorf("default pick %d, want the middle point, 2", q.DefaultPick())
		}
		checkScale(t, q, [][]float64{{0, 0}, {0, 0}, {0, 0}, {0, 1}, {0, 2}})
	})

	t.Run("unscored", func(t *testing.T) {
		q := b.Questions[0]
		if q.Scored() || q.Kind != quiz.Choice || q.DefaultPick() != -1 {
			t.Fatalf("scored %v, kind %q, default pick %d; want unscored choice, -1", q.Scored(), q.Kind, q.DefaultPick())
		}
		for _, o := range q.Options {
			if !reflect.DeepEqual(o.Weights, []float64{0, 0}) {
				t.Errorf("option %q weights %v, want all zero", o.ID, o.Weights)
			}
		}
		a, err := quiz.ParseAnswers(b, "answers.toml", []byte("experience = \"work\"\npayments-down = \"much-b\"\ndiagrams = 4\n"))
		if err != nil {
			t.Fatal(err)
		}
		want := quiz.Answers{"experience": {Picks: []int{2}}, "payments-down": {Picks: []int{4}}, "diagrams": {Picks: []int{3}}}
		if !reflect.DeepEqual(a, want) {
			t.Errorf("answers %v, want %v", a, want)
		}
	})

	t.Run("steps", func(t *testing.T) {
		want := []quiz.Step{
			{ID: "first-language", Theme: "design", Stage: 1, Text: "Learn one back-end language well, such as PHP, Java or Python.",
				Basis:    "source: 'Learn programming languages like PHP, Java, or Python first.'",
				SkipWhen: map[string][]string{"experience": {"database", "work"}}},
			{ID: "system-design", Theme: "design", Stage: 4, Text: "Study system design.",
				Basis: "source: 'Many backend engineers also study cloud computing, security, and system design.'"},
		}
		if !reflect.DeepEqual(b.Paths[0].Steps, want) {
			t.Errorf("steps\n got %+v\nwant %+v", b.Paths[0].Steps, want)
		}
		wantTry := []quiz.Step{{ID: "login", Theme: "design",
			Text:  "Design how a log-in system stores user data, then write its sign-up code.",
			Basis: "source: the login example"}}
		if !reflect.DeepEqual(b.TryBoth, wantTry) {
			t.Errorf("try_both\n got %+v\nwant %+v", b.TryBoth, wantTry)
		}
	})
}

// Each case breaks one rule of the additions and must give exactly the
// message shown: file, line, question or step, field, and what to do.
func TestParseProfileProblems(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           string
	}{
		{"graded without a", `a = { text = "Work out why it failed and stop it failing that way again", path = "engineer" }`, "",
			`profile.toml:69: question "payments-down": a: is missing: a graded question needs both sides, such as a = { text = "…", path = "engineer" }`},
		{"graded side to an unknown path", `path = "developer" }`, `path = "develper" }`,
			`profile.toml:77: question "payments-down": b: path: unknown path "develper": did you mean "developer"?`},
		{"graded sides for one path", `path = "developer" }`, `path = "engineer" }`,
			`profile.toml:77: question "payments-down": b: path: is "engineer", as for a: the two sides must speak for different paths`},
		{"graded side without text", `a = { text = "Work out why it failed and stop it failing that way again", path = "engineer" }`, `a = { path = "engineer" }`,
			`profile.toml:76: question "payments-down": a: text: is empty: write the text people will see`},
		{"graded with keyed", `weight = 1.5`, "weight = 1.5\nkeyed = \"engineer\"",
			`profile.toml:76: question "payments-down": keyed: is only for scale questions: a graded question names a path on each side, a and b`},
		{"sides on a scale", `keyed = "developer"`, "keyed = \"developer\"\na = { text = \"x\", path = \"engineer\" }",
			`profile.toml:79: question "diagrams": a, b: sides are only for graded questions: add kind = "graded", or give options`},
		{"unscored scale", `keyed = "developer"`, "keyed = \"developer\"\nscored = false",
			`profile.toml:84: question "diagrams": scored: only a choice question can be unscored (this one is "scale")`},
		{"unscored option with weights", "id = \"none\"\ntext = \"None yet\"", "id = \"none\"\ntext = \"None yet\"\nweights = { engineer = 1 }",
			`profile.toml:60: question "experience": option 1: weights: an unscored question counts for no path: remove the weights, or remove scored = false`},
		{"unscored option without id", "id = \"none\"\ntext = \"None yet\"", `text = "None yet"`,
			`profile.toml:57: question "experience": option 1: has no id: every option of an unscored question needs one, for steps to name in skip_when`},
		{"step without id", "id = \"first-language\"\n", "",
			`profile.toml:17: path "engineer": step 1: id: is missing: give it an id of lowercase letters, digits, '-' and '_'`},
		{"duplicate step id", `id = "build-features"`, `id = "first-language"`,
			`profile.toml:38: path "developer": step 1: id: duplicate id "first-language" (first used at line 17): ids must be unique`},
		{"try-both id of a step", `id = "login"`, `id = "system-design"`,
			`profile.toml:45: try_both 1: id: duplicate id "system-design" (first used at line 25): ids must be unique`},
		{"step without stage", "stage = 4\n", "",
			`profile.toml:25: path "engineer": step 2: stage: is missing: give the stage the step belongs to, from 1 (a first language) to 4 (cloud, security and system design)`},
		{"step at stage 0", "stage = 4\n", "stage = 0\n",
			`profile.toml:28: path "engineer": step 2: stage: 0 is out of range: use a whole number from 1 (a first language) up`},
		{"skip_when names a scored question", `skip_when = { experience = ["database", "work"] }`, `skip_when = { diagrams = ["agree"] }`,
			`profile.toml:23: path "engineer": step 1: skip_when: question "diagrams" counts for the paths: skip_when names only unscored questions (experience)`},
		{"skip_when names an unknown question", `skip_when = { experience = ["database", "work"] }`, `skip_when = { experiense = ["work"] }`,
			`profile.toml:23: path "engineer": step 1: skip_when: unknown unscored question "experiense": did you mean "experience"?`},
		{"skip_when names an unknown option", `["database", "work"]`, `["databse", "work"]`,
			`profile.toml:23: path "engineer": step 1: skip_when: unknown option of question "experience": "databse": did you mean "database"?`},
		{"try-both without text", "text = \"Design how a log-in system stores user data, then write its sign-up code.\"\n", "",
			`profile.toml:44: try_both 1: text: is empty: write the text people will see`},
		{"stage on a try-both step", `basis = "source: the login example"`, "basis = \"source: the login example\"\nstage = 1",
			`profile.toml:49: try_both 1: stage: unknown key "stage" (known keys: id, theme, text, basis)`},
		// A value of the wrong type is one mistake, reported once: not again
		// as the key missing, or as what its absence leads to.
		{"keyed", `keyed = "developer"`, `keyed = 3`,
			`profile.toml:83: question "diagrams": keyed: expected a string, found an integer`},
		{"side", `b = { text = "Find the broken code and get payments going again", path = "developer" }`, `b = "developer"`,
			`profile.toml:77: question "payments-down": b: expected a table, found a string`},
		{"options", "[[questions.options]]\nid = \"none\"\ntext = \"None yet\"\n\n[[questions.options]]\nid = \"database\"\ntext = \"A project with a database behind it\"\n\n[[questions.options]]\nid = \"work\"\ntext = \"Back-end code at work\"\n",
			"options = \"none, database, work\"\n",
			`profile.toml:57: question "experience": options: expected an array of tables, found a string: write each one under its own [[questions.options]] header`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := quiz.Parse("profile.toml", []byte(editProfile(t, tc.old, tc.new)))
			var ps quiz.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("got %v (%T), want quiz.Problems", err, err)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
		})
	}
}

// A step without a basis loads, with a warning naming it.
func TestParseStepWithoutBasisWarns(t *testing.T) {
	b, err := quiz.Parse("profile.toml", []byte(editProfile(t, "basis = \"source: developers create features.\"\n", "")))
	if err != nil {
		t.Fatal(err)
	}
	got := quiz.Problems(b.Warnings).Error()
	want := `profile.toml:37: step "build-features": no basis: say which point of the source the step rests on`
	if got != want {
		t.Errorf("warnings\n got %s\nwant %s", got, want)
	}
}

// Each kind's behaviour is asked of the question: how many picks it takes,
// the most it can give each path, whether picks are a whole answer, and
// where an asker opens it.
func TestQuestionKindBehaviour(t *testing.T) {
	data, err := os.ReadFile("testdata/base.toml")
	if err != nil {
		t.Fatal(err)
	}
	base, err := quiz.Parse("base.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	data, err = os.ReadFile("testdata/profile.toml")
	if err != nil {
		t.Fatal(err)
	}
	profile, err := quiz.Parse("profile.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q        *quiz.Question
		multiple bool
		most     []float64
		middle   int
		accepts  [][]int
		refuses  [][]int
	}{
		{base.Question("outage"), false, []float64{2, 2}, -1, [][]int{{0}, {1}}, [][]int{nil, {0, 1}, {2}, {-1}}},
		{base.Question("diagrams"), false, []float64{2, 0}, 2, [][]int{{0}, {4}}, [][]int{{5}, {1, 2}}},
		{base.Question("tasks"), true, []float64{1, 1}, -1, [][]int{{0}, {0, 1}}, [][]int{{}, {1, 1}, {0, 2}}},
		{profile.Question("experience"), false, []float64{0, 0}, -1, [][]int{{2}}, [][]int{{0, 1}}},
		{profile.Question("payments-down"), false, []float64{3, 3}, 2, [][]int{{0}, {2}, {4}}, [][]int{{0, 4}}},
	} {
		t.Run(tc.q.ID, func(t *testing.T) {
			q := tc.q
			if q.Multiple() != tc.multiple || q.Kind.Multiple() != tc.multiple {
				t.Errorf("Multiple() = %v, want %v", q.Multiple(), tc.multiple)
			}
			if got := q.Most(); !reflect.DeepEqual(got, tc.most) {
				t.Errorf("Most() = %v, want %v", got, tc.most)
			}
			if got := q.DefaultPick(); got != tc.middle {
				t.Errorf("DefaultPick() = %d, want %d", got, tc.middle)
			}
			for _, p := range tc.accepts {
				if !q.Accepts(p) {
					t.Errorf("Accepts(%v) = false, want true", p)
				}
			}
			for _, p := range tc.refuses {
				if q.Accepts(p) {
					t.Errorf("Accepts(%v) = true, want false", p)
				}
			}
		})
	}
	if base.Question("nothing") != nil || base.Question("tasks").OptionIndex("growth") != 1 || base.Question("tasks").OptionIndex("") != -1 {
		t.Error("lookups by id")
	}
}

// A bank means what it says, not how it is laid out: the same bank written
// with inline tables, dotted keys and keys in another order loads to exactly
// the same Bank, and a mistake in that layout still names a line and the
// question.
func TestParseLayoutDoesNotMatter(t *testing.T) {
	load := func(name string) (*quiz.Bank, string) {
		data, err := os.ReadFile("testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := quiz.Parse("bank.toml", data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b, string(data)
	}
	want, _ := load("profile.toml")
	got, src := load("profile-inline.toml")
	got.SHA256 = want.SHA256
	if !reflect.DeepEqual(got, want) {
		t.Errorf("another layout loads to another bank:\n got %+v\nwant %+v", got, want)
	}

	for _, tc := range []struct{ old, new, want string }{
		{`"keyed" = "developer"`, `"keyed" = "develper"`,
			`bank.toml:41: question "diagrams": keyed: unknown path "develper": did you mean "developer"?`},
		{`a.path = "engineer"`, `a.path = "enginer"`,
			// A dotted key is placed at its own line.
			`bank.toml:28: question "payments-down": a: path: unknown path "enginer": did you mean "engineer"?`},
		{`a.text = "Work out why it failed and stop it failing that way again"`, `a.text = 3`,
			// ... and so is a later key of the same dotted table.
			`bank.toml:29: question "payments-down": a: text: expected a string, found an integer`},
		{`{ id = "database", text`, `{ id = "database", colour = 1, text`,
			`bank.toml:21: question "experience": option 2: colour: unknown key "colour" (known keys: id, text, weights)`},
		{`stage = 3,`, `stage = "3",`,
			`bank.toml:5: path "developer": step 1: stage: expected a whole number, found a string`},
	} {
		if strings.Count(src, tc.old) != 1 {
			t.Fatalf("%q is not in the inline bank once", tc.old)
		}
		_, err := quiz.Parse("bank.toml", []byte(strings.Replace(src, tc.old, tc.new, 1)))
		if err == nil || err.Error() != tc.want {
			t.Errorf("got %v\nwant %s", err, tc.want)
		}
	}
}
