package render

import (
	"bytes"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// schemaFile is the result schema that ships at the module root.
const schemaFile = "../../../../result.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("result.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	// Compiling checks the schema against the draft 2020-12 meta-schema.
	sch, err := c.Compile("result.schema.json")
	if err != nil {
		t.Fatalf("%s: %v", schemaFile, err)
	}
	return sch
}

// instance renders r as JSON and decodes it as the validator expects.
func instance(t *testing.T, r Run) map[string]any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, WriteJSON, r)))
	if err != nil {
		t.Fatal(err)
	}
	return v.(map[string]any)
}

func TestSchemaAcceptsResults(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	for _, f := range allRuns() {
		t.Run(f.name, func(t *testing.T) {
			if err := sch.Validate(instance(t, f.run)); err != nil {
				t.Errorf("WriteJSON output does not match %s:\n%v", schemaFile, err)
			}
		})
	}
}

func TestSchemaRules(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	tests := []struct {
		name   string
		run    func() Run
		change func(doc map[string]any)
		valid  bool
	}{
		{"added top-level field", clearRun, func(d map[string]any) { d["comment"] = "fields may be added" }, true},
		{"missing schema", clearRun, func(d map[string]any) { delete(d, "schema") }, false},
		{"other schema", clearRun, func(d map[string]any) { d["schema"] = "careerquiz.result/v2" }, false},
		{"strength not in the enum", clearRun, func(d map[string]any) { obj(d, "recommendation")["strength"] = "overwhelming" }, false},
		{"missing strength", clearRun, func(d map[string]any) { delete(obj(d, "recommendation"), "strength") }, false},
		{"renamed field in recommendation", clearRun, func(d map[string]any) {
			rec := obj(d, "recommendation")
			rec["runnerUp"] = rec["runner_up"]
			delete(rec, "runner_up")
		}, false},
		{"missing paths", clearRun, func(d map[string]any) { delete(d, "paths") }, false},
		{"no paths", clearRun, func(d map[string]any) { d["paths"] = []any{} }, false},
		{"percent as text", clearRun, func(d map[string]any) { item(d, "paths", 0)["percent"] = "78.3" }, false},
		{"percent over 100", clearRun, func(d map[string]any) { item(d, "paths", 0)["percent"] = 100.5 }, false},
		{"stability over 1", clearRun, func(d map[string]any) { d["stability"] = 96.3 }, false},
		{"digest not hex", clearRun, func(d map[string]any) { obj(d, "bank")["sha256"] = "not a digest" }, false},
		{"no recommendation without reason", noRecommendationRun, func(d map[string]any) { delete(d, "reason") }, false},
		{"no recommendation with empty reason", noRecommendationRun, func(d map[string]any) { d["reason"] = "" }, false},
		{"option 0", clearRun, func(d map[string]any) { obj(d, "answers")["q1"] = 0 }, false},
		{"empty pick-any", clearRun, func(d map[string]any) { obj(d, "answers")["q7"] = []any{} }, false},
		{"answer neither number nor skip", clearRun, func(d map[string]any) { obj(d, "answers")["q1"] = "later" }, false},
		{"shuffled without seed", balancedRun, func(d map[string]any) { delete(obj(d, "order"), "seed") }, false},
		{"seed without shuffle", clearRun, func(d map[string]any) { obj(d, "order")["seed"] = 3 }, false},
		{"warning without code", balancedRun, func(d map[string]any) { delete(item(d, "warnings", 0), "code") }, false},
		{"against not a reason", clearRun, func(d map[string]any) { obj(d, "reasons")["against"] = "q3" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := instance(t, tt.run())
			tt.change(doc)
			err := sch.Validate(doc)
			switch {
			case tt.valid && err != nil:
				t.Errorf("schema rejects the document: %v", err)
			case !tt.valid && err == nil:
				t.Errorf("schema accepts the broken document")
			}
		})
	}
}

func obj(doc map[string]any, key string) map[string]any {
	return doc[key].(map[string]any)
}

func item(doc map[string]any, key string, i int) map[string]any {
	return doc[key].([]any)[i].(map[string]any)
}
