package render

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// CheckDoc is the `check --json` document. Other tools read it to reason
// about a bank without re-implementing its rules, so option weights are
// given as the scoring engine sees them, scale points already expanded.
type CheckDoc struct {
	Schema    string           `json:"schema"`
	File      string           `json:"file"`
	OK        bool             `json:"ok"`
	Problems  []checkProblem   `json:"problems"`
	Title     string           `json:"title,omitempty"`
	SHA256    string           `json:"sha256,omitempty"`
	Scoring   *quiz.Thresholds `json:"scoring,omitempty"`
	Paths     []checkPath      `json:"paths"`
	Themes    []checkTheme     `json:"themes"`
	Questions []checkQuestion  `json:"questions"`
	Audit     *scoring.Audit   `json:"audit,omitempty"`
	// Stops is the stopping profile, given with check --stops.
	Stops *StopProfiles `json:"stops,omitempty"`
}

type checkProblem struct {
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
	Question string `json:"question,omitempty"`
	Field    string `json:"field,omitempty"`
	Check    string `json:"check,omitempty"`
	Message  string `json:"message"`
	Text     string `json:"text"`
}

type checkPath struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Steps int    `json:"steps"`
}

type checkTheme struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type checkQuestion struct {
	ID       string    `json:"id"`
	Theme    string    `json:"theme"`
	Kind     quiz.Kind `json:"kind"`
	Multiple bool      `json:"multiple"`
	Scored   bool      `json:"scored"`
	Keyed    string    `json:"keyed,omitempty"`
	Against  string    `json:"against,omitempty"`
	// Impressive is the numbers of the options the bank marks as the side
	// that sounds more impressive (its impressive key, expanded).
	Impressive []int         `json:"impressive,omitempty"`
	Text       string        `json:"text"`
	Options    []checkOption `json:"options"`
}

type checkOption struct {
	Number  int                `json:"number"`
	ID      string             `json:"id,omitempty"`
	Text    string             `json:"text"`
	Weights map[string]float64 `json:"weights"`
}

// CheckDocument is the check --json document of the bank in file, or of
// why it does not load (err).
func CheckDocument(file string, b *quiz.Bank, err error) CheckDoc {
	doc := CheckDoc{Schema: "careerquiz.check/v1", File: file, OK: err == nil,
		Problems: []checkProblem{}, Paths: []checkPath{}, Themes: []checkTheme{}, Questions: []checkQuestion{}}
	if err != nil {
		doc.Problems = problemsOf(file, err)
		return doc
	}
	for _, p := range b.Warnings {
		doc.Problems = append(doc.Problems, problemOf(p))
	}
	audit := scoring.Analyze(b)
	for _, w := range audit.Warnings {
		doc.Problems = append(doc.Problems, checkProblem{Severity: "warning", File: file, Question: w.Question,
			Check: w.Check, Message: auditMessage(w), Text: file + ": " + auditMessage(w)})
	}
	doc.Title, doc.SHA256, doc.Scoring, doc.Audit = b.Title, b.SHA256, &b.Scoring, &audit
	doc.Paths = each(b.Paths, func(p quiz.Path) checkPath { return checkPath{ID: p.ID, Name: p.Name, Steps: len(p.Steps)} })
	doc.Themes = each(b.Themes, func(t quiz.Theme) checkTheme { return checkTheme{ID: t.ID, Name: t.Name} })
	doc.Questions = each(b.Questions, func(q quiz.Question) checkQuestion {
		cq := checkQuestion{ID: q.ID, Theme: q.Theme, Kind: q.Kind, Multiple: q.Multiple(), Scored: q.Scored(), Keyed: q.Keyed, Against: q.Against, Text: q.Text}
		for i, o := range q.Options {
			w := make(map[string]float64, len(b.Paths))
			for pi, p := range b.Paths {
				w[p.ID] = o.Weights[pi]
			}
			cq.Options = append(cq.Options, checkOption{Number: i + 1, ID: o.ID, Text: o.Text, Weights: w})
		}
		cq.Impressive = each(q.Impressive, func(o int) int { return o + 1 })
		return cq
	})
	return doc
}

func problemOf(p quiz.Problem) checkProblem {
	sev := "error"
	if p.Warning {
		sev = "warning"
	}
	return checkProblem{Severity: sev, File: p.File, Line: p.Line, Question: p.Question, Field: p.Field, Message: p.Message, Text: p.Error()}
}

func problemsOf(file string, err error) []checkProblem {
	var ps quiz.Problems
	var se *quiz.SyntaxError
	switch {
	case errors.As(err, &ps):
		return each(ps, problemOf)
	case errors.As(err, &se):
		return []checkProblem{{Severity: "error", File: se.File, Line: se.Line, Column: se.Col, Message: se.Message,
			Text: strings.SplitN(se.Error(), "\n", 2)[0]}}
	default:
		return []checkProblem{{Severity: "error", File: file, Message: err.Error(), Text: err.Error()}}
	}
}

