package quiz_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/quiz"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// The cases below each break testdata/base.toml, a small valid bank with a
// choice, a scale and a pick-any question, by one small textual edit, so
// that a case reads as "this change gives that message". Line numbers in the
// expected messages are those of testdata/base.toml: open it beside this
// file.

func readBase(t testing.TB) string {
	t.Helper()
	data, err := os.ReadFile("testdata/base.toml")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// editBase returns the base bank with old replaced by new. old must occur
// exactly once, so that each case changes only what it says it changes.
func editBase(t testing.TB, old, new string) string {
	t.Helper()
	base := readBase(t)
	if n := strings.Count(base, old); n != 1 {
		t.Fatalf("%q occurs %d times in testdata/base.toml, want once", old, n)
	}
	return strings.Replace(base, old, new, 1)
}

func TestParseBase(t *testing.T) {
	src := readBase(t)
	b, err := quiz.Parse("questions.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Warnings) > 0 {
		t.Errorf("base bank has warnings: %v", quiz.Problems(b.Warnings))
	}
	sum := sha256.Sum256([]byte(src))
	if b.SHA256 != hex.EncodeToString(sum[:]) {
		t.Errorf("SHA256 = %s, want the digest of the bytes read", b.SHA256)
	}
	if b.File != "questions.toml" || b.Title != "Back-end careers" || b.Intro != "Which back-end path suits you?" {
		t.Errorf("File, Title, Intro = %q, %q, %q", b.File, b.Title, b.Intro)
	}
	if b.Scoring != quiz.DefaultThresholds {
		t.Errorf("Scoring = %+v, want the defaults %+v", b.Scoring, quiz.DefaultThresholds)
	}

	type path struct {
		ID, Name string
		Steps    []quiz.Step
	}
	var paths []path
	for _, p := range b.Paths {
		paths = append(paths, path{p.ID, p.Name, p.Steps})
	}
	wantPaths := []path{
		{"engineer", "Back-end engineer", []quiz.Step{{ID: "lay-out-data", Theme: "design", Stage: 2, Text: "Learn how to lay out data for growth.", Basis: "A step of the source."}}},
		{"developer", "Back-end developer", []quiz.Step{{ID: "build-a-feature", Theme: "code", Stage: 3, Text: "Build a feature from the database to the API.", Basis: "A step of the source."}}},
	}
	if !reflect.DeepEqual(paths, wantPaths) {
		t.Errorf("paths:\n got %+v\nwant %+v", paths, wantPaths)
	}
	if want := []quiz.Theme{{ID: "design", Name: "System design"}, {ID: "code", Name: "Writing code"}}; !reflect.DeepEqual(b.Themes, want) {
		t.Errorf("themes = %+v, want %+v", b.Themes, want)
	}

	type question struct {
		ID    string
		Kind  quiz.Kind
		Theme string
		Keyed string
		N     int
	}
	var qs []question
	for _, q := range b.Questions {
		qs = append(qs, question{q.ID, q.Kind, q.Theme, q.Keyed, len(q.Options)})
	}
	wantQs := []question{
		{"outage", quiz.Choice, "design", "", 2},
		{"diagrams", quiz.Scale, "design", "engineer", 5},
		{"tasks", quiz.PickAny, "code", "", 2},
	}
	if !reflect.DeepEqual(qs, wantQs) {
		t.Errorf("questions:\n got %+v\nwant %+v", qs, wantQs)
	}
	// Weights are indexed like Bank.Paths: engineer, developer.
	tasks := b.Questions[2]
	wantTasks := []quiz.Option{
		{ID: "queries", Text: "Tuning slow queries", Weights: []float64{0, 1}},
		{ID: "growth", Text: "Planning for growth", Weights: []float64{1, 0}},
	}
	if !reflect.DeepEqual(tasks.Options, wantTasks) {
		t.Errorf("tasks options:\n got %+v\nwant %+v", tasks.Options, wantTasks)
	}
}

// A scale statement is stored as five options, "Strongly disagree" to
// "Strongly agree". Point p (1–5) of a statement with weight w gives the
// path it is keyed to w·max(0, p−3) and every other path nothing: a
// statement is worded for one path and speaks for it alone. Worded as a
// trade, with against, disagreeing takes the other half's path, which gets
// w·max(0, 3−p), as a graded side would.
func TestParseScaleExpansion(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		question       int
		want           [5][]float64 // per point, weights in path order
	}{
		{
			name:     "default weight",
			old:      `keyed = "engineer"`,
			new:      `keyed = "engineer"`,
			question: 1,
			want:     [5][]float64{{0, 0}, {0, 0}, {0, 0}, {1, 0}, {2, 0}},
		},
		{
			name:     "weight 1.5 keyed to developer",
			old:      `keyed = "engineer"`,
			new:      "keyed = \"developer\"\nweight = 1.5",
			question: 1,
			want:     [5][]float64{{0, 0}, {0, 0}, {0, 0}, {0, 1.5}, {0, 3}},
		},
		{
			name:     "a trade, against the developer",
			old:      `keyed = "engineer"`,
			new:      "keyed = \"engineer\"\nagainst = \"developer\"",
			question: 1,
			want:     [5][]float64{{0, 2}, {0, 1}, {0, 0}, {1, 0}, {2, 0}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := quiz.Parse("questions.toml", []byte(editBase(t, tc.old, tc.new)))
			if err != nil {
				t.Fatal(err)
			}
			checkScale(t, b.Questions[tc.question], tc.want[:])
		})
	}
}

func checkScale(t *testing.T, q quiz.Question, want [][]float64) {
	t.Helper()
	if q.Kind != quiz.Scale || len(q.Options) != 5 {
		t.Fatalf("question %q: kind %q with %d options, want a scale with 5", q.ID, q.Kind, len(q.Options))
	}
	for p, o := range q.Options {
		if o.ID != quiz.ScaleIDs[p] || o.Text != quiz.ScaleLabels[p] {
			t.Errorf("point %d: id %q text %q, want %q %q", p+1, o.ID, o.Text, quiz.ScaleIDs[p], quiz.ScaleLabels[p])
		}
		if !reflect.DeepEqual(o.Weights, want[p]) {
			t.Errorf("point %d (%s): weights %v, want %v", p+1, o.Text, o.Weights, want[p])
		}
	}
}

