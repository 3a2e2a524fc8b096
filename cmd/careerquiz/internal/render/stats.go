package render

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// barWidth is the longest bar, for the whole of a count.
const barWidth = 24

// optionsAt is where the questions table's last column, the options,
// starts: after the indent, id, answered and item-rest columns.
const optionsAt = 2 + 22 + 1 + 8 + 1 + 9 + 2

// The rows of "How they leaned" beside the paths, in every format.
const tieRow, noneRow = result.NoPreference + " (a tie)", "no recommendation"

// WriteStats writes the stats report for a person, wrapped at width; with
// color, headings are bold.
func WriteStats(w io.Writer, r cohort.Report, color bool, width int) error {
	bw := bufio.NewWriter(w)
	heading := func(s string) {
		if color {
			s = "\x1b[1m" + s + "\x1b[0m"
		}
		fmt.Fprintf(bw, "\n%s\n", s)
	}
	fmt.Fprintln(bw, statsHeading(r))
	fmt.Fprintln(bw, completeText(r))

	heading("How they leaned")
	names := each(r.Paths, func(p cohort.Path) string { return result.OneLine(p.Name) })
	nameWidth := widest(names)
	if r.Ties > 0 {
		nameWidth = max(nameWidth, len(tieRow))
	}
	nameWidth = min(max(nameWidth, len(noneRow)), 28)
	lean := func(name string, n int) {
		line(bw, "  %s %5d %4s  %s", padCut(name, nameWidth), n, percent(n, r.People), bar(n, r.People))
	}
	for i, p := range r.Paths {
		lean(names[i], p.Recommended)
		if p.Recommended > 0 {
			fmt.Fprintf(bw, "    %s\n", labelLine(p.Labels))
		}
	}
	if r.Ties > 0 {
		lean(tieRow, r.Ties)
	}
	if r.NoRecommendation > 0 {
		lean(noneRow, r.NoRecommendation)
	}

	for _, p := range histogramPaths(r) {
		heading(histogramTitle(p))
		most := tallest(p.Split)
		for i, n := range p.Split {
			line(bw, "  %3d–%-3d %5d  %s", i*100/cohort.Bins, (i+1)*100/cohort.Bins, n, bar(n, most))
		}
	}

	heading("Reliability")
	fmt.Fprintln(bw, textwrap.String(alphaText(r), width, "  "))
	for _, pa := range r.AlphaByPath {
		fmt.Fprintf(bw, "  %s\n", pathAlphaText(pa))
	}

	heading("Questions")
	options := "answers per option, %"
	if width-optionsAt < len(options) {
		options = "per option, %"
	}
	fmt.Fprintf(bw, "  %-22s %8s %9s  %s\n", "id", "answered", "item-rest", options)
	for _, q := range r.Questions {
		fmt.Fprintf(bw, "  %s %8d %9s  %s\n", padCut(result.OneLine(q.ID), 22), q.Answered, itemRestText(r, q), optionLine(q, width))
	}
	if note := bracketNote(r); note != "" {
		fmt.Fprintln(bw, textwrap.String(note, width, "  "))
	}

	heading("Questions to look at")
	if lead := flagsLead(r); lead != "" {
		fmt.Fprintln(bw, textwrap.String(lead, width, "  "))
	}
	// A tentative flag's note is the line above, said once.
	for _, f := range r.Flags {
		fmt.Fprintln(bw, textwrap.String(flagText(f), width, "  "))
		fmt.Fprintln(bw, textwrap.String(tryText(f), width, "    "))
	}
	return bw.Flush()
}

// The stats view's words, for every format.

// statsHeading says how many results on which bank.
func statsHeading(r cohort.Report) string {
	return fmt.Sprintf("%s on %q", Count(r.People, "result"), result.OneLine(r.Bank.Title))
}

func completeText(r cohort.Report) string {
	s := fmt.Sprintf("%d answered all %s.", r.Complete, Count(r.Items, "scored question"))
	if r.StoppedEarly > 0 {
		s += fmt.Sprintf("\n%d stopped early: the questions they were not asked count as missing.", r.StoppedEarly)
	}
	return s
}

// histogramPaths are the paths whose shares get a histogram. With two
// paths one histogram says it all: the second path's share is the rest of
// the first's.
func histogramPaths(r cohort.Report) []cohort.Path {
	if len(r.Paths) == 2 {
		return r.Paths[:1]
	}
	return r.Paths
}

// tallest is the largest count of a histogram's bins, and at least 1, so
// that the bars of an empty one divide by something.
func tallest(bins []int) int { return slices.Max(append([]int{1}, bins...)) }

