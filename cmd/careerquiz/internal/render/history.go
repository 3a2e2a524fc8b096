package render

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// WriteHistory lists attempts kept in dir as a table, width cells wide;
// where a row does not fit, its split goes whole on a line of its own.
func WriteHistory(w io.Writer, dir string, attempts []result.Attempt, width int) {
	if len(attempts) == 0 {
		fmt.Fprintf(w, "No results kept yet (they go in %s).\n", dir)
		fmt.Fprintln(w, "A quiz finished in a terminal is kept; add --save to keep a run with --answers.")
		return
	}
	banks := banksOf(attempts)
	oneBank := len(banks) == 1
	digestW := textwrap.Width(result.Digest(strings.Repeat("0", 64)))
	numW := len(fmt.Sprint(len(attempts)))
	fmt.Fprintf(w, "Kept results, newest first:\n\n")
	head := fmt.Sprintf("  %*s  %-16s  ", numW, "#", "Taken")
	if !oneBank {
		head += pad("Bank", digestW+2)
	}
	// The verdict column is as wide as its widest verdict, as far as the
	// width allows; the split follows it where it fits, and otherwise
	// goes on the next line, under the verdict.
	lead := textwrap.Width(head)
	verdictW := len("Verdict")
	splitW := len("Split")
	for _, a := range attempts {
		verdictW = max(verdictW, textwrap.Width(result.ShortVerdict(a.Recommendation, a.Paths)))
		splitW = max(splitW, textwrap.Width(splitText(a.Paths)))
	}
	verdictW = min(verdictW, max(width-lead, 12))
	below := lead+verdictW+2+splitW > width
	head += "Verdict"
	if !below {
		head = pad(head, lead+verdictW) + "  Split"
	}
	fmt.Fprintln(w, strings.TrimRight(head, " "))
	for _, a := range attempts {
		row := fmt.Sprintf("  %*d  %-16s  ", numW, a.Number, takenText(a.Taken))
		if !oneBank {
			row += pad(result.Digest(a.Bank.SHA256), digestW) + "  "
		}
		row += padCut(result.ShortVerdict(a.Recommendation, a.Paths), verdictW)
		if below {
			row = strings.TrimRight(row, " ") + "\n" + strings.Repeat(" ", lead)
		} else {
			row += "  "
		}
		row += splitText(a.Paths)
		fmt.Fprintln(w, strings.TrimRight(row, " "))
	}
	fmt.Fprintln(w)
	if oneBank {
		fmt.Fprintln(w, hanging("", "  ", fmt.Sprintf("Bank: %s (%s)", result.OneLine(banks[0].Title), result.Digest(banks[0].SHA256)), width))
	} else {
		fmt.Fprintln(w, "Banks:")
		for _, b := range banks {
			fmt.Fprintln(w, hanging("  "+pad(result.Digest(b.SHA256), digestW)+"  ", strings.Repeat(" ", digestW+4), result.OneLine(b.Title), width))
		}
	}
	fmt.Fprintf(w, "Kept in %s\n", dir)
	switch {
	case len(attempts) == 2:
		fmt.Fprintln(w, "'careerquiz compare' shows what moved between them.")
	case len(attempts) > 2:
		// Two lines, so that neither is wider than the table above.
		fmt.Fprintf(w, "'careerquiz compare' shows what moved between the last two;\n'careerquiz compare %d 1' between the oldest and the newest.\n", len(attempts))
	}
}

// takenText is the time an attempt was taken, in the local time zone, to
// the minute; an attempt without one was saved by --json, not kept.
func takenText(t time.Time) string {
	if t.IsZero() {
		return "(not recorded)"
	}
	return t.Local().Format("2006-01-02 15:04")
}

// splitText is each path's share, by id, in the bank's order, as the
// report shows shares (result.Shown).
func splitText(paths []result.Path) string {
	parts := make([]string, len(paths))
	for i, s := range shownShares(paths) {
		parts[i] = fmt.Sprintf("%s %s", result.OneLine(paths[i].ID), shareText(s))
	}
	return strings.Join(parts, " · ")
}

// shownShares is each path's share as shown (result.Shown).
func shownShares(paths []result.Path) []float64 {
	return result.Shown(each(paths, func(p result.Path) float64 { return p.Share }))
}

// banksOf is the banks of attempts, each once, in the order first met.
func banksOf(attempts []result.Attempt) []result.Bank {
	var banks []result.Bank
	for _, a := range attempts {
		if !slices.ContainsFunc(banks, func(b result.Bank) bool { return b.SHA256 == a.Bank.SHA256 }) {
			banks = append(banks, a.Bank)
		}
	}
	return banks
}
