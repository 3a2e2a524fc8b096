package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/scoring"
)

// history shows an attempt as the report does: shares that the tenths
// rule tells apart ("50.2 · 49.8", not "50 · 50"), and "no clear
// preference" for a balanced one.
func TestHistoryShowsWhatTheReportShows(t *testing.T) {
	t.Parallel()
	a := result.Attempt{Number: 1, Taken: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC), Document: result.Document{
		Bank:           result.Bank{Title: "Two paths", SHA256: strings.Repeat("ab", 32)},
		Recommendation: &result.Recommendation{Path: "engineer", Name: "Engineer", Strength: scoring.Balanced, RunnerUp: "developer"},
		Paths:          []result.Path{{ID: "engineer", Name: "Engineer", Share: 50.2}, {ID: "developer", Name: "Developer", Share: 49.8}},
	}}
	var buf bytes.Buffer
	WriteHistory(&buf, "/kept", []result.Attempt{a}, ScreenWidth)
	out := buf.String()
	for _, want := range []string{"no clear preference", "engineer 50.2 · developer 49.8", "Bank: Two paths (abababababab…)"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "balanced") {
		t.Errorf("a balanced attempt named with its label:\n%s", out)
	}
}

// history fits the terminal: at 60 and 120 columns no line is wider, no
// word is broken and the split is whole, on the row or under it.
func TestHistoryFitsTheWidth(t *testing.T) {
	t.Parallel()
	var attempts []result.Attempt
	for i, rec := range []*result.Recommendation{
		{Path: "engineer", Name: "Back-end engineer", Strength: scoring.Moderate},
		{Path: "developer", Name: "Back-end developer", Strength: scoring.Slight},
	} {
		attempts = append(attempts, result.Attempt{Number: i + 1, Taken: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC), Document: result.Document{
			Bank:           result.Bank{Title: "Back-end engineer or back-end developer? A bank with a long title", SHA256: strings.Repeat("ab", 32)},
			Recommendation: rec,
			Paths:          []result.Path{{ID: "engineer", Name: "Back-end engineer", Share: 48}, {ID: "developer", Name: "Back-end developer", Share: 52}},
		}})
	}
	for _, width := range []int{60, 120} {
		var buf bytes.Buffer
		WriteHistory(&buf, "/kept", attempts, width)
		out := buf.String()
		for _, l := range strings.Split(out, "\n") {
			if textwrap.Width(l) > width {
				t.Errorf("at %d columns, a line of %d: %q", width, textwrap.Width(l), l)
			}
		}
		flat := strings.Join(strings.Fields(out), " ")
		for _, want := range []string{"engineer 48 · developer 52", "Back-end engineer (moderate)", "A bank with a long title"} {
			if !strings.Contains(flat, want) {
				t.Errorf("at %d columns, %q is not whole in\n%s", width, want, out)
			}
		}
		if strings.Contains(strings.ReplaceAll(out, "abababababab…", ""), "…") {
			t.Errorf("at %d columns, something is cut:\n%s", width, out)
		}
		if rows := strings.Count(out, "engineer 48"); width == 120 && !strings.Contains(out, "(moderate)  engineer 48") || rows != 2 {
			t.Errorf("at %d columns, the split is not beside the verdict where it fits:\n%s", width, out)
		}
	}
}
