package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

const historyAbout = `Lists the results kept from earlier quizzes, newest first: when each was
taken, the verdict and the split between the paths.

A quiz finished in a terminal is kept; a run with --answers or piped
answers only with --save; --no-save keeps nothing. Results are kept in
$XDG_DATA_HOME/careerquiz/results (~/.local/share/careerquiz/results when
XDG_DATA_HOME is not set; ~/Library/Application Support/careerquiz/results
on macOS, %LocalAppData%\careerquiz\results on Windows), one file each:
delete a file to forget that attempt, or the folder to forget them all.`

const historyMore = `Examples:
    careerquiz history
    careerquiz history --json
    careerquiz compare              what moved between the last two
`

type historyOptions struct{ json bool }

var historyFlags = flagTable[historyOptions]{
	switchFlag("json", "print the attempts as a JSON array, newest first",
		func(o *historyOptions) *bool { return &o.json }),
}

func runHistory(args []string, e env) error {
	var o historyOptions
	rest, err := parseArgs("history", args, historyFlags, &o)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("history takes no arguments, got %q", rest[0])}
	}
	dir, attempts, err := listKept(e)
	if err != nil {
		return err
	}
	if o.json {
		entries := make([]attemptJSON, 0, len(attempts))
		for i := range attempts {
			entries = append(entries, newAttemptJSON(&attempts[i]))
		}
		return writeJSON(e.stdout, entries)
	}
	if len(attempts) == 0 {
		say(e.stdout, "No results kept yet (they go in %s).\n", dir)
		fmt.Fprintln(e.stdout, "A quiz finished in a terminal is kept; add --save to keep a run with --answers.")
		return nil
	}
	writeHistory(cleanWriter{e.stdout}, dir, attempts)
	return nil
}

// listKept reads the kept results, naming on stderr every file it skips.
func listKept(e env) (string, []result.Attempt, error) {
	dir, err := result.Dir(e.getenv, e.goos)
	if err != nil {
		return "", nil, err
	}
	attempts, problems, err := result.List(dir)
	if err != nil {
		return "", nil, fmt.Errorf("reading kept results: %w", err)
	}
	for _, p := range problems {
		warnf(e.stderr, "skipped %s, which %s; it is left as it is", p.File, p.Why)
	}
	return dir, attempts, nil
}

// writeHistory lists attempts as a table: one line each, with the bank in a
// column of its own only when they do not all share one.
func writeHistory(w io.Writer, dir string, attempts []result.Attempt) {
	var banks []result.Bank
	seen := map[string]bool{}
	for _, a := range attempts {
		if !seen[a.Bank.SHA256] {
			seen[a.Bank.SHA256] = true
			banks = append(banks, a.Bank)
		}
	}
	oneBank := len(banks) == 1
	numW := len(fmt.Sprint(len(attempts)))
	fmt.Fprintf(w, "Kept results, newest first:\n\n")
	head := fmt.Sprintf("  %*s  %-16s  ", numW, "#", "Taken")
	if !oneBank {
		head += "Bank      "
	}
	const verdictW = 28
	head += pad("Verdict", verdictW) + "  Split"
	fmt.Fprintln(w, strings.TrimRight(head, " "))
	for _, a := range attempts {
		row := fmt.Sprintf("  %*d  %-16s  ", numW, a.Number, takenText(a.Taken))
		if !oneBank {
			row += shortSHA(a.Bank.SHA256) + "  "
		}
		row += pad(textwrap.Truncate(verdictText(a.Recommendation), verdictW), verdictW) + "  "
		row += textwrap.Truncate(splitText(a.Paths), max(screenWidth-utf8.RuneCountInString(row), 12))
		fmt.Fprintln(w, strings.TrimRight(row, " "))
	}
	fmt.Fprintln(w)
	if oneBank {
		fmt.Fprintf(w, "Bank: %s (%s)\n", textwrap.Truncate(plainText(banks[0].Title), screenWidth-20), shortSHA(banks[0].SHA256))
	} else {
		fmt.Fprintln(w, "Banks:")
		for _, b := range banks {
			fmt.Fprintf(w, "  %s  %s\n", shortSHA(b.SHA256), textwrap.Truncate(plainText(b.Title), screenWidth-12))
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

func verdictText(rec *result.Recommendation) string {
	if rec == nil {
		return "no verdict yet"
	}
	name := plainText(rec.Name)
	if name == "" {
		name = plainText(rec.Path)
	}
	if rec.Strength == "" {
		return name
	}
	return name + ", " + plainText(rec.Strength)
}

// splitText is each path's share, by id, in the bank's order, as whole
// numbers that add up to 100.
func splitText(paths []result.Path) string {
	shares := make([]float64, len(paths))
	for i, p := range paths {
		shares[i] = *p.Share
	}
	shown := result.RoundShares(shares, 0)
	parts := make([]string, len(paths))
	for i, p := range paths {
		parts[i] = fmt.Sprintf("%s %s", plainText(p.ID), shareText(shown[i]))
	}
	return strings.Join(parts, " · ")
}

func shareText(x float64) string { return fmt.Sprint(int(math.Round(x))) }

func shortSHA(s string) string {
	s = plainText(s)
	if len(s) > 8 {
		return s[:8]
	}
	return pad(s, 8)
}

// plainText makes text read from a result file safe to print: a kept file
// is a file anyone may edit, so it must not be able to move the cursor or
// retitle the window; white space is made single spaces.
func plainText(s string) string {
	return strings.Join(strings.Fields(gate(s)), " ")
}

func pad(s string, n int) string {
	if k := n - utf8.RuneCountInString(s); k > 0 {
		return s + strings.Repeat(" ", k)
	}
	return s
}

// attemptJSON is one attempt in history --json and compare --json.
type attemptJSON struct {
	// Number is the attempt's place in history, 1 for the newest; left
	// out for a result file named on the command line.
	Number         int                 `json:"number,omitempty"`
	File           string              `json:"file"`
	Taken          *string             `json:"taken"`
	Bank           result.Bank         `json:"bank"`
	Recommendation *recommendationJSON `json:"recommendation"`
	Paths          []sharePathJSON     `json:"paths"`
}

type recommendationJSON struct {
	Path     string `json:"path"`
	Name     string `json:"name"`
	Strength string `json:"strength"`
}

type sharePathJSON struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Share float64 `json:"share"`
}

func newAttemptJSON(a *result.Attempt) attemptJSON {
	j := attemptJSON{
		Number: a.Number,
		File:   a.File,
		Bank:   a.Bank,
		Paths:  make([]sharePathJSON, 0, len(a.Paths)),
	}
	if !a.Taken.IsZero() {
		t := a.Taken.UTC().Format(result.TimeFormat)
		j.Taken = &t
	}
	if r := a.Recommendation; r != nil {
		j.Recommendation = &recommendationJSON{Path: r.Path, Name: r.Name, Strength: r.Strength}
	}
	for _, p := range a.Paths {
		j.Paths = append(j.Paths, sharePathJSON{ID: p.ID, Name: p.Name, Share: round1(*p.Share)})
	}
	return j
}

// round1 rounds to one decimal, as the result document does its figures.
func round1(x float64) float64 {
	r := math.Round(x*10) / 10
	if r == 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return 0
	}
	return r
}

// writeJSON writes v indented, as every JSON document careerquiz prints,
// with the characters a terminal obeys escaped: a kept file is a file
// anyone may edit.
func writeJSON(w io.Writer, v any) error {
	out := &jsonWriter{w: w}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	return out.Flush()
}
