package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
)

const compareAbout = `Shows what moved between two attempts at the quiz: where each path and
each theme stood in both and how far it moved, and the answers that
changed. Changes are B minus A.

A and B are numbers from 'careerquiz history' (1 is the newest) or result
files (kept ones, or documents saved with --json). With no arguments, A is
the second newest kept attempt and B the newest; with one, B is the newest.
Attempts on different banks are compared over the questions both have.`

const compareMore = `Examples:
    careerquiz compare                  the last two attempts
    careerquiz compare 3 1              the third newest and the newest
    careerquiz compare before.json      a saved result and the newest
    careerquiz compare --json
`

type compareOptions struct {
	json      bool
	questions string
}

var compareFlags = flagTable[compareOptions]{
	switchFlag("json", "print the comparison as one JSON document",
		func(o *compareOptions) *bool { return &o.json }),
	fileFlag("questions", "the bank to show question and answer texts from\n(default: the built-in one, or CAREERQUIZ_QUESTIONS)",
		func(o *compareOptions) *string { return &o.questions }),
}

func runCompare(args []string, e env) error {
	var o compareOptions
	picks, err := parseArgs("compare", args, compareFlags, &o)
	if err != nil {
		return err
	}
	if len(picks) > 2 {
		return usageError{fmt.Sprintf("compare takes at most two attempts, got %d", len(picks))}
	}
	a, b, err := pickAttempts(picks, e)
	if err != nil {
		return err
	}
	c := result.Compare(a, b)
	if !c.SameBank {
		warnf(e.stderr, "the attempts used different banks (%s %s, %s %s); answers are compared over the %s both have, and the shares are each bank's own",
			shortSHA(a.Bank.SHA256), strconv.Quote(plainText(a.Bank.Title)), shortSHA(b.Bank.SHA256), strconv.Quote(plainText(b.Bank.Title)), countOf(c.Shared, "question"))
	}
	if o.json {
		return writeJSON(e.stdout, newComparisonJSON(c))
	}
	bankName := o.questions
	if bankName == "" {
		bankName = e.getenv("CAREERQUIZ_QUESTIONS")
	}
	// The bank only lends its texts; without it the answers are shown as
	// option numbers, so a bank that will not load is no reason to stop.
	bank, _ := loadBank(bankName)
	writeComparison(cleanWriter{e.stdout}, c, bank)
	return nil
}

// pickAttempts resolves compare's arguments to two attempts.
func pickAttempts(picks []string, e env) (*result.Attempt, *result.Attempt, error) {
	var kept []result.Attempt
	var dir string
	listed := false
	list := func() error {
		if listed {
			return nil
		}
		listed = true
		var err error
		dir, kept, err = listKept(e)
		return err
	}
	byNumber := func(n int) (*result.Attempt, error) {
		if err := list(); err != nil {
			return nil, err
		}
		if n < 1 || n > len(kept) {
			return nil, withHint(fmt.Errorf("there is no attempt %d: %s kept", n, countOf(len(kept), "result")),
				"'careerquiz history' lists the kept attempts and their numbers")
		}
		return &kept[n-1], nil
	}
	resolve := func(arg string) (*result.Attempt, error) {
		if n, err := strconv.Atoi(arg); err == nil && strings.Trim(arg, "0123456789") == "" {
			return byNumber(n)
		}
		a, err := result.Read(arg)
		if err != nil {
			return nil, withHint(err, "name a result file written by careerquiz --json, or a number from 'careerquiz history'")
		}
		return &a, nil
	}
	if len(picks) < 2 {
		if err := list(); err != nil {
			return nil, nil, err
		}
		need := 2 - len(picks)
		if len(kept) < need {
			return nil, nil, withHint(
				fmt.Errorf("compare needs two attempts, and %s (in %s)", keptCount(len(kept)), dir),
				"take the quiz again with 'careerquiz' (a quiz finished in a terminal is kept), or compare two saved results: careerquiz compare old.json new.json")
		}
	}
	var a, b *result.Attempt
	var err error
	switch len(picks) {
	case 0:
		a, b = &kept[1], &kept[0]
	case 1:
		if a, err = resolve(picks[0]); err != nil {
			return nil, nil, err
		}
		b = &kept[0]
	default:
		if a, err = resolve(picks[0]); err != nil {
			return nil, nil, err
		}
		if b, err = resolve(picks[1]); err != nil {
			return nil, nil, err
		}
	}
	if a.File == b.File {
		return nil, nil, withHint(fmt.Errorf("both attempts are %s", a.File), "name two different attempts; 'careerquiz history' lists them")
	}
	return a, b, nil
}

func keptCount(n int) string {
	switch n {
	case 0:
		return "no result is kept yet"
	case 1:
		return "only 1 result is kept"
	}
	return fmt.Sprintf("%d results are kept", n)
}

