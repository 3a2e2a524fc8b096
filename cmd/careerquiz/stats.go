package main

import (
	"cmp"
	"runtime"
	"slices"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/collect"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

const statsAbout = `Sums up the results of many people who took the quiz: how the group leaned
(recommendations, labels and a histogram of the split) and which questions
work (answers per option, Cronbach's alpha and each question's item-rest
correlation, with flags and what to try).

A PATH is a result file (careerquiz --json > result.json), a folder searched
for .json files, a .ndjson or .jsonl file, or - for standard input: one
result a line, or whole results one after another (cat results/*.json).
Only each result's answers and bank.sha256 are read; every result is scored
again against the bank, so the figures always agree with what the quiz
says.`

const statsMore = `A file that is not a result, a result from another bank, or answers that do
not fit the bank are named on standard error and skipped; the figures of the
rest are still printed. Nothing is ever changed.

Examples:
    careerquiz stats results/
    careerquiz stats --json results/ | jq .alpha
    careerquiz stats --csv results/ > cohort.csv
    careerquiz stats --format html results/ > cohort.html

Exit status: 0 all read, 1 something was skipped, 2 wrong usage.
`

type statsOptions struct {
	questions string
	anyBank   bool
	json, csv bool
	format    string
}

var statsFlags = cli.Flags[statsOptions]{
	cli.File("questions", "the bank the results were taken on (default: the\nbuilt-in one, or CAREERQUIZ_QUESTIONS)",
		func(o *statsOptions) *string { return &o.questions }),
	cli.Switch("any-bank", "keep results taken on another bank as long as\ntheir answers still fit this one",
		func(o *statsOptions) *bool { return &o.anyBank }),
	cli.Format("text (the default), json, csv, or html (a page with\nthe histogram and a bar per question)", []string{render.Text, render.JSON, "csv", render.HTML},
		func(o *statsOptions) *string { return &o.format }),
	cli.InSetting("format", cli.Switch("json", "print the figures as one JSON document\n(schema careerquiz.stats/v1)",
		func(o *statsOptions) *bool { return &o.json })),
	cli.InSetting("format", cli.Switch("csv", "print one row per person instead: file,\nrecommendation, share per path, then one\ncolumn per question (option number, 1;3 for\nseveral, empty when skipped)",
		func(o *statsOptions) *bool { return &o.csv })),
}

func parseStatsFlags(args []string, e env) (statsOptions, []string, error) {
	var o statsOptions
	paths, err := cli.Parse("stats", args, statsFlags, &o)
	if err != nil {
		return o, nil, err
	}
	if len(paths) == 0 {
		return o, nil, cli.UsageError{Msg: "stats needs a result file, a folder of them, or - for standard input"}
	}
	if i := slices.Index(paths, "-"); i >= 0 && slices.Contains(paths[i+1:], "-") {
		return o, nil, cli.UsageError{Msg: "stats: - (standard input) can be given once"}
	}
	o.questions = cmp.Or(o.questions, e.getenv("CAREERQUIZ_QUESTIONS"))
	o.json = o.json || o.format == render.JSON
	o.csv = o.csv || o.format == "csv"
	return o, paths, nil
}

func runStats(args []string, e env) error {
	o, paths, err := parseStatsFlags(args, e)
	if err != nil {
		return err
	}
	// Reading a long stream can take a while.
	defer e.watchSignals().Stop()
	b, err := loadBank(o.questions)
	if err != nil {
		return err
	}
	var csvOut *cohort.CSV
	var group *cohort.Cohort
	add := func(_ string, a quiz.Answers, res scoring.Result) error {
		group.Add(a, res)
		return nil
	}
	if o.csv {
		if csvOut, err = cohort.NewCSV(e.stdout, b); err != nil {
			return err
		}
		add = csvOut.Write
	} else {
		group = cohort.New(b)
	}
	progress := cli.NewProgress(e.stderr, e.isTerminal(e.stderr))
	var r collect.Reader
	skipped := 0
	r = collect.Reader{Bank: b, AnyBank: o.anyBank, Stdin: e.stdin, Workers: runtime.GOMAXPROCS(0),
		Result: func(name string, a quiz.Answers, res scoring.Result) error {
			progress.Tick(r.Tally.Read)
			return add(name, a, res)
		},
		Skipped: func(name, why string) {
			// A stream of junk could name a skip a line for ever: the
			// first ones say what is wrong.
			if skipped++; skipped > skipsNamed {
				return
			}
			progress.Clear()
			e.msgs().Say("careerquiz: %s: skipped: %s\n", termsafe.Name(name), why)
			if skipped == skipsNamed {
				e.msgs().Say("careerquiz: more are skipped; only the first %d are named\n", skipsNamed)
			}
		}}
	err = r.Read(paths)
	progress.Clear()
	if err != nil {
		return cli.WithHint(err, "check that what is named can be read to the end, then run stats again")
	}
	switch {
	case r.Tally.Read == 0 && csvOut == nil:
		// No figures of nobody: only what was wrong with the input.
		return r.Tally.Outcome()
	case csvOut != nil:
		err = csvOut.Flush()
	case o.json:
		err = result.Encode(e.stdout, group.Report())
	case o.format == render.HTML:
		err = render.WriteStatsHTML(e.stdout, group.Report(), scoring.NewScorer(b).Bands().Slight)
	default:
		err = render.WriteStats(e.stdout, group.Report(), colorOn(e.stdout, e, cli.ColorAuto), e.layoutWidth(e.stdout))
	}
	if err != nil {
		return err
	}
	return r.Tally.Outcome()
}

// skipsNamed is how many skipped pieces stats names one by one.
const skipsNamed = 100
