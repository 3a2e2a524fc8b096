package render

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

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