// Nothing may assume two paths: a third path loads, every option gets a
// weight for it, and scale statements keyed to any path expand over all
// three, giving the paths they are not keyed to nothing.
func TestParseThreePaths(t *testing.T) {
	src := editBase(t, `[[questions]]
id = "outage"`, `[[paths]]
id = "platform"
name = "Platform engineer"
summary = "Keeps the systems others build on running."

[[paths.steps]]
id = "platform-deploy"
stage = 4
basis = "A step of the source."
theme = "design"
text = "Learn how services are deployed and watched."

[[questions]]
id = "outage"`)
	src = strings.Replace(src, `weights = { developer = 2 }`, `weights = { developer = 2, platform = 1 }`, 1)
	src += `
[[questions]]
id = "on-call"
theme = "design"
kind = "scale"
keyed = "platform"
weight = 2
text = "I would gladly carry the pager for the systems I run."
basis = "Keeping systems stable over the long term."
`
	b, err := quiz.Parse("questions.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range b.Paths {
		ids = append(ids, p.ID)
	}
	if want := []string{"engineer", "developer", "platform"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("paths = %v, want %v", ids, want)
	}
	if got, want := b.Questions[0].Options[1].Weights, []float64{0, 2, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("outage option 2 weights = %v, want %v", got, want)
	}
	if got, want := b.Questions[2].Options[1].Weights, []float64{1, 0, 0}; !reflect.DeepEqual(got, want) {
		t.Errorf("tasks option 2 weights = %v, want %v", got, want)
	}
	t.Run("keyed to the first path", func(t *testing.T) {
		checkScale(t, b.Questions[1], [][]float64{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {1, 0, 0}, {2, 0, 0}})
	})
	t.Run("keyed to the third path with weight 2", func(t *testing.T) {
		checkScale(t, b.Questions[3], [][]float64{{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 2}, {0, 0, 4}})
	})
}

func TestParseScoring(t *testing.T) {
	for _, tc := range []struct {
		name, scoring string
		want          quiz.Thresholds
	}{
		{"left out", "", quiz.DefaultThresholds},
		{"empty table", "[scoring]\n", quiz.DefaultThresholds},
		{"some keys", "[scoring]\nmin_answered = 0.75\nclear = 30\n",
			quiz.Thresholds{MinAnswered: 0.75, Slight: 5, Moderate: 12, Clear: 30, BandsSet: true}},
		{"all keys", "[scoring]\nmin_answered = 1\nslight = 0\nmoderate = 0\nclear = 100\n",
			quiz.Thresholds{MinAnswered: 1, Slight: 0, Moderate: 0, Clear: 100, BandsSet: true}},
		{"integers for numbers", "scoring = { slight = 2, moderate = 4, clear = 8 }\n",
			quiz.Thresholds{MinAnswered: 0.5, Slight: 2, Moderate: 4, Clear: 8, BandsSet: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := editBase(t, "[[themes]]\nid = \"design\"", tc.scoring+"\n[[themes]]\nid = \"design\"")
			b, err := quiz.Parse("questions.toml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if b.Scoring != tc.want {
				t.Errorf("Scoring = %+v, want %+v", b.Scoring, tc.want)
			}
		})
	}
}