// WriteCheck writes the authoring report: each figure with its
// threshold and "ok" or "WARNING", then every warning in full.
func WriteCheck(w io.Writer, b *quiz.Bank, a scoring.Audit) {
	nWarn := len(b.Warnings) + len(a.Warnings)
	verdict := "ok"
	if nWarn > 0 {
		verdict = "ok, " + Count(nWarn, "warning")
	}
	fmt.Fprintf(w, "%s: %s\n", b.File, verdict)
	fmt.Fprintln(w, textwrap.Truncate(fmt.Sprintf("%q: %s, %s, %s", b.Title, Count(a.Questions, "question"), Count(len(b.Themes), "theme"), Count(len(b.Paths), "path")), ScreenWidth))

	fmt.Fprintln(w, "\nQuestions per theme")
	for _, t := range a.Themes {
		if t.Questions == 0 && t.Unscored > 0 {
			fmt.Fprintf(w, "  %s %3d unscored\n", padCut(t.Name, 30), t.Unscored)
			continue
		}
		fmt.Fprintf(w, "  %s %3d\n", padCut(t.Name, 30), t.Questions)
	}
	fmt.Fprintln(w, "\nQuestions per kind")
	for _, k := range a.Kinds {
		fmt.Fprintf(w, "  %-30s %3d\n", k.Kind, k.Questions)
	}
	var unscored []string
	for _, q := range b.Questions {
		if !q.Scored() {
			unscored = append(unscored, q.ID)
		}
	}
	if len(unscored) > 0 {
		// Profile questions count for no path, so the figures below leave
		// them out; naming them here says why their count differs.
		fmt.Fprintln(w, textwrap.String("unscored: "+strings.Join(unscored, ", "), ScreenWidth, "  "))
	}
	fmt.Fprintln(w, "\nKeying and the most each path can score")
	for _, p := range a.Paths {
		fmt.Fprintf(w, "  %s %2d statement%s, %2d option%s, most %g\n", padCut(p.Name, 30), p.Statements, plural(p.Statements), p.Options, plural(p.Options), p.Most)
	}
	fmt.Fprintf(w, "  spread between paths %.1f%% (at most %.0f%%)  %s\n", a.Spread.Value*100, a.Spread.Threshold*100, status(a.Spread.Crossed))

	r := a.Random
	method := "exact, by the Lord–Wingersky recursion"
	if r.Method == "sampled" {
		method = fmt.Sprintf("sampled: %d random answer sets, standard error %.2f%%", r.Samples, r.StdErr*100)
	}
	fmt.Fprintf(w, "\nAnswering at random (%s)\n", method)
	for _, ps := range r.Paths {
		fmt.Fprintf(w, "  told %-25s %5.1f%%  (%.0f%%–%.0f%%)  %s\n", ps.ID, ps.Share*100,
			(r.Expected-r.Threshold)*100, (r.Expected+r.Threshold)*100, status(ps.Crossed))
	}
	fmt.Fprintf(w, "  %-30s %5.1f%%\n", "exact ties (told no path)", r.Tie*100)
	if len(r.Margins) > 1 && len(b.Paths) == 2 {
		fmt.Fprintf(w, "  margin %s minus %s, in points:\n", b.Paths[0].ID, b.Paths[1].ID)
		fmt.Fprintf(w, "  %+.0f %s %+.0f\n", r.Margins[0].Margin, sparkline(r.Margins), r.Margins[len(r.Margins)-1].Margin)
	}

	bandsReport(w, a.Bands)

	fmt.Fprintf(w, "\nAnswering by position (lean: share of the largest possible margin, at most %.0f%%)\n", scoring.PatternThreshold*100)
	for _, p := range a.Patterns {
		fmt.Fprintf(w, "  %-14s lean %3.0f%%  %-7s %s\n", p.Name, p.Lean*100, status(p.Crossed),
			textwrap.Truncate(percents(p.Paths), ScreenWidth-34))
	}

	impressiveReport(w, a.Impressive)

	fmt.Fprintln(w, "\nQuestions that cannot tell the paths apart")
	blind := textwrap.Truncate(strings.Join(a.Blind.Questions, ", "), 60)
	fmt.Fprintf(w, "  %s  %s\n", cmp.Or(blind, "none"), status(blind != ""))

	if nWarn > 0 {
		fmt.Fprintln(w, "\nWarnings")
		for _, p := range b.Warnings {
			fmt.Fprintln(w, textwrap.String(p.Error(), ScreenWidth, "  "))
		}
		for _, aw := range a.Warnings {
			fmt.Fprintln(w, textwrap.String(b.File+": "+auditMessage(aw), ScreenWidth, "  "))
		}
	}
}

