package render

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// Widths of the comparison's rows: label, two bars, "a → b", change. The
// bars are narrower on a narrow terminal, down to cmpBarMin, so that a row
// fits on its line.
const (
	cmpBarW   = 14
	cmpBarMin = 6
	cmpLabelW = 20
	// cmpRest is a row without its bars: indent, label, gaps, "100 → 100"
	// and "+100".
	cmpRest = 2 + cmpLabelW + 2 + 2 + 2 + 9 + 2 + 4
)

// WriteComparison shows c for a person, width cells wide. bank, when it is
// the bank of an attempt, gives the changed answers their question and
// option texts, and their order: the order of the quiz.
func WriteComparison(w io.Writer, c result.Comparison, bank *quiz.Bank, width int) {
	fmt.Fprintln(w, "Comparing")
	for _, side := range []struct {
		label string
		a     *result.Attempt
	}{{"A", c.A}, {"B", c.B}} {
		line := "  " + side.label + "  " + attemptLine(side.a)
		if textwrap.Width(line) > width {
			line = hanging("  "+side.label+"  ", "     ", attemptLine(side.a), width)
		}
		fmt.Fprintln(w, line)
	}
	if !c.SameBank {
		fmt.Fprintln(w)
		fmt.Fprintln(w, textwrap.String(fmt.Sprintf("The attempts used different banks: the shares are each bank's own, and the answers are compared over the %s both have.", Count(c.Shared, "question")), width, ""))
		for _, only := range []struct {
			side string
			ids  []string
		}{{"A", c.OnlyA}, {"B", c.OnlyB}} {
			if len(only.ids) > 0 {
				fmt.Fprintln(w, textwrap.String(fmt.Sprintf("Only in %s: %s.", only.side, result.OneLine(strings.Join(only.ids, ", "))), width, "  "))
			}
		}
	}

	fmt.Fprintln(w)
	barW := min(max((width-cmpRest)/2, cmpBarMin), cmpBarW)
	fmt.Fprintln(w, strings.TrimRight(pad("Paths", 2+cmpLabelW+2)+pad("A", barW+2)+"B", " "))
	for _, p := range c.Paths {
		fmt.Fprintln(w, changeRow("  ", cmpLabelW, barW, p))
	}

	if len(c.Themes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "By theme")
		for _, th := range c.Themes {
			fmt.Fprintln(w, "  "+textwrap.Truncate(result.OneLine(th.Name), width-2))
			if th.AnsweredA == 0 && th.AnsweredB == 0 {
				fmt.Fprintln(w, "    no answers in either")
				continue
			}
			for _, p := range th.Paths {
				fmt.Fprintln(w, changeRow("    ", cmpLabelW-2, barW, p))
			}
		}
	}

	fmt.Fprintln(w)
	if len(c.Changed) == 0 {
		fmt.Fprintf(w, "No answer changed (%s compared).\n", Count(c.Shared, "question"))
		return
	}
	fmt.Fprintf(w, "Answers that changed (%d of %s)\n", len(c.Changed), Count(c.Shared, "question"))
	labelsA, labelsB := bankFor(bank, c.A), bankFor(bank, c.B)
	known := cmp.Or(labelsA, labelsB)
	for _, ch := range inQuizOrder(c.Changed, known) {
		q := questionOf(known, ch.Question)
		if q == nil {
			fmt.Fprintln(w, hanging("  ", "    ", result.OneLine(ch.Question)+": "+rawAnswerText(nil, ch.A)+" → "+rawAnswerText(nil, ch.B), width))
			continue
		}
		// The question shortened between words; the answers whole, since an
		// answer means nothing without the whole of the side taken.
		fmt.Fprintln(w, "  "+shorten(result.OneLine(q.Text), width-2))
		fmt.Fprintln(w, hanging("    A: ", "       ", rawAnswerText(questionOf(labelsA, ch.Question), ch.A), width))
		fmt.Fprintln(w, hanging("    B: ", "       ", rawAnswerText(questionOf(labelsB, ch.Question), ch.B), width))
	}
}

// inQuizOrder is changes in the order b asks its questions, those b does
// not have last, by id, as they came.
func inQuizOrder(changes []result.AnswerChange, b *quiz.Bank) []result.AnswerChange {
	out := slices.Clone(changes)
	if b == nil {
		return out
	}
	place := func(id string) int {
		if i := b.QuestionIndex(id); i >= 0 {
			return i
		}
		return len(b.Questions)
	}
	slices.SortStableFunc(out, func(x, y result.AnswerChange) int { return place(x.Question) - place(y.Question) })
	return out
}

