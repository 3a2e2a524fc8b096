// Package session is one sitting of the quiz: it asks the bank's questions
// one at a time, through the terminal asker or numbered lines, saves the
// progress after every answer, offers to resume it, and says where a run
// that stops has left the answers.
package session

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/fatih/color"
	"golang.org/x/term"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ask"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// Stops is how a session tells the signal handler what a signal does; a
// *cli.Stopper, whose methods say how.
type Stops interface {
	HandOff(ch chan struct{})
	OnStop(restore func(), note func() string)
}

// Config is what a sitting takes from the command line and the world.
type Config struct {
	Bank *quiz.Bank
	// In is where answers come from; Out, standard error, is where the
	// questions and messages go, at Width, in colour if Color.
	In    io.Reader
	Out   io.Writer
	Msgs  cli.Messages
	Width int
	Color bool
	// InTerminal is set where In is a terminal; Terminal where the
	// terminal asker can be used: In and Out are one terminal that can
	// move the cursor, and numbered lines were not asked for.
	InTerminal, Terminal bool
	// Restart starts over; Shuffle and Seed give the order of a new
	// sitting.
	Restart, Shuffle bool
	Seed             int64
	// Questions is the bank as the command line named it ("" for the
	// built-in one), which with its digest keys the saved progress, kept
	// in ProgressDir (an error where it has none).
	Questions   string
	ProgressDir func() (string, error)
	Stops       Stops
	// Stop is the stop a new sitting makes (StopSettled, StopQuick, or
	// StopNone or "" to ask everything); a resumed sitting keeps its own.
	Stop string
}

// New prepares a sitting of the quiz: picks the asker, and, for a person
// at a terminal, takes the bank's saved progress and offers to resume it.
// Piped answers were written for a fresh start: such a run neither reads
// nor writes progress. A session returned with an error must still be
// closed.
func New(c Config) (*Session, error) {
	s := &Session{Config: c, answers: quiz.Answers{}}
	s.savedAt.Store(-1)
	s.useStop(c.Stop)
	s.chooseAsker(c)
	if !c.InTerminal {
		s.unsaved.Store("answers from a pipe are not saved")
		return s, nil
	}
	if err := s.openStore(c); err != nil {
		return s, err
	}
	if s.store == nil {
		return s, nil
	}
	if c.Restart {
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
			s.Msgs.Say(startingOver)
		}
		return s, nil
	}
	return s, s.resume()
}

// startingOver is said where saved answers are not resumed: they stay on
// disk until the first new answer replaces them, so that quitting before
// it loses nothing.
const startingOver = "careerquiz: starting over; your saved answers are replaced when you answer the first question\n"

