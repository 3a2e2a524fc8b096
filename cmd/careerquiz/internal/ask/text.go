package ask

import (
	"fmt"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// progress is the first line of every question, the same in both askers so
// that a person switching between them finds their way.
func progress(p Prompt) string {
	s := fmt.Sprintf("Question %d of %d", p.Number, p.Total)
	if p.Theme != "" {
		s += " · " + p.Theme
	}
	return s
}

// body is the question as both askers show it under the progress line:
// its text, a graded question's two sides in full, each under its letter,
// and the help, wrapped to width.
func body(p Prompt, width int) string {
	lines := textwrap.Wrap(p.Text, width, "")
	for i, side := range p.Sides {
		lines = append(lines, textwrap.Hanging(string(rune('A'+i))+": ", "   ", side, width)...)
	}
	var b strings.Builder
	for _, l := range append(lines, textwrap.Wrap(p.Help, width, "")...) {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// previousPicks returns the picks of p.Previous when they still make sense
// for the question (in range, ascending, one pick unless pick-any), and nil
// otherwise, so that a stale saved answer is never preselected.
func previousPicks(p Prompt) []int {
	picks := p.Previous.Picks
	if len(picks) == 0 || (!p.Kind.Multiple() && len(picks) != 1) {
		return nil
	}
	for i, pick := range picks {
		if pick < 0 || pick >= len(p.Options) || (i > 0 && pick <= picks[i-1]) {
			return nil
		}
	}
	return picks
}

// numbers lists 0-based picks as the 1-based numbers a person sees.
func numbers(picks []int) string {
	s := make([]string, len(picks))
	for i, pick := range picks {
		s[i] = fmt.Sprint(pick + 1)
	}
	return strings.Join(s, ", ")
}
