package quiz_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/careerquiz/careerquiz/quiz"
)

// The schema lets editors check a bank as it is typed, and the loader checks
// it when the quiz runs. These tests keep the two in agreement: the banks
// below that the loader accepts the schema accepts too, and the mistakes an
// editor can catch are mistakes the loader refuses for the same reason. Rules that need the whole bank at
// once (unique ids, weights for paths that exist, rising scoring bands,
// three decimals) belong to the loader alone and are tested with it.

const (
	bankFile   = "../questions.toml"
	schemaFile = "../questions.schema.json"
)

// compileSchema compiles questions.schema.json, which also checks it
// against the draft 2020-12 meta-schema.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile(filepath.FromSlash(schemaFile))
	if err != nil {
		t.Fatalf("compile %s: %v", schemaFile, err)
	}
	return sch
}

// decodeTOML decodes a bank the way an editor sees it: as plain TOML data,
// before any of the loader's rules, turned into the JSON values the schema
// validator works on.
func decodeTOML(t *testing.T, src string) any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatalf("sample is not TOML: %v", err)
	}
	// TOML arrays of tables decode to []map[string]any, which the validator
	// does not take; a JSON round trip gives it the types it knows.
	js, err := json.Marshal(m)
	if err != nil {
		t.Fatalf("sample has no JSON form: %v", err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatalf("read back JSON form: %v", err)
	}
	return v
}

func TestSchemaAcceptsDefaultBank(t *testing.T) {
	data, err := os.ReadFile(bankFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("#:schema ./questions.schema.json\n")) {
		t.Errorf("%s does not start with the #:schema line editors read", bankFile)
	}
	if err := compileSchema(t).Validate(decodeTOML(t, string(data))); err != nil {
		t.Errorf("schema rejects %s:\n%v", bankFile, err)
	}
	b, err := quiz.Parse("questions.toml", data)
	if err != nil {
		t.Fatalf("loader rejects %s:\n%v", bankFile, err)
	}
	for _, w := range b.Warnings {
		t.Errorf("default bank has a warning: %v", w)
	}
}

// sampleBank is a small bank that uses every key the format has, so that
// both checkers must accept each key, and each broken sample below differs
// from it in one place only.
const sampleBank = `title = "Sample"
intro = "A small bank for checking the checkers."

[scoring]
min_answered = 0.5
slight = 5
moderate = 12
clear = 25

[[themes]]
id = "design"
name = "System design"
about = "How the parts of a system fit together."

[[paths]]
id = "engineer"
name = "Back-end engineer"
summary = "Designs the whole system."
salary = ["About $115,784 a year on average in the United States."]

[[paths.steps]]
id = "step-1"
stage = 4
theme = "design"
text = "Study system design."
basis = "Engineers study system design."
skip_when = { experience = ["work"] }

[[paths]]
id = "developer"
name = "Back-end developer"
summary = "Writes the code that brings the design to life."

[[paths.steps]]
id = "step-2"
stage = 1
theme = "design"
text = "Learn a language such as PHP, Java or Python."
basis = "Learn a language first."

[[try_both]]
id = "login"
theme = "design"
text = "Design how a log-in system stores passwords, then write its sign-up code."
basis = "The login example."

[[questions]]
id = "experience"
theme = "design"
scored = false
text = "How much programming have you done so far?"

[[questions.options]]
id = "none"
text = "None yet"

[[questions.options]]
id = "work"
text = "Back-end code at work"

[[questions]]
id = "outage"
theme = "design"
kind = "choice"
text = "The site crashed under heavy traffic. Which follow-up is yours?"
help = "Both matter; pick the one you would rather do."
basis = "Crash example."

[[questions.options]]
id = "redesign"
text = "Redesign the system for more traffic"
weights = { engineer = 2 }

[[questions.options]]
id = "fix"
text = "Find the failing code and fix it"
weights = { developer = 2 }

[[questions]]
id = "tasks"
theme = "design"
kind = "pick-any"
text = "Which of these would you enjoy?"
basis = "Security tasks."

[[questions.options]]
text = "Plan the firewalls"
weights = { engineer = 1 }

[[questions.options]]
text = "Patch a security flaw"
weights = { developer = 1.5 }

[[questions]]
id = "diagrams"
theme = "design"
kind = "scale"
keyed = "engineer"
against = "developer"
weight = 1.5
text = "I would rather work out how the parts of a system interact than write the code of one of them."
basis = "Engineers design the entire structure."

[[questions]]
id = "payments-down"
theme = "design"
kind = "graded"
weight = 2
text = "An online shop has stopped taking payments. Which part would you rather own?"
basis = "Engineers prevent repeats; developers fix fast."
a = { text = "Work out why it failed and stop it happening again", path = "engineer" }
b = { text = "Find the broken code and get payments going again", path = "developer" }
impressive = ["a"]
`

