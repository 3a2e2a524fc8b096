package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/atomicfile"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/session"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

func runQuiz(args []string, e env) error {
	o, done, err := parseFlags(args, e)
	if err != nil || done {
		return err
	}
	// Signals are watched from the start: a bank named by a FIFO waits
	// for a writer, and Ctrl-C must end that wait too.
	stops := e.watchSignals()
	defer stops.Stop()
	b, err := o.bank(e)
	if err != nil {
		return err
	}
	if o.shuffle && !o.seedSet {
		o.seed = rand.Int64N(1 << 53)
	}
	// --output FILE must be writable before the quiz starts, so that
	// nobody answers every question only to lose the report.
	if o.output != "" {
		if err := atomicfile.CheckWritable(o.output); err != nil {
			return outputError(o.output, err)
		}
		if err := outputOverInput(o); err != nil {
			return err
		}
	}
	keep, err := decideKeeping(o, e)
	if err != nil {
		return err
	}
	o.stop = decideStop(o, e)

	var answers quiz.Answers
	var s *session.Session
	var stop stopped
	var kept time.Time
	if o.answers != "" {
		session.SayCaution(e.msgs(), b, o.questions)
		answers, kept, stop, err = readAnswers(b, o.answers, e)
		if err != nil {
			return err
		}
		if o.stop != session.StopNone {
			answers, stop.notAsked, stop.how = session.Walk(b, answers, o.stop)
		}
	} else {
		s, err = newSession(b, o, e, stops)
		if s != nil {
			defer s.Close()
		}
		if err != nil {
			return err
		}
		answers, err = s.Interview()
		if err != nil {
			return err
		}
		o.shuffle, o.seed = s.Shuffle, s.Seed
		stop.notAsked, stop.how = s.Stopped()
		if e.isTerminal(e.stdin) && !o.toFile() && e.isTerminal(e.stdout) {
			fmt.Fprintln(e.stderr) // The report stands apart from the last answer.
		}
	}

	// The result is written before the progress goes, so that a full
	// disk or a closed pipe loses no answer: they stay saved, and the
	// next run offers to show the result.
	r, err := writeResult(b, answers, stop, o, cmp.Or(kept, time.Now()), e)
	if err != nil {
		if s != nil {
			return s.Unwritten(err)
		}
		return err
	}
	// Then the result is kept, and only then the progress goes. A result
	// that could not be kept has still been shown: that is reported, and
	// the progress goes all the same.
	keepErr := keepResult(keep, r, time.Now(), e)
	if s != nil {
		s.Finish()
	}
	endLine(r, o, s != nil, e)
	return keepErr
}

// stopped is how a quiz stopped early, as session.Session.Stopped says.
type stopped struct {
	notAsked []string
	how      *result.StoppedEarly
}

// writeResult writes the report of answers to stdout, or to --output, and
// returns the run it reported on; taken dates the formats that give a
// date. The questions not asked count in no figure.
func writeResult(b *quiz.Bank, answers quiz.Answers, stop stopped, o options, taken time.Time, e env) (render.Run, error) {
	values := b.AnswerValues(answers)
	for _, id := range stop.notAsked {
		// Neither answered nor skipped.
		delete(values, id)
	}
	r := render.Run{
		Bank:     b,
		Result:   scoring.NewScorer(b).ScoreAsked(answers, stop.notAsked),
		Answers:  values,
		Shuffled: o.shuffle,
		Seed:     o.seed,
		Taken:    taken,
		NotAsked: stop.notAsked,
		Stopped:  stop.how,
	}
	return r, emitReport(r, o, e)
}

// newSession prepares a sitting of the quiz at the terminal, or on lines
// piped to standard input.
func newSession(b *quiz.Bank, o options, e env, stops *cli.Stopper) (*session.Session, error) {
	inTTY := e.isTerminal(e.stdin)
	return session.New(session.Config{
		Bank: b, In: e.stdin, Out: e.stderr, Msgs: e.msgs(), Width: e.layoutWidth(e.stderr),
		Color:      colorOn(e.stderr, e, o.color),
		InTerminal: inTTY,
		Terminal:   !o.plain && inTTY && e.isTerminal(e.stderr) && cursorMoves(e),
		Restart:    o.restart, Shuffle: o.shuffle, Seed: o.seed,
		Questions:   o.questions,
		ProgressDir: func() (string, error) { return progress.Dir(e.getenv, e.goos) },
		Stops:       stops,
		Stop:        o.stop,
	})
}

