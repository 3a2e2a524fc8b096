package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
)

// schemaOf compiles the schema `careerquiz schema NAME` prints, which is
// what an author outside the repository has to go on.
func schemaOf(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	e, stdout, stderr := testEnv(t, "")
	if code := run([]string{"schema", name}, e); code != cli.ExitOK {
		t.Fatalf("careerquiz schema %s: exit code %d; stderr:\n%s", name, code, stderr)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(stdout.Bytes()))
	if err != nil {
		t.Fatalf("careerquiz schema %s is not JSON: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(name+".schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(name + ".schema.json")
	if err != nil {
		t.Fatalf("careerquiz schema %s does not compile: %v", name, err)
	}
	return schema
}

// validate holds a JSON document to a schema.
func validate(t *testing.T, schema *jsonschema.Schema, doc []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	if err := schema.Validate(v); err != nil {
		t.Errorf("does not match the schema:\n%v\n%s", err, doc)
	}
}

// TestResultsMatchTheSchema holds what the command really prints with
// --json, on the built-in bank, to `careerquiz schema result`, the schema
// that ships for programs reading results.
func TestResultsMatchTheSchema(t *testing.T) {
	t.Parallel()
	schema := schemaOf(t, "result")
	answerSets := map[string]string{
		"engineer":  "messaging = 2\ncrash = 3\ncomponents = 5\ncolleagues = 1\npasswords = 2\nsecurity-tasks = [1, 3, 6]\n",
		"developer": "messaging = 1\ncrash = 1\ncomponents = 1\ncolleagues = 2\npasswords = 1\nsecurity-tasks = [2, 4, 5]\n",
		"skipped":   "messaging = \"skip\"\n",
		"shuffled":  "messaging = 1\n",
		// Every question answered: a clear lean, and the middle everywhere
		// (a tie-close result with a warning).
		"all-engineer": "messaging = 5\ncrash = 1\ncomponents = 5\ncolleagues = 5\npasswords = 1\nqueries = 1\nslow-app = 2\ngrowth = 5\nroot-cause = 5\ndata-layout = 1\nsecurity-tasks = [1, 3, 6]\none-feature = 1\nsearch-bar = 1\ntech-choice = 5\nlogin = 5\nquick-fix = 1\npayments = 1\nprevent = 5\ncommunication = 5\nmeetings = [2, 3, 5]\ndaily-tasks = 1\nhorizon = 5\ntraffic = 1\nstandards = 5\nblueprint = 5\nperformance-tasks = [1, 3]\nguidelines = 1\nschema-change = 1\ndata-tasks = [2, 4]\n",
		"all-middle":   "messaging = 3\ncrash = 3\ncomponents = 3\ncolleagues = 3\npasswords = 3\nqueries = 3\nslow-app = 1\ngrowth = 3\nroot-cause = 3\ndata-layout = 3\nsecurity-tasks = [1, 2]\none-feature = 3\nsearch-bar = 3\ntech-choice = 3\nlogin = 3\nquick-fix = 3\npayments = 3\nprevent = 3\ncommunication = 3\nmeetings = [1, 2]\ndaily-tasks = 3\nhorizon = 3\ntraffic = 3\nstandards = 3\nblueprint = 3\nperformance-tasks = [1, 2]\nguidelines = 3\nschema-change = 3\ndata-tasks = [1, 2]\n",
	}
	for name, answers := range answerSets {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "answers.toml")
			if err := os.WriteFile(file, []byte(answers), 0o600); err != nil {
				t.Fatal(err)
			}
			args := []string{"--answers", file, "--json"}
			stdin := ""
			if name == "shuffled" {
				// An answers file is answered in no order: a shuffled
				// run is one whose answers are typed, here the first
				// option of every question.
				args, stdin = []string{"--seed", "42", "--json"}, strings.Repeat("1\n", 60)
			}
			e, stdout, stderr := testEnv(t, stdin)
			if code := run(args, e); code != cli.ExitOK {
				t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
			}
			validate(t, schema, stdout.Bytes())
		})
	}
}