// countOf is "1 result" or "3 results"; with two words, the singular and
// plural forms to follow the number.
func countOf(n int, forms ...string) string {
	one, many := forms[0], forms[0]+"s"
	if len(forms) > 1 {
		many = forms[1]
	}
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Widths of the comparison's rows: label, two bars, "a → b", change.
const (
	cmpBarW   = 14
	cmpLabelW = 20
)

// writeComparison shows c for a person. bank, when it is the bank of an
// attempt, gives the changed answers their question and option texts.
func writeComparison(w io.Writer, c result.Comparison, bank *quiz.Bank) {
	fmt.Fprintln(w, "Comparing")
	for _, side := range []struct {
		label string
		a     *result.Attempt
	}{{"A", c.A}, {"B", c.B}} {
		fmt.Fprintf(w, "  %s  %s\n", side.label, textwrap.Truncate(attemptLine(side.a), screenWidth-5))
	}
	if !c.SameBank {
		fmt.Fprintln(w)
		fmt.Fprintln(w, textwrap.String(fmt.Sprintf("The attempts used different banks: the shares are each bank's own, and the answers are compared over the %s both have.", countOf(c.Shared, "question")), screenWidth, ""))
		for _, only := range []struct {
			side string
			ids  []string
		}{{"A", c.OnlyA}, {"B", c.OnlyB}} {
			if len(only.ids) > 0 {
				fmt.Fprintln(w, textwrap.String(fmt.Sprintf("Only in %s: %s.", only.side, plainText(strings.Join(only.ids, ", "))), screenWidth, "  "))
			}
		}
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, strings.TrimRight(pad("Paths", 2+cmpLabelW+2)+pad("A", cmpBarW+2)+"B", " "))
	for _, p := range c.Paths {
		fmt.Fprintln(w, changeRow("  ", cmpLabelW, p, true, true))
	}

	if len(c.Themes) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "By theme")
		for _, th := range c.Themes {
			fmt.Fprintln(w, "  "+textwrap.Truncate(plainText(th.Name), screenWidth-2))
			hasA, hasB := th.InA && th.AnsweredA > 0, th.InB && th.AnsweredB > 0
			if !hasA && !hasB {
				fmt.Fprintln(w, "    no answers in either")
				continue
			}
			for _, p := range th.Paths {
				fmt.Fprintln(w, changeRow("    ", cmpLabelW-2, p, hasA, hasB))
			}
		}
	}

	fmt.Fprintln(w)
	if len(c.Changed) == 0 {
		fmt.Fprintf(w, "No answer changed (%s compared).\n", countOf(c.Shared, "question"))
		return
	}
	fmt.Fprintf(w, "Answers that changed (%d of %s)\n", len(c.Changed), countOf(c.Shared, "question"))
	labelsA := bankFor(bank, c.A)
	labelsB := bankFor(bank, c.B)
	for _, ch := range c.Changed {
		q := questionOf(labelsA, ch.Question)
		if q == nil {
			q = questionOf(labelsB, ch.Question)
		}
		if q == nil {
			fmt.Fprintf(w, "  %s: %s → %s\n", plainText(ch.Question), answerText(nil, ch.A), answerText(nil, ch.B))
			continue
		}
		// Wrapped, not cut: an answer means nothing without its question
		// and the whole of the side taken.
		fmt.Fprintln(w, hangingText("  ", "    ", plainText(ch.Question)+": "+plainText(q.Text)))
		fmt.Fprintln(w, hangingText("    A: ", "       ", answerText(questionOf(labelsA, ch.Question), ch.A)))
		fmt.Fprintln(w, hangingText("    B: ", "       ", answerText(questionOf(labelsB, ch.Question), ch.B)))
	}
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
	parts = append(parts, verdictText(a.Recommendation))
	return strings.Join(parts, "  ")
}

// changeRow is one path's share in A and in B, as bars, with the figures
// and the change; a side that has no figure shows a gap.
func changeRow(indent string, labelW int, p result.Change, hasA, hasB bool) string {
	name := plainText(p.Name)
	if name == "" {
		name = plainText(p.ID)
	}
	row := indent + pad(textwrap.Truncate(name, labelW), labelW) + "  "
	inA, inB := p.InA && hasA, p.InB && hasB
	row += shareBar(p.ShownA, inA) + "  " + shareBar(p.ShownB, inB) + "  "
	row += fmt.Sprintf("%3s → %3s", figure(p.ShownA, inA), figure(p.ShownB, inB))
	if inA && inB {
		// The difference of the figures shown, so that the row adds up.
		row += "  " + changeText(p.ShownDelta())
	}
	return strings.TrimRight(row, " ")
}

// shareBar is the report's bar, so that a bar looks the same in every view.
func shareBar(share float64, ok bool) string {
	if !ok {
		return strings.Repeat(" ", cmpBarW)
	}
	return render.Bar(share, cmpBarW)
}

func figure(share float64, ok bool) string {
	if !ok {
		return "–"
	}
	return shareText(share)
}

