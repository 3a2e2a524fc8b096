package main

import (
	"cmp"
	"fmt"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/internal/fileio"
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
	for _, p := range picks {
		switch p {
		case "":
			return cli.UsageError{Msg: "compare: an attempt's name is empty: name a kept attempt by its number, or a result file"}
		case fileio.Stdin:
			return cli.UsageError{Msg: "compare reads no standard input: name a kept attempt by its number, or a result file"}
		}
	}
	a, b, err := result.Pick(picks, func() (string, []result.Attempt, error) { return listKept(e) })
	if err != nil {
		return err
	}
	c := result.Compare(a, b)
	if !c.SameBank {
		e.msgs().Warn("the attempts used different banks (%s %q, %s %q); answers are compared over the %s both have, and the shares are each bank's own",
			result.Digest(a.Bank.SHA256), result.OneLine(a.Bank.Title), result.Digest(b.Bank.SHA256), result.OneLine(b.Bank.Title), render.Count(c.Shared, "question"))
		if c.Shared == 0 {
			e.msgs().Hint("with no question in common only the shares compare; 'careerquiz history' shows which attempt used which bank")
		}
	}
	if o.json {
		return result.Encode(e.stdout, c)
	}
	// The bank only lends its texts; without it the answers are shown as
	// option numbers, so a bank that will not load is no reason to stop.
	bank, _ := loadBank(cmp.Or(o.questions, e.getenv("CAREERQUIZ_QUESTIONS")))
	render.WriteComparison(cli.CleanWriter{W: e.stdout}, c, bank, e.layoutWidth(e.stdout))
	return nil
}