// Each case breaks one rule and must produce exactly the message given:
// errors of meaning name the file, line, question and field.
func TestParseProblems(t *testing.T) {
	const intro = `intro = "Which back-end path suits you?"`
	for _, tc := range []struct {
		name, old, new string
		want           string
	}{
		// Unknown keys, at every level, with a suggestion when one is near.
		{"unknown top-level key", intro, intro + "\ncolour = \"blue\"",
			`questions.toml:3: colour: unknown key "colour" (known keys: title, intro, scoring, themes, paths, questions, try_both)`},
		{"unknown question key", `kind = "scale"`, "kind = \"scale\"\nhlep = \"Think of last week.\"",
			`questions.toml:48: question "diagrams": hlep: unknown key "hlep": did you mean "help"? (known keys: id, theme, kind, scored, text, help, basis, keyed, against, weight, a, b, options, impressive)`},
		{"unknown option key", `text = "Ship a quick fix"`, "text = \"Ship a quick fix\"\nweight = 2",
			`questions.toml:42: question "outage": option 2: weight: unknown key "weight": did you mean "weights"? (known keys: id, text, weights)`},
		{"keys are case-sensitive", `text = "Ship a quick fix"`, `Text = "Ship a quick fix"`,
			"questions.toml:40: question \"outage\": option 2: text: is empty: write the text people will see\n" +
				`questions.toml:41: question "outage": option 2: Text: unknown key "Text": did you mean "text"? (known keys: id, text, weights)`},
		{"unknown key holding a table", `weights = { developer = 2 }`, "weights = { developer = 2 }\nmeta = { reviewed = true }",
			`questions.toml:43: question "outage": option 2: meta: unknown key "meta" (known keys: id, text, weights)`},
		{"unknown table, its keys not repeated", "[[questions]]\nid = \"outage\"", "[extra]\nsize = 3\n\n[[questions]]\nid = \"outage\"",
			`questions.toml:30: extra: unknown key "extra" (known keys: title, intro, scoring, themes, paths, questions, try_both)`},
		{"unknown scoring key", intro, intro + "\n\n[scoring]\nslght = 3",
			`questions.toml:5: scoring: slght: unknown key "slght": did you mean "slight"? (known keys: min_answered, slight, moderate, clear)`},
		{"unknown theme key", `name = "Writing code"`, "name = \"Writing code\"\ndescription = \"Features and fixes.\"",
			`questions.toml:11: theme 2: description: unknown key "description" (known keys: id, name, about)`},
		{"unknown step key", `theme = "code", text = "Build`, `theme = "code", title = "First feature", text = "Build`,
			`questions.toml:26: path "developer": step 1: title: unknown key "title" (known keys: id, theme, stage, text, basis, skip_when)`},

		// Ids.
		{"duplicate question id", `id = "diagrams"`, `id = "outage"`,
			`questions.toml:45: question "outage": id: duplicate id "outage" (first used at line 30): ids must be unique`},
		{"duplicate option id", `id = "growth"`, `id = "queries"`,
			`questions.toml:65: question "tasks": option 2: id: duplicate id "queries" (first used at line 59): ids must be unique`},
		{"option id skip", `id = "growth"`, `id = "skip"`,
			`questions.toml:65: question "tasks": option 2: id: id "skip" is reserved for skipping a question: choose another`},
		{"duplicate theme id", "id = \"code\"\nname", "id = \"design\"\nname",
			"questions.toml:9: theme 2: id: duplicate id \"design\" (first used at line 4): ids must be unique\n" +
				"questions.toml:26: path \"developer\": step 1: theme: unknown theme \"code\" (the bank has: design, design)\n" +
				`questions.toml:54: question "tasks": theme: unknown theme "code" (the bank has: design, design)`},
		{"invalid id", `id = "diagrams"`, `id = "Diagrams!"`,
			`questions.toml:45: question 2: id: "Diagrams!" is not valid: use lowercase letters, digits, '-' and '_' (at most 64), starting with a letter or digit`},
		{"missing id", "id = \"diagrams\"\n", "",
			`questions.toml:44: question 2: id: is missing: give it an id of lowercase letters, digits, '-' and '_'`},

		// References to paths and themes.
		{"weight for unknown path, near one", `weights = { developer = 2 }`, `weights = { develper = 2 }`,
			`questions.toml:42: question "outage": option 2: weight for unknown path "develper": did you mean "developer"?`},
		{"weight for unknown path", `weights = { developer = 2 }`, `weights = { manager = 2 }`,
			`questions.toml:42: question "outage": option 2: weight for unknown path "manager" (the bank has: engineer, developer)`},
		{"scale keyed to unknown path", `keyed = "engineer"`, `keyed = "enginer"`,
			`questions.toml:48: question "diagrams": keyed: unknown path "enginer": did you mean "engineer"?`},
		{"scale against its own path", `keyed = "engineer"`, "keyed = \"engineer\"\nagainst = \"engineer\"",
			`questions.toml:49: question "diagrams": against: is the path the statement is keyed to: name the path its other half speaks for`},
		{"scale against an unknown path", `keyed = "engineer"`, "keyed = \"engineer\"\nagainst = \"tester\"",
			`questions.toml:49: question "diagrams": against: unknown path "tester" (the bank has: engineer, developer)`},
		{"scale not keyed", "keyed = \"engineer\"\n", "",
			`questions.toml:44: question "diagrams": keyed: is missing: a scale statement speaks for one path (engineer, developer)`},
		{"unknown theme", "theme = \"code\"\nkind", "theme = \"coding\"\nkind",
			`questions.toml:54: question "tasks": theme: unknown theme "coding" (the bank has: design, code)`},
		{"missing theme", "theme = \"code\"\nkind", "kind",
			`questions.toml:52: question "tasks": theme: is missing: name one of the bank's themes (design, code)`},
		{"step with unknown theme", `theme = "code", text = "Build`, `theme = "cod", text = "Build`,
			`questions.toml:26: path "developer": step 1: theme: unknown theme "cod": did you mean "code"?`},

		// Options.
		{"choice with one option", "[[questions.options]]\ntext = \"Ship a quick fix\"\nweights = { developer = 2 }\n", "",
			`questions.toml:30: question "outage": options: a choice question needs at least two options, found 1`},
		{"pick-any without options", "[[questions.options]]\nid = \"queries\"\ntext = \"Tuning slow queries\"\nweights = { developer = 1 }\n\n[[questions.options]]\nid = \"growth\"\ntext = \"Planning for growth\"\nweights = { engineer = 1 }\n", "",
			`questions.toml:52: question "tasks": options: a pick-any question needs at least two options, found 0`},
		{"options that cannot move the result", `weights = { developer = 2 }`, `weights = { engineer = 2 }`,
			`questions.toml:30: question "outage": options: every option carries the same weights, so the question cannot move the result: give the options different weights`},
		{"unusable weights do not also make the options look alike",
			"weights = { engineer = 2 }\n\n[[questions.options]]\ntext = \"Ship a quick fix\"\nweights = { developer = 2 }",
			"weights = { engineer = -2 }\n\n[[questions.options]]\ntext = \"Ship a quick fix\"\nweights = { developer = -2 }",
			"questions.toml:38: question \"outage\": option 1: weight for \"engineer\": -2 is negative: weights are points a path gains, from 0 to 1000\n" +
				`questions.toml:42: question "outage": option 2: weight for "developer": -2 is negative: weights are points a path gains, from 0 to 1000`},
		{"option without weights", `weights = { developer = 2 }`, `weights = {}`,
			`questions.toml:42: question "outage": option 2: has no weights: give it points for at least one path, e.g. weights = { engineer = 1 }`},
		{"scale with options", `basis = "Engineers design the architecture."`, "basis = \"Engineers design the architecture.\"\n\n[[questions.options]]\ntext = \"Agree\"\nweights = { engineer = 1 }",
			`questions.toml:44: question "diagrams": options: a scale question has its five points built in: remove the options, or make it kind = "choice"`},
		{"keyed on a choice", "theme = \"design\"\ntext = \"The site", "theme = \"design\"\nkeyed = \"engineer\"\ntext = \"The site",
			`questions.toml:33: question "outage": keyed: is only for scale questions (this one is "choice")`},
		{"weight on a choice", "theme = \"design\"\ntext = \"The site", "theme = \"design\"\nweight = 2\ntext = \"The site",
			`questions.toml:33: question "outage": weight: is only for scale and graded questions: give each option its weights instead`},
		{"unknown kind", `kind = "scale"`, `kind = "slider"`,
			`questions.toml:47: question "diagrams": kind: unknown kind "slider": use "choice", "scale", "graded" or "pick-any"`},

		// Options written as an inline array are placed line by line.
		{"problems in inline options", "[[questions.options]]\ntext = \"Find the root cause\"\nweights = { engineer = 2 }\n\n[[questions.options]]\ntext = \"Ship a quick fix\"\nweights = { developer = 2 }",
			"options = [\n  { text = \"Find the root cause\", weights = { engineer = 2 } },\n  { text = \"Ship a quick fix\", colour = 1, weights = { developer = nan } },\n]",
			// The layout hides the options' own lines: the key's line is
			// as near as the loader can tell without a second parser.
			"questions.toml:36: question \"outage\": option 2: colour: unknown key \"colour\" (known keys: id, text, weights)\n" +
				`questions.toml:36: question "outage": option 2: weight for "developer": NaN is not a number that can be added up: use a finite number`},

		// Texts.
		{"empty question text", `text = "The site is down. What do you do first?"`, `text = ""`,
			`questions.toml:33: question "outage": text: is empty: write the text people will see`},
		{"blank question text", `text = "The site is down. What do you do first?"`, `text = "  \t "`,
			`questions.toml:33: question "outage": text: is empty: write the text people will see`},
		{"missing question text", "text = \"The site is down. What do you do first?\"\n", "",
			`questions.toml:30: question "outage": text: is empty: write the text people will see`},
		{"empty option text", `text = "Ship a quick fix"`, `text = ""`,
			`questions.toml:41: question "outage": option 2: text: is empty: write the text people will see`},
		{"empty title", `title = "Back-end careers"`, `title = ""`,
			`questions.toml:1: title: is empty: write the text people will see`},
		{"empty step text", `text = "Build a feature from the database to the API."`, `text = ""`,
			`questions.toml:26: path "developer": step 1: text: is empty: write the text people will see`},
		{"text only of control characters", `text = "Ship a quick fix"`, `text = "\u001b[2J"`,
			`questions.toml:41: question "outage": option 2: text: is empty: write the text people will see`},

		// Weights.
		{"NaN weight", `weights = { developer = 2 }`, `weights = { developer = nan }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": NaN is not a number that can be added up: use a finite number`},
		{"infinite weight", `weights = { developer = 2 }`, `weights = { developer = inf }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": +Inf is not a number that can be added up: use a finite number`},
		{"negative infinite weight", `weights = { developer = 2 }`, `weights = { developer = -inf }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": -Inf is not a number that can be added up: use a finite number`},
		{"negative weight", `weights = { developer = 2 }`, `weights = { developer = -1 }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": -1 is negative: weights are points a path gains, from 0 to 1000`},
		{"weight too large", `weights = { developer = 2 }`, `weights = { developer = 1001 }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": 1001 is too large: use at most 1000`},
		{"weight with four decimals", `weights = { developer = 2 }`, `weights = { developer = 0.0005 }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": 0.0005 has more than three decimals: round it`},
		{"NaN scale weight", `keyed = "engineer"`, "keyed = \"engineer\"\nweight = nan",
			`questions.toml:49: question "diagrams": weight: NaN is not a number that can be added up: use a finite number`},
		{"zero scale weight", `keyed = "engineer"`, "keyed = \"engineer\"\nweight = 0",
			`questions.toml:49: question "diagrams": weight: is 0, so the question cannot move the result: use a positive number`},
		{"negative scale weight", `keyed = "engineer"`, "keyed = \"engineer\"\nweight = -2",
			`questions.toml:49: question "diagrams": weight: -2 is negative: weights are points a path gains, from 0 to 1000`},

		{"weight below a thousandth", `weights = { developer = 2 }`, `weights = { developer = 1e-300 }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": 1e-300 has more than three decimals: round it`},
		{"scale weight below a thousandth", `keyed = "engineer"`, "keyed = \"engineer\"\nweight = 1e-300",
			`questions.toml:49: question "diagrams": weight: 1e-300 has more than three decimals: round it`},

		// Impressive sides and options.
		{"impressive: a graded side on a statement", `keyed = "engineer"`, "keyed = \"engineer\"\nimpressive = [\"a\"]",
			`questions.toml:49: question "diagrams": impressive: unknown side "a": a scale question marks "agree" or "disagree"`},
		{"impressive: both sides of a statement", `keyed = "engineer"`, "keyed = \"engineer\"\nimpressive = [\"agree\", \"disagree\"]",
			`questions.toml:49: question "diagrams": impressive: names 2 sides: a scale question marks the one side that sounds more impressive`},
		{"impressive: empty", `keyed = "engineer"`, "keyed = \"engineer\"\nimpressive = []",
			`questions.toml:49: question "diagrams": impressive: is empty: name the side that sounds more impressive, or remove the key`},
		{"impressive: a string, not a list", `keyed = "engineer"`, "keyed = \"engineer\"\nimpressive = \"agree\"",
			`questions.toml:49: question "diagrams": impressive: expected an array of strings, found a string`},
		{"impressive: options without ids", "basis = \"Engineers find root causes; developers ship quick fixes.\"",
			"basis = \"Engineers find root causes; developers ship quick fixes.\"\nimpressive = [\"root-cause\"]",
			`questions.toml:35: question "outage": impressive: option 1 has no id: give the options ids for impressive to name`},
		{"impressive: unknown option", "basis = \"Developers write features and tune queries.\"",
			"basis = \"Developers write features and tune queries.\"\nimpressive = [\"growht\"]",
			`questions.toml:58: question "tasks": impressive: unknown option "growht": did you mean "growth"?`},
		{"impressive: an option twice", "basis = \"Developers write features and tune queries.\"",
			"basis = \"Developers write features and tune queries.\"\nimpressive = [\"growth\", \"growth\"]",
			`questions.toml:58: question "tasks": impressive: names option "growth" twice`},
		{"impressive: every option", "basis = \"Developers write features and tune queries.\"",
			"basis = \"Developers write features and tune queries.\"\nimpressive = [\"growth\", \"queries\"]",
			`questions.toml:58: question "tasks": impressive: marks every option, so it tells nothing: mark only the options that sound more impressive`},

		// Scoring bands.
		{"scoring out of range", intro, intro + "\n\n[scoring]\nmin_answered = 0\nslight = -1\nclear = 101",
			"questions.toml:5: scoring: min_answered: 0 is out of range: use a number above 0 and at most 1\n" +
				"questions.toml:6: scoring: slight: -1 is out of range: use a number from 0 to 100\n" +
				"questions.toml:7: scoring: clear: 101 is out of range: use a number from 0 to 100"},
		{"NaN scoring band", intro, intro + "\n\n[scoring]\nmoderate = nan",
			`questions.toml:5: scoring: moderate: NaN is out of range: use a number from 0 to 100`},
		{"scoring bands that fall", intro, intro + "\n\n[scoring]\nslight = 20\nmoderate = 10",
			`questions.toml:4: scoring: bands must rise: slight (20) ≤ moderate (10) ≤ clear (25)`},
		{"band that falls below a default", intro, intro + "\n\n[scoring]\nclear = 10",
			`questions.toml:4: scoring: bands must rise: slight (5) ≤ moderate (12) ≤ clear (10)`},

		// The bank as a whole: problems with no one line come last.
		{"one path", "[[paths]]\nid = \"developer\"\nname = \"Back-end developer\"\nsummary = \"Writes the code that brings the design to life.\"\n\nsteps = [{ id = \"build-a-feature\", stage = 3, theme = \"code\", text = \"Build a feature from the database to the API.\", basis = \"A step of the source.\" }]\n\n\n", "",
			"questions.toml:12: paths: a bank needs at least two paths to compare, found 1\n" +
				"questions.toml:34: question \"outage\": option 2: weight for unknown path \"developer\" (the bank has: engineer)\n" +
				"questions.toml:54: question \"tasks\": option 1: weight for unknown path \"developer\" (the bank has: engineer)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := quiz.Parse("questions.toml", []byte(editBase(t, tc.old, tc.new)))
			var ps quiz.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("got %v (%T), want quiz.Problems", err, err)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
			// Windows line ends change nothing, lines included.
			crlf := strings.ReplaceAll(editBase(t, tc.old, tc.new), "\n", "\r\n")
			if _, err := quiz.Parse("questions.toml", []byte(crlf)); err == nil || err.Error() != tc.want {
				t.Errorf("with CRLF line ends got\n%v\nwant\n%s", err, tc.want)
			}
			if n := strings.Count(tc.want, "\n") + 1; len(ps) != n {
				t.Errorf("got %d problems, want %d", len(ps), n)
			}
			for _, p := range ps {
				if p.Warning {
					t.Errorf("error reported as a warning: %v", p)
				}
			}
		})
	}
}

