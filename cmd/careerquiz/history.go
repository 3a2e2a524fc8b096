package main

import (
	"fmt"
	"os"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/internal/termsafe"
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
    careerquiz history --format html > history.html
                                    a page with a chart of the shares
    careerquiz compare              what moved between the last two
`

type historyOptions struct {
	json   bool
	format string
}

var historyFlags = cli.Flags[historyOptions]{
	cli.Format("text (the default), json, or html (a page with the\nshares as a line chart, and what moved last)", []string{render.Text, render.JSON, render.HTML},
		func(o *historyOptions) *string { return &o.format }),
	cli.InSetting("format", cli.Switch("json", "print the attempts as a JSON array, newest first",
		func(o *historyOptions) *bool { return &o.json })),
}

func runHistory(args []string, e env) error {
	var o historyOptions
	if err := cli.ParseNone("history", args, historyFlags, &o); err != nil {
		return err
	}
	dir, attempts, err := listKept(e)
	if err != nil {
		return err
	}
	switch {
	case o.json || o.format == render.JSON:
		return result.Encode(e.stdout, append([]result.Attempt{}, attempts...))
	case o.format == render.HTML:
		return render.WriteHistoryHTML(e.stdout, attempts)
	}
	render.WriteHistory(cli.CleanWriter{W: e.stdout}, termsafe.Name(dir), attempts, e.layoutWidth(e.stdout))
	return nil
}

// listKept reads the kept results, naming on stderr every file it skips.
func listKept(e env) (string, []result.Attempt, error) {
	dir, err := result.Dir(e.getenv, e.goos)
	if err != nil {
		return "", nil, cli.WithHint(err, "set XDG_DATA_HOME (or HOME) to a folder of yours, where results are kept")
	}
	attempts, problems, err := result.List(dir)
	if err != nil {
		hint := "make the folder readable to you, or set XDG_DATA_HOME to keep results elsewhere"
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			hint = "move that file out of the way (results are kept in a folder of that name), or set XDG_DATA_HOME to keep results elsewhere"
		}
		return "", nil, cli.WithHint(fmt.Errorf("reading kept results in %s: %w", termsafe.Name(dir), err), "%s", hint)
	}
	for _, p := range problems {
		e.msgs().Warn("skipped %s, which %s; it is left as it is", termsafe.Name(p.File), p.Why)
	}
	if len(problems) > 0 {
		e.msgs().Hint("careerquiz never changes or deletes these: move the files named above out of %s to stop this warning", termsafe.Name(dir))
	}
	return dir, attempts, nil
}
