package render

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
)

// WriteHistoryHTML writes the page of the kept attempts, newest first as
// result.List gives them. On error nothing is written.
func WriteHistoryHTML(w io.Writer, attempts []result.Attempt) error {
	return writePage(w, "history", newHistoryPage(attempts))
}

type historyPage struct {
	Title, Kicker string
	Paths         []legendEntry
	Chart         *lineChart
	OneBank       string
	Rows          []historyRow
	Moved         *movedTable
	Footer        string
}

type historyRow struct {
	Number      int
	Taken, Bank string
	Verdict     string
	Shares      []string
}

type movedTable struct {
	From, To string
	Rows     []movedRow
}

type movedRow struct{ Name, Class, A, B, Change string }

// lineChart draws each path's share across the attempts, in a viewBox of
// 480 × 232 (html/history.html).
type lineChart struct {
	Grid   []gridLine
	Ticks  []chartTick
	Lines  []chartLine
	Desc   string
	Left   string
	Right  string
	Bottom string
}

type gridLine struct{ Y, Label string }
type chartTick struct{ X, Label string }
type chartLine struct {
	Class  string
	Points []string    // one "x,y" list per run of attempts that have the path
	Dots   []chartTick // X is "x", Label is "y"
}

const plotL, plotR, plotT, plotB = 54.0, 466.0, 10.0, 196.0

func newHistoryPage(newestFirst []result.Attempt) historyPage {
	attempts := slices.Clone(newestFirst)
	slices.Reverse(attempts)
	n := len(attempts)
	v := historyPage{Title: "Kept results · careerquiz", Kicker: "careerquiz history · " + Count(n, "attempt")}
	// Paths in the order they are first met, so that attempts on other
	// banks add their own paths.
	index := map[string]int{}
	for _, a := range attempts {
		for _, p := range a.Paths {
			if _, ok := index[p.ID]; !ok {
				index[p.ID] = len(v.Paths)
				v.Paths = append(v.Paths, legendEntry{ID: p.ID, Name: nameOr(p.Name, p.ID), Class: colourClass(len(v.Paths))})
			}
		}
	}
	if banks := banksOf(attempts); len(banks) == 1 {
		v.OneBank = result.OneLine(banks[0].Title)
	}
	// shownAt[i][p] is path p's shown share in attempt i, NaN where the
	// attempt has no such path.
	shownAt := make([][]float64, n)
	for i, a := range attempts {
		row := slices.Repeat([]float64{math.NaN()}, len(v.Paths))
		for k, s := range shownShares(a.Paths) {
			row[index[a.Paths[k].ID]] = s
		}
		shownAt[i] = row
		v.Rows = append(v.Rows, historyRow{Number: a.Number, Taken: takenText(a.Taken), Bank: result.OneLine(a.Bank.Title),
			Verdict: result.ShortVerdict(a.Recommendation, a.Paths), Shares: each(row, func(s float64) string { return figure(s, !math.IsNaN(s), "%") })})
	}
	// The table lists the newest first, as history does.
	slices.Reverse(v.Rows)
	if n > 0 {
		v.Chart = newLineChart(v.Paths, shownAt, each(attempts, func(a result.Attempt) int { return a.Number }))
	}
	if n >= 2 {
		a, b := &attempts[n-2], &attempts[n-1]
		m := &movedTable{From: attemptLine(a), To: attemptLine(b)}
		for _, p := range result.Compare(a, b).Paths {
			row := movedRow{Name: nameOr(p.Name, p.ID), A: figure(p.ShownA, p.InA, "%"), B: figure(p.ShownB, p.InB, "%"), Change: "–"}
			if k, ok := index[p.ID]; ok {
				row.Class = v.Paths[k].Class
			}
			if p.InA && p.InB {
				row.Change = changeText(p.ShownDelta())
			}
			m.Rows = append(m.Rows, row)
		}
		v.Moved = m
	}
	v.Footer = dotted(v.Kicker, v.OneBank)
	return v
}

// newLineChart draws shownAt, the attempts from the oldest, each
// labelled by its number in history.
func newLineChart(paths []legendEntry, shownAt [][]float64, numbers []int) *lineChart {
	n := len(shownAt)
	c := &lineChart{Left: svgNum(plotL), Right: svgNum(plotR), Bottom: svgNum(plotB)}
	y := func(share float64) float64 { return plotB - share/100*(plotB-plotT) }
	x := func(i int) float64 {
		if n == 1 {
			return (plotL + plotR) / 2
		}
		return plotL + 12 + float64(i)*(plotR-plotL-24)/float64(n-1)
	}
	for _, g := range []float64{0, 25, 50, 75, 100} {
		c.Grid = append(c.Grid, gridLine{Y: svgNum(y(g)), Label: shareText(g)})
	}
	step := max(1, (n+9)/10)
	for i := range n {
		if i%step == 0 || i == n-1 {
			c.Ticks = append(c.Ticks, chartTick{X: svgNum(x(i)), Label: "#" + fmt.Sprint(numbers[i])})
		}
	}
	var desc []string
	for i := range n {
		var parts []string
		for k, p := range paths {
			if s := shownAt[i][k]; !math.IsNaN(s) {
				parts = append(parts, p.Name+" "+percentText(s))
			}
		}
		desc = append(desc, fmt.Sprintf("#%d: %s", numbers[i], strings.Join(parts, ", ")))
	}
	c.Desc = strings.Join(desc, "; ")
	for k, p := range paths {
		l := chartLine{Class: p.Class}
		var run []string
		for i := range n + 1 {
			// A gap or the end closes a run of attempts that have the path.
			if i == n || math.IsNaN(shownAt[i][k]) {
				if len(run) > 1 {
					l.Points = append(l.Points, strings.Join(run, " "))
				}
				run = nil
				continue
			}
			px, py := svgNum(x(i)), svgNum(y(shownAt[i][k]))
			run = append(run, px+","+py)
			l.Dots = append(l.Dots, chartTick{X: px, Label: py})
		}
		c.Lines = append(c.Lines, l)
	}
	return c
}
