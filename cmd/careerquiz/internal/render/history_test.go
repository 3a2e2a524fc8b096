package render

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
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
	WriteHistory(&buf, "/kept", []result.Attempt{a})
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