// attemptLine names an attempt: its number or file, when, and the verdict.
func attemptLine(a *result.Attempt) string {
	where := a.File
	if a.Number > 0 {
		where = fmt.Sprintf("#%d", a.Number)
	}
	parts := []string{where}
	if !a.Taken.IsZero() {
		parts = append(parts, takenText(a.Taken))
	}
	parts = append(parts, result.ShortVerdict(a.Recommendation, a.Paths))
	return strings.Join(parts, "  ")
}

// changeRow is one path's share in A and in B, as bars, with the figures
// and the change; a side that has no figure shows a gap.
func changeRow(indent string, labelW, barW int, p result.Change) string {
	row := indent + padCut(nameOr(p.Name, p.ID), labelW) + "  "
	inA, inB := p.InA, p.InB
	row += shareBar(p.ShownA, inA, barW) + "  " + shareBar(p.ShownB, inB, barW) + "  "
	row += fmt.Sprintf("%3s → %3s", figure(p.ShownA, inA, ""), figure(p.ShownB, inB, ""))
	if inA && inB {
		// The difference of the figures shown, so that the row adds up.
		row += "  " + changeText(p.ShownDelta())
	}
	return strings.TrimRight(row, " ")
}

// nameOr is a path's name on one line, or its id where it has none.
func nameOr(name, id string) string { return cmp.Or(result.OneLine(name), result.OneLine(id)) }

// shareBar is the report's bar, so that a bar looks the same in every view.
func shareBar(share float64, ok bool, width int) string {
	if !ok {
		return strings.Repeat(" ", width)
	}
	return Bar(share, width)
}

// figure is a shown share followed by unit, or a dash where the attempt
// has none.
func figure(share float64, ok bool, unit string) string {
	if !ok {
		return "–"
	}
	return shareText(share) + unit
}

// changeText is a signed number of points, or "same".
func changeText(d float64) string {
	d = result.Round(d, 1)
	switch {
	case d > 0:
		return "+" + shareText(d)
	case d < 0:
		return "-" + shareText(math.Abs(d))
	}
	return "same"
}

// bankFor returns bank where it is the bank a was taken with.
func bankFor(bank *quiz.Bank, a *result.Attempt) *quiz.Bank {
	if bank != nil && bank.SHA256 == a.Bank.SHA256 {
		return bank
	}
	return nil
}

func questionOf(b *quiz.Bank, id string) *quiz.Question {
	if b == nil {
		return nil
	}
	return b.Question(id)
}

// gradedVerb is how strongly option n (1 to 5) of a graded question takes
// a side, and which side: 1 and 2 side A, 4 and 5 side B, the ends much
// rather; 3, both equally, neither.
func gradedVerb(q *quiz.Question, n int) (verb scoring.AnswerVerb, side string, ok bool) {
	if q.Kind != quiz.Graded || len(q.Sides) != 2 || len(q.Options) != 5 || n == 3 {
		return "", "", false
	}
	verb, side = scoring.Rather, q.Sides[(n-1)/3].Text
	if n == 1 || n == 5 {
		verb = scoring.MuchRather
	}
	return verb, side, true
}

// hanging is textwrap.Hanging as one piece of text.
func hanging(first, indent, s string, width int) string {
	return strings.Join(textwrap.Hanging(first, indent, s, width), "\n")
}

// rawAnswerText shows an answer as the person saw it where the question is
// known, and as the result file writes it otherwise.
func rawAnswerText(q *quiz.Question, raw json.RawMessage) string {
	var skip string
	if json.Unmarshal(raw, &skip) == nil && skip == "skip" {
		return "skipped"
	}
	var nums []int
	var one int
	if json.Unmarshal(raw, &one) == nil {
		nums = []int{one}
	} else if json.Unmarshal(raw, &nums) != nil {
		return result.OneLine(string(raw))
	}
	if q == nil {
		return result.OneLine(string(raw))
	}
	if len(nums) == 0 {
		return "none picked"
	}
	texts := make([]string, len(nums))
	for i, n := range nums {
		if n < 1 || n > len(q.Options) {
			return result.OneLine(string(raw))
		}
		texts[i] = result.OneLine(q.Options[n-1].Text)
		if v, side, ok := gradedVerb(q, n); ok {
			texts[i] = verbText(v, result.OneLine(side))
		}
	}
	return strings.Join(texts, "; ")
}
