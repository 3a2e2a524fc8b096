package quiz_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// FuzzParseAnswers holds ParseAnswers to its promises on any input: it never
// panics, every error is one of the documented kinds, and every answer it
// accepts fits its question and survives a trip through AnswerValues.
func FuzzParseAnswers(f *testing.F) {
	f.Add("answers.toml", []byte(`# Answers for the back-end paths quiz.
outage = 2          # 1-based option number
diagrams = "agree"  # a scale point by id; 4 means the same
tasks = [1, "queries"]
tools = []          # an empty list skips a pick-any question
hobby = "skip"
`))
	f.Add("answers.toml", []byte("\"outage\" = 4\n[answers]\ntasks = [[1]]\n"))
	f.Add("answers.toml", []byte("outage = 2.0\ndiagrams = 1979-05-27\ntools = \"\"\"\n[[x]]\"\"\"\n"))
	f.Add("answers.json", []byte(`{
  "outage": 3,
  "diagrams": 1,
  "tasks": ["design", 4],
  "tools": "skip",
  "hobby": "teach"
}`))
	f.Add("-", []byte(`{"outage": 2e0, "tasks": [1, 1], "hobby": null, "outage": -1}`))
	f.Add("result.json", []byte(`{
  "schema": "careerquiz.result/v1",
  "bank": {"title": "Back-end paths", "questions": 5, "sha256": "9f2c"},
  "recommendation": {"path": "engineer", "name": "Back-end engineer", "strength": "moderate"},
  "paths": [{"id": "engineer", "name": "Back-end engineer", "percent": 68.0}],
  "answers": {"outage": 2, "diagrams": 5, "tasks": [1, 3], "tools": "skip", "hobby": "skip"}
}`))
	f.Add("answers.toml", []byte("\"\\u009b31m\" = 1\n\"\\u009b31m\" = 2\n"))
	f.Add("answers.toml", []byte("\"\u009d0;x\u009c\" = 1\n\"\\u001b[2J\" = 2\n\"\u202e\" = [1]"))
	f.Add("answers.json", []byte("{\"\\u001b[2J\": 1, \"\\u009b\": \"\\u202e\"}"))
	bank := answersTestBank()
	f.Fuzz(func(t *testing.T, file string, data []byte) {
		answers, err := quiz.ParseAnswers(bank, file, data)
		if err != nil {
			// The file's name comes from the person, but nothing in the
			// file may bring a control character into a message.
			if msg := err.Error(); termsafe.Clean(msg) != msg && termsafe.Clean(file) == file {
				t.Fatalf("error holds control characters: %q", msg)
			}
			var se *quiz.SyntaxError
			var ps quiz.Problems
			switch {
			case errors.As(err, &se), errors.Is(err, quiz.ErrTooLarge):
			case errors.As(err, &ps):
				if len(ps) == 0 {
					t.Fatal("empty Problems returned as an error")
				}
			default:
				t.Fatalf("error of an undocumented kind %T: %v", err, err)
			}
			if answers != nil {
				t.Fatalf("answers %v returned along with an error", answers)
			}
			return
		}
		for id, a := range answers {
			i := bank.QuestionIndex(id)
			if i < 0 {
				t.Fatalf("answer for unknown question %q", id)
			}
			q := bank.Questions[i]
			if a.Skipped() {
				t.Fatalf("skipped question %q is in the answers", id)
			}
			if q.Kind != quiz.PickAny && len(a.Picks) != 1 {
				t.Fatalf("question %q takes one option, got picks %v", id, a.Picks)
			}
			if !slices.IsSorted(a.Picks) || len(slices.Compact(slices.Clone(a.Picks))) != len(a.Picks) {
				t.Fatalf("question %q: picks %v are not ascending and unique", id, a.Picks)
			}
			for _, p := range a.Picks {
				if p < 0 || p >= len(q.Options) {
					t.Fatalf("question %q: pick %d out of range", id, p)
				}
			}
		}
		again, err := json.Marshal(bank.AnswerValues(answers))
		if err != nil {
			t.Fatal(err)
		}
		back, err := quiz.ParseAnswers(bank, "answers.json", again)
		if err != nil {
			t.Fatalf("AnswerValues wrote a file that does not read back: %v\n%s", err, again)
		}
		if !reflect.DeepEqual(back, answers) {
			t.Fatalf("round trip changed the answers: %v, then %v", answers, back)
		}
	})
}