// decideStop is the stop a quiz makes: --stop or --quick, else
// CAREERQUIZ_STOP, else the settled stop for a person at a terminal, which
// costs nothing in the path the result names; an answers file and answers
// piped in are all taken.
func decideStop(o options, e env) string {
	if o.stop != "" {
		return o.stop
	}
	if v := e.getenv("CAREERQUIZ_STOP"); v != "" {
		if slices.Contains(session.StopModes(), v) {
			return v
		}
		e.msgs().Warn("CAREERQUIZ_STOP=%q is not settled, quick or none; it is ignored", v)
	}
	if o.answers == "" && e.isTerminal(e.stdin) {
		return session.StopSettled
	}
	return session.StopNone
}

// readAnswers reads an answers file, or standard input for "-", and for a
// kept result when it was taken and how it stopped early, so that it
// replays as it was. A kept result taken on another bank is warned of: its
// answers may still fit, but its result is not the one that was saved.
func readAnswers(b *quiz.Bank, path string, e env) (quiz.Answers, time.Time, stopped, error) {
	name, data, err := fileio.ReadInput(path, e.stdin, quiz.MaxSize)
	if err != nil {
		return nil, time.Time{}, stopped{}, err
	}
	kept, rerr := result.Replay(data)
	if rerr == nil && kept.Bank.SHA256 != "" && kept.Bank.SHA256 != b.SHA256 {
		e.msgs().Warn("%s was taken on another bank: %q (sha256 %s), not %s %q (sha256 %s)",
			name, kept.Bank.Title, result.Digest(kept.Bank.SHA256), b.File, b.Title, result.Digest(b.SHA256))
		e.msgs().Hint("its answers are scored here by question id; replay it with --questions and the bank it was taken on to see the saved result")
	}
	a, err := quiz.ParseAnswers(b, name, data)
	if err != nil {
		hint := "answer with option numbers (1 = first), option ids, a list for pick-any questions, or \"skip\""
		switch {
		case strings.EqualFold(filepath.Ext(path), ".json") && !bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")):
			// Read as JSON for its name alone: likely TOML misnamed.
			hint = "the file is read as JSON for its .json name; if it holds TOML (messaging = 2), name it .toml"
		case bytes.Contains(data, []byte("[[questions]]")) || bytes.Contains(data, []byte("[[paths]]")):
			bank := name
			if path == fileio.Stdin {
				bank = "FILE" // a bank on standard input is named when saved
			}
			hint = "this looks like a question bank: take the quiz on it with --questions " + bank + "; --answers takes answers, such as messaging = 2"
		case errors.As(err, new(*quiz.SyntaxError)):
			hint = "an answers file is TOML with a line per question, such as messaging = 2, or a JSON object; fix the place shown"
		}
		return nil, time.Time{}, stopped{}, cli.WithHint(err, "%s", hint)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		// Likely a pipe that carried nothing, not a person who chose to
		// answer nothing.
		e.msgs().Warn("%s is empty: no question is answered", name)
		e.msgs().Hint("an answers file has a line per question, such as messaging = 2; 'careerquiz check --json' lists the ids")
	}
	var st stopped
	st.notAsked, st.how = kept.Stopped()
	return a, kept.When(), st, nil
}

// keeping says where this run's result is kept: dir is the results folder,
// or "" when it is not kept. openLine is set where the last prompt of the
// quiz is still open on stderr: answers piped in are not echoed, so nothing
// ended its line.
type keeping struct {
	dir      string
	openLine bool
}