func histogramTitle(p cohort.Path) string {
	return fmt.Sprintf("Share of %s (people with a recommendation)", result.OneLine(p.Name))
}

// tooFew says that the figures are too few to judge: they are given, never
// read as good or bad.
func tooFew(r cohort.Report) string {
	return fmt.Sprintf("too few people to judge (%d answered every scored question; at least %d needed)", r.AlphaN, r.AlphaNMin)
}

func alphaText(r cohort.Report) string {
	switch {
	case !r.AlphaNEnough:
		alpha := "Cronbach's alpha: " + tooFew(r) + "."
		if r.Alpha != nil {
			alpha += fmt.Sprintf(" Over those %d it comes out at %.2f, a figure a few more people could change completely.", r.AlphaN, *r.Alpha)
		}
		return alpha
	case r.Alpha == nil:
		return fmt.Sprintf("Cronbach's alpha cannot be computed: the %d who answered every scored question all have the same total.", r.AlphaN)
	}
	return fmt.Sprintf("Cronbach's alpha %.2f over the %d who answered every scored question (%s).", *r.Alpha, r.AlphaN, alphaWords(*r.Alpha))
}

func pathAlphaText(pa cohort.PathAlpha) string {
	return fmt.Sprintf("on %s's points alone: %s", result.OneLine(pa.Path), stat(pa.Alpha))
}

// itemRestText is a question's item-rest correlation, in brackets where
// too few people answered to judge it.
func itemRestText(r cohort.Report, q cohort.Question) string {
	switch {
	case !q.Scored:
		return "unscored"
	case q.ItemRest != nil && !r.AlphaNEnough:
		return "(" + stat(q.ItemRest) + ")"
	}
	return stat(q.ItemRest)
}

// bracketNote says why some item-rest figures are in brackets, or is ""
// when none is.
func bracketNote(r cohort.Report) string {
	if r.AlphaNEnough || !slices.ContainsFunc(r.Questions, func(q cohort.Question) bool { return q.Scored && q.ItemRest != nil }) {
		return ""
	}
	return "Item-rest in brackets: " + tooFew(r) + "."
}

// flagsLead comes before the flagged questions, or says there are none.
func flagsLead(r cohort.Report) string {
	switch {
	case len(r.Flags) == 0 && r.AlphaNEnough:
		return "None: every question splits people and goes with the rest."
	case len(r.Flags) == 0:
		return "None flagged; but whether the questions go with the rest: " + tooFew(r) + "."
	case !r.AlphaNEnough:
		return "Whether the questions go with the rest: " + tooFew(r) + ". Only clearly negative item-rest is listed, and it may be chance."
	}
	return ""
}

func flagText(f cohort.Flag) string {
	return fmt.Sprintf("%s: %s.", result.OneLine(f.Question), f.Message)
}

func tryText(f cohort.Flag) string { return "Try: " + f.Try + "." }

// line writes one line without trailing spaces, which an empty bar would
// leave.
func line(w io.Writer, format string, args ...any) {
	fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf(format, args...), " "))
}

func percent(n, of int) string {
	if of == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(of))
}

// bar draws n of whole as up to barWidth cells, in eighths.
func bar(n, whole int) string {
	if whole <= 0 || n <= 0 {
		return ""
	}
	eighths := int(math.Round(float64(n) / float64(whole) * barWidth * 8))
	eighths = max(eighths, 1)
	s := strings.Repeat("█", eighths/8)
	if rest := eighths % 8; rest > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[rest-1])
	}
	return s
}

func labelLine(l cohort.Labels) string {
	return fmt.Sprintf("clear %d · moderate %d · slight %d · balanced %d", l.Clear, l.Moderate, l.Slight, l.Balanced)
}

// alphaWords is the usual reading of an alpha, for a person who does not
// know the scale by heart.
func alphaWords(a float64) string {
	switch {
	case a >= 0.9:
		return "excellent"
	case a >= 0.8:
		return "good"
	case a >= 0.7:
		return "acceptable"
	case a >= 0.6:
		return "questionable"
	case a >= 0.5:
		return "poor"
	}
	return "unacceptable: the questions do not measure one thing"
}

func stat(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.2f", *v)
}

// optionLine gives each option's share of the answers, in option order.
// Pick-any shares are of the people who answered, so they can add up to
// more than 100.
func optionLine(q cohort.Question, width int) string {
	parts := make([]string, len(q.Options))
	for i, o := range q.Options {
		if q.Answered == 0 {
			parts[i] = "–"
			continue
		}
		parts[i] = fmt.Sprintf("%.0f", 100*float64(o.Picked)/float64(q.Answered))
	}
	return textwrap.Truncate(strings.Join(parts, " "), width-optionsAt)
}
