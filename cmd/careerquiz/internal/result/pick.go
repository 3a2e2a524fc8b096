package result

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// Pick resolves compare's arguments to two attempts: numbers from history
// or result files, the newest two kept by default, or the newest as B.
// kept lists the kept attempts and their folder; it is called only where
// a number needs it.
func Pick(picks []string, kept func() (string, []Attempt, error)) (*Attempt, *Attempt, error) {
	number := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	var all []Attempt
	if len(picks) < 2 || slices.ContainsFunc(picks, number) {
		dir, listed, err := kept()
		if err != nil {
			return nil, nil, err
		}
		if len(listed) < 2-len(picks) {
			return nil, nil, cli.WithHint(fmt.Errorf("compare needs two attempts, and %s (in %s)", keptCount(len(listed)), termsafe.Name(dir)),
				"take the quiz again with 'careerquiz' (a quiz finished in a terminal is kept), or compare two saved results: careerquiz compare old.json new.json")
		}
		all = listed
	}
	// By default A is the second newest and B the newest.
	picks = append(picks, []string{"2", "1"}[len(picks):]...)
	pick := func(arg string) (*Attempt, error) {
		if !number(arg) {
			a, err := Read(arg)
			if err != nil && fileio.Hint(err) == "" {
				return nil, cli.WithHint(err, "name a result file written by careerquiz --json, or a number from 'careerquiz history'")
			}
			if err != nil {
				return nil, err
			}
			return &a, nil
		}
		if n, err := strconv.Atoi(arg); err == nil && n >= 1 && n <= len(all) {
			// The listing holds a summary of each attempt; this one is
			// read whole.
			a, err := Read(all[n-1].File)
			a.Number = n
			if err != nil {
				return nil, cli.WithHint(err, "the file changed since it was listed; run 'careerquiz history' to see the attempts as they are now")
			}
			return &a, nil
		}
		kept := fmt.Sprintf("%d results kept", len(all))
		if len(all) == 1 {
			kept = "1 result kept"
		}
		return nil, cli.WithHint(fmt.Errorf("there is no attempt %s: %s", arg, kept),
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