// Parts of sampleBank that broken samples leave out.
const (
	outageOptions = `[[questions.options]]
id = "redesign"
text = "Redesign the system for more traffic"
weights = { engineer = 2 }

[[questions.options]]
id = "fix"
text = "Find the failing code and fix it"
weights = { developer = 2 }
`
	developerPath = `[[paths]]
id = "developer"
name = "Back-end developer"
summary = "Writes the code that brings the design to life."

[[paths.steps]]
id = "step-2"
stage = 1
theme = "design"
text = "Learn a language such as PHP, Java or Python."
basis = "Learn a language first."
`
)

func TestSchemaAndLoaderAcceptSample(t *testing.T) {
	sch := compileSchema(t)
	if err := sch.Validate(decodeTOML(t, sampleBank)); err != nil {
		t.Errorf("schema rejects the sample:\n%v", err)
	}
	if _, err := quiz.Parse("sample.toml", []byte(sampleBank)); err != nil {
		t.Errorf("loader rejects the sample:\n%v", err)
	}

	// Every key the schema declares must appear in the sample; otherwise a
	// key the loader does not know could hide in the schema unnoticed.
	var sample map[string]any
	if _, err := toml.Decode(sampleBank, &sample); err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	collectKeys(sample, used)
	for _, name := range schemaProperties(t) {
		if !used[name] {
			t.Errorf("sample does not use the key %q the schema declares", name)
		}
	}
}

