package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
)

// WriteStatsHTML writes the page of a cohort in the words of the text
// view. slight is the bank's slight margin, whose band a histogram of two
// paths marks; 0 leaves it out. On error nothing is written.
func WriteStatsHTML(w io.Writer, r cohort.Report, slight float64) error {
	return writePage(w, "stats", newStatsPage(r, slight))
}

type statsPage struct {
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
	Bins            []histogramBin
	Band            *balancedBand
	Class           string
	Ticks           []chartTick
}

type histogramBin struct{ X, Y, W, H, LabelX, LabelY, Count string }

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

type flagRow struct{ Message, Try string }

// Histogram geometry: a viewBox of 480 × 220, bars between histL and
// histR, from histB up to histT.
const histL, histR, histT, histB = 12.0, 468.0, 46.0, 184.0

func newStatsPage(r cohort.Report, slight float64) statsPage {
	v := statsPage{Heading: statsHeading(r), Complete: completeText(r)}
	v.Title = v.Heading + " · careerquiz"
	lean := func(name, class string, n int) leanRow {
		return leanRow{Name: name, Class: class, Count: fmt.Sprint(n), Percent: percent(n, r.People), Bar: widthOf(n, r.People)}
	}
	for i, p := range r.Paths {
		row := lean(result.OneLine(p.Name), colourClass(i), p.Recommended)
		if p.Recommended > 0 {
			row.Labels = labelLine(p.Labels)
		}
		v.Leaned = append(v.Leaned, row)
	}
	if r.Ties > 0 {
		v.Leaned = append(v.Leaned, lean(tieRow, "", r.Ties))
	}
	if r.NoRecommendation > 0 {
		v.Leaned = append(v.Leaned, lean(noneRow, "", r.NoRecommendation))
	}
	for i, p := range histogramPaths(r) {
		band := 0.0
		if len(r.Paths) == 2 {
			band = slight
		}
		v.Histograms = append(v.Histograms, newHistogram(i, p, band))
	}
	v.Alpha = alphaText(r)
	v.AlphaByPath = each(r.AlphaByPath, pathAlphaText)
	for _, q := range r.Questions {
		row := questionRow{ID: result.OneLine(q.ID), Theme: result.OneLine(q.Theme), Answered: fmt.Sprint(q.Answered), Rest: itemRestText(r, q)}
		if q.Scored && q.ItemRest != nil {
			row.Bar = newRestBar(*q.ItemRest)
		}
		v.Questions = append(v.Questions, row)
	}
	v.Bracketed = bracketNote(r)
	v.FlagsLead = flagsLead(r)
	v.Flags = each(r.Flags, func(f cohort.Flag) flagRow {
		return flagRow{Message: result.OneLine(flagText(f)), Try: result.OneLine(tryText(f))}
	})
	v.Footer = dotted("careerquiz stats", result.OneLine(r.Bank.Title), Count(r.Bank.Questions, "question"))
	return v
}

func newHistogram(i int, p cohort.Path, slight float64) histogram {
	h := histogram{ID: fmt.Sprintf("hist-%d", i), Title: histogramTitle(p), Class: colourClass(i)}
	most := tallest(p.Split)
	bins := max(len(p.Split), 1)
	binW := (histR - histL) / float64(bins)
	var desc []string
	for k, n := range p.Split {
		lo, hi := k*100/bins, (k+1)*100/bins
		height := float64(n) / float64(most) * (histB - histT)
		x := histL + float64(k)*binW
		h.Bins = append(h.Bins, histogramBin{
			X: svgNum(x + 1.5), W: svgNum(binW - 3), Y: svgNum(histB - height), H: svgNum(height),
			LabelX: svgNum(x + binW/2), LabelY: svgNum(histB - height - 6), Count: fmt.Sprint(n),
		})
		desc = append(desc, fmt.Sprintf("%d–%d%%: %d", lo, hi, n))
	}
	for k := 0; k <= bins; k += max(1, bins/5) {
		h.Ticks = append(h.Ticks, chartTick{X: svgNum(histL + float64(k)*binW), Label: fmt.Sprint(k * 100 / bins)})
	}
	h.Desc = strings.Join(desc, "; ")
	if slight > 0 {
		h.Band = newBand(slight, func(s float64) float64 { return histL + s/100*(histR-histL) })
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

// widthOf is n of whole as the width of a bar 100 units long.
func widthOf(n, whole int) string {
	if whole <= 0 {
		return "0"
	}
	return svgNum(100 * float64(n) / float64(whole))
}
