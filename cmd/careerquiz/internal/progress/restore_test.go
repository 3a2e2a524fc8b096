package progress_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/quiz"
)

// The bank the restore tests answer: a choice, a scale and a pick-any
// question, in that order.
func testBank(t testing.TB, edit func(string) string) *quiz.Bank {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "quiz", "testdata", "base.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if edit != nil {
		text = edit(text)
	}
	b, err := quiz.Parse("base.toml", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var inOrder = []int{0, 1, 2}

// saved answers: option 2 of "outage", a skip of "diagrams", and both
// options of "tasks".
func given() quiz.Answers {
	return quiz.Answers{"outage": {Picks: []int{1}}, "diagrams": {}, "tasks": {Picks: []int{0, 1}}}
}

// reload saves st and loads it again, as a later run would see it.
func reload(t *testing.T, st progress.State) (*progress.Store, progress.State) {
	t.Helper()
	s := progress.NewStore(t.TempDir(), progress.BuiltIn)
	if err := s.Save(st); err != nil {
		t.Fatal(err)
	}
	back, ok, err := s.Load()
	if !ok || err != nil {
		t.Fatalf("Load: %v, %v", ok, err)
	}
	return s, back
}

// TestRestoreLandsWhereThePersonWas: every answer given comes back, and
// the quiz resumes at the question on the screen, even one before answers
// given later (the person went back).
func TestRestoreLandsWhereThePersonWas(t *testing.T) {
	t.Parallel()
	b := testBank(t, nil)
	for next := 0; next <= 3; next++ {
		answers := quiz.Answers{}
		for id, a := range given() {
			if b.QuestionIndex(id) < next || next == 0 && id == "outage" {
				answers[id] = a
			}
		}
		s, st := reload(t, progress.Snapshot(b, answers, inOrder, next, false, 0))
		r, err := s.Restore(b, st, inOrder)
		if err != nil {
			t.Fatalf("next %d: %v", next, err)
		}
		if r.Next != next || r.Edited || !reflect.DeepEqual(r.Answers, answers) {
			t.Errorf("next %d: restored %+v, want %v at %d", next, r, answers, next)
		}
	}
}

// TestRestoreRefusesProgressThatDoesNotFit: progress saved for these very
// bytes must fit them; anything else was not written by careerquiz.
func TestRestoreRefusesProgressThatDoesNotFit(t *testing.T) {
	t.Parallel()
	b := testBank(t, nil)
	tests := []struct {
		name   string
		change func(*progress.State)
		reason string
	}{
		{"past the end", func(st *progress.State) { st.Next = 999 }, "it is at question 1000 of a quiz of 3"},
		{"another question on the screen", func(st *progress.State) { st.Next = 1 }, `question 2 is "diagrams", not "tasks"`},
		{"past the last question, at one", func(st *progress.State) { st.Next = 3 }, `it is past the last question, at "tasks"`},
		{"an unknown question", func(st *progress.State) { st.Answers["hobby"] = "skip" }, `the bank has no question "hobby"`},
		{"an option out of range", func(st *progress.State) { st.Answers["outage"] = 7 }, `the answer to question "outage" does not fit it`},
		{"two picks for one choice", func(st *progress.State) { st.Answers["outage"] = []int{1, 2} }, `the answer to question "outage" does not fit it`},
		{"a pick that is not the option saved", func(st *progress.State) { st.Answers["outage"] = 1 }, `the options picked for question "outage" do not match their text`},
		{"a skip with picks", func(st *progress.State) { st.Picked["diagrams"] = []string{"Agree"} }, `question "diagrams" is both skipped and answered`},
		{"a count that is off", func(st *progress.State) { st.Answered = 5 }, "it counts 5 answers but holds 2"},
		{"a question passed without an answer", func(st *progress.State) { delete(st.Answers, "diagrams") }, `question "diagrams" was passed without an answer`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := progress.Snapshot(b, given(), inOrder, 2, false, 0)
			s, st := reload(t, st)
			tt.change(&st)
			_, err := s.Restore(b, st, inOrder)
			var d *progress.DamagedError
			if !errors.As(err, &d) || d.Reason != tt.reason {
				t.Errorf("error %v, want reason %q", err, tt.reason)
			}
		})
	}
}

// TestRestoreAfterAnEdit: an edited bank keeps each answer whose question
// and picked options it still has, wherever the options moved, and says
// how many of the saved answers still apply.
func TestRestoreAfterAnEdit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		edit  func(string) string
		order []int
		want  quiz.Answers
		next  int
	}{
		{
			name:  "a comment",
			edit:  func(s string) string { return "# a comment\n" + s },
			order: inOrder,
			want:  given(),
			next:  2,
		},
		{
			name: "options swapped",
			edit: func(s string) string {
				s = strings.Replace(s, `text = "Find the root cause"`, `text = "@"`, 1)
				s = strings.Replace(s, `text = "Ship a quick fix"`, `text = "Find the root cause"`, 1)
				return strings.Replace(s, `text = "@"`, `text = "Ship a quick fix"`, 1)
			},
			order: inOrder,
			want:  quiz.Answers{"outage": {Picks: []int{0}}, "diagrams": {}, "tasks": {Picks: []int{0, 1}}},
			next:  2,
		},
		{
			name:  "an option picked is gone",
			edit:  func(s string) string { return strings.Replace(s, "Planning for growth", "Planning ahead", 1) },
			order: inOrder,
			want:  quiz.Answers{"outage": {Picks: []int{1}}, "diagrams": {}},
			next:  2,
		},
		{
			name:  "a question is gone",
			edit:  func(s string) string { return strings.Replace(s, `id = "outage"`, `id = "crash"`, 1) },
			order: inOrder,
			// The edit made "crash" new, before the question on the
			// screen: it is asked first.
			want: quiz.Answers{"diagrams": {}, "tasks": {Picks: []int{0, 1}}},
			next: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := testBank(t, nil)
			s, st := reload(t, progress.Snapshot(b, given(), inOrder, 2, false, 0))
			edited := testBank(t, tt.edit)
			r, err := s.Restore(edited, st, tt.order)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Edited || r.Saved != 3 || r.Kept != len(tt.want) {
				t.Errorf("edited %v, kept %d of %d; want true, %d of 3", r.Edited, r.Kept, r.Saved, len(tt.want))
			}
			if !reflect.DeepEqual(r.Answers, tt.want) {
				t.Errorf("answers %v, want %v", r.Answers, tt.want)
			}
			if r.Next != tt.next {
				t.Errorf("resumes at %d, want %d", r.Next, tt.next)
			}
		})
	}
}
