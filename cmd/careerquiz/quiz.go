package main

import (
	"math/rand/v2"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/session"
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
	stops := watchSignals(e)
	defer stops.stop()
	b, err := o.bank()
	if err != nil {
		return err
	}
	if o.shuffle && !o.seedSet {
		o.seed = rand.Int64N(1 << 53)
	}
	if o.output != "" {
		if err := checkOutput(o.output); err != nil {
			return err
		}
	}
	keep, err := decideKeeping(o, e)
	if err != nil {
		return err
	}

	var answers quiz.Answers
	var s *session.Session
	if o.answers != "" {
		answers, err = readAnswers(b, o.answers, e)
		if err != nil {
			return err
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
		o.shuffle, o.seed = s.Shuffled, s.Seed
	}

	// The result is written before the progress goes, so that a full
	// disk or a closed pipe loses no answer: they stay saved, and the
	// next run offers to show the result.
	r, err := writeResult(b, answers, o, e)
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

// writeResult writes the report of answers to stdout, or to --output, and
// returns the run it reported on.
func writeResult(b *quiz.Bank, answers quiz.Answers, o options, e env) (render.Run, error) {
	r := render.Run{
		Bank:     b,
		Result:   scoring.Score(b, answers),
		Answers:  b.AnswerValues(answers),
		Shuffled: o.shuffle,
		Seed:     o.seed,
	}
	return r, emitReport(r, o, e)
}

// newSession prepares a sitting of the quiz at the terminal, or on lines
// piped to standard input.
func newSession(b *quiz.Bank, o options, e env, stops *stopper) (*session.Session, error) {
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
	})
}

// readAnswers reads an answers file, or standard input for "-".
func readAnswers(b *quiz.Bank, path string, e env) (quiz.Answers, error) {
	name, data, err := readInput(path, e)
	if err != nil {
		return nil, err
	}
	warnOtherBank(e.msgs(), b, name, data)
	a, err := quiz.ParseAnswers(b, name, data)
	if err != nil {
		return nil, cli.WithHint(err, "answer with option numbers (1 = first), option ids, a list for pick-any questions, or \"skip\"")
	}
	return a, nil
}