// An author sees every problem of the file in one run, in line order,
// whatever order the loader finds them in.
func TestParseReportsAllProblemsInLineOrder(t *testing.T) {
	src := editBase(t, `weights = { engineer = 1 }`, "weights = { engineer = 1 }\nnote = \"late\"")
	src = strings.Replace(src, `keyed = "engineer"`, `keyed = "enginer"`, 1)
	src = strings.Replace(src, `weights = { developer = 2 }`, `weights = { developer = nan }`, 1)
	src = strings.Replace(src, `title = "Back-end careers"`, `title = ""`, 1)
	_, err := quiz.Parse("questions.toml", []byte(src))
	var ps quiz.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("got %v (%T), want quiz.Problems", err, err)
	}
	want := []struct {
		line           int
		question, text string
	}{
		{1, "", `questions.toml:1: title: is empty: write the text people will see`},
		{42, "outage", `questions.toml:42: question "outage": option 2: weight for "developer": NaN is not a number that can be added up: use a finite number`},
		{48, "diagrams", `questions.toml:48: question "diagrams": keyed: unknown path "enginer": did you mean "engineer"?`},
		{68, "tasks", `questions.toml:68: question "tasks": option 2: note: unknown key "note" (known keys: id, text, weights)`},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(want), err)
	}
	for i, w := range want {
		if ps[i].Line != w.line || ps[i].Question != w.question || ps[i].Error() != w.text {
			t.Errorf("problem %d:\n got line %d, question %q: %s\nwant line %d, question %q: %s",
				i+1, ps[i].Line, ps[i].Question, ps[i], w.line, w.question, w.text)
		}
	}
}

