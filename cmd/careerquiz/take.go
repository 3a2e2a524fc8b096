package main

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"sync/atomic"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ask"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
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
	var s *session
	if o.answers != "" {
		answers, err = readAnswers(b, o.answers, e)
		if err != nil {
			return err
		}
	} else {
		s, err = newSession(b, &o, e, stops)
		if s != nil {
			defer s.close()
		}
		if err != nil {
			return err
		}
		answers, err = s.interview()
		if err != nil {
			return err
		}
	}

	// The result is written before the progress goes, so that a full
	// disk or a closed pipe loses no answer: they stay saved, and the
	// next run offers to show the result.
	r, err := writeResult(b, answers, o, e)
	if err != nil {
		if s != nil {
			return s.unwritten(err)
		}
		return err
	}
	// Then the result is kept, and only then the progress goes. A result
	// that could not be kept has still been shown: that is reported, and
	// the progress goes all the same.
	keepErr := keepResult(keep, r, time.Now(), e)
	if s != nil {
		s.finish()
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

// newSession prepares a sitting of the quiz: picks the asker, and, for a
// person at a terminal, takes the bank's saved progress and offers to
// resume it. Piped answers were written for a fresh start: such a run
// neither reads nor writes progress. A session returned with an error must
// still be closed.
func newSession(b *quiz.Bank, o *options, e env, stops *stopper) (*session, error) {
	stdinTTY := e.isTerminal(e.stdin)
	stderrColor := colorOn(e.stderr, e, o.color)
	s := &session{bank: b, out: e.stderr, msgs: e.msgs(), width: e.layoutWidth(e.stderr), color: stderrColor, answers: quiz.Answers{}, stops: stops,
		shuffled: o.shuffle, seed: o.seed}
	s.savedAt.Store(-1)

	s.chooseAsker(o, e, stops, stdinTTY, stderrColor)

	if !stdinTTY {
		s.piped = true
		s.unsaved.Store("answers from a pipe are not saved")
		return s, nil
	}
	if err := s.openStore(o, e); err != nil {
		return s, err
	}
	if s.store == nil {
		return s, nil
	}
	if o.restart {
		if _, err := os.Lstat(s.store.Path()); err == nil {
			s.earlierKept.Store(true)
			if st, ok, err := s.store.Load(); err == nil && ok {
				n := 0
				for _, v := range st.Answers {
					if v != "skip" {
						n++
					}
				}
				s.earlierAnswered.Store(int64(n))
			}
			s.msgs.Say("careerquiz: starting over; your saved answers are replaced when you answer the first question\n")
		}
		return s, nil
	}
	return s, s.resume(o)
}

// openStore finds the bank's progress and takes its lock. Where progress
// cannot be kept the quiz goes on without it, after saying why.
func (s *session) openStore(o *options, e env) error {
	dir, err := progress.Dir(e.getenv, e.goos)
	if err != nil {
		s.unsaved.Store("progress cannot be saved")
		s.msgs.Warn("progress will not be saved: %v", err)
		return nil
	}
	store := progress.NewStore(dir, progress.Key(o.questions, s.bank.SHA256))
	locked, err := store.Lock()
	if err != nil {
		s.unsaved.Store("progress cannot be saved")
		s.msgs.Warn("progress will not be saved: %v", err)
		return nil
	}
	if !locked {
		// Another run holds this bank's progress: it is not this run's to
		// read, replace or clear.
		yes, err := s.asker.Confirm("Another run is taking this quiz. Take it here without saving?", false)
		if err != nil {
			return s.confirmError(err)
		}
		if !yes {
			return cli.Exit{Code: exitError, Msg: "another run is taking this quiz; its saved answers are untouched",
				Hint: "finish or quit the other run, then run careerquiz again"}
		}
		s.unsaved.Store("another run is taking this quiz")
		return nil
	}
	s.store = store
	s.saving.Store(true)
	progress.RemoveOrphans(dir)
	return nil
}

// confirmError turns the end of a yes/no question without an answer into
// the run's error.
func (s *session) confirmError(err error) error {
	switch {
	case errors.Is(err, ask.ErrInterrupted):
		fmt.Fprintln(s.out)
		msg, hint := s.stopNote("interrupted")
		return cli.Exit{Code: exitInterrupt, Msg: msg, Hint: hint}
	case errors.Is(err, ask.ErrInputEnded):
		fmt.Fprintln(s.out)
		msg, _ := s.stopNote("input ended")
		return errors.New(msg)
	}
	return err
}

// interview asks the bank's questions one at a time, saving progress after
// every move, and returns the answers once the last question is done.
func (s *session) interview() (quiz.Answers, error) {
	if s.order == nil {
		s.order = questionOrder(s.bank, s.shuffled, s.seed)
	}
	if s.next < len(s.order) {
		s.opening()
	}
	err := s.loop()
	if errors.Is(err, ask.ErrInterrupted) || errors.Is(err, ask.ErrInputEnded) {
		// The prompt line is still open: end it, so the message stands on
		// a line of its own.
		fmt.Fprintln(s.out)
	}
	switch {
	case errors.Is(err, ask.ErrInterrupted):
		msg, hint := s.stopNote("interrupted")
		return nil, cli.Exit{Code: exitInterrupt, Msg: msg, Hint: hint}
	case errors.Is(err, ask.ErrInputEnded):
		msg, hint := s.stopNote("input ended")
		if s.piped {
			hint = "run careerquiz in a terminal, or give every answer at once with --answers FILE"
		}
		if hint == "" {
			return nil, errors.New(msg)
		}
		return nil, cli.WithHint(errors.New(msg), "%s", hint)
	case err != nil:
		return nil, err
	}
	// No question is asked from here on: a signal ends the process, with
	// the answers saved for the next run.
	s.stops.handOff(nil)
	s.stops.onStop(nil, func() string {
		if s.saving.Load() && !s.dirty.Load() {
			return "interrupted; your answers are kept; run careerquiz again to see the result"
		}
		return "interrupted"
	})
	if s.dirty.Load() {
		// The last save failed; the result is safe only once written.
		s.save()
	}
	return s.answers, nil
}

// questionOrder is the order b's questions are asked in: the bank's, or a
// shuffle that the seed reproduces. A shuffle moves only the scored
// questions among their own places: an unscored (profile) question keeps
// its place, so that "one last question, about you" still comes last.
func questionOrder(b *quiz.Bank, shuffle bool, seed int64) []int {
	n := len(b.Questions)
	order := make([]int, n)
	var scored []int
	for i := range order {
		order[i] = i
		if b.Questions[i].Scored() {
			scored = append(scored, i)
		}
	}
	if shuffle {
		moved := slices.Clone(scored)
		r := rand.New(rand.NewPCG(uint64(seed), 0x636172656572))
		r.Shuffle(len(moved), func(i, j int) { moved[i], moved[j] = moved[j], moved[i] })
		for k, place := range scored {
			order[place] = moved[k]
		}
	}
	return order
}

// session is one sitting of the quiz.
type session struct {
	bank    *quiz.Bank
	asker   ask.Asker
	stops   *stopper
	restore func()
	out     io.Writer
	msgs    cli.Messages
	width   int
	color   bool
	// store is nil when this run saves nothing; unsaved then says why.
	// piped is true when answers come through a pipe, which is one reason.
	store *progress.Store
	piped bool
	// answers holds an answer for every question shown: one with no picks
	// for a question skipped.
	answers  quiz.Answers
	order    []int
	shuffled bool
	seed     int64
	// next is the position in order of the question on the screen; it is
	// also the number of questions before it, all shown.
	next int
	// The signal handler reads the rest too, hence atomics. at mirrors
	// next; savedAt is next as of the last save that reached the disk, or
	// -1 before any; dirty is true while the latest move is not saved.
	// saving mirrors store != nil, and unsaved holds a string.
	at      atomic.Int64
	savedAt atomic.Int64
	dirty   atomic.Bool
	saving  atomic.Bool
	unsaved atomic.Value
	// failing is true from a failed save, which has been reported, to the
	// next save that works.
	failing bool
	// earlierKept is true while saved progress that the person chose not
	// to resume is still on disk, waiting for the first answer to replace
	// it.
	earlierKept atomic.Bool
	// earlierAnswered is how many questions those saved answers answer.
	earlierAnswered atomic.Int64
}

func (s *session) close() {
	if s.restore != nil {
		s.restore()
	}
	if s.store != nil {
		s.store.Unlock()
	}
}

func (s *session) setNext(n int) {
	s.next = n
	s.at.Store(int64(n))
}

// resume offers to continue saved progress. Progress that cannot be read or
// does not fit the bank is set aside and the quiz starts over; progress for
// an earlier version of the bank keeps the answers that still fit.
func (s *session) resume(o *options) error {
	st, ok, err := s.store.Load()
	var r progress.Restored
	if err == nil && ok {
		order := questionOrder(s.bank, st.Shuffled, st.Seed)
		r, err = s.store.Restore(s.bank, st, order)
		if err == nil {
			s.order = order
		}
	}
	if err != nil {
		s.setAside(err)
		return nil
	}
	if !ok {
		return nil
	}
	// Until the person says, the saved answers are what a stop keeps.
	s.earlierKept.Store(true)
	s.earlierAnswered.Store(int64(answeredOf(r.Answers)))
	total := len(s.bank.Questions)
	if r.Edited && r.Saved > 0 {
		s.msgs.Say("careerquiz: the bank has changed since your answers were saved; %d of %d still apply\n", r.Kept, r.Saved)
	}
	if r.Edited && r.Kept == 0 {
		s.order = nil
		return nil
	}
	answered := answeredOf(r.Answers)
	question := fmt.Sprintf("Saved progress: %d of %d answered. Resume at question %d?", answered, total, r.Next+1)
	if r.Next >= total {
		question = fmt.Sprintf("Your answers to all %d questions are saved. See the result?", total)
	}
	yes, err := s.asker.Confirm(question, true)
	if err != nil {
		return s.confirmError(err)
	}
	if !yes {
		// The saved answers stay on disk until the first new answer
		// replaces them, so that quitting now loses nothing.
		s.order = nil
		s.msgs.Say("careerquiz: starting over; your saved answers are replaced when you answer the first question\n")
		return nil
	}
	s.answers = r.Answers
	s.setNext(r.Next)
	s.savedAt.Store(int64(r.Next))
	o.shuffle, o.seed, o.seedSet = st.Shuffled, st.Seed, true
	s.shuffled, s.seed = st.Shuffled, st.Seed
	if r.Edited {
		// The file still holds the answers that no longer apply.
		s.save()
	}
	return nil
}

// answeredOf counts the answers that are not skips.
func answeredOf(answers quiz.Answers) int {
	n := 0
	for _, a := range answers {
		if !a.Skipped() {
			n++
		}
	}
	return n
}

// setAside moves progress that cannot be used out of the way, so that
// nothing is lost and this run can save its own.
func (s *session) setAside(err error) {
	aside, rerr := s.store.SetAside(time.Now())
	if rerr != nil {
		s.msgs.Warn("%v; it could not be moved aside (%v), so this run saves no progress", err, rerr)
		s.store.Unlock()
		s.store = nil
		s.saving.Store(false)
		s.unsaved.Store("saved progress is damaged")
		return
	}
	reason := err.Error()
	var d *progress.DamagedError
	if errors.As(err, &d) {
		reason = d.Reason
	}
	s.msgs.Warn("saved progress is damaged (%s), so the quiz starts over; it is kept as %s", reason, aside)
}

func (s *session) loop() error {
	total := len(s.bank.Questions)
	for s.next < total {
		qi := s.order[s.next]
		q := &s.bank.Questions[qi]
		reply, err := s.asker.Ask(s.prompt(q))
		if err != nil {
			return err
		}
		switch reply.Action {
		case ask.Back:
			// Going back is saved too, so that a run stopped now resumes
			// at the question on the screen.
			s.setNext(max(0, s.next-1))
			s.save()
			continue
		case ask.Skip:
			s.answers[q.ID] = quiz.Answer{}
		case ask.Answered:
			s.answers[q.ID] = quiz.Answer{Picks: reply.Picks}
		}
		s.setNext(s.next + 1)
		s.save()
	}
	return nil
}

// save writes progress after a move. A failure is reported once and the
// quiz goes on, trying again at the next move: losing the ability to resume
// is no reason to stop.
func (s *session) save() {
	if s.store == nil {
		return
	}
	s.dirty.Store(true)
	err := s.store.Save(progress.Snapshot(s.bank, s.answers, s.order, s.next, s.shuffled, s.seed))
	if err != nil {
		if !s.failing {
			s.msgs.Warn("could not save progress: %v; trying again after your next answer", err)
			s.failing = true
		}
		return
	}
	if s.failing {
		s.msgs.Say("careerquiz: progress saved again\n")
		s.failing = false
	}
	s.savedAt.Store(int64(s.next))
	s.dirty.Store(false)
	s.earlierKept.Store(false)
}

// unwritten is the error for a result that could not be written. The
// progress stays, so the answers are not lost.
func (s *session) unwritten(err error) error {
	if s.store != nil && !s.dirty.Load() {
		return cli.WithHint(fmt.Errorf("writing the result: %w", err), "your answers are kept; run careerquiz again to see the result")
	}
	return fmt.Errorf("writing the result: %w (and your answers could not be saved)", err)
}

// finish clears the progress of a quiz whose result is written, or says
// why it could not.
func (s *session) finish() {
	if s.store == nil {
		return
	}
	if err := s.store.Clear(); err != nil {
		s.msgs.Warn("could not clear saved progress: %v", err)
	}
}

// signalNote is stopNote for a signal handler, from what is on disk.
func (s *session) signalNote() string {
	msg, _ := s.stopNote("interrupted")
	return msg
}

// stopNote says where an unfinished quiz stopped and what became of the
// answers, with a hint on how to go on. It reads only what the signal
// handler may read too.
func (s *session) stopNote(what string) (msg, hint string) {
	total := len(s.bank.Questions)
	at, saved := s.at.Load(), s.savedAt.Load()
	unsaved, _ := s.unsaved.Load().(string)
	again := "run careerquiz again to resume where you left off"
	switch {
	case !s.saving.Load() && unsaved != "" && at > 0:
		return fmt.Sprintf("%s after question %d of %d; progress not saved (%s)", what, at, total, unsaved), ""
	case !s.saving.Load() && at > 0:
		return fmt.Sprintf("%s after question %d of %d; progress not saved", what, at, total), ""
	case !s.saving.Load():
		return what + "; nothing answered yet", ""
	case saved < 0 && s.earlierKept.Load():
		// Said so that nobody reads it as the saved answers lost.
		kept := "your saved progress is kept"
		switch n := s.earlierAnswered.Load(); {
		case n == 1:
			kept = "your 1 saved answer is kept"
		case n > 1:
			kept = fmt.Sprintf("your %d saved answers are kept", n)
		}
		return what + " before any new answer; " + kept + "; run careerquiz again to resume", ""
	case saved < 0:
		return what + "; nothing answered yet", ""
	}
	where := fmt.Sprintf("after question %d of %d", at, total)
	if at == 0 {
		where = fmt.Sprintf("at question 1 of %d", total)
	}
	if s.dirty.Load() {
		return fmt.Sprintf("%s %s; only the progress up to question %d is saved", what, where, saved), again
	}
	return fmt.Sprintf("%s %s; progress saved", what, where), again
}
