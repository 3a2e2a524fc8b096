package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestResultsMatchTheSchema holds what the command really prints with
// --json, on the built-in bank, to result.schema.json, the schema that
// ships for programs reading results.
func TestResultsMatchTheSchema(t *testing.T) {
	data, err := os.ReadFile("../../result.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("result.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("result.schema.json")
	if err != nil {
		t.Fatal(err)
	}

	answerSets := map[string]string{
		"engineer":  "messaging = 2\ncrash = 3\ncomponents = 5\ncolleagues = 1\npasswords = 2\nsecurity-tasks = [1, 3, 6]\n",
		"developer": "messaging = 1\ncrash = 1\ncomponents = 1\ncolleagues = 2\npasswords = 1\nsecurity-tasks = [2, 4, 5]\n",
		"skipped":   "messaging = \"skip\"\n",
		"shuffled":  "messaging = 1\n",
	}
	for name, answers := range answerSets {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "answers.toml")
			if err := os.WriteFile(file, []byte(answers), 0o600); err != nil {
				t.Fatal(err)
			}
			args := []string{"--answers", file, "--json"}
			if name == "shuffled" {
				args = append(args, "--seed", "42")
			}
			e, stdout, stderr := testEnv(t, "")
			if code := run(args, e); code != exitOK {
				t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(stdout.Bytes()))
			if err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
			}
			if err := schema.Validate(v); err != nil {
				t.Errorf("the result does not match result.schema.json:\n%v\n%s", err, stdout)
			}
		})
	}
}
