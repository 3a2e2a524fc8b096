package report

import (
	"testing"

	"github.com/careerquiz/careerquiz/scoring"
)

func TestVerdict(t *testing.T) {
	paths := []scoring.PathScore{{ID: "engineer", Name: "Back-end engineer"}, {ID: "developer", Name: "Back-end developer"}}
	tests := []struct {
		name string
		rec  *scoring.Recommendation
		want string
	}{
		{"a lean names the path and its strength",
			&scoring.Recommendation{Path: "engineer", Name: "Back-end engineer", Strength: scoring.Moderate, RunnerUp: "developer"},
			"Back-end engineer (moderate)"},
		{"a tie names both paths",
			&scoring.Recommendation{Path: "engineer", Name: "Back-end engineer", Strength: scoring.Balanced, RunnerUp: "developer", Tie: true},
			"Back-end engineer and Back-end developer tie"},
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
