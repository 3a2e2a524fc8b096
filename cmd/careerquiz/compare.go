package main

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/termsafe"
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

var compareFlags = cli.Flags[compareOptions]{
	cli.Switch("json", "print the comparison as one JSON document",
		func(o *compareOptions) *bool { return &o.json }),
	cli.File("questions", "the bank to show question and answer texts from\n(default: the built-in one, or CAREERQUIZ_QUESTIONS)",
		func(o *compareOptions) *string { return &o.questions }),
}

func runCompare(args []string, e env) error {
	var o compareOptions
	picks, err := cli.Parse("compare", args, compareFlags, &o)
	if err != nil {
		return err
	}
	if len(picks) > 2 {
		return cli.UsageError{Msg: fmt.Sprintf("compare takes at most two attempts, got %d", len(picks))}
	}
	a, b, err := pickAttempts(picks, e)
	if err != nil {
		return err
	}
	c := result.Compare(a, b)
	if !c.SameBank {
		e.msgs().Warn("the attempts used different banks (%s %q, %s %q); answers are compared over the %s both have, and the shares are each bank's own",
			result.Digest(a.Bank.SHA256), result.OneLine(a.Bank.Title), result.Digest(b.Bank.SHA256), result.OneLine(b.Bank.Title), render.Count(c.Shared, "question"))
	}
	if o.json {
		return result.Encode(e.stdout, c)
	}
	bankName := o.questions
	if bankName == "" {
		bankName = e.getenv("CAREERQUIZ_QUESTIONS")
	}
	// The bank only lends its texts; without it the answers are shown as
	// option numbers, so a bank that will not load is no reason to stop.
	bank, _ := loadBank(bankName)
	render.WriteComparison(cli.CleanWriter{W: e.stdout}, c, bank, e.layoutWidth(e.stdout))
	return nil
}

// pickAttempts resolves compare's arguments to two attempts: history
// numbers or files, the newest two kept by default, or the newest as B.
func pickAttempts(picks []string, e env) (*result.Attempt, *result.Attempt, error) {
	number := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	var kept []result.Attempt
	if len(picks) < 2 || slices.ContainsFunc(picks, number) {
		dir, all, err := listKept(e)
		if err != nil {
			return nil, nil, err
		}
		if len(all) < 2-len(picks) {
			return nil, nil, cli.WithHint(fmt.Errorf("compare needs two attempts, and %s (in %s)", keptCount(len(all)), termsafe.Name(dir)),
				"take the quiz again with 'careerquiz' (a quiz finished in a terminal is kept), or compare two saved results: careerquiz compare old.json new.json")
		}
		kept = all
	}
	switch len(picks) {
	case 0:
		picks = []string{"2", "1"}
	case 1:
		picks = append(picks, "1")
	}
	pick := func(arg string) (*result.Attempt, error) {
		if !number(arg) {
			a, err := result.Read(arg)
			if err != nil && fileio.Hint(err) == "" {
				return nil, cli.WithHint(err, "name a result file written by careerquiz --json, or a number from 'careerquiz history'")
			}
			if err != nil {
				return nil, err
			}
			return &a, nil
		}
		if n, err := strconv.Atoi(arg); err == nil && n >= 1 && n <= len(kept) {
			// The listing holds a summary of each attempt; this one is
			// read whole.
			a, err := result.Read(kept[n-1].File)
			a.Number = n
			if err != nil {
				return nil, cli.WithHint(err, "the file changed since it was listed; run 'careerquiz history' to see the attempts as they are now")
			}
			return &a, nil
		}
		return nil, cli.WithHint(fmt.Errorf("there is no attempt %s: %s kept", arg, render.Count(len(kept), "result")),
			"'careerquiz history' lists the kept attempts and their numbers")
	}
	a, err := pick(picks[0])
	if err != nil {
		return nil, nil, err
	}
	b, err := pick(picks[1])
	if err != nil {
		return nil, nil, err
	}
	if a.File == b.File {
		return nil, nil, cli.WithHint(fmt.Errorf("both attempts are %s", termsafe.Name(a.File)), "name two different attempts; 'careerquiz history' lists them")
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