// openStore finds the bank's progress and takes its lock. Where progress
// cannot be kept the quiz goes on without it, after saying why.
func (s *Session) openStore(c Config) error {
	dir, err := c.ProgressDir()
	var store *progress.Store
	locked := false
	if err == nil {
		store = progress.NewStore(dir, progress.Key(c.Questions, s.Bank.SHA256))
		locked, err = store.Lock()
	}
	if err != nil {
		s.unsaved.Store("progress cannot be saved")
		s.Msgs.Warn("progress will not be saved: %v", err)
		return nil
	}
	if !locked {
		// Another run holds this bank's progress: it is not this run's to
		// read, replace or clear.
		yes, err := s.asker.Confirm("Another run is taking this quiz. Take it here without saving?", false)
		if err != nil {
			return s.stopped(err)
		}
		if !yes {
			return cli.Exit{Code: cli.ExitError, Msg: "another run is taking this quiz; its saved answers are untouched",
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

// stopped is the run's error for an answer not given: an interruption, or
// the end of the input, with where the run stopped and what became of the
// answers.
func (s *Session) stopped(err error) error {
	interrupted := errors.Is(err, ask.ErrInterrupted)
	if !interrupted && !errors.Is(err, ask.ErrInputEnded) {
		return err
	}
	// The prompt line is still open: end it, so the message stands on a
	// line of its own.
	fmt.Fprintln(s.Out)
	if interrupted {
		// Ctrl-D is quitting on purpose, not an interruption: said so, it
		// reads as the save it is.
		what := "interrupted"
		if errors.Is(err, ask.ErrQuit) {
			what = "quit"
		}
		msg, hint := s.stopNote(what)
		return cli.Exit{Code: cli.ExitInterrupt, Msg: msg, Hint: hint}
	}
	msg, hint := s.stopNote("input ended")
	if !s.InTerminal {
		hint = "run careerquiz in a terminal, or give every answer at once with --answers FILE"
	}
	if hint == "" {
		return errors.New(msg)
	}
	return cli.WithHint(errors.New(msg), "%s", hint)
}

// Interview asks the bank's questions one at a time, saving progress after
// every move, and returns the answers once the last question is done.
func (s *Session) Interview() (quiz.Answers, error) {
	if s.order == nil {
		s.order = s.firstOrder()
	}
	if s.next < s.limit() {
		s.opening()
	} else {
		// Resumed with every answer saved, there is no opening to end
		// with the warning; it is said before the result all the same.
		SayCaution(s.Msgs, s.Bank, s.Questions)
	}
	if err := s.loop(); err != nil {
		return nil, s.stopped(err)
	}
	// No question is asked from here on: a signal ends the process, with
	// the answers saved for the next run.
	s.Stops.HandOff(nil)
	s.Stops.OnStop(nil, func() string {
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

// Order is the order b's questions are asked in: the bank's, or a
// shuffle that the seed reproduces. A shuffle moves only the scored
// questions among their own places: an unscored (profile) question keeps
// its place, so that "one last question, about you" still comes last.
func Order(b *quiz.Bank, shuffle bool, seed int64) []int {
	order := make([]int, len(b.Questions))
	var scored []int
	for i := range order {
		order[i] = i
		if b.Questions[i].Scored() {
			scored = append(scored, i)
		}
	}
	if shuffle {
		r := rand.New(rand.NewPCG(uint64(seed), 0x636172656572))
		r.Shuffle(len(scored), func(i, j int) {
			order[scored[i]], order[scored[j]] = order[scored[j]], order[scored[i]]
		})
	}
	return order
}

// Session is one sitting of the quiz.
type Session struct {
	// Config is what the sitting was given; its Shuffle and Seed become
	// those of the progress resumed, if any.
	Config
	asker   ask.Asker
	restore func()
	// store is nil when this run saves nothing; unsaved then says why.
	store *progress.Store
	// answers holds an answer for every question shown: one with no picks
	// for a question skipped.
	answers quiz.Answers
	order   []int
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
	// mode is the stop the sitting makes ("" for none), with its stopper;
	// declined is set once the person chose to answer the rest of a
	// settled quiz; end is the number of questions asked once the sitting
	// has stopped (the rest of order is never asked), 0 before; chance is
	// the quick stop's figure.
	mode     string
	stopper  *scoring.Stopper
	declined bool
	end      int
	chance   *float64
	// settleFrom is how many scored questions may be left when the
	// settled stop next looks: after a look that ran out of its budget
	// (a bank of many hundreds of questions), it looks again only once
	// half as many are left, so that a sitting's looks cost a few
	// budgets in all, not one per answer. 0 looks at every answer.
	settleFrom int
}

func (s *Session) Close() {
	if s.restore != nil {
		s.restore()
	}
	if s.store != nil {
		s.store.Unlock()
	}
}

func (s *Session) setNext(n int) {
	s.next = n
	s.at.Store(int64(n))
}

// resume offers to continue saved progress. Progress that cannot be read or
// does not fit the bank is set aside and the quiz starts over; progress for
// an earlier version of the bank keeps the answers that still fit.
func (s *Session) resume() error {
	st, ok, err := s.store.Load()
	var r progress.Restored
	if err == nil && ok {
		order := Order(s.Bank, st.Shuffled, st.Seed)
		if ids, fits := progress.OrderOf(s.Bank, st.Order); fits {
			order = ids
		} else if st.Order != nil && st.SHA256 == s.Bank.SHA256 {
			err = &progress.DamagedError{Path: s.store.Path(), Reason: "its order of questions does not fit the bank"}
		}
		if err == nil {
			r, err = s.store.Restore(s.Bank, st, order)
		}
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
	s.earlierAnswered.Store(int64(r.Answered))
	total := len(s.Bank.Questions)
	if r.Edited && r.Saved > 0 {
		s.Msgs.Say("careerquiz: the bank has changed since your answers were saved; %d of %d still apply\n", r.Kept, r.Saved)
	}
	if r.Edited && r.Kept == 0 {
		s.order = nil
		return nil
	}
	question := fmt.Sprintf("Saved progress: %d of %d answered. Resume at question %d?", r.Answered, total, r.Next+1)
	if r.Next >= total || !r.Edited && st.End > 0 && r.Next >= st.End {
		question = fmt.Sprintf("Your answers to all %d questions are saved. See the result?", total)
	}
	yes, err := s.asker.Confirm(question, true)
	if err != nil {
		return s.stopped(err)
	}
	if !yes {
		s.order = nil
		s.Msgs.Say(startingOver)
		return nil
	}
	s.answers = r.Answers
	s.setNext(r.Next)
	s.savedAt.Store(int64(r.Next))
	s.Shuffle, s.Seed = st.Shuffled, st.Seed
	s.useStop(st.Stop)
	s.declined, s.chance = st.Declined, st.Chance
	if r.Edited {
		// An edited bank asks what it has left: its stop starts afresh.
		// The file still holds the answers that no longer apply.
		s.save()
	} else {
		s.end = st.End
	}
	return nil
}

// setAside moves progress that cannot be used out of the way, so that
// nothing is lost and this run can save its own.
func (s *Session) setAside(err error) {
	aside, rerr := s.store.SetAside(time.Now())
	if rerr != nil {
		s.Msgs.Warn("%v; it could not be moved aside (%v), so this run saves no progress", err, rerr)
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
	s.Msgs.Warn("saved progress is damaged (%s), so the quiz starts over; it is kept as %s", reason, aside)
}

func (s *Session) loop() error {
	for s.next < s.limit() || s.unstop() {
		if err := s.arrive(); err != nil {
			return err
		}
		if s.next >= s.limit() {
			break
		}
		qi := s.order[s.next]
		q := &s.Bank.Questions[qi]
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
func (s *Session) save() {
	if s.store == nil {
		return
	}
	s.dirty.Store(true)
	st := progress.Snapshot(s.Bank, s.answers, s.order, s.next, s.Shuffle, s.Seed)
	if s.mode != "" {
		st.Stop, st.Declined, st.End, st.Chance = s.mode, s.declined, s.end, s.chance
		st.Order = s.ids(s.order)
	}
	err := s.store.Save(st)
	if err != nil {
		if !s.failing {
			s.Msgs.Warn("could not save progress: %v; trying again after your next answer", err)
			s.failing = true
		}
		return
	}
	if s.failing {
		s.Msgs.Say("careerquiz: progress saved again\n")
		s.failing = false
	}
	s.savedAt.Store(int64(s.next))
	s.dirty.Store(false)
	s.earlierKept.Store(false)
}

// Unwritten is the error for a result that could not be written. The
// progress stays, so the answers are not lost.
func (s *Session) Unwritten(err error) error {
	if s.store != nil && !s.dirty.Load() {
		return cli.WithHint(fmt.Errorf("writing the result: %w", err), "your answers are kept; run careerquiz again to see the result")
	}
	return fmt.Errorf("writing the result: %w (and your answers could not be saved)", err)
}

// Finish clears the progress of a quiz whose result is written, or says
// why it could not.
func (s *Session) Finish() {
	if s.store == nil {
		return
	}
	if err := s.store.Clear(); err != nil {
		s.Msgs.Warn("could not clear saved progress: %v", err)
	}
}

// signalNote is stopNote for a signal handler, from what is on disk.
func (s *Session) signalNote() string {
	msg, _ := s.stopNote("interrupted")
	return msg
}

// stopNote says where an unfinished quiz stopped and what became of the
// answers, with a hint on how to go on. It reads only what the signal
// handler may read too.
func (s *Session) stopNote(what string) (msg, hint string) {
	total := len(s.Bank.Questions)
	// Read once: this runs from the signal handler too, while the quiz
	// goes on.
	at, saved, saving := s.at.Load(), s.savedAt.Load(), s.saving.Load()
	unsaved, _ := s.unsaved.Load().(string)
	again := "run careerquiz again to resume where you left off"
	switch {
	case !saving && at > 0:
		if unsaved != "" {
			unsaved = " (" + unsaved + ")"
		}
		return fmt.Sprintf("%s after question %d of %d; progress not saved%s", what, at, total, unsaved), ""
	case saving && saved < 0 && s.earlierKept.Load():
		// Said so that nobody reads it as the saved answers lost.
		kept := "your saved progress is kept"
		switch n := s.earlierAnswered.Load(); {
		case n == 1:
			kept = "your 1 saved answer is kept"
		case n > 1:
			kept = fmt.Sprintf("your %d saved answers are kept", n)
		}
		return what + " before any new answer; " + kept + "; run careerquiz again to resume", ""
	case !saving || saved < 0:
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

// secondsPerQuestion is a generous reading-and-thinking time, for the
// opening screen's "about N minutes".
const secondsPerQuestion = 12

// Widest is as wide as the screens grow on a wide terminal: longer lines
// are hard to read.
const Widest = 100

// chooseAsker gives the session the terminal asker where a person is at a
// terminal on both stdin and stderr that can move the cursor, and the plain
// asker otherwise.
func (s *Session) chooseAsker(c Config) {
	in, inFile := c.In.(*os.File)
	errFile, errIsFile := c.Out.(*os.File)
	if c.Terminal && inFile && errIsFile {
		// The terminal asker puts the terminal in raw mode, where Ctrl-C is
		// a key press it reports itself. On any other way out the terminal
		// must still be left as it was found.
		s.restore = func() {}
		if state, err := term.GetState(int(in.Fd())); err == nil {
			s.restore = func() { _ = term.Restore(int(in.Fd()), state) }
		}
		s.asker = ask.NewTerminal(in, errFile, ask.Options{Width: Widest, Color: c.Color})
		// A signal from outside (kill -INT, kill -TERM, a closed
		// terminal) while survey waits for a key: survey cannot be told
		// to stop, so the run ends from the signal handler.
		c.Stops.OnStop(s.restore, s.signalNote)
	} else {
		interrupt := make(chan struct{})
		s.asker = ask.NewPlain(c.In, c.Out, ask.Options{Width: c.Width, Color: c.Color, Interrupt: interrupt,
			EndIsQuit: c.InTerminal})
		// The plain asker gives up its read and returns, and the
		// interruption is reported like Ctrl-C.
		c.Stops.HandOff(interrupt)
		c.Stops.OnStop(nil, s.signalNote)
	}
}

// opening shows the title, the intro, the size of the quiz and the keys,
// wrapped at the terminal's width.
func (s *Session) opening() {
	bold := color.New(color.Bold)
	if s.Color {
		bold.EnableColor()
	} else {
		bold.DisableColor()
	}
	width := s.Width
	// A resumed sitting counts what is left to ask, not the whole bank.
	n := s.limit() - s.next
	minutes := max(1, (n*secondsPerQuestion+59)/60)
	fmt.Fprintln(s.Out, bold.Sprint(textwrap.String(s.Bank.Title, width, "")))
	fmt.Fprintln(s.Out, textwrap.String(s.Bank.Intro, width, ""))
	fmt.Fprintln(s.Out)
	// The size of the quiz and the keys share one short paragraph, so that
	// the title stays on an 80×24 screen above the first question.
	size := render.Count(n, "question")
	if s.next > 0 {
		size = fmt.Sprintf("Resuming at question %d of %d: %s left", s.next+1, len(s.Bank.Questions), size)
	}
	about := fmt.Sprintf("%s, about %s.", size, render.Count(minutes, "minute"))
	switch {
	case s.mode == StopSettled && !s.declined:
		about += " It may end sooner, once your path cannot change."
	case s.mode == StopQuick:
		about += " It ends once another path is unlikely."
	}
	_, plain := s.asker.(*ask.Plain)
	// The terminal shows every key under every question, Ctrl-D among
	// them: the opening leaves them there, so that it and the first
	// question fit an 80×24 screen under the title. Numbered lines show
	// only how to answer, so the opening says how to stop.
	keys := ""
	if plain {
		quits := "Ctrl-C saves and quits"
		if s.store == nil {
			quits = "Ctrl-C quits"
		}
		keys = " Type the number of your answer (several numbers where several options may be picked), s to skip, b to go back. " + quits + "."
	}
	if s.store == nil {
		// A run that saves nothing must not promise it: say once, here,
		// what a stop does instead.
		why, _ := s.unsaved.Load().(string)
		keys += fmt.Sprintf(" This run saves no progress (%s): if it stops, the next run starts again from question 1.", cmp.Or(why, "progress cannot be saved"))
	}
	fmt.Fprintln(s.Out, textwrap.String(about+keys, width, ""))
	// The warning ends the opening, where it stays on the screen with the
	// first question; a message above the opening would scroll away.
	if warning, see := Caution(s.Bank, s.Questions); warning != "" {
		fmt.Fprintln(s.Out, textwrap.String("Warning: "+warning+". "+strings.ToUpper(see[:1])+see[1:], width, ""))
	}
}

// SayCaution says Caution's warning and hint as messages, where no opening
// shows them: a scripted run, or a sitting resumed with every answer saved.
func SayCaution(m cli.Messages, b *quiz.Bank, questions string) {
	if warning, see := Caution(b, questions); warning != "" {
		m.Warn("%s", warning)
		m.Hint("%s", see)
	}
}

// Caution says that 'careerquiz check' warns about the bank named questions
// on the command line, and how to see the warnings; "" where it does not.
// The quiz says it once, before the first question or a scripted result, so
// that nobody takes a result from a bank its author was warned about
// without knowing it.
func Caution(b *quiz.Bank, questions string) (warning, see string) {
	if questions == "" {
		return "", "" // The built-in bank is held to no warnings by its tests.
	}
	n := len(b.Warnings) + len(scoring.Analyze(b).Warnings)
	if n == 0 {
		return "", ""
	}
	return fmt.Sprintf("'careerquiz check' finds %s in this bank: its result may not weigh every path fairly", render.Count(n, "warning")),
		"see them with: careerquiz check " + termsafe.Name(questions)
}

// prompt is question q as the asker puts it, at the session's place in the
// quiz.
func (s *Session) prompt(q *quiz.Question) ask.Prompt {
	labels := make([]string, len(q.Options))
	for i, opt := range q.Options {
		labels[i] = opt.Text
	}
	var sides []string
	for _, side := range q.Sides {
		sides = append(sides, side.Text)
	}
	// A profile question counts for no theme, whatever theme it is filed
	// under, so its header names none.
	theme := q.Theme
	if !q.Scored() {
		theme = ""
	} else if ti := s.Bank.ThemeIndex(q.Theme); ti >= 0 {
		theme = s.Bank.Themes[ti].Name
	}
	return ask.Prompt{
		Number: s.next + 1, Total: s.limit(), Theme: theme,
		Text: q.Text, Help: q.Help, Kind: q.Kind, Sides: sides, Options: labels,
		Default:  max(q.DefaultPick(), 0),
		Previous: s.answers[q.ID], CanGoBack: s.next > 0, Unsaved: s.store == nil,
	}
}
