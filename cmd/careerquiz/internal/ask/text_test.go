package ask

import (
	"slices"
	"testing"

	"github.com/careerquiz/careerquiz/quiz"
)

func TestProgress(t *testing.T) {
	t.Parallel()
	p := Prompt{Number: 3, Total: 26, Theme: "Security"}
	if got, want := progress(p), "Question 3 of 26 · Security"; got != want {
		t.Errorf("progress = %q, want %q", got, want)
	}
	p.Theme = ""
	if got, want := progress(p), "Question 3 of 26"; got != want {
		t.Errorf("progress without a theme = %q, want %q", got, want)
	}
}

func TestPreviousPicks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		kind  quiz.Kind
		picks []int
		want  []int
	}{
		{"one pick of a choice", quiz.Choice, []int{2}, []int{2}},
		{"several picks of a pick-any", quiz.PickAny, []int{0, 3}, []int{0, 3}},
		{"none", quiz.PickAny, nil, nil},
		{"two picks of a choice", quiz.Choice, []int{0, 1}, nil},
		{"out of range", quiz.Scale, []int{5}, nil},
		{"negative", quiz.Choice, []int{-1}, nil},
		{"not ascending", quiz.PickAny, []int{2, 1}, nil},
		{"repeated", quiz.PickAny, []int{1, 1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Prompt{Kind: tt.kind, Options: quiz.ScaleLabels, Previous: quiz.Answer{Picks: tt.picks}}
			if got := previousPicks(p); !slices.Equal(got, tt.want) {
				t.Errorf("previousPicks = %v, want %v", got, tt.want)
			}
		})
	}
}
