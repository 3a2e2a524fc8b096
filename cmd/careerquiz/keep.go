package main

import (
	"fmt"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
)

// keeping says whether this run's result is kept, and where.
type keeping struct {
	// dir is the results folder, or "" when the result is not kept.
	dir string
	// openLine is set where the last prompt of the quiz is still open on
	// stderr: answers piped in are not echoed, so nothing ended its line.
	openLine bool
}

// decideKeeping decides, before the quiz starts, whether its result will be
// kept. A person who finishes the quiz in a terminal has their result
// kept; a scripted run (an answers file, or answers piped in) only with
// --save, since a script that runs the quiz a hundred times would
// otherwise bury the person's own attempts; --no-save turns keeping off.
// Where keeping was asked for and no folder can be found, that is an error
// now rather than after the last answer; where it was only the default,
// the quiz goes on with a note.
func decideKeeping(o options, e env) (keeping, error) {
	scripted := o.answers != "" || !e.isTerminal(e.stdin)
	if o.noSave || (scripted && !o.save) {
		return keeping{}, nil
	}
	dir, err := result.Dir(e.getenv, e.goos)
	if err != nil {
		if o.save {
			return keeping{}, cli.WithHint(err, "run without --save, or set XDG_DATA_HOME")
		}
		e.msgs().Warn("your result will not be kept: %v", err)
		return keeping{}, nil
	}
	return keeping{dir: dir, openLine: o.answers == "" && !e.isTerminal(e.stdin)}, nil
}

// keepResult keeps a finished quiz's result, stamped with the time it was
// taken, and says where on stderr. It does nothing where k says not to
// keep. The kept document is the JSON result whatever --format said, so
// that history and compare can read every kept attempt.
func keepResult(k keeping, r render.Run, taken time.Time, e env) error {
	if k.dir == "" {
		return nil
	}
	doc, err := render.NewDocument(r)
	if err != nil {
		return err
	}
	path, err := result.Save(k.dir, doc, taken)
	if err != nil {
		return cli.WithHint(fmt.Errorf("could not keep the result: %w", err), "the report above is complete; --no-save skips keeping")
	}
	if k.openLine {
		fmt.Fprintln(e.stderr)
	}
	e.msgs().Say("Result kept in %s\n'careerquiz history' lists kept results; 'careerquiz compare' shows what moved.\n", path)
	return nil
}
