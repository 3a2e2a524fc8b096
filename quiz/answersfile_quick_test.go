package quiz

import (
	"reflect"
	"testing"
)

// quickBank has a question of every kind, options with and without ids.
func quickBank() *Bank {
	opts := func(ids ...string) []Option {
		o := make([]Option, len(ids))
		for i, id := range ids {
			o[i] = Option{ID: id, Text: "option", Weights: []float64{float64(i), 1}}
		}
		return o
	}
	return &Bank{
		File:  "questions.toml",
		Paths: []Path{{ID: "engineer"}, {ID: "developer"}},
		Questions: []Question{
			{ID: "outage", Kind: Choice, Options: opts("", "", "", "")},
			{ID: "diagrams", Kind: Scale, Keyed: "engineer", Options: opts(ScaleIDs...)},
			{ID: "tasks", Kind: PickAny, Options: opts("design", "features", "queries", "reviews")},
			{ID: "tools", Kind: PickAny, Options: opts("", "", "")},
			{ID: "hobby", Kind: Choice, Options: opts("build", "read", "teach")},
		},
	}
}

// fullJSON is the key-by-key reading that quickJSON must agree with.
func fullJSON(b *Bank, data []byte) (Answers, Problems, error) {
	r := &answersReader{bank: b, file: "answers.json", data: data}
	entries, err := r.jsonEntries()
	if err != nil {
		return nil, nil, err
	}
	answers := r.resolve(entries)
	return answers, r.problems, nil
}

// checkQuick holds quickJSON to its promise: whatever it accepts, the full
// reading accepts too, with the same answers.
func checkQuick(t *testing.T, b *Bank, data []byte) bool {
	t.Helper()
	r := &answersReader{bank: b, file: "answers.json", data: data}
	quick, ok := r.quickJSON()
	if !ok {
		return false
	}
	full, problems, err := fullJSON(b, data)
	if err != nil || len(problems) > 0 {
		t.Fatalf("%s: quickJSON accepts what the full reading refuses: %v %v", data, err, problems)
	}
	if !reflect.DeepEqual(quick, full) {
		t.Fatalf("%s: quickJSON gives %v, the full reading %v", data, quick, full)
	}
	return true
}

// The usual answers file takes the quick path; anything the full reading
// would have something to say about does not.
func TestQuickJSON(t *testing.T) {
	b := quickBank()
	for _, tc := range []struct {
		data  string
		quick bool
	}{
		{`{"outage":2,"diagrams":5,"tasks":[3,1],"tools":[],"hobby":"skip"}`, true},
		{`{ "outage" : 1 , "diagrams" : "agree", "tasks" : ["design", 4], "hobby" : "teach" }`, true},
		{"{\n  \"tasks\": 2,\n  \"tools\": \"skip\"\n}\n", true},
		{`{}`, true},
		{`{"outage":2,"outage":2}`, false},         // written twice
		{`{"outage":2,"out\u0061ge":3}`, false},    // written twice, once escaped
		{`{"outage":"a\"b"}`, false},               // an escape
		{`{"outage":5}`, false},                    // out of range
		{`{"outage":0}`, false},                    // out of range
		{`{"outage":2.0}`, false},                  // a fraction
		{`{"outage":1e0}`, false},                  // an exponent
		{`{"outage":99999999999999999999}`, false}, // too large
		{`{"outage":[1]}`, false},                  // a list for one option
		{`{"tasks":[1,1]}`, false},                 // picked twice
		{`{"tasks":[1,"skip"]}`, false},            // skip inside a list
		{`{"tasks":[[1]]}`, false},                 // a list in a list
		{`{"hobby":"sing"}`, false},                // unknown option
		{`{"hobby":""}`, false},                    // empty id
		{`{"outage":"2"}`, false},                  // a number as text
		{`{"outage":null}`, false},
		{`{"outage":true}`, false},
		{`{"outage":{}}`, false},
		{`{"nope":1}`, false}, // unknown question
		{`{"schema":"careerquiz.result/v1","answers":{"outage":1}}`, false},
		{`null`, false},
		{`[1]`, false},
		{`{"outage":1`, false},
	} {
		if got := checkQuick(t, b, []byte(tc.data)); got != tc.quick {
			t.Errorf("%s: quick %v, want %v", tc.data, got, tc.quick)
		}
	}
}

// FuzzQuickJSON: on any input, what quickJSON accepts the full reading
// accepts, with the same answers.
func FuzzQuickJSON(f *testing.F) {
	f.Add([]byte(`{"outage":2,"diagrams":5,"tasks":[3,1],"tools":[],"hobby":"skip"}`))
	f.Add([]byte(`{"tasks":["design","design"],"hobby":"read","outage":1}`))
	f.Add([]byte(`{"hobby":"outage","outage":1,"hobby":"build"}`))
	b := quickBank()
	f.Fuzz(func(t *testing.T, data []byte) {
		checkQuick(t, b, data)
	})
}
