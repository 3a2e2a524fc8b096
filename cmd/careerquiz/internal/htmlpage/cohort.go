package htmlpage

import (
	"fmt"
	"io"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
)

// CohortOptions say what the cohort report does not.
type CohortOptions struct {
	// Slight is the bank's slight margin (scoring's Bands.Slight for every
	// question answered): shares within half of it of 50 read as balanced,
	// and the histogram marks them. 0 leaves the band out.
	Slight float64
}

// WriteCohort writes the page of a cohort: how many people, the histogram
// of the shares with the balanced band, the share of each verdict, alpha and
// item–rest per question with a bar each, and the questions flagged, in the
// words of the text view. On error nothing is written.
func WriteCohort(w io.Writer, r cohort.Report, o CohortOptions) error {
	return write(w, "cohort", newCohortView(r, o))
}

type cohortView struct {
	Title, Heading, Complete string
	Leaned                   []leanRow
	Histograms               []histogram
	Alpha                    string
	AlphaByPath              []string
	Questions                []questionRow
	Bracketed                string
	FlagsLead                string
	Flags                    []flagRow
	Footer                   string
}

type leanRow struct {
	Name, Class, Count, Percent, Labels string
	Bar                                 string // width of the bar, 0–100
}

type histogram struct {
	ID, Title, Desc string
	Bins            []bin
	Band            *band
	Class           string
	Ticks           []tick
}

type bin struct{ X, Y, W, H, LabelX, LabelY, Count string }

type questionRow struct {
	ID, Theme, Answered, Rest string
	Bar                       *restBar
}

// restBar draws an item–rest correlation from −1 to 1 as a bar from 0, in
// a viewBox 200 units wide.
type restBar struct {
	X, W     string
	Negative bool
}

type flagRow struct{ Question, Message, Try string }

// Histogram geometry: a viewBox of histW × histH, bars between histL and
// histR, from histB up to histT.
const (
	histW, histH               = 480, 220
	histL, histR, histT, histB = 12.0, 468.0, 46.0, 184.0
)

func newCohortView(r cohort.Report, o CohortOptions) cohortView {
	title := text(r.Bank.Title)
	v := cohortView{
		Heading:  fmt.Sprintf("%s on “%s”", count(r.People, "result"), title),
		Complete: fmt.Sprintf("%d answered all %s.", r.Complete, plural(r.Items, "scored question", "scored questions")),
	}
	v.Title = v.Heading + " · careerquiz"
	for i, p := range r.Paths {
		row := leanRow{Name: text(p.Name), Class: colour(i), Count: fmt.Sprint(p.Recommended), Percent: percent(p.Recommended, r.People), Bar: barWidth(p.Recommended, r.People)}
		if p.Recommended > 0 {
			row.Labels = fmt.Sprintf("clear %d · moderate %d · slight %d · balanced %d", p.Labels.Clear, p.Labels.Moderate, p.Labels.Slight, p.Labels.Balanced)
		}
		v.Leaned = append(v.Leaned, row)
	}
	if r.NoRecommendation > 0 {
		v.Leaned = append(v.Leaned, leanRow{Name: "no recommendation", Count: fmt.Sprint(r.NoRecommendation), Percent: percent(r.NoRecommendation, r.People), Bar: barWidth(r.NoRecommendation, r.People)})
	}
	// With two paths one histogram says it all: the second path's share is
	// the rest of the first's.
	split := r.Paths
	if len(split) == 2 {
		split = split[:1]
	}
	for i, p := range split {
		v.Histograms = append(v.Histograms, newHistogram(i, p, len(r.Paths) == 2, o.Slight))
	}

	few := fmt.Sprintf("too few people to judge (n=%d; at least %d needed)", r.AlphaN, r.AlphaNMin)
	switch {
	case !r.AlphaNEnough:
		v.Alpha = "Cronbach's alpha: " + few + "."
		if r.Alpha != nil {
			v.Alpha += fmt.Sprintf(" Over the %d who answered every scored question it comes out at %.2f, a figure a few more people could change completely.", r.AlphaN, *r.Alpha)
		}
	case r.Alpha == nil:
		v.Alpha = fmt.Sprintf("Cronbach's alpha cannot be computed: the %d who answered every scored question all have the same total.", r.AlphaN)
	default:
		v.Alpha = fmt.Sprintf("Cronbach's alpha %.2f over the %d who answered every scored question (%s).", *r.Alpha, r.AlphaN, alphaWords(*r.Alpha))
	}
	for _, pa := range r.AlphaByPath {
		v.AlphaByPath = append(v.AlphaByPath, fmt.Sprintf("on %s's points alone: %s", text(pa.Path), figure(pa.Alpha)))
	}
	bracketed := false
	for _, q := range r.Questions {
		row := questionRow{ID: text(q.ID), Theme: text(q.Theme), Answered: fmt.Sprint(q.Answered), Rest: figure(q.ItemRest)}
		switch {
		case !q.Scored:
			row.Rest = "unscored"
		case q.ItemRest != nil && !r.AlphaNEnough:
			row.Rest, bracketed = "("+row.Rest+")", true
		}
		if q.Scored && q.ItemRest != nil {
			row.Bar = newRestBar(*q.ItemRest)
		}
		v.Questions = append(v.Questions, row)
	}
	if bracketed {
		v.Bracketed = "Item-rest in brackets: " + few + "."
	}
	switch {
	case len(r.Flags) == 0 && r.AlphaNEnough:
		v.FlagsLead = "None: every question splits people and goes with the rest."
	case len(r.Flags) == 0:
		v.FlagsLead = "None flagged; but whether the questions go with the rest: " + few + "."
	case !r.AlphaNEnough:
		v.FlagsLead = "Whether the questions go with the rest: " + few + ". Only clearly negative item-rest is listed, and it may be chance."
	}
	for _, f := range r.Flags {
		v.Flags = append(v.Flags, flagRow{Question: text(f.Question), Message: text(f.Message) + ".", Try: "Try: " + text(f.Try) + "."})
	}
	v.Footer = strings.Join([]string{"careerquiz stats", title, count(r.Bank.Questions, "question")}, " · ")
	return v
}