// decideKeeping decides, before the quiz starts, whether its result will be
// kept: a quiz finished in a terminal is, a scripted run only with --save,
// since a script that runs the quiz a hundred times would otherwise bury
// the person's own attempts. Where --save finds no folder, that is an error
// now rather than after the last answer; otherwise the quiz goes on with a
// note.
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

// keepResult keeps a finished quiz's result, where k says to, and says
// where on stderr. The kept document is the JSON result whatever --format
// said, so that history and compare can read every kept attempt.
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
	e.msgs().Say("Result kept in %s\n'careerquiz history' lists kept results; 'careerquiz compare' shows what moved.\n", termsafe.Name(path))
	return nil
}

// emitReport writes the report to stdout, or to the --output file. The file
// gets exactly the bytes stdout would have: colour is decided as for any
// stream that is not a terminal.
func emitReport(r render.Run, o options, e env) error {
	var stream any = e.stdout
	if o.toFile() {
		stream = nil
	}
	var buf bytes.Buffer
	err := render.Write(&buf, o.format, r, render.Options{Color: colorOn(stream, e, o.color), Width: e.layoutWidth(stream)})
	if err != nil {
		return err
	}
	if o.output == "" {
		o.output = atomicfile.Stdout
	}
	if err := atomicfile.WriteOutput(o.output, buf.Bytes(), 0o644, e.stdout); err != nil {
		return outputError(o.output, err)
	}
	return nil
}

func (o options) toFile() bool { return o.output != "" && o.output != atomicfile.Stdout }

// outputOverInput refuses an --output that is the bank or the answers
// file read, which the report would replace: only a JSON result written
// over the result it replays keeps what it read.
func outputOverInput(o options) error {
	if !o.toFile() {
		return nil
	}
	out, err := os.Stat(o.output)
	if err != nil {
		return nil // Nothing there yet, so nothing read from it.
	}
	for _, in := range []struct{ flag, path string }{{"--questions", o.questions}, {"--answers", o.answers}} {
		if in.path == "" || in.path == atomicfile.Stdout {
			continue
		}
		if fi, err := os.Stat(in.path); err != nil || !os.SameFile(fi, out) {
			continue
		}
		if in.flag == "--answers" && o.format == render.JSON {
			continue
		}
		return cli.WithHint(cli.UsageError{Msg: fmt.Sprintf("--output %s is the file %s reads: the report would replace it", termsafe.Name(o.output), in.flag)},
			"name another file for --output")
	}
	return nil
}

// outputError leads a failure to write the report with where it went.
func outputError(path string, err error) error {
	if se := (*cli.StdoutError)(nil); path == atomicfile.Stdout && errors.As(err, &se) {
		return se
	}
	return fmt.Errorf("--output %s: %w", termsafe.Name(path), err)
}

// endLine is the last thing a quiz taken at a terminal prints, so that it
// never ends in silence or with its verdict scrolled away: after a text
// report on the terminal, the verdict again in one line; when the result
// went elsewhere, where it went.
func endLine(r render.Run, o options, interactive bool, e env) {
	verdict := render.Verdict(r.Result)
	toScreen := !o.toFile() && e.isTerminal(e.stdout)
	switch {
	case toScreen && o.format == render.Text:
		fmt.Fprintf(e.stdout, "\n%s\n", textwrap.String("Verdict: "+verdict+". The breakdown, the reasons and the next steps are above.", e.layoutWidth(e.stdout), ""))
	case toScreen || !interactive:
	default:
		e.msgs().Say("Done: %s. Result written to %s.\n", verdict, resultPlace(o, e))
		// The warnings are in the file, out of sight: the one thing a
		// person must not miss about the result goes with it here.
		for _, note := range render.WarningNotes(r.Result) {
			e.msgs().Say("  ! %s\n", note)
		}
	}
}

// resultPlace names where the result went: the --output file, or the file
// standard output was sent to where the system can say, or standard
// output.
func resultPlace(o options, e env) string {
	if o.toFile() {
		return termsafe.Name(o.output)
	}
	if name := cli.StdoutFile(e.stdout, e.goos); name != "" {
		return termsafe.Name(name)
	}
	return "standard output"
}
