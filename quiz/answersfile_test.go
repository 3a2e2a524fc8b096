package quiz_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/careerquiz/careerquiz/quiz"
)

// answersTestBank is a small bank with every kind of question: a choice
// question whose options have no ids, one whose options all have ids, a
// scale statement, a pick-any question with ids and one without.
func answersTestBank() *quiz.Bank {
	opts := func(ids ...string) []quiz.Option {
		o := make([]quiz.Option, len(ids))
		for i, id := range ids {
			o[i] = quiz.Option{ID: id, Text: fmt.Sprintf("option %d", i+1), Weights: []float64{float64(i), 1}}
		}
		return o
	}
	return &quiz.Bank{
		File:  "questions.toml",
		Paths: []quiz.Path{{ID: "engineer"}, {ID: "developer"}},
		Questions: []quiz.Question{
			{ID: "outage", Kind: quiz.Choice, Options: opts("", "", "", "")},
			{ID: "diagrams", Kind: quiz.Scale, Keyed: "engineer", Options: opts(quiz.ScaleIDs...)},
			{ID: "tasks", Kind: quiz.PickAny, Options: opts("design", "features", "queries", "reviews")},
			{ID: "tools", Kind: quiz.PickAny, Options: opts("", "", "")},
			{ID: "hobby", Kind: quiz.Choice, Options: opts("build", "read", "teach")},
		},
	}
}

func picks(p ...int) quiz.Answer { return quiz.Answer{Picks: p} }