// An unknown key repeated in every question is reported once per place,
// not once per place per place.
func TestParseReportsRepeatedUnknownKeyOncePerPlace(t *testing.T) {
	src := editBase(t, `basis = "Engineers design the architecture."`, "basis = \"Engineers design the architecture.\"\nsource = \"b\"")
	src = strings.Replace(src, `basis = "Developers write features and tune queries."`, "basis = \"Developers write features and tune queries.\"\nsource = \"c\"", 1)
	_, err := quiz.Parse("questions.toml", []byte(src))
	want := `questions.toml:51: question "diagrams": source: unknown key "source" (known keys: id, theme, kind, scored, text, help, basis, keyed, against, weight, a, b, options, impressive)
questions.toml:59: question "tasks": source: unknown key "source" (known keys: id, theme, kind, scored, text, help, basis, keyed, against, weight, a, b, options, impressive)`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// Syntax errors point at line and column, show the line and put a caret
// under the place, as toml.ParseError reports it.
func TestParseSyntaxErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           string
	}{
		{"unterminated string", `text = "Find the root cause"`, `text = "Find the root cause`,
			"questions.toml:37:28: strings cannot contain newlines\n" +
				"    37 | text = \"Find the root cause\n" +
				"       |                            ^"},
		{"missing value", `text = "Find the root cause"`, `text =`,
			"questions.toml:37:7: expected value but found '\\n' instead\n" +
				"    37 | text =\n" +
				"       |       ^"},
		// Column 22 counts bytes, as the decoder does: the tab is one and
		// each é two. On screen the tab is four columns and é one, and the
		// caret lands under that same 22nd byte, the space before the x.
		{"caret under the place despite a tab and accents", `text = "Find the root cause"`, "\ttext = \"Récupérer\" x",
			"questions.toml:37:22: expected a top-level item to end with a newline, comment, or EOF, but got 'x' instead\n" +
				"    37 |     text = \"Récupérer\" x\n" +
				"       |                       ^"},
		{"key given twice", `text = "Ship a quick fix"`, "text = \"Ship a quick fix\"\ntext = \"Ship it\"",
			"questions.toml:42:17: Key 'questions.options.text' has already been defined.\n" +
				"    42 | text = \"Ship it\"\n" +
				"       |                 ^"},
		{"control character in the source line is not shown", `title = "Back-end careers"`, "title = \"Back-end\x01careers\"",
			"questions.toml:1:17: TOML files cannot contain control characters: '0x01'\n" +
				"     1 | title = \"Back-endcareers\"\n" +
				"       |                 ^"},
		// The decoder places a bad escape at the start of its string, on
		// the line it has reached; the caret goes under the escape itself,
		// past a valid \\ that ends in the same letter.
		{"bad escape in a string over several lines", `text = "Find the root cause"`, "text = \"\"\"Find \\\\q the\nroot \\q cause\"\"\"",
			"questions.toml:38:6: invalid escape in string '\\q'\n" +
				"    38 | root \\q cause\"\"\"\n" +
				"       |      ^"},
		{"invalid UTF-8", `Ship a quick fix`, "Ship a qu\xffick fix",
			`questions.toml:41:18: invalid UTF-8: a bank must be saved as UTF-8 text`},
		// The levels counted are those the line opens: the inline table,
		// then the arrays, so the 32nd bracket, at column 25+31, is the
		// 33rd level.
		{"nesting beyond reason", `weights = { developer = 2 }`, "weights = { developer = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + " }",
			"questions.toml:42:56: nested more than 32 levels deep (a bank needs six at most)\n" +
				"    42 | weights = { developer = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + " }\n" +
				"       | " + strings.Repeat(" ", 55) + "^"},
		// The dots of a key count too, inside an inline table as well:
		// the 32nd dot, at column 13+63, is the 33rd level.
		{"dotted key beyond reason", `weights = { developer = 2 }`, "weights = { " + strings.Repeat("a.", 40) + "b = 2 }",
			"questions.toml:42:76: nested more than 32 levels deep (a bank needs six at most)\n" +
				"    42 | weights = { " + strings.Repeat("a.", 40) + "b = 2 }\n" +
				"       | " + strings.Repeat(" ", 75) + "^"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := quiz.Parse("questions.toml", []byte(editBase(t, tc.old, tc.new)))
			var se *quiz.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v (%T), want a *quiz.SyntaxError", err, err)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
			if want := fmt.Sprintf("questions.toml:%d:%d:", se.Line, se.Col); !strings.HasPrefix(tc.want, want) {
				t.Errorf("Line, Col = %d, %d; the message starts %q", se.Line, se.Col, tc.want[:len(want)])
			}
		})
	}
}