// changeText is a signed whole number of points, or "same".
func changeText(d float64) string {
	n := int(math.Round(d))
	switch {
	case n > 0:
		return fmt.Sprintf("%+d", n)
	case n < 0:
		return fmt.Sprintf("%d", n)
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
	if i := b.QuestionIndex(id); i >= 0 {
		return &b.Questions[i]
	}
	return nil
}

// hangingText wraps s at the screen width with first in front of the first
// line and indent (as long as first) in front of the rest.
func hangingText(first, indent, s string) string {
	lines := textwrap.Wrap(s, screenWidth, indent)
	if len(lines) > 0 {
		lines[0] = first + strings.TrimPrefix(lines[0], indent)
	}
	return strings.Join(lines, "\n")
}

// gradedAnswer is a graded question's point as the report words it: the
// side's own text and how strongly, since "Much rather B" means nothing
// without B.
func gradedAnswer(q *quiz.Question, n int) (string, bool) {
	if q.Kind != quiz.Graded || len(q.Sides) != 2 || len(q.Options) != 5 {
		return "", false
	}
	switch n {
	case 1:
		return "Much rather: " + plainText(q.Sides[0].Text), true
	case 2:
		return "Rather: " + plainText(q.Sides[0].Text), true
	case 4:
		return "Rather: " + plainText(q.Sides[1].Text), true
	case 5:
		return "Much rather: " + plainText(q.Sides[1].Text), true
	}
	return "", false
}

// answerText shows an answer as the person saw it where the question is
// known, and as the result file writes it otherwise.
func answerText(q *quiz.Question, raw json.RawMessage) string {
	var skip string
	if json.Unmarshal(raw, &skip) == nil && skip == "skip" {
		return "skipped"
	}
	var nums []int
	var one int
	if json.Unmarshal(raw, &one) == nil {
		nums = []int{one}
	} else if json.Unmarshal(raw, &nums) != nil {
		return plainText(string(raw))
	}
	if q == nil {
		return plainText(string(raw))
	}
	if len(nums) == 0 {
		return "none picked"
	}
	texts := make([]string, len(nums))
	for i, n := range nums {
		if n < 1 || n > len(q.Options) {
			return plainText(string(raw))
		}
		texts[i] = plainText(q.Options[n-1].Text)
		if g, ok := gradedAnswer(q, n); ok {
			texts[i] = g
		}
	}
	return strings.Join(texts, "; ")
}

// comparisonJSON is compare --json. Every figure is B's minus A's; a figure
// an attempt does not have (a path its bank lacks, a theme it answered
// nothing in) is null.
type comparisonJSON struct {
	A               attemptJSON        `json:"a"`
	B               attemptJSON        `json:"b"`
	SameBank        bool               `json:"same_bank"`
	SharedQuestions int                `json:"shared_questions"`
	Paths           []changeJSON       `json:"paths"`
	Themes          []themeChangeJSON  `json:"themes"`
	Changed         []answerChangeJSON `json:"changed"`
	OnlyA           []string           `json:"only_a"`
	OnlyB           []string           `json:"only_b"`
}

type changeJSON struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	A      *float64 `json:"a"`
	B      *float64 `json:"b"`
	Change *float64 `json:"change"`
}

type themeChangeJSON struct {
	ID        string       `json:"id"`
	Name      string       `json:"name"`
	AnsweredA int          `json:"answered_a"`
	AnsweredB int          `json:"answered_b"`
	Paths     []changeJSON `json:"paths"`
}

type answerChangeJSON struct {
	Question string          `json:"question"`
	A        json.RawMessage `json:"a"`
	B        json.RawMessage `json:"b"`
}

func newComparisonJSON(c result.Comparison) comparisonJSON {
	j := comparisonJSON{
		A:               newAttemptJSON(c.A),
		B:               newAttemptJSON(c.B),
		SameBank:        c.SameBank,
		SharedQuestions: c.Shared,
		Paths:           make([]changeJSON, 0, len(c.Paths)),
		Themes:          make([]themeChangeJSON, 0, len(c.Themes)),
		Changed:         make([]answerChangeJSON, 0, len(c.Changed)),
		OnlyA:           append([]string{}, c.OnlyA...),
		OnlyB:           append([]string{}, c.OnlyB...),
	}
	for _, p := range c.Paths {
		j.Paths = append(j.Paths, newChangeJSON(p, true, true))
	}
	for _, th := range c.Themes {
		tj := themeChangeJSON{ID: th.ID, Name: th.Name, AnsweredA: th.AnsweredA, AnsweredB: th.AnsweredB, Paths: make([]changeJSON, 0, len(th.Paths))}
		for _, p := range th.Paths {
			tj.Paths = append(tj.Paths, newChangeJSON(p, th.AnsweredA > 0, th.AnsweredB > 0))
		}
		j.Themes = append(j.Themes, tj)
	}
	for _, ch := range c.Changed {
		j.Changed = append(j.Changed, answerChangeJSON{Question: ch.Question, A: ch.A, B: ch.B})
	}
	return j
}

func newChangeJSON(p result.Change, hasA, hasB bool) changeJSON {
	j := changeJSON{ID: p.ID, Name: p.Name}
	if p.InA && hasA {
		a := round1(p.A)
		j.A = &a
	}
	if p.InB && hasB {
		b := round1(p.B)
		j.B = &b
	}
	if j.A != nil && j.B != nil {
		// From the rounded figures, so that the document adds up.
		d := round1(*j.B - *j.A)
		j.Change = &d
	}
	return j
}