// TestCheckReportsMatchTheSchema holds real `check --json` output to
// `careerquiz schema check`: for the built-in bank, for every bank the
// command-line scripts hold (broken ones included, which report ok false
// and their errors), and for a bank read from standard input.
func TestCheckReportsMatchTheSchema(t *testing.T) {
	t.Parallel()
	schema := schemaOf(t, "check")
	banks := map[string][]byte{"built-in": nil}
	scripts, err := filepath.Glob("testdata/script/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, script := range scripts {
		a, err := txtar.ParseFile(script)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".toml") && bytes.Contains(f.Data, []byte("[[questions]]")) {
				banks[filepath.Base(script)+"/"+f.Name] = f.Data
			}
		}
	}
	if len(banks) < 4 {
		t.Fatalf("found %d banks in the scripts; the test has lost its material", len(banks))
	}
	sawBroken := false
	for name, data := range banks {
		t.Run(name, func(t *testing.T) {
			args := []string{"check", "--json"}
			if data != nil {
				file := filepath.Join(t.TempDir(), "bank.toml")
				if err := os.WriteFile(file, data, 0o600); err != nil {
					t.Fatal(err)
				}
				args = append(args, file)
			}
			e, stdout, stderr := testEnv(t, "")
			code := run(args, e)
			if code != cli.ExitOK && code != cli.ExitError {
				t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
			}
			sawBroken = sawBroken || code == cli.ExitError
			validate(t, schema, stdout.Bytes())
			var doc struct{ OK bool }
			if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.OK != (code == cli.ExitOK) {
				t.Errorf("ok is %v, exit code %d", doc.OK, code)
			}
		})
	}
	if !sawBroken {
		t.Error("no broken bank was checked")
	}
	t.Run("standard input", func(t *testing.T) {
		e, stdout, stderr := testEnv(t, string(banks["three_paths.txtar/three.toml"]))
		if code := run([]string{"check", "--json", "-"}, e); code != cli.ExitOK {
			t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
		}
		validate(t, schema, stdout.Bytes())
	})
}

// TestBuiltInBankMatchesTheSchema holds what `careerquiz bank` prints to
// `careerquiz schema`, as an editor checking a new bank would.
func TestBuiltInBankMatchesTheSchema(t *testing.T) {
	t.Parallel()
	schema := schemaOf(t, "bank")
	e, stdout, stderr := testEnv(t, "")
	if code := run([]string{"bank"}, e); code != cli.ExitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	var bank any
	if _, err := toml.Decode(stdout.String(), &bank); err != nil {
		t.Fatal(err)
	}
	doc, err := json.Marshal(bank)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, schema, doc)
}

// TestBankHeaderSaysWhereTheSchemaIs: a bank made by `careerquiz bank`
// outside the repository names ./questions.schema.json, and its header says
// how to put that file there.
func TestBankHeaderSaysWhereTheSchemaIs(t *testing.T) {
	t.Parallel()
	e, stdout, _ := testEnv(t, "")
	run([]string{"bank"}, e)
	bank := stdout.String()
	if !strings.HasPrefix(bank, "#:schema ./questions.schema.json\n") {
		t.Error("the bank does not start with #:schema ./questions.schema.json")
	}
	header, _, _ := strings.Cut(bank, "\n\n")
	if !strings.Contains(strings.ReplaceAll(header, "\n# ", " "), "`careerquiz schema > questions.schema.json`") {
		t.Errorf("the bank's header does not say how to put the schema next to it:\n%s", header)
	}
}

// TestEmbeddedBankKeepsLF: the bank is embedded as it is stored. A checkout
// that turned its line endings into CRLF (core.autocrlf=true without the
// repository's .gitattributes) would embed other bytes, with another
// sha256 in every result.
func TestEmbeddedBankKeepsLF(t *testing.T) {
	t.Parallel()
	if bytes.Contains(careerquiz.Questions, []byte("\r")) {
		t.Error("the embedded bank holds CR: this checkout converted line endings; see .gitattributes")
	}
}