// Brackets, braces and dots in strings and comments are text, not
// nesting: however many a bank's texts hold, it loads.
func TestParseNestingIgnoresStringsAndComments(t *testing.T) {
	src := editBase(t, `basis = "Engineers find root causes; developers ship quick fixes."`, `# NOISE
basis = "NOISE \" NOISE" # NOISE
help = '''
NOISE'''' # NOISE`)
	src = strings.Replace(src, `basis = "Developers write features and tune queries."`, `basis = """
NOISE\""""" # NOISE`, 1)
	b, err := quiz.Parse("questions.toml", []byte(strings.ReplaceAll(src, "NOISE", strings.Repeat("[{.", 100))))
	if err != nil {
		t.Fatal(err)
	}
	if help := b.Question("outage").Help; !strings.HasSuffix(help, ".'") {
		t.Errorf("help ends %q, want the quote before the closing three", help[len(help)-5:])
	}
}

// Problems are placed on the lines that are TOML's own, never on a
// look-alike inside a multi-line string or a comment.
func TestParseProblemLinesSkipLookAlikes(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"headers and keys in strings and comments", `basis = "Engineers find root causes; developers ship quick fixes."`,
			"basis = \"\"\"\n[[questions]]\nkeyed = \"enginer\"\n\"\"\"\nhelp = '''\n[[questions]]\n'''\n# [[questions]]",
			`questions.toml:55: question "diagrams": keyed: unknown path "enginer": did you mean "engineer"?`},
		{"a key in an inline table over lines", `weights = { engineer = 2 }`, "weights = {\n  engineer = -2,\n}",
			`questions.toml:38: question "outage": option 1: weight for "engineer": -2 is negative: weights are points a path gains, from 0 to 1000`},
		// A header whose name is not plain may hide an element's index:
		// what follows it loses its lines rather than get wrong ones.
		{"after a header with an escape", `weights = { developer = 2 }`, "weights = { developer = 2 }\n[questions.options.\"\\u0061\"]",
			`questions.toml: question "diagrams": keyed: unknown path "enginer": did you mean "engineer"?`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(editBase(t, tc.old, tc.new), `keyed = "engineer"`, `keyed = "enginer"`, 1)
			_, err := quiz.Parse("questions.toml", []byte(src))
			if err == nil || !strings.Contains(err.Error()+"\n", tc.want+"\n") {
				t.Errorf("got\n%v\nwant a line\n%s", err, tc.want)
			}
		})
	}
}

// A value of the wrong type is an ordinary problem, at its own line and
// naming the question, even when the same key is used correctly in later
// questions; it is not reported a second time as missing.
func TestParseTypeErrors(t *testing.T) {
	cases := []struct {
		name, old, new string
		want           string
	}{
		{"integer for an id", `id = "diagrams"`, `id = 7`,
			"questions.toml:45: question 2: id: expected a string, found an integer"},
		{"string for a weight", `weights = { developer = 2 }`, `weights = { developer = "2" }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": expected a number, found a string`},
		{"number for the weights", `weights = { developer = 2 }`, `weights = 2`,
			`questions.toml:42: question "outage": option 2: weights: expected a table, found an integer: give points per path, such as weights = { engineer = 2 }`},
		{"integer too large for a number", `weights = { developer = 2 }`, `weights = { developer = 9007199254740993 }`,
			`questions.toml:42: question "outage": option 2: weight for "developer": 9007199254740993 is too large to be a number exactly`},
		{"boolean for a kind", `kind = "scale"`, `kind = true`,
			`questions.toml:47: question "diagrams": kind: expected a string, found a boolean`},
		{"date for a text", `text = "Ship a quick fix"`, `text = 2024-01-01`,
			`questions.toml:41: question "outage": option 2: text: expected a string, found a date or time`},
		{"table where an array of tables is needed", `basis = "Engineers design the architecture."`, "basis = \"Engineers design the architecture.\"\n\n[questions.options]\ntext = \"Agree\"",
			`questions.toml:52: question "diagrams": options: expected an array of tables, found a table: write each one under its own [[questions.options]] header`},
		{"number for the scoring table", `intro = "Which back-end path suits you?"`, "intro = \"Which back-end path suits you?\"\nscoring = 3",
			"questions.toml:3: scoring: expected a table, found an integer"},
		{"string for a list of salary facts", `summary = "Designs the whole system."`, "summary = \"Designs the whole system.\"\nsalary = \"Paid well.\"",
			`questions.toml:16: path "engineer": salary: expected an array of strings, found a string`},
		{"array for the title", `title = "Back-end careers"`, `title = ["Back-end careers"]`,
			"questions.toml:1: title: expected a string, found an array"},
	}
	all := readBase(t)
	var wantAll []string
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := quiz.Parse("questions.toml", []byte(editBase(t, tc.old, tc.new)))
			var ps quiz.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("got %v (%T), want quiz.Problems", err, err)
			}
			if err.Error() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", err, tc.want)
			}
		})
		if strings.Count(all, tc.old) == 1 {
			all = strings.Replace(all, tc.old, tc.new, 1)
			wantAll = append(wantAll, tc.want)
		}
	}
	t.Run("all at once", func(t *testing.T) {
		_, err := quiz.Parse("questions.toml", []byte(all))
		var ps quiz.Problems
		if !errors.As(err, &ps) {
			t.Fatalf("got %v (%T), want quiz.Problems", err, err)
		}
		// Every wrong type is reported, once, and nothing else: lines and
		// question names differ from the cases above, as the edits add up.
		if len(ps) != len(wantAll) {
			t.Errorf("got %d problems, want %d:\n%v", len(ps), len(wantAll), err)
		}
		for _, p := range ps {
			if !strings.Contains(p.Message, "expected") && !strings.Contains(p.Message, "too large") {
				t.Errorf("not a type problem: %v", p)
			}
		}
	})
}