func TestSchemaAndLoaderRejectTogether(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct {
		name     string
		old, new string
		// want is a fragment the loader's message must hold, so that it
		// refuses the sample for the same reason as the schema.
		want string
	}{
		{"unknown top-level key", `title = "Sample"`, "title = \"Sample\"\ncolour = \"blue\"", "colour"},
		{"unknown scoring key", `clear = 25`, "clear = 25\nstrict = true", "strict"},
		{"unknown theme key", `about = "How the parts of a system fit together."`, "about = \"x\"\ncolor = \"red\"", "color"},
		{"unknown path key", `summary = "Designs the whole system."`, "summary = \"Designs.\"\npay = 1", "pay"},
		{"unknown step key", `text = "Study system design."`, "text = \"Study system design.\"\norder = 1", "order"},
		{"unknown question key", `basis = "Crash example."`, "basis = \"Crash example.\"\nhint = \"x\"", "hint"},
		{"unknown option key", `text = "Find the failing code and fix it"`, "text = \"Find the failing code and fix it\"\nscore = 2", "score"},
		{"misspelt key", `summary = "Designs the whole system."`, `sumary = "Designs the whole system."`, "sumary"},

		{"title is a number", `title = "Sample"`, `title = 5`, "title"},
		{"intro is an array", `intro = "A small bank for checking the checkers."`, `intro = ["A small bank."]`, "intro"},
		{"threshold is a string", `slight = 5`, `slight = "5"`, "slight"},
		{"salary is a string", `salary = ["About $115,784 a year on average in the United States."]`, `salary = "About $115,784."`, "salary"},
		{"weight is a string", `weights = { engineer = 2 }`, `weights = { engineer = "2" }`, "engineer"},
		{"weights is a number", `weights = { engineer = 2 }`, `weights = 2`, "weights"},
		{"options is a string", `basis = "Engineers design the entire structure."`, "basis = \"x\"\noptions = \"none\"", "options"},
		{"scale weight is a string", `weight = 1.5`, `weight = "heavy"`, "weight"},

		{"title missing", "title = \"Sample\"\n", "", "title"},
		{"intro missing", "intro = \"A small bank for checking the checkers.\"\n", "", "intro"},
		{"title blank", `title = "Sample"`, `title = "   "`, "title"},
		{"theme name missing", "name = \"System design\"\n", "", "theme 1: name"},
		{"path summary missing", "summary = \"Designs the whole system.\"\n", "", "path \"engineer\": summary"},
		{"step text missing", "text = \"Study system design.\"\n", "", "step 1: text"},
		{"question text missing", "text = \"The site crashed under heavy traffic. Which follow-up is yours?\"\n", "", "question \"outage\": text"},
		{"question theme missing", "id = \"outage\"\ntheme = \"design\"\n", "id = \"outage\"\n", "theme"},
		{"option text missing", "text = \"Plan the firewalls\"\n", "", "option 1: text"},
		{"option weights missing", "weights = { engineer = 2 }\n", "", "weights"},
		{"option weights empty", `weights = { engineer = 2 }`, `weights = {}`, "weights"},
		{"scale keyed missing", "keyed = \"engineer\"\n", "", "keyed"},
		{"choice options missing", outageOptions, "", "options"},

		{"bad kind", `kind = "choice"`, `kind = "multiple"`, "kind"},
		{"kind in capitals", `kind = "pick-any"`, `kind = "Pick-any"`, "kind"},

		{"question id in capitals", `id = "outage"`, `id = "Outage"`, "Outage"},
		{"question id with a space", `id = "outage"`, `id = "out age"`, "out age"},
		{"question id starting with a dash", `id = "outage"`, `id = "-outage"`, "-outage"},
		{"question id too long", `id = "outage"`, `id = "` + strings.Repeat("a", 65) + `"`, "aaaa"},
		{"theme id with a dot", `id = "design"`, `id = "sys.design"`, "sys.design"},
		{"path id empty", `id = "developer"`, `id = ""`, "path 2: id"},
		{"option id in capitals", `id = "redesign"`, `id = "Redesign"`, "Redesign"},
		{"option id skip", `id = "redesign"`, `id = "skip"`, "reserved"},

		{"themes missing", "[[themes]]\nid = \"design\"\nname = \"System design\"\nabout = \"How the parts of a system fit together.\"\n", "", "themes"},
		{"one path", developerPath, "", "paths"},
		{"one option", "[[questions.options]]\ntext = \"Patch a security flaw\"\nweights = { developer = 1.5 }\n", "", "options"},
		{"scale with options", "basis = \"Engineers design the entire structure.\"\n", "basis = \"x\"\n\n[[questions.options]]\ntext = \"Yes\"\nweights = { engineer = 1 }\n", "options"},
		{"keyed on a choice", `kind = "choice"`, "kind = \"choice\"\nkeyed = \"engineer\"", "keyed"},
		{"against on a choice", `kind = "choice"`, "kind = \"choice\"\nagainst = \"engineer\"", "against"},
		{"weight on a pick-any", `kind = "pick-any"`, "kind = \"pick-any\"\nweight = 2", "weight"},
		{"negative weight", `weights = { engineer = 2 }`, `weights = { engineer = -2 }`, "-2"},
		{"weight above 1000", `weights = { engineer = 2 }`, `weights = { engineer = 1001 }`, "1001"},
		{"scale weight zero", `weight = 1.5`, `weight = 0`, "weight"},
		{"scale weight negative", `weight = 1.5`, `weight = -1`, "weight"},
		{"min_answered zero", `min_answered = 0.5`, `min_answered = 0`, "min_answered"},
		{"min_answered above one", `min_answered = 0.5`, `min_answered = 1.5`, "min_answered"},
		{"threshold above 100", `clear = 25`, `clear = 101`, "clear"},
		{"threshold negative", `slight = 5`, `slight = -1`, "slight"},

		{"graded without b", `b = { text = "Find the broken code and get payments going again", path = "developer" }`, "", "b: is missing"},
		{"graded side without path", `path = "developer" }`, `}`, "b: path"},
		{"graded with options", `path = "developer" }`, "path = \"developer\" }\n[[questions.options]]\ntext = \"Yes\"\nweights = { engineer = 1 }", "options"},
		{"graded with keyed", "a = { text = \"Work out", "keyed = \"engineer\"\na = { text = \"Work out", "keyed"},
		{"graded with against", "a = { text = \"Work out", "against = \"engineer\"\na = { text = \"Work out", "against"},
		{"sides on a choice", `help = "Both matter; pick the one you would rather do."`, "a = { text = \"x\", path = \"engineer\" }", "sides are only for graded"},
		{"graded side is a string", `a = { text = "Work out why it failed and stop it happening again", path = "engineer" }`, `a = "engineer"`, "a"},
		{"unscored scale", `keyed = "engineer"`, "keyed = \"engineer\"\nscored = false", "only a choice question can be unscored"},
		{"unscored pick-any", `kind = "pick-any"`, "kind = \"pick-any\"\nscored = false", "only a choice question can be unscored"},
		{"unscored option with weights", "id = \"none\"\ntext = \"None yet\"\n", "id = \"none\"\ntext = \"None yet\"\nweights = { engineer = 1 }\n", "remove the weights"},
		{"unscored option without id", "id = \"none\"\ntext = \"None yet\"\n", "text = \"None yet\"\n", "has no id"},
		{"scored is a string", `scored = false`, `scored = "no"`, "scored"},
		{"step id missing", "id = \"step-1\"\n", "", "step 1: id"},
		{"step stage missing", "stage = 4\n", "", "stage: is missing"},
		{"step stage zero", `stage = 4`, `stage = 0`, "stage"},
		{"step stage a fraction", `stage = 4`, `stage = 1.5`, "stage"},
		{"skip_when is a list", `skip_when = { experience = ["work"] }`, `skip_when = ["work"]`, "skip_when"},
		{"try_both text missing", "text = \"Design how a log-in system stores passwords, then write its sign-up code.\"\n", "", "try_both 1: text"},
		{"impressive side of a statement on a graded question", `impressive = ["a"]`, `impressive = ["agree"]`, "impressive"},
		{"impressive both sides", `impressive = ["a"]`, `impressive = ["a", "b"]`, "impressive"},
		{"impressive empty", `impressive = ["a"]`, `impressive = []`, "impressive"},
		{"impressive a string", `impressive = ["a"]`, `impressive = "a"`, "impressive"},
		{"try_both with a stage", `basis = "The login example."`, "basis = \"x\"\nstage = 1", "stage"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(sampleBank, tt.old) {
				t.Fatalf("sample does not contain %q", tt.old)
			}
			src := strings.Replace(sampleBank, tt.old, tt.new, 1)
			if err := sch.Validate(decodeTOML(t, src)); err == nil {
				t.Errorf("schema accepts it")
			} else if !errors.As(err, new(*jsonschema.ValidationError)) {
				t.Errorf("schema fails for another reason: %v", err)
			}
			if _, err := quiz.Parse("sample.toml", []byte(src)); err == nil {
				t.Errorf("loader accepts it")
			} else if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("loader rejects it, but its message does not mention %q:\n%v", tt.want, err)
			}
		})
	}
}

