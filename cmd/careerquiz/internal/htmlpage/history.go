package htmlpage

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// History is the attempts a person kept, oldest first.
type History struct {
	Attempts []Attempt
}

// Attempt is one kept result, as the history lists it.
type Attempt struct {
	// Taken is zero for a result saved without the time.
	Taken time.Time
	// Bank is the title of the bank the attempt answered.
	Bank string
	// Verdict is nil where the answers gave no recommendation.
	Verdict *Verdict
	// Paths are the shares (0–100) of the attempt's paths, in its bank's
	// order.
	Paths []PathShare
}

// Verdict is an attempt's recommendation.
type Verdict struct {
	Path, Name, Strength string
}

// PathShare is one path's share of an attempt.
type PathShare struct {
	ID, Name string
	Share    float64
}

// WriteHistory writes the page of the attempts in h: each path's share as a
// line across the attempts, the same figures as a table, and what moved
// between the last two. On error nothing is written.
func WriteHistory(w io.Writer, h History) error {
	return write(w, "history", newHistoryView(h))
}

type historyView struct {
	Title, Kicker string
	Paths         []legendEntry
	Chart         *lineChart
	OneBank       string
	Rows          []historyRow
	Moved         *moved
	Footer        string
}

type historyRow struct {
	Number      int
	Taken, Bank string
	Verdict     string
	Shares      []string
}

type moved struct {
	From, To string
	VerdictA string
	VerdictB string
	Rows     []movedRow
}

type movedRow struct{ Name, Class, A, B, Change string }

// lineChart draws each path's share across the attempts, in a viewBox of
// chartW × chartH.
type lineChart struct {
	Grid   []gridLine
	Ticks  []tick
	Lines  []chartLine
	Desc   string
	Left   string
	Right  string
	Bottom string
}

type gridLine struct{ Y, Label string }
type tick struct{ X, Label string }
type chartLine struct {
	Class  string
	Points []string // one "x,y" list per run of attempts that have the path
	Dots   []tick   // X is "x", Label is "y"
}

const (
	chartW, chartH             = 480, 232
	plotL, plotR, plotT, plotB = 54.0, 466.0, 10.0, 196.0
)

func newHistoryView(h History) historyView {
	n := len(h.Attempts)
	v := historyView{Title: "Kept results · careerquiz", Kicker: "careerquiz history · " + count(n, "attempt")}
	// Paths in the order they are first met, so that attempts on other
	// banks add their own paths.
	index := map[string]int{}
	for _, a := range h.Attempts {
		for _, p := range a.Paths {
			if _, ok := index[p.ID]; !ok {
				index[p.ID] = len(v.Paths)
				v.Paths = append(v.Paths, legendEntry{ID: p.ID, Name: cmp.Or(text(p.Name), text(p.ID)), Class: colour(len(v.Paths))})
			}
		}
	}
	banks := map[string]bool{}
	for _, a := range h.Attempts {
		banks[text(a.Bank)] = true
	}
	if len(banks) == 1 && n > 0 {
		v.OneBank = text(h.Attempts[0].Bank)
	}
	// shownAt[i][p] is path p's shown share in attempt i, NaN where the
	// attempt has no such path.
	shownAt := make([][]float64, n)
	for i, a := range h.Attempts {
		shares := make([]float64, len(a.Paths))
		for k, p := range a.Paths {
			shares[k] = p.Share
		}
		sh := shown(shares)
		row := make([]float64, len(v.Paths))
		for k := range row {
			row[k] = math.NaN()
		}
		for k, p := range a.Paths {
			row[index[p.ID]] = sh[k]
		}
		shownAt[i] = row
		hr := historyRow{Number: i + 1, Taken: minute(a.Taken), Bank: text(a.Bank), Verdict: verdictText(a.Verdict)}
		for k := range v.Paths {
			hr.Shares = append(hr.Shares, shareCell(row[k]))
		}
		v.Rows = append(v.Rows, hr)
	}
	if n > 0 {
		v.Chart = newLineChart(v.Paths, shownAt)
	}
	if n >= 2 {
		a, b := h.Attempts[n-2], h.Attempts[n-1]
		m := &moved{From: attemptName(n-1, a), To: attemptName(n, b), VerdictA: verdictText(a.Verdict), VerdictB: verdictText(b.Verdict)}
		for k, p := range v.Paths {
			sa, sb := shownAt[n-2][k], shownAt[n-1][k]
			if math.IsNaN(sa) && math.IsNaN(sb) {
				continue
			}
			row := movedRow{Name: p.Name, Class: p.Class, A: shareCell(sa), B: shareCell(sb), Change: "–"}
			if !math.IsNaN(sa) && !math.IsNaN(sb) {
				row.Change = changeText(sb - sa)
			}
			m.Rows = append(m.Rows, row)
		}
		v.Moved = m
	}
	v.Footer = "careerquiz history · " + count(n, "attempt")
	if v.OneBank != "" {
		v.Footer += " · " + v.OneBank
	}
	return v
}

func newLineChart(paths []legendEntry, shownAt [][]float64) *lineChart {
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
		c.Grid = append(c.Grid, gridLine{Y: svgNum(y(g)), Label: num(g)})
	}
	step := max(1, (n+9)/10)
	for i := range n {
		if i%step == 0 || i == n-1 {
			c.Ticks = append(c.Ticks, tick{X: svgNum(x(i)), Label: fmt.Sprint(i + 1)})
		}
	}
	var desc []string
	for i := range n {
		var parts []string
		for k, p := range paths {
			if s := shownAt[i][k]; !math.IsNaN(s) {
				parts = append(parts, p.Name+" "+pct(s))
			}
		}
		desc = append(desc, fmt.Sprintf("attempt %d: %s", i+1, strings.Join(parts, ", ")))
	}
	c.Desc = strings.Join(desc, "; ")
	for k, p := range paths {
		l := chartLine{Class: p.Class}
		var run []string
		for i := range n {
			s := shownAt[i][k]
			if math.IsNaN(s) {
				if len(run) > 1 {
					l.Points = append(l.Points, strings.Join(run, " "))
				}
				run = nil
				continue
			}
			run = append(run, svgNum(x(i))+","+svgNum(y(s)))
			l.Dots = append(l.Dots, tick{X: svgNum(x(i)), Label: svgNum(y(s))})
		}
		if len(run) > 1 {
			l.Points = append(l.Points, strings.Join(run, " "))
		}
		c.Lines = append(c.Lines, l)
	}
	return c
}

// verdictText is an attempt's verdict as the history lists it.
func verdictText(v *Verdict) string {
	if v == nil {
		return "no verdict yet"
	}
	name := cmp.Or(text(v.Name), text(v.Path))
	if s := text(v.Strength); s != "" {
		return name + ", " + s
	}
	return name
}

func attemptName(number int, a Attempt) string {
	if a.Taken.IsZero() {
		return fmt.Sprintf("attempt %d", number)
	}
	return fmt.Sprintf("attempt %d (%s)", number, minute(a.Taken))
}

// shareCell is a shown share, or a dash where there is none.
func shareCell(s float64) string {
	if math.IsNaN(s) {
		return "–"
	}
	return pct(s)
}

// changeText is a change in points as compare words it: a signed whole
// number, or "same".
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
