package result

import (
	"bytes"
	"math"
	"testing"
)

// FuzzParse: whatever a file in the results folder holds, reading it never
// fails other than by saying why, and a document it accepts has what
// history and compare rely on: a bank digest, paths with ids, and a finite
// share for every path, in every theme too.
func FuzzParse(f *testing.F) {
	doc := result(60, 20, `{"q1": 1, "q2": [1, 2], "q3": "skip"}`)
	f.Add(doc)
	f.Add(bytes.Replace(doc, []byte("{"), []byte(`{"taken": "2026-01-02T03:04:05.000Z",`), 1))
	f.Add([]byte(`{"schema": "careerquiz.result/v1", "bank": {"sha256": "x"}, "paths": [{"id": "a", "share": 101}], "answers": {}}`))
	f.Add([]byte(`{"schema": "careerquiz.result/v1", "paths": [{"id": "a", "percent": -5}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, why := parse(data, true)
		if why != "" {
			return
		}
		// What a listing reads of it agrees with the whole.
		if s, why := parse(data, false); why != "" || s.Taken != a.Taken || len(s.Paths) != len(a.Paths) || s.Bank != a.Bank {
			t.Fatalf("the listing's reading differs (%s): %+v", why, s)
		}
		if a.Bank.SHA256 == "" || len(a.Paths) == 0 || a.Answers == nil {
			t.Fatalf("accepted without a bank digest, paths or answers: %+v", a)
		}
		for _, paths := range append([][]Path{a.Paths}, themesOf(a)...) {
			for _, p := range paths {
				if math.IsNaN(p.Share) || math.IsInf(p.Share, 0) {
					t.Fatalf("path %q has no usable share: %v", p.ID, p.Share)
				}
			}
		}
		for _, p := range a.Paths {
			if p.ID == "" {
				t.Fatal("accepted a path without an id")
			}
		}
	})
}

func themesOf(a Attempt) [][]Path {
	var out [][]Path
	for _, th := range a.Themes {
		out = append(out, themePaths(th.Paths))
	}
	return out
}