func newHistogram(i int, p cohort.Path, two bool, slight float64) histogram {
	h := histogram{ID: fmt.Sprintf("hist-%d", i), Title: fmt.Sprintf("Share of %s (people with a recommendation)", text(p.Name)), Class: colour(i)}
	most := 1
	for _, n := range p.Split {
		most = max(most, n)
	}
	bins := max(len(p.Split), 1)
	binW := (histR - histL) / float64(bins)
	var desc []string
	for k, n := range p.Split {
		lo, hi := k*100/bins, (k+1)*100/bins
		height := float64(n) / float64(most) * (histB - histT)
		x := histL + float64(k)*binW
		h.Bins = append(h.Bins, bin{
			X: svgNum(x + 1.5), W: svgNum(binW - 3), Y: svgNum(histB - height), H: svgNum(height),
			LabelX: svgNum(x + binW/2), LabelY: svgNum(histB - height - 6), Count: fmt.Sprint(n),
		})
		desc = append(desc, fmt.Sprintf("%d–%d%%: %d", lo, hi, n))
	}
	for k := 0; k <= bins; k += max(1, bins/5) {
		h.Ticks = append(h.Ticks, tick{X: svgNum(histL + float64(k)*binW), Label: fmt.Sprint(k * 100 / bins)})
	}
	h.Desc = strings.Join(desc, "; ")
	if two && slight > 0 {
		half := min(slight/2, 50)
		x := func(s float64) float64 { return histL + s/100*(histR-histL) }
		h.Band = &band{X: svgNum(x(50 - half)), W: svgNum(x(50+half) - x(50-half)), Lo: num(50 - half), Hi: num(50 + half)}
		h.Desc += "; balanced from " + h.Band.Lo + " to " + h.Band.Hi + "%"
	}
	return h
}

func newRestBar(r float64) *restBar {
	r = min(max(r, -1), 1)
	if r < 0 {
		return &restBar{X: svgNum(100 + r*100), W: svgNum(-r * 100), Negative: true}
	}
	return &restBar{X: "100", W: svgNum(r * 100)}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func percent(n, of int) string {
	if of == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(of))
}

func barWidth(n, of int) string {
	if of <= 0 {
		return "0"
	}
	return svgNum(100 * float64(n) / float64(of))
}

// alphaWords is the usual reading of an alpha, as the text view gives it.
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

func figure(v *float64) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprintf("%.2f", *v)
}