// Warnings describe a bank that works but could be better; they never stop
// it from loading.
func TestParseWarnings(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		want           string
		check          func(*quiz.Bank) string
	}{
		{"missing basis", "basis = \"Engineers design the architecture.\"\n", "",
			`questions.toml:44: question "diagrams": basis: is missing: say which point of the source the question rests on`, nil},
		{"long option text", `text = "Ship a quick fix"`, `text = "Ship a quick fix, then write up what happened and plan the real repair"`,
			`questions.toml:41: question "outage": option 2: text: is longer than 68 characters and will be cut short in a terminal`, nil},
		{"long question text", `text = "Which tasks would you enjoy?"`, `text = "` + strings.Repeat("Which of these tasks would you enjoy doing? ", 6) + `"`,
			`questions.toml:56: question "tasks": text: is longer than 228 characters and may not fit an 80×24 screen with its options`, nil},
		{"colour codes removed", `text = "Ship a quick fix"`, `text = "Ship a \u001b[31mquick\u001b[0m fix"`,
			`questions.toml:41: question "outage": option 2: text: control characters removed: a bank cannot drive the terminal`,
			func(b *quiz.Bank) string { return b.Questions[0].Options[1].Text }},
		{"window title removed", `title = "Back-end careers"`, `title = "\u001b]0;owned\u0007Back-end careers"`,
			`questions.toml:1: title: control characters removed: a bank cannot drive the terminal`,
			func(b *quiz.Bank) string { return b.Title }},
		{"bidi override removed", `text = "Planning for growth"`, `text = "Planning for \u202egrowth"`,
			`questions.toml:66: question "tasks": option 2: text: control characters removed: a bank cannot drive the terminal`,
			func(b *quiz.Bank) string { return b.Questions[2].Options[1].Text }},
		{"theme no question uses", "[[paths]]\nid = \"engineer\"", "[[themes]]\nid = \"people\"\nname = \"Working with people\"\n\n[[paths]]\nid = \"engineer\"",
			`questions.toml:12: theme "people": no question uses this theme`, nil},
		{"path without steps", "steps = [{ id = \"build-a-feature\", stage = 3, theme = \"code\", text = \"Build a feature from the database to the API.\", basis = \"A step of the source.\" }]\n", "",
			`questions.toml:21: path "developer": no learning steps: a person told this path gets nothing to do next`, nil},
		{"more options than fit a screen", "[[questions.options]]\nid = \"growth\"",
			strings.Repeat("[[questions.options]]\ntext = \"Reading logs\"\nweights = { developer = 1 }\n\n", 7) + "[[questions.options]]\nid = \"growth\"",
			`questions.toml:52: question "tasks": options: 9 options will not all fit an 80×24 screen; keep to 8`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := quiz.Parse("questions.toml", []byte(editBase(t, tc.old, tc.new)))
			if err != nil {
				t.Fatalf("a warning stopped the bank: %v", err)
			}
			if got := quiz.Problems(b.Warnings).Error(); got != tc.want {
				t.Errorf("warnings:\n got %s\nwant %s", got, tc.want)
			}
			for _, w := range b.Warnings {
				if !w.Warning {
					t.Errorf("warning not marked as one: %v", w)
				}
			}
			if tc.check != nil {
				if got := tc.check(b); got != termsafe.Clean(got) || strings.ContainsAny(got, "\x1b\x07\u202e") {
					t.Errorf("text kept control characters: %q", got)
				}
			}
		})
	}
}

