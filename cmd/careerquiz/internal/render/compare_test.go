package render

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"bytes"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
)

func TestCompareQuotesTheSideOfAGradedAnswer(t *testing.T) {
	t.Parallel()
	q := &quiz.Question{ID: "blueprint", Kind: quiz.Graded,
		Sides: []quiz.Side{{Text: "Draw the blueprint", Path: "engineer"}, {Text: "Build the real product", Path: "developer"}}}
	for _, id := range quiz.GradedIDs {
		q.Options = append(q.Options, quiz.Option{ID: id, Text: id})
	}
	for n, want := range map[int]string{
		1: "Much rather: Draw the blueprint",
		2: "Rather: Draw the blueprint",
		3: "equal",
		4: "Rather: Build the real product",
		5: "Much rather: Build the real product",
	} {
		if got := rawAnswerText(q, json.RawMessage(string(rune('0'+n)))); got != want {
			t.Errorf("answer %d shown as %q, want %q", n, got, want)
		}
	}
}

func TestCompareWrapsInsteadOfCutting(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a question that goes on ", 10)
	got := hanging("    A: ", "       ", long, ScreenWidth)
	if strings.Contains(got, "…") || strings.Join(strings.Fields(got), " ") != "A: "+strings.TrimSpace(long) {
		t.Errorf("wrapped text lost words:\n%s", got)
	}
	for _, l := range strings.Split(got, "\n") {
		if utf8.RuneCountInString(l) > ScreenWidth {
			t.Errorf("line wider than %d: %q", ScreenWidth, l)
		}
	}
}

// compare names the questions whose answers changed by their text, in the
// order of the quiz, not by id, and fits the width.
func TestCompareNamesQuestionsInQuizOrder(t *testing.T) {
	t.Parallel()
	b := &quiz.Bank{SHA256: "ab", Questions: []quiz.Question{
		{ID: "zebra", Text: "Asked first: " + strings.Repeat("a long question text ", 6), Options: []quiz.Option{{Text: "One"}, {Text: "Two"}}},
		{ID: "apple", Text: "Asked second?", Options: []quiz.Option{{Text: "Yes"}, {Text: "No"}}},
	}}
	a := &result.Attempt{Number: 2, Document: result.Document{Bank: result.Bank{SHA256: "ab"}}}
	bb := &result.Attempt{Number: 1, Document: result.Document{Bank: result.Bank{SHA256: "ab"}}}
	c := result.Comparison{A: a, B: bb, SameBank: true, Shared: 2,
		Paths: []result.Change{{ID: "engineer", Name: "Back-end engineer", InA: true, InB: true, ShownA: 100, ShownB: 0},
			{ID: "developer", Name: "Back-end developer", InA: true, InB: true, ShownA: 0, ShownB: 100}},
		Themes: []result.ThemeChange{{ID: "t", Name: "Planning and technology", AnsweredA: 1, AnsweredB: 1,
			Paths: []result.Change{{ID: "engineer", Name: "Back-end engineer", InA: true, InB: true, ShownA: 100, ShownB: 0}}}},
		Changed: []result.AnswerChange{
			{Question: "apple", A: json.RawMessage("1"), B: json.RawMessage("2")},
			{Question: "zebra", A: json.RawMessage("1"), B: json.RawMessage("2")},
		}}
	for _, width := range []int{60, 120} {
		var buf bytes.Buffer
		WriteComparison(&buf, c, b, width)
		out := buf.String()
		first, second := strings.Index(out, "Asked first"), strings.Index(out, "Asked second?")
		if first < 0 || second < first {
			t.Errorf("at %d columns, not in the order of the quiz:\n%s", width, out)
		}
		if strings.Contains(out, "zebra") || strings.Contains(out, "apple") {
			t.Errorf("at %d columns, named by id:\n%s", width, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if textwrap.Width(l) > width {
				t.Errorf("at %d columns, a line of %d: %q", width, textwrap.Width(l), l)
			}
		}
	}
}