// impressiveReport says what always taking the side the bank marks as
// sounding more impressive is told: it should read as balanced, since
// answering for how a side sounds is no preference.
func impressiveReport(w io.Writer, im scoring.Impressive) {
	fmt.Fprintf(w, "\nAlways taking the side marked as more impressive (%s)\n", Count(im.Questions, "marked question"))
	if im.Questions == 0 {
		fmt.Fprintln(w, "  no question marks one")
		return
	}
	lead := "no path (an exact tie)"
	if !im.Tie && im.Leader != "" {
		lead = fmt.Sprintf("%s by %.1f points", im.Leader, im.Margin)
	}
	fmt.Fprintf(w, "  leans to %s, %s (slight from %.1f)  %s\n", lead, cmp.Or(string(im.Strength), "balanced"), im.Threshold, status(im.Crossed))
	fmt.Fprintln(w, textwrap.String(percents(im.Paths), ScreenWidth, "  "))
}

// status is how a figure of the audit stands against its threshold.
func status(crossed bool) string {
	if crossed {
		return "WARNING"
	}
	return "ok"
}

// percents is each path's percent: "engineer 62%, developer 38%".
func percents(ps []scoring.PathPercent) string {
	return strings.Join(each(ps, func(p scoring.PathPercent) string { return fmt.Sprintf("%s %.0f%%", p.ID, p.Percent) }), ", ")
}

// sparkline draws a distribution in one line of block characters.
func sparkline(ps []scoring.MarginPoint) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	top := slices.Max(append(each(ps, func(p scoring.MarginPoint) float64 { return p.Probability }), 0))
	var b strings.Builder
	for _, p := range ps {
		i := 0
		if top > 0 {
			i = int(p.Probability / top * float64(len(blocks)-1))
		}
		b.WriteRune(blocks[i])
	}
	return b.String()
}

// bandsReport says how results of the bank are labelled.
func bandsReport(w io.Writer, bd scoring.Bands) {
	how := "set by the bank"
	if bd.Calibrated {
		how = "calibrated on the bank"
	}
	fmt.Fprintf(w, "\nStrength bands (the lead over the runner-up, in points; %s)\n", how)
	fmt.Fprintf(w, "  slight from %.1f, moderate from %.1f, clear from %.1f; below %.1f balanced\n", bd.Slight, bd.Moderate, bd.Clear, bd.Slight)
	fmt.Fprintf(w, "  random answer sets told balanced %.1f%%, clear %.1f%%\n", bd.RandomBalanced*100, bd.RandomClear*100)
	fmt.Fprintf(w, "  the mildest consistent answers lead by %.1f, the strongest by %.1f\n", bd.Mild, bd.Strong)
	fmt.Fprintln(w, "  shares split 100 between the paths (two paths: 50 + half the lead);")
	fmt.Fprintln(w, "  confidence is the chance of the same path on a retest")
}

// auditMessage words a crossed check of the audit for the bank's author.
func auditMessage(w scoring.AuditWarning) string {
	switch w.Check {
	case "blind":
		return fmt.Sprintf("question %q: every option gives every path the same weight, so it cannot tell the paths apart", w.Question)
	case "spread":
		return fmt.Sprintf("%q can score at most %g but %q %g, a spread of %.0f%% (above %.0f%%): a person who leans to %q has fewer ways to show it",
			w.Path, w.Most, w.Other, w.OtherMost, w.Value*100, w.Threshold*100, w.Other)
	case "random":
		return fmt.Sprintf("random answers recommend %q to %.1f%% of people, but a fair bank gives each of its %d paths about %.1f%% (±%.0f points)",
			w.Path, w.Value*100, w.Paths, w.Expected*100, w.Threshold*100)
	case "pattern":
		return fmt.Sprintf("answering %s leans %.0f%% of the way towards %q (above %.0f%%): mix up which position each path's options take",
			describePattern(w.Pattern), w.Value*100, w.Path, w.Threshold*100)
	case "impressive":
		return fmt.Sprintf("always taking the side marked as more impressive leads %q by %.1f points (slight from %.1f): a person answering to impress is told a path; reword so that the sides marked impressive favour each path alike",
			w.Path, w.Value, w.Threshold)
	}
	return "check " + w.Check + " crossed its threshold"
}

func describePattern(name string) string {
	switch name {
	case scoring.AlwaysFirst:
		return "with the first option every time"
	case scoring.AlwaysLast:
		return "with the last option every time"
	}
	return "with the middle option every time"
}
