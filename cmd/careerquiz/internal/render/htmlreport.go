package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/scoring"
)

// WriteHTML writes r as one self-contained page (see HTML). Its figures are
// the result document's (NewDocument), so that the page and the JSON agree,
// and its sentences the text report's. On error nothing is written.
func WriteHTML(w io.Writer, r Run) error {
	doc, err := NewDocument(r)
	if err != nil {
		return err
	}
	return writePage(w, "report", newReportPage(r, &doc))
}

// reportPage is the report's page, worded and laid out.
type reportPage struct {
	Title, Headline string
	Kicker          string
	Notes           []string
	Confidence      *retestDots
	Basis           string
	Stopped         string
	Warnings        []string
	Split           *splitBar
	Themes          []themeRow
	Paths           []legendEntry
	TowardTitle     string
	Toward          []reasonRow
	AgainstTitle    string
	Against         *reasonRow
	StepsTitle      string
	Steps           []stepRow
	Done            string
	OtherSteps      []string
	Salary          []string
	OthersTitle     string
	Others          []otherRow
	Footer          string
}

type themeRow struct {
	Name  string
	Bar   *splitBar
	Parts []legendEntry
	// Note says why a theme has no bar, as the text report does.
	Note string
}

type reasonRow struct{ Points, Text, Answer, Class string }

type stepRow struct{ Text, Why string }

type otherRow struct{ Name, Class, Share, Summary string }

// retestDots is the confidence as ten dots, one per retest, filled for
// those that would give the same path.
type retestDots struct {
	Dots  []retestDot
	Label string
	Text  string
}

type retestDot struct {
	X      string
	Filled bool
}

func newReportPage(r Run, d *result.Document) reportPage {
	res := r.Result
	v := reportPage{Basis: basisText(res), Stopped: stoppedText(r)}
	classes := map[string]string{}
	for i, p := range d.Paths {
		classes[p.ID] = colourClass(i)
	}
	v.Paths = legend(d.Paths, func(p result.Path) (string, string, float64) { return p.ID, result.OneLine(p.Name), p.Share }, classes)
	shownOf := map[string]string{}
	for _, p := range v.Paths {
		shownOf[p.ID] = p.Shown
	}

	rec := d.Recommendation
	v.Headline = result.Verdict(rec, d.Paths)
	if rec == nil {
		v.Notes = append(v.Notes, result.OneLine(d.Reason))
	} else {
		v.Notes = slices.DeleteFunc([]string{meaningText(res), hypothesisNote(res)}, func(s string) bool { return s == "" })
		n, words := retests(d.Confidence)
		v.Confidence = &retestDots{Label: words, Text: confidenceText(res)}
		for i := range 10 {
			v.Confidence.Dots = append(v.Confidence.Dots, retestDot{X: svgNum(10 + 20*float64(i)), Filled: i < n})
		}
	}
	v.Title = v.Headline + " · careerquiz"
	v.Warnings = each(d.Warnings, func(wn result.Warning) string { return result.OneLine(wn.Message) })
	if len(d.Paths) > 0 {
		v.Split = newSplitBar(v.Paths, d.Bands.Slight)
	}
	for i, th := range d.Themes {
		row := themeRow{Name: result.OneLine(th.Name), Note: thinTheme(res, res.Themes[i])}
		if row.Note == "" {
			row.Parts = legend(th.Paths, func(p result.ThemePath) (string, string, float64) {
				return p.ID, result.OneLine(pathName(res, p.ID)), p.Share
			}, classes)
			row.Bar = newSplitBar(row.Parts, 0)
		}
		v.Themes = append(v.Themes, row)
	}

	reason := func(rs result.Reason) reasonRow {
		row := reasonRow{Points: pullText(rs.Points), Text: result.OneLine(rs.Text), Answer: result.OneLine(rs.Answer)}
		if rec != nil {
			row.Class = classes[pullPath(rec.Path, rec.RunnerUp, rs.Points)]
		}
		return row
	}
	if len(d.Reasons.Toward) > 0 {
		v.TowardTitle = towardTitle(res, result.OneLine)
	}
	v.Toward = each(d.Reasons.Toward, reason)
	if a := d.Reasons.Against; a != nil {
		v.AgainstTitle = againstTitle(res, result.OneLine)
		v.Against = new(reason(*a))
	}

	// Every step: the text report shows the next few, but a page is read
	// at leisure.
	v.StepsTitle = stepsTitle(min(len(res.Steps), shownSteps))
	for i, s := range d.Steps {
		v.Steps = append(v.Steps, stepRow{Text: stepLine(res, r.Bank, res.Steps[i]), Why: result.OneLine(s.Why)})
	}
	v.Done = doneNote(res, result.OneLine)
	v.OtherSteps = each(res.OtherSteps, func(o scoring.StepAdvice) string { return otherStepNote(res, o, result.OneLine) })
	v.Salary = each(d.Salary, result.OneLine)
	v.OthersTitle = othersTitle(res)
	v.Others = each(d.Others, func(o result.Other) otherRow {
		return otherRow{Name: result.OneLine(o.Name), Class: classes[o.ID], Share: shownOf[o.ID], Summary: result.OneLine(o.Summary)}
	})

	about := aboutRun(r)
	v.Kicker = about.kicker("A careerquiz result")
	v.Footer = about.String()
	return v
}

// about is what a document says of the run it reports, besides the
// result: the bank by its title (a digest means nothing to a reader), how
// many questions, the order they were asked in, and the day it was taken.
type about struct{ title, count, order, taken string }

func aboutRun(r Run) about {
	a := about{title: result.OneLine(r.Bank.Title), count: Count(len(r.Bank.Questions), "question")}
	if r.Shuffled {
		a.order = fmt.Sprintf("shuffled, seed %d", r.Seed)
	}
	if !r.Taken.IsZero() {
		// The day as a reader writes it, in the time zone Taken is in.
		a.taken = "taken " + r.Taken.Format("2 January 2006")
	}
	return a
}

// String is the line a document ends with: "Back-end engineer or back-end
// developer? · 36 questions · taken 7 December 2026".
func (a about) String() string { return dotted(a.title, a.count, a.order, a.taken) }

// kicker is what a page says above its heading: what it is, the bank's
// title and the day it was taken.
func (a about) kicker(what string) string { return dotted(what, a.title, a.taken) }

// dotted joins the parts that are not empty with " · ".
func dotted(parts ...string) string {
	return strings.Join(slices.DeleteFunc(parts, func(p string) bool { return p == "" }), " · ")
}