func TestParseAnswersAccepts(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want quiz.Answers
	}{
		{
			name: "option numbers, a list and a skip",
			file: "answers.toml",
			data: "outage = 2          # 1-based option number\n" +
				"diagrams = 5        # strongly agree\n" +
				"tasks = [1, 3]\n" +
				"hobby = \"skip\"\n",
			want: quiz.Answers{"outage": picks(1), "diagrams": picks(4), "tasks": picks(0, 2)},
		},
		{
			name: "option ids, scale point ids and mixed lists",
			file: "answers.toml",
			data: "diagrams = \"agree\"\ntasks = [\"queries\", 1]\nhobby = \"teach\"\n",
			want: quiz.Answers{"diagrams": picks(3), "tasks": picks(0, 2), "hobby": picks(2)},
		},
		{
			name: "picks are sorted",
			file: "answers.toml",
			data: "tools = [3, 1, 2]",
			want: quiz.Answers{"tools": picks(0, 1, 2)},
		},
		{
			name: "an empty list skips a pick-any question",
			file: "answers.toml",
			data: "tasks = []\ntools = \"skip\"\noutage = 1",
			want: quiz.Answers{"outage": picks(0)},
		},
		{
			name: "a pick-any question takes a single option too",
			file: "answers.toml",
			data: "tasks = \"reviews\"\ntools = 2",
			want: quiz.Answers{"tasks": picks(3), "tools": picks(1)},
		},
		{
			name: "an empty file skips everything",
			file: "answers.toml",
			data: "# nothing answered yet\n",
			want: quiz.Answers{},
		},
		{
			name: "quoted and dotted-free TOML keys",
			file: "answers.toml",
			data: "\"outage\" = 4\n'hobby' = 1\n",
			want: quiz.Answers{"outage": picks(3), "hobby": picks(0)},
		},
		{
			name: "JSON by extension",
			file: "answers.json",
			data: `{"outage": 2, "diagrams": "strongly-disagree", "tasks": [4, "design"], "tools": []}`,
			want: quiz.Answers{"outage": picks(1), "diagrams": picks(0), "tasks": picks(0, 3)},
		},
		{
			name: "JSON by content",
			file: "-",
			data: "\n  {\"outage\": 3}\n",
			want: quiz.Answers{"outage": picks(2)},
		},
		{
			name: "TOML by content",
			file: "-",
			data: "outage = 3\n",
			want: quiz.Answers{"outage": picks(2)},
		},
		{
			name: "extension beats content",
			file: "ANSWERS.TOML",
			data: "outage = 1",
			want: quiz.Answers{"outage": picks(0)},
		},
		{
			name: "a byte order mark is ignored",
			file: "answers.json",
			data: "\uFEFF{\"outage\": 1}",
			want: quiz.Answers{"outage": picks(0)},
		},
		{
			name: "a saved JSON result is replayed from its answers",
			file: "result.json",
			data: `{
  "schema": "careerquiz.result/v1",
  "bank": {"title": "Back-end paths", "questions": 5, "sha256": "00"},
  "recommendation": {"path": "engineer", "name": "Back-end engineer", "strength": "moderate"},
  "paths": [{"id": "engineer", "percent": 68.5}],
  "answers": {"outage": 2, "diagrams": 5, "tasks": [1, 3], "tools": "skip", "hobby": "skip"}
}`,
			want: quiz.Answers{"outage": picks(1), "diagrams": picks(4), "tasks": picks(0, 2)},
		},
		{
			name: "a saved result written as TOML",
			file: "result.toml",
			data: "schema = \"careerquiz.result/v1\"\n[answers]\noutage = 2\n",
			want: quiz.Answers{"outage": picks(1)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := quiz.ParseAnswers(answersTestBank(), tt.file, []byte(tt.data))
			if err != nil {
				t.Fatalf("ParseAnswers: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			crlf := strings.ReplaceAll(tt.data, "\n", "\r\n")
			if got, err := quiz.ParseAnswers(answersTestBank(), tt.file, []byte(crlf)); err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("with CRLF line ends got %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

func TestParseAnswersRejects(t *testing.T) {
	tests := []struct {
		name string
		file string
		data string
		want string
	}{
		{
			name: "option out of range",
			file: "answers.toml",
			data: "# my answers\n\noutage = 7\n",
			want: `answers.toml:3: question "outage": option 7 is out of range (1-4)`,
		},
		{
			name: "option zero",
			file: "answers.toml",
			data: "outage = 0",
			want: `answers.toml:1: question "outage": option 0 is out of range (1-4)`,
		},
		{
			name: "negative option",
			file: "answers.toml",
			data: "diagrams = -1",
			want: `answers.toml:1: question "diagrams": option -1 is out of range (1-5)`,
		},
		{
			name: "list for a single-choice question",
			file: "answers.toml",
			data: "outage = [1, 2]",
			want: `answers.toml:1: question "outage": takes one option, not a list; write one option number from 1 to 4`,
		},
		{
			name: "empty list for a single-choice question",
			file: "answers.toml",
			data: "diagrams = []",
			want: `answers.toml:1: question "diagrams": takes one option, not a list; write one option number from 1 to 5`,
		},
		{
			name: "misspelt question",
			file: "answers.toml",
			data: "outage = 1\noutgae = 2",
			want: `answers.toml:2: unknown question "outgae"; did you mean "outage"?`,
		},
		{
			name: "unknown question",
			file: "answers.toml",
			data: "salary = 1",
			want: `answers.toml:1: unknown question "salary"; the bank has no question with this id`,
		},
		{
			name: "a dotted key is placed at its line",
			file: "answers.toml",
			data: "outage = 1\nsalary.base = 1",
			want: `answers.toml:2: unknown question "salary"; the bank has no question with this id`,
		},
		{
			name: "fraction",
			file: "answers.toml",
			data: "outage = 2.5",
			want: `answers.toml:1: question "outage": 2.5 is not an option number; use a whole number from 1 to 4`,
		},
		{
			name: "whole float",
			file: "answers.toml",
			data: "outage = 2.0",
			want: `answers.toml:1: question "outage": write the option number as a whole number: 2, not 2.0`,
		},
		{
			name: "whole float out of range",
			file: "answers.toml",
			data: "outage = 1e3",
			want: `answers.toml:1: question "outage": 1000.0 is not an option number; use a whole number from 1 to 4`,
		},
		{
			name: "boolean",
			file: "answers.toml",
			data: "outage = true",
			want: `answers.toml:1: question "outage": expected an option number (1-4) or "skip", not true`,
		},
		{
			name: "boolean for a question with option ids",
			file: "answers.toml",
			data: "hobby = false",
			want: `answers.toml:1: question "hobby": expected an option number (1-3), an option id or "skip", not false`,
		},
		{
			name: "boolean for a pick-any question",
			file: "answers.toml",
			data: "tasks = true",
			want: `answers.toml:1: question "tasks": expected a list of option numbers (1-4) or ids, or "skip", not true`,
		},
		{
			name: "boolean for a pick-any question without ids",
			file: "answers.toml",
			data: "tools = true",
			want: `answers.toml:1: question "tools": expected a list of option numbers (1-3), or "skip", not true`,
		},
		{
			name: "table",
			file: "answers.toml",
			data: "[outage]\npick = 1\n",
			want: `answers.toml:1: question "outage": expected an option number (1-4) or "skip", not a table`,
		},
		{
			name: "array of tables",
			file: "answers.toml",
			data: "[[tasks]]\npick = 1\n",
			want: `answers.toml:1: question "tasks": expected a list of option numbers (1-4) or ids, or "skip", not a list of tables`,
		},
		{
			name: "date",
			file: "answers.toml",
			data: "outage = 2024-05-27",
			want: `answers.toml:1: question "outage": expected an option number (1-4) or "skip", not a date`,
		},
		{
			name: "list inside a list",
			file: "answers.toml",
			data: "tasks = [1, [2]]",
			want: `answers.toml:1: question "tasks": item 2: expected an option number (1-4) or an option id, not a list`,
		},
		{
			name: "boolean inside a list without ids",
			file: "answers.toml",
			data: "tools = [true]",
			want: `answers.toml:1: question "tools": item 1: expected an option number (1-3), not true`,
		},
		{
			name: "skip inside a list",
			file: "answers.toml",
			data: "tasks = [1, \"skip\"]",
			want: `answers.toml:1: question "tasks": item 2: "skip" skips the whole question; write "skip" or [] in place of the list`,
		},
		{
			name: "out of range inside a list",
			file: "answers.toml",
			data: "tools = [1, 4]",
			want: `answers.toml:1: question "tools": item 2: option 4 is out of range (1-3)`,
		},
		{
			name: "repeated pick",
			file: "answers.toml",
			data: "tasks = [2, 2]",
			want: `answers.toml:1: question "tasks": option 2 is picked twice`,
		},
		{
			name: "repeated pick by number and id",
			file: "answers.toml",
			data: "tasks = [\"design\", 1]",
			want: `answers.toml:1: question "tasks": option 1 is picked twice`,
		},
		{
			name: "misspelt option id",
			file: "answers.toml",
			data: "diagrams = \"agre\"",
			want: `answers.toml:1: question "diagrams": unknown option "agre"; did you mean "agree"?`,
		},
		{
			name: "unknown option id",
			file: "answers.toml",
			data: "diagrams = \"maybe\"",
			want: `answers.toml:1: question "diagrams": unknown option "maybe"; use a number from 1 to 5 or one of strongly-disagree, disagree, neutral, agree, strongly-agree`,
		},
		{
			name: "option id for a question without ids",
			file: "answers.toml",
			data: "outage = \"restart\"",
			want: `answers.toml:1: question "outage": expected an option number (1-4) or "skip", not "restart" (this question's options have no ids)`,
		},
		{
			name: "empty string",
			file: "answers.toml",
			data: "hobby = \"\"",
			want: `answers.toml:1: question "hobby": expected an option number (1-3), an option id or "skip", not an empty string`,
		},
		{
			name: "long values are cut short and control characters escaped",
			file: "answers.json",
			data: "{\"hobby\": \"" + strings.Repeat("a", 100) + "\",\n\"\\u001b[2Jx\": 1}",
			want: `answers.json:1: question "hobby": unknown option "` + strings.Repeat("a", 40) + `…"; use a number from 1 to 3 or one of build, read, teach
answers.json:2: unknown question "\x1b[2Jx"; the bank has no question with this id`,
		},
		{
			name: "quoted number",
			file: "answers.toml",
			data: "outage = \"2\"",
			want: `answers.toml:1: question "outage": "2" is text; write the option number without quotes: 2`,
		},
		{
			name: "JSON null",
			file: "answers.json",
			data: `{"outage": null}`,
			want: `answers.json:1: question "outage": expected an option number (1-4) or "skip", not null`,
		},
		{
			name: "JSON object",
			file: "answers.json",
			data: `{"outage": {"pick": 1}}`,
			want: `answers.json:1: question "outage": expected an option number (1-4) or "skip", not an object`,
		},
		{
			name: "JSON fraction",
			file: "answers.json",
			data: `{"outage": 1.5}`,
			want: `answers.json:1: question "outage": 1.5 is not an option number; use a whole number from 1 to 4`,
		},
		{
			name: "JSON whole number with an exponent",
			file: "answers.json",
			data: `{"outage": 2e0}`,
			want: `answers.json:1: question "outage": write the option number as a whole number: 2, not 2e0`,
		},
		{
			name: "JSON integer too large for any bank",
			file: "answers.json",
			data: `{"outage": 123456789012345678901234567890}`,
			want: `answers.json:1: question "outage": option 123456789012345678901234567890 is out of range (1-4)`,
		},
		{
			name: "JSON question answered twice",
			file: "answers.json",
			data: "{\n  \"outage\": 1,\n  \"tasks\": [1],\n  \"outage\": 2\n}",
			want: `answers.json:4: question "outage": answered twice; the first answer is on line 2`,
		},
		{
			name: "every problem at once, in file order",
			file: "answers.json",
			data: "{\n  \"outgae\": 1,\n  \"diagrams\": 9,\n  \"tasks\": [\"design\", \"desgin\", 9],\n  \"hobby\": \"skip\"\n}",
			want: `answers.json:2: unknown question "outgae"; did you mean "outage"?
answers.json:3: question "diagrams": option 9 is out of range (1-5)
answers.json:4: question "tasks": item 2: unknown option "desgin"; did you mean "design"?
answers.json:4: question "tasks": item 3: option 9 is out of range (1-4)`,
		},
		{
			name: "a schema that is not a saved result is an unknown question",
			file: "answers.json",
			data: `{"schema": "https://example.com/answers.json", "outage": 1}`,
			want: `answers.json:1: unknown question "schema"; the bank has no question with this id`,
		},
		{
			name: "saved result of another schema version",
			file: "result.json",
			data: `{"schema": "careerquiz.result/v9", "answers": {}}`,
			want: `result.json:1: the saved result has schema "careerquiz.result/v9"; this version of careerquiz reads "careerquiz.result/v1"`,
		},
		{
			name: "saved result without answers",
			file: "result.json",
			data: `{"schema": "careerquiz.result/v1"}`,
			want: `result.json:1: the saved result has no "answers" object`,
		},
		{
			name: "saved result with answers of the wrong type",
			file: "result.json",
			data: "{\"schema\": \"careerquiz.result/v1\",\n\"answers\": [2]}",
			want: `result.json:2: the saved result's "answers" must be an object with one key per question id, not a list`,
		},
		{
			name: "saved TOML result with a bad answer",
			file: "result.toml",
			data: "schema = \"careerquiz.result/v1\"\n\n[answers]\noutage = 2\ntools = [4]\n",
			want: `result.toml:5: question "tools": item 1: option 4 is out of range (1-3)`,
		},
		{
			name: "saved result with a bad answer",
			file: "result.json",
			data: "{\"schema\": \"careerquiz.result/v1\",\n\"answers\": {\n  \"outage\": 2,\n  \"tools\": [4]}}",
			want: `result.json:4: question "tools": item 1: option 4 is out of range (1-3)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := quiz.ParseAnswers(answersTestBank(), tt.file, []byte(tt.data))
			if err == nil {
				t.Fatalf("ParseAnswers accepted the file and returned %v", got)
			}
			if got != nil {
				t.Errorf("ParseAnswers returned answers %v along with an error", got)
			}
			var ps quiz.Problems
			if !errors.As(err, &ps) {
				t.Errorf("error is a %T, want quiz.Problems", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", err, tt.want)
			}
			// Windows line ends change nothing, lines included.
			crlf := strings.ReplaceAll(tt.data, "\n", "\r\n")
			if _, err := quiz.ParseAnswers(answersTestBank(), tt.file, []byte(crlf)); err == nil || err.Error() != tt.want {
				t.Errorf("with CRLF line ends, error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

func TestParseAnswersProblemFields(t *testing.T) {
	_, err := quiz.ParseAnswers(answersTestBank(), "answers.toml", []byte("\noutage = 9\n"))
	var ps quiz.Problems
	if !errors.As(err, &ps) || len(ps) != 1 {
		t.Fatalf("got %v, want one problem", err)
	}
	want := quiz.Problem{File: "answers.toml", Line: 2, Question: "outage", Message: "option 9 is out of range (1-4)"}
	if ps[0] != want {
		t.Errorf("got %#v, want %#v", ps[0], want)
	}
}

func TestParseAnswersUnreadableFiles(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		data      string
		line, col int
		want      string // the first line of the message
	}{
		{
			name: "TOML syntax",
			file: "answers.toml",
			data: "outage = 1\ntasks = [1, 2\n",
			line: 2, col: 14,
			want: "answers.toml:2:14: invalid TOML: expected a comma (',') or array terminator (']'), but got end of file",
		},
		{
			name: "JSON syntax",
			file: "answers.json",
			data: "{\n  \"outage\": 1,\n  \"tasks\": [1,]\n}",
			line: 3, col: 15,
			want: "answers.json:3:15: invalid JSON: invalid character ']' looking for beginning of value",
		},
		{
			name: "JSON cut short",
			file: "answers.json",
			data: "{\n  \"outage\": 1",
			line: 2, col: 14,
			want: "answers.json:2:14: invalid JSON: unexpected end of JSON input",
		},
		{
			name: "TOML in a .json file",
			file: "answers.json",
			data: "outage = 1",
			line: 1, col: 1,
			want: "answers.json:1:1: invalid JSON: invalid character 'o' looking for beginning of value",
		},
		{
			name: "JSON that is not an object",
			file: "answers.json",
			data: "\n [1, 2]",
			line: 2, col: 2,
			want: "answers.json:2:2: an answers file holds a JSON object with one key per question id",
		},
		{
			name: "invalid UTF-8",
			file: "answers.toml",
			data: "outage = 1\nhobby = \"r\xffad\"\n",
			line: 2, col: 11,
			want: "answers.toml:2:11: invalid UTF-8: an answers file must be saved as UTF-8 text",
		},
		{
			name: "lists nested too deep",
			file: "answers.toml",
			data: "# [[[ in a comment\ntasks = \"[[[\"\ntools = " + strings.Repeat("[", 40) + strings.Repeat("]", 40),
			line: 3, col: 41,
			want: "answers.toml:3:41: nested more than 32 levels deep (an answer is a number, an id or one list of them)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := quiz.ParseAnswers(answersTestBank(), tt.file, []byte(tt.data))
			var se *quiz.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v (%T), want a *quiz.SyntaxError", err, err)
			}
			if se.Line != tt.line || se.Col != tt.col {
				t.Errorf("position %d:%d, want %d:%d", se.Line, se.Col, tt.line, tt.col)
			}
			if first, _, _ := strings.Cut(err.Error(), "\n"); first != tt.want {
				t.Errorf("error:\n%s\nwant first line:\n%s", err, tt.want)
			}
		})
	}
}

func TestParseAnswersRefusesLargeFiles(t *testing.T) {
	data := bytes.Repeat([]byte("# padding\n"), quiz.MaxSize/10+1)
	_, err := quiz.ParseAnswers(answersTestBank(), "answers.toml", data)
	if !errors.Is(err, quiz.ErrTooLarge) {
		t.Fatalf("got %v, want an error wrapping ErrTooLarge", err)
	}
	if want := "answers.toml: file is larger than 16 MiB"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestAnswerValues(t *testing.T) {
	b := answersTestBank()
	got := b.AnswerValues(quiz.Answers{
		"outage":   picks(1),
		"diagrams": picks(4),
		"tasks":    picks(0, 2),
		"unknown":  picks(0),
	})
	want := map[string]any{
		"outage":   2,
		"diagrams": 5,
		"tasks":    []int{1, 3},
		"tools":    "skip",
		"hobby":    "skip",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}

// A choice answer with two picks cannot be written as one number; it comes
// out as a list so that reading it back fails loudly.
func TestAnswerValuesKeepsMalformedAnswersVisible(t *testing.T) {
	b := answersTestBank()
	values := b.AnswerValues(quiz.Answers{"outage": picks(0, 1)})
	data, err := json.Marshal(values)
	if err != nil {
		t.Fatal(err)
	}
	_, err = quiz.ParseAnswers(b, "answers.json", data)
	want := `answers.json:1: question "outage": takes one option, not a list; write one option number from 1 to 4`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// randomAnswersBank builds a bank of n questions of mixed kinds and option
// counts, and a random valid set of answers to it.
func randomAnswersBank(rng *rand.Rand, n int) (*quiz.Bank, quiz.Answers) {
	b := &quiz.Bank{Paths: []quiz.Path{{ID: "engineer"}, {ID: "developer"}}}
	answers := quiz.Answers{}
	kinds := []quiz.Kind{quiz.Choice, quiz.Scale, quiz.PickAny}
	for i := range n {
		q := quiz.Question{ID: fmt.Sprintf("q%d", i), Kind: kinds[rng.IntN(len(kinds))]}
		count := 2 + rng.IntN(5)
		if q.Kind == quiz.Scale {
			count = len(quiz.ScaleIDs)
		}
		for j := range count {
			var id string
			switch {
			case q.Kind == quiz.Scale:
				id = quiz.ScaleIDs[j]
			case rng.IntN(2) == 0:
				id = fmt.Sprintf("o%d", j)
			}
			q.Options = append(q.Options, quiz.Option{ID: id, Weights: []float64{1, 0}})
		}
		b.Questions = append(b.Questions, q)
		switch {
		case rng.IntN(4) == 0:
			// Skipped: left out, or present with no picks.
			if rng.IntN(2) == 0 {
				answers[q.ID] = quiz.Answer{}
			}
		case q.Kind == quiz.PickAny:
			var p []int
			for j := range count {
				if rng.IntN(2) == 0 {
					p = append(p, j)
				}
			}
			if len(p) == 0 {
				p = []int{rng.IntN(count)}
			}
			answers[q.ID] = quiz.Answer{Picks: p}
		default:
			answers[q.ID] = picks(rng.IntN(count))
		}
	}
	return b, answers
}

// withoutSkips drops the skipped answers, which ParseAnswers leaves out.
func withoutSkips(a quiz.Answers) quiz.Answers {
	out := quiz.Answers{}
	for id, ans := range a {
		if !ans.Skipped() {
			out[id] = ans
		}
	}
	return out
}

func TestAnswerValuesRoundTrip(t *testing.T) {
	encoders := map[string]func(any) ([]byte, error){
		"answers.json": json.Marshal,
		"answers.toml": func(v any) ([]byte, error) {
			var buf bytes.Buffer
			err := toml.NewEncoder(&buf).Encode(v)
			return buf.Bytes(), err
		},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		b, answers := randomAnswersBank(rng, 1+rng.IntN(60))
		for file, encode := range encoders {
			t.Run(fmt.Sprintf("%s/%d", file, round), func(t *testing.T) {
				data, err := encode(b.AnswerValues(answers))
				if err != nil {
					t.Fatal(err)
				}
				got, err := quiz.ParseAnswers(b, file, data)
				if err != nil {
					t.Fatalf("ParseAnswers: %v\n%s", err, data)
				}
				if want := withoutSkips(answers); !reflect.DeepEqual(got, want) {
					t.Errorf("got %v, want %v\nfile:\n%s", got, want, data)
				}
			})
		}
	}
}

// A saved result replays to the answers it was made from.
func TestSavedResultRoundTrip(t *testing.T) {
	b := answersTestBank()
	answers := quiz.Answers{"outage": picks(3), "tasks": picks(1, 2), "hobby": picks(0)}
	result := map[string]any{
		"schema":  "careerquiz.result/v1",
		"bank":    map[string]any{"title": "Back-end paths", "questions": len(b.Questions)},
		"answers": b.AnswerValues(answers),
	}
	data, err := json.MarshalIndent(result, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got, err := quiz.ParseAnswers(b, "result.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, answers) {
		t.Errorf("got %v, want %v", got, answers)
	}
}

// A file of answers for another bank against a bank of ten thousand
// questions must still be checked in a moment.
func TestParseAnswersLargeBank(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	b, answers := randomAnswersBank(rng, 10000)
	data, err := json.Marshal(b.AnswerValues(answers))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := quiz.ParseAnswers(b, "answers.json", data); err != nil {
		t.Fatal(err)
	}
	var wrong strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&wrong, "other%d = 1\n", i)
	}
	_, err = quiz.ParseAnswers(b, "answers.toml", []byte(wrong.String()))
	var ps quiz.Problems
	if !errors.As(err, &ps) || len(ps) != 101 {
		t.Fatalf("got %d problems, want 100 and a summary", len(ps))
	}
	want := quiz.Problem{File: "answers.toml", Message: "9900 more problems not listed; was this file written for another question bank?"}
	if ps[100] != want {
		t.Errorf("last problem %#v, want %#v", ps[100], want)
	}
}

func ExampleParseAnswers() {
	bank := &quiz.Bank{Questions: []quiz.Question{
		{ID: "outage", Kind: quiz.Choice, Options: make([]quiz.Option, 4)},
		{ID: "diagrams", Kind: quiz.Scale, Options: []quiz.Option{
			{ID: "strongly-disagree"}, {ID: "disagree"}, {ID: "neutral"}, {ID: "agree"}, {ID: "strongly-agree"},
		}},
		{ID: "tasks", Kind: quiz.PickAny, Options: make([]quiz.Option, 4)},
		{ID: "hobby", Kind: quiz.Choice, Options: make([]quiz.Option, 3)},
	}}
	file := []byte(`
outage = 2          # 1-based option number
diagrams = "agree"  # or 4
tasks = [1, 3]      # pick-any: the option numbers chosen
hobby = "skip"      # skipped
`)
	answers, err := quiz.ParseAnswers(bank, "answers.toml", file)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range bank.Questions {
		fmt.Println(q.ID, answers[q.ID].Picks, answers[q.ID].Skipped())
	}

	_, err = quiz.ParseAnswers(bank, "answers.toml", []byte("outage = 7\noutgae = 2\n"))
	fmt.Println(err)
	// Output:
	// outage [1] false
	// diagrams [3] false
	// tasks [0 2] false
	// hobby [] true
	// answers.toml:1: question "outage": option 7 is out of range (1-4)
	// answers.toml:2: unknown question "outgae"; did you mean "outage"?
}

func ExampleBank_AnswerValues() {
	bank := &quiz.Bank{Questions: []quiz.Question{
		{ID: "outage", Kind: quiz.Choice, Options: make([]quiz.Option, 4)},
		{ID: "tasks", Kind: quiz.PickAny, Options: make([]quiz.Option, 4)},
		{ID: "hobby", Kind: quiz.Choice, Options: make([]quiz.Option, 3)},
	}}
	values := bank.AnswerValues(quiz.Answers{
		"outage": {Picks: []int{1}},
		"tasks":  {Picks: []int{0, 2}},
	})
	out, _ := json.Marshal(values)
	fmt.Println(string(out))
	// Output:
	// {"hobby":"skip","outage":2,"tasks":[1,3]}
}
