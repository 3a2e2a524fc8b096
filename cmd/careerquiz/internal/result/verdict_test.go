package result

import (
	"testing"

	"github.com/careerquiz/careerquiz/scoring"
)

// Every view names a result in the same words: a balanced result or a tie
// is "no clear preference", never "Developer, balanced", which reads as a
// recommendation.
func TestVerdictWords(t *testing.T) {
	t.Parallel()
	paths := []Path{{ID: "engineer", Name: "Engineer"}, {ID: "developer", Name: "Developer"}}
	for _, tt := range []struct {
		name        string
		rec         *Recommendation
		long, short string
	}{
		{"none", nil, "no recommendation yet", "no recommendation yet"},
		{"a lean", &Recommendation{Path: "developer", Name: "Developer", Strength: scoring.Moderate}, "Developer (moderate)", "Developer (moderate)"},
		{"balanced", &Recommendation{Path: "developer", Name: "Developer", Strength: scoring.Balanced},
			"no clear preference (balanced; leaning a little to Developer)", "no clear preference"},
		{"a tie, named by the paths", &Recommendation{Path: "engineer", Strength: scoring.Balanced, RunnerUp: "developer", Tie: true},
			"no preference (Engineer and Developer tie)", "no preference"},
		{"a tie written with tied", &Recommendation{Strength: scoring.Balanced, Tie: true, Tied: []string{"engineer", "developer"}},
			"no preference (Engineer and Developer tie)", "no preference"},
	} {
		if got := Verdict(tt.rec, paths); got != tt.long {
			t.Errorf("%s: Verdict = %q, want %q", tt.name, got, tt.long)
		}
		if got := ShortVerdict(tt.rec, paths); got != tt.short {
			t.Errorf("%s: ShortVerdict = %q, want %q", tt.name, got, tt.short)
		}
	}
}

// Shares are shown as whole numbers that add up to 100, unless that would
// make two different shares look equal: then to a tenth, in every view.
func TestShownShares(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ in, want []float64 }{
		{[]float64{68.3, 31.7}, []float64{68, 32}},
		{[]float64{47.5, 52.5}, []float64{48, 52}},
		{[]float64{50.2, 49.8}, []float64{50.2, 49.8}},
		{[]float64{50, 50}, []float64{50, 50}},
		{[]float64{33.4, 33.3, 33.3}, []float64{34, 33, 33}},
	} {
		got := Shown(tt.in)
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Shown(%v) = %v, want %v", tt.in, got, tt.want)
				break
			}
		}
	}
}

func TestDigest(t *testing.T) {
	t.Parallel()
	if got := Digest("0123456789abcdef0123"); got != "0123456789ab…" {
		t.Errorf("Digest = %q", got)
	}
	if got := Digest("ab12"); got != "ab12" {
		t.Errorf("a short digest is shown whole: %q", got)
	}
}
