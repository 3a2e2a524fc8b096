package render

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/scoring"
)

func TestVerdict(t *testing.T) {
	t.Parallel()
	paths := []scoring.PathScore{{ID: "engineer", Name: "Back-end engineer"}, {ID: "developer", Name: "Back-end developer"}}
	tests := []struct {
		name string
		rec  *scoring.Recommendation
		want string
	}{
		{"a lean names the path and its strength",
			&scoring.Recommendation{Path: "engineer", Name: "Back-end engineer", Strength: scoring.Moderate, RunnerUp: "developer"},
			"Back-end engineer (moderate)"},
		{"a balanced result is no preference, with the side of its small lead",
			&scoring.Recommendation{Path: "developer", Name: "Back-end developer", Strength: scoring.Balanced, RunnerUp: "engineer", Margin: 2},
			"no clear preference (balanced; leaning a little to Back-end developer)"},
		{"a tie names both paths",
			&scoring.Recommendation{Path: "engineer", Name: "Back-end engineer", Strength: scoring.Balanced, RunnerUp: "developer", Tie: true},
			"no preference (Back-end engineer and Back-end developer tie)"},
		{"a path without a name is named from the paths",
			&scoring.Recommendation{Path: "developer", Strength: scoring.Clear, RunnerUp: "engineer"},
			"Back-end developer (clear)"},
		{"too few answers say so", nil, "no recommendation yet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Verdict(scoring.Result{Paths: paths, Recommendation: tt.rec}); got != tt.want {
				t.Errorf("Verdict = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWarningNotes: every warning has a short line of its own, in order.
func TestWarningNotes(t *testing.T) {
	t.Parallel()
	res := scoring.Result{Warnings: []scoring.Warning{
		{Code: scoring.WarnFewAnswered, Count: 4, Of: 29},
		{Code: scoring.WarnSamePosition, Count: 16, Position: 1},
		{Code: scoring.WarnAgreeAll, Count: 10},
		{Code: scoring.WarnAlwaysMiddle, Count: 24},
	}}
	want := []string{
		"You answered 4 of 29 questions: too few for a firm result.",
		"You picked option 1 on all 16 one-answer questions: it may mean little.",
		"You agreed with everything on 10 questions: they tell little about you.",
		"You gave the middle answer all 24 times it was offered: it may mean little.",
	}
	got := WarningNotes(res)
	if !slices.Equal(got, want) {
		t.Errorf("WarningNotes =\n%q\nwant\n%q", got, want)
	}
	for _, note := range got {
		// Shown as "  ! Note." on an 80-column terminal.
		if n := utf8.RuneCountInString(note) + 4; n > 80 {
			t.Errorf("%q takes %d columns, more than one line", note, n)
		}
	}
	if got := WarningNotes(scoring.Result{}); len(got) != 0 {
		t.Errorf("WarningNotes of a result without warnings = %q, want none", got)
	}
}