func TestParseCleansText(t *testing.T) {
	b, err := quiz.Parse("questions.toml", []byte(editBase(t,
		`text = "Ship a quick fix"`, `text = "Ship a \u001b[31mquick\u001b[0m\tfix"`)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.Questions[0].Options[1].Text, "Ship a quick fix"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
}

// A bank saved with a byte order mark or Windows line ends loads to the same
// bank as the plain file, with no warning.
func TestParseAcceptsCommonEncodings(t *testing.T) {
	base := readBase(t)
	want, err := quiz.Parse("questions.toml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range map[string]string{
		"byte order mark": "\ufeff" + base,
		"CRLF lines":      strings.ReplaceAll(base, "\n", "\r\n"),
		"both":            "\ufeff" + strings.ReplaceAll(base, "\n", "\r\n"),
	} {
		t.Run(name, func(t *testing.T) {
			b, err := quiz.Parse("questions.toml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			b.SHA256 = want.SHA256
			if !reflect.DeepEqual(b, want) {
				t.Errorf("got\n%+v\nwant\n%+v", b, want)
			}
		})
	}
}

// UTF-16, which some Windows editors call "Unicode", is not TOML: it gets a
// message that says so and what to do, not a complaint about its bytes.
func TestParseRefusesUTF16(t *testing.T) {
	for name, bom := range map[string][]byte{"little-endian": {0xff, 0xfe}, "big-endian": {0xfe, 0xff}} {
		t.Run(name, func(t *testing.T) {
			data := append(bom, []byte("t\x00i\x00t\x00")...)
			_, err := quiz.Parse("questions.toml", data)
			want := "questions.toml:1:1: the file is UTF-16 text, and a bank must be UTF-8: save it again with the encoding UTF-8"
			if !errors.Is(err, quiz.ErrUTF16) || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("got %v, want %s", err, want)
			}
			_, err = quiz.ParseAnswers(&quiz.Bank{}, "answers.toml", data)
			if !errors.Is(err, quiz.ErrUTF16) || !strings.Contains(err.Error(), "an answers file must be UTF-8") {
				t.Errorf("answers file: got %v", err)
			}
		})
	}
}

func TestParseRefusesLargeInput(t *testing.T) {
	_, err := quiz.Parse("big.toml", make([]byte, quiz.MaxSize+1))
	if !errors.Is(err, quiz.ErrTooLarge) {
		t.Fatalf("got %v, want quiz.ErrTooLarge", err)
	}
	if want := "big.toml: file is larger than 16 MiB"; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	sparse := func(name string, size int64) string {
		t.Helper()
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.Truncate(size); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tooLarge := sparse("huge.toml", quiz.MaxSize+1)
	atLimit := sparse("limit.toml", quiz.MaxSize)
	missing := filepath.Join(dir, "missing.toml")

	t.Run("a bank file", func(t *testing.T) {
		b, err := quiz.Load("testdata/small.toml")
		if err != nil {
			t.Fatal(err)
		}
		if b.File != "testdata/small.toml" || len(b.Questions) != 2 {
			t.Errorf("File %q with %d questions, want testdata/small.toml with 2", b.File, len(b.Questions))
		}
	})
	t.Run("missing file", func(t *testing.T) {
		_, err := quiz.Load(missing)
		if want := missing + ": does not exist"; err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", err)
		}
	})
	t.Run("folder", func(t *testing.T) {
		_, err := quiz.Load(dir)
		if want := dir + ": is a folder, not a file"; err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	})
	t.Run("file over 16 MiB is refused before it is read", func(t *testing.T) {
		start := time.Now()
		_, err := quiz.Load(tooLarge)
		// The size in the message comes from the file's metadata: a file
		// that was read would be refused without it.
		if want := tooLarge + ": file is larger than 16 MiB (16777217 bytes)"; err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
		if !errors.Is(err, quiz.ErrTooLarge) {
			t.Errorf("errors.Is(%v, quiz.ErrTooLarge) = false", err)
		}
		if d := time.Since(start); d > slowdown*5*time.Second {
			t.Errorf("refusing took %v", d)
		}
	})
	t.Run("file of exactly 16 MiB is read", func(t *testing.T) {
		_, err := quiz.Load(atLimit)
		var se *quiz.SyntaxError
		if !errors.As(err, &se) || errors.Is(err, quiz.ErrTooLarge) {
			t.Errorf("got %v (%T), want a syntax error about its content", err, err)
		}
	})
	t.Run("a device is refused before a byte is read", func(t *testing.T) {
		if _, err := os.Stat("/dev/zero"); err != nil {
			t.Skip("no /dev/zero")
		}
		_, err := quiz.Load("/dev/zero")
		if want := "/dev/zero: is a device (character device): careerquiz reads only regular files here"; err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	})
}

// The 10,000-question bank of a large organisation must still load in a
// blink: everything in the loader is linear in the size of the file.
func BenchmarkParseLargeBank(b *testing.B) {
	src := largeBank(b, 10000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := quiz.Parse("large.toml", src); err != nil {
			b.Fatal(err)
		}
	}
}

func largeBank(tb testing.TB, n int) []byte {
	var sb strings.Builder
	sb.WriteString(readBase(tb))
	for i := range n {
		fmt.Fprintf(&sb, `
[[questions]]
id = "q%d"
theme = "code"
text = "Question %d: which would you rather do?"
basis = "Both roles."

[[questions.options]]
text = "Design it"
weights = { engineer = 1 }

[[questions.options]]
text = "Build it"
weights = { developer = 1.5 }
`, i, i)
	}
	return []byte(sb.String())
}

func TestParseLargeBankWithAProblemInEveryQuestion(t *testing.T) {
	if testing.Short() {
		t.Skip("large bank")
	}
	src := strings.ReplaceAll(string(largeBank(t, 10000)), `basis = "Both roles."`, "basis = \"Both roles.\"\nnote = 1")
	start := time.Now()
	_, err := quiz.Parse("large.toml", []byte(src))
	var ps quiz.Problems
	if !errors.As(err, &ps) || len(ps) != 10000 {
		t.Fatalf("got %d problems (%T), want 10000", len(ps), err)
	}
	if d := time.Since(start); d > slowdown*10*time.Second {
		t.Errorf("reporting took %v", d)
	}
}

// TestLongLinesAreCut: an error on a line of megabytes shows only the
// stretch around the fault, with the caret still under it.
func TestLongLinesAreCut(t *testing.T) {
	src := "title = \"" + strings.Repeat("x", 5000) + "\nintro = \"y\"\n"
	_, err := quiz.Parse("long.toml", []byte(src))
	var se *quiz.SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("want a SyntaxError, got %v", err)
	}
	lines := strings.Split(se.Error(), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a message, an excerpt and a caret, got:\n%s", se.Error())
	}
	for _, l := range lines[1:] {
		if n := utf8.RuneCountInString(l); n > 180 {
			t.Errorf("line of %d characters in the message: %.60q…", n, l)
		}
	}
	caret := strings.IndexRune(lines[2], '^')
	if caret < 0 || caret >= len(lines[1]) {
		t.Fatalf("no caret within the excerpt:\n%s", se.Error())
	}
}

// TestProblemFieldsAreQuoted: a key spelled with escape sequences or a
// newline is named quoted, so that it can neither drive the terminal nor
// forge a line of the message; a plain key is named as it is.
func TestProblemFieldsAreQuoted(t *testing.T) {
	for field, want := range map[string]string{
		"\x1b[2Jevil":        `q.toml:3: question "outage": "\x1b[2Jevil": unknown key`,
		"col\nour: fake":     `q.toml:3: question "outage": "col\nour: fake": unknown key`,
		"options[2].weights": `q.toml:3: question "outage": options[2].weights: unknown key`,
	} {
		p := quiz.Problem{File: "q.toml", Line: 3, Question: "outage", Field: field, Message: "unknown key"}
		if got := p.Error(); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

// impressive marks the side that sounds more impressive; the bank stores it
// as the options of that side, by index: a graded side covers its two
// points, a statement's agreeing or disagreeing side its two, and a choice
// or pick-any question the options named.
func TestParseImpressive(t *testing.T) {
	graded := "\n[[questions]]\nid = \"plans\"\ntheme = \"design\"\nkind = \"graded\"\ntext = \"Which?\"\nbasis = \"The source.\"\n" +
		"a = { text = \"Plan it\", path = \"engineer\" }\nb = { text = \"Build it\", path = \"developer\" }\n"
	const tasks = "basis = \"Developers write features and tune queries.\""
	for _, tc := range []struct {
		name, old, new string
		question       string
		want           []int
	}{
		{"nothing marked", `keyed = "engineer"`, `keyed = "engineer"`, "diagrams", nil},
		{"a statement's agreeing side", `keyed = "engineer"`, "keyed = \"engineer\"\nimpressive = [\"agree\"]", "diagrams", []int{3, 4}},
		{"a statement's disagreeing side", `keyed = "engineer"`, "keyed = \"engineer\"\nimpressive = [\"disagree\"]", "diagrams", []int{0, 1}},
		{"graded side a", "", graded + "impressive = [\"a\"]\n", "plans", []int{0, 1}},
		{"graded side b", "", graded + "impressive = [\"b\"]\n", "plans", []int{3, 4}},
		{"a pick-any option", tasks, tasks + "\nimpressive = [\"growth\"]", "tasks", []int{1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := readBase(t) + tc.new
			if tc.old != "" {
				src = editBase(t, tc.old, tc.new)
			}
			b, err := quiz.Parse("questions.toml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if got := b.Question(tc.question).Impressive; !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Impressive = %v, want %v", got, tc.want)
			}
		})
	}
}

// A bank whose every question is a profile question can recommend nothing,
// which check reports as an error.
func TestParseRefusesABankWithNoScoredQuestion(t *testing.T) {
	src := "title = \"T\"\nintro = \"I\"\n[[themes]]\nid = \"me\"\nname = \"Me\"\n" +
		"[[paths]]\nid = \"engineer\"\nname = \"E\"\nsummary = \"S\"\nsteps = [{ id = \"s1\", stage = 1, theme = \"me\", text = \"T\", basis = \"B\" }]\n" +
		"[[paths]]\nid = \"developer\"\nname = \"D\"\nsummary = \"S\"\nsteps = [{ id = \"s2\", stage = 1, theme = \"me\", text = \"T\", basis = \"B\" }]\n" +
		"[[questions]]\nid = \"experience\"\ntheme = \"me\"\nscored = false\ntext = \"Experience?\"\n" +
		"options = [{ id = \"none\", text = \"None\" }, { id = \"work\", text = \"At work\" }]\n"
	_, err := quiz.Parse("questions.toml", []byte(src))
	want := "questions.toml:1: questions: every question is unscored (scored = false), so none can recommend a path: add a scored question"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