// TestSchemaDocumentsEveryProperty holds the schema to giving editors
// something to show: each property it declares has a title and a
// description. The if/then/else branches only narrow properties declared
// elsewhere, so they are not held to it.
func TestSchemaDocumentsEveryProperty(t *testing.T) {
	walkProperties(t, loadSchemaDoc(t), "", func(at string, prop map[string]any) {
		for _, k := range []string{"title", "description"} {
			if s, _ := prop[k].(string); strings.TrimSpace(s) == "" {
				t.Errorf("%s has no %s", at, k)
			}
		}
	})
}

func loadSchemaDoc(t *testing.T) map[string]any {
	t.Helper()
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	return doc
}

// walkProperties calls fn for every schema that describes a key of a bank:
// the members of "properties" and the "additionalProperties" schemas that
// stand for keys chosen by the author (such as path ids in weights).
func walkProperties(t *testing.T, node any, at string, fn func(at string, prop map[string]any)) {
	switch n := node.(type) {
	case map[string]any:
		for k, v := range n {
			switch k {
			case "if", "then", "else":
				continue
			case "properties":
				props, _ := v.(map[string]any)
				for name, p := range props {
					pm, ok := p.(map[string]any)
					if !ok {
						t.Errorf("%s.properties.%s is not a schema object", at, name)
						continue
					}
					fn(at+".properties."+name, pm)
				}
			case "additionalProperties":
				if pm, ok := v.(map[string]any); ok {
					fn(at+".additionalProperties", pm)
				}
			}
			walkProperties(t, v, at+"."+k, fn)
		}
	case []any:
		for _, v := range n {
			walkProperties(t, v, at, fn)
		}
	}
}

// schemaProperties lists the names of all keys the schema declares.
func schemaProperties(t *testing.T) []string {
	var names []string
	walkProperties(t, loadSchemaDoc(t), "", func(at string, _ map[string]any) {
		if i := strings.LastIndex(at, ".properties."); i >= 0 && !strings.HasSuffix(at, ".additionalProperties") {
			names = append(names, at[i+len(".properties."):])
		}
	})
	slices.Sort(names)
	return slices.Compact(names)
}

// collectKeys records the keys of every table in a decoded TOML document.
func collectKeys(v any, used map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			used[k] = true
			collectKeys(x, used)
		}
	case []map[string]any:
		for _, x := range v {
			collectKeys(x, used)
		}
	case []any:
		for _, x := range v {
			collectKeys(x, used)
		}
	}
}
