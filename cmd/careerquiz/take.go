package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sync/atomic"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ask"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/report"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
	"github.com/fatih/color"
	"golang.org/x/term"
)

// screenWidth is the width everything is laid out for: the quiz must read
// well on an 80×24 terminal, and wider lines are harder to read anyway.
const screenWidth = 80

// secondsPerQuestion is a generous reading-and-thinking time, for the
// opening screen's "about N minutes".
const secondsPerQuestion = 12

func runQuiz(args []string, e env) error {
	o, done, err := parseFlags(args, e)
	if err != nil || done {
		return err
	}
	b, err := o.bank()
	if err != nil {
		return err
	}
	if o.shuffle && !o.seedSet {
		o.seed = rand.Int64N(1 << 53)
	}

	var answers quiz.Answers
	if o.answers != "" {
		answers, err = readAnswers(b, o.answers, e)
		if err != nil {
			return err
		}
	} else {
		answers, err = interview(b, &o, e)
		if err != nil {
			return err
		}
	}

	r := report.Run{
		Bank:     b,
		Result:   scoring.Score(b, answers),
		Answers:  b.AnswerValues(answers),
		Shuffled: o.shuffle,
		Seed:     o.seed,
	}
	if o.json {
		return report.WriteJSON(e.stdout, r)
	}
	return report.WriteText(e.stdout, r, report.TextOptions{Color: colorOn(e.stdout, e, o.color), Width: screenWidth})
}

// readAnswers reads an answers file, or standard input for "-".
func readAnswers(b *quiz.Bank, path string, e env) (quiz.Answers, error) {
	var data []byte
	var err error
	name := path
	if path == "-" {
		name = "standard input"
		data, err = io.ReadAll(io.LimitReader(e.stdin, quiz.MaxSize+1))
	} else {
		data, err = quiz.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	warnOtherBank(e.stderr, b, name, data)
	a, err := quiz.ParseAnswers(b, name, data)
	if err != nil {
		return nil, withHint(err, "answer with option numbers (1 = first), option ids, a list for pick-any questions, or \"skip\"")
	}
	return a, nil
}

// interview asks the bank's questions one at a time, saving progress after
// every answer, and returns the answers once the last question is done.
func interview(b *quiz.Bank, o *options, e env) (quiz.Answers, error) {
	stdinTTY := e.isTerminal(e.stdin)
	stderrColor := colorOn(e.stderr, e, o.color)
	sigs, stop := e.interrupts()
	defer stop()
	interrupt := make(chan struct{})

	var asker ask.Asker
	var restore func()
	in, inFile := e.stdin.(*os.File)
	errFile, errIsFile := e.stderr.(*os.File)
	if !o.plain && stdinTTY && inFile && errIsFile && e.isTerminal(e.stderr) {
		// The terminal asker puts the terminal in raw mode, where Ctrl-C is
		// a key press it reports itself. On any other way out the terminal
		// must still be left as it was found.
		restore = func() {}
		if state, err := term.GetState(int(in.Fd())); err == nil {
			restore = func() { _ = term.Restore(int(in.Fd()), state) }
		}
		defer restore()
		asker = ask.NewTerminal(in, errFile, ask.Options{Width: screenWidth, Color: stderrColor})
	} else {
		asker = ask.NewPlain(e.stdin, e.stderr, ask.Options{Width: screenWidth, Color: stderrColor, Interrupt: interrupt})
	}

	store, storeErr := openStore(b, e)
	if storeErr != nil {
		warnf(e.stderr, "progress will not be saved: %v", storeErr)
	}
	s := &session{bank: b, asker: asker, store: store, out: e.stderr, color: stderrColor, answers: quiz.Answers{}}
	s.savedAt.Store(-1)
	go func() {
		if _, ok := <-sigs; !ok {
			return
		}
		if restore == nil {
			// The plain asker gives up its read and returns, and the
			// interruption is reported like Ctrl-C.
			close(interrupt)
			return
		}
		// A signal from outside (kill -INT, kill -TERM, a closed terminal)
		// while survey waits for a key: survey cannot be told to stop, so
		// leave from here. Every answer given is already on disk.
		restore()
		// survey hides the cursor while a menu is up and leaves it within
		// the menu: show it again and clear from there down.
		fmt.Fprintf(e.stderr, "\r\x1b[J\x1b[?25hcareerquiz: %s\n", s.signalNote())
		e.exit(exitInterrupt)
	}()
	if store != nil {
		if o.restart {
			if err := store.Clear(); err != nil {
				return nil, err
			}
		} else if err := s.resume(o, stdinTTY); err != nil {
			return nil, err
		}
	}
	s.order = questionOrder(len(b.Questions), o.shuffle, o.seed)
	s.shuffled, s.seed = o.shuffle, o.seed
	s.opening()

	err := s.loop()
	if errors.Is(err, ask.ErrInterrupted) || errors.Is(err, ask.ErrInputEnded) {
		// The prompt line is still open: end it, so the message stands on
		// a line of its own.
		fmt.Fprintln(e.stderr)
	}
	switch {
	case errors.Is(err, ask.ErrInterrupted):
		msg, hint := s.stopNote("interrupted")
		return nil, exitCode{code: exitInterrupt, msg: msg, hint: hint}
	case errors.Is(err, ask.ErrInputEnded):
		msg, _ := s.stopNote("input ended")
		return nil, withHint(errors.New(msg), "run careerquiz in a terminal to resume, or give every answer at once with --answers FILE")
	case err != nil:
		return nil, err
	}
	if s.store != nil {
		if err := s.store.Clear(); err != nil {
			warnf(e.stderr, "%v", err)
		}
	}
	return s.answers, nil
}

func openStore(b *quiz.Bank, e env) (*progress.Store, error) {
	dir, err := progress.Dir(e.getenv, e.goos)
	if err != nil {
		return nil, err
	}
	return progress.NewStore(dir, b.SHA256), nil
}

// questionOrder is the order questions are asked in: the bank's, or a
// shuffle that the seed reproduces.
func questionOrder(n int, shuffle bool, seed int64) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if shuffle {
		r := rand.New(rand.NewPCG(uint64(seed), 0x636172656572))
		r.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })
	}
	return order
}

// session is one sitting of the quiz.
type session struct {
	bank     *quiz.Bank
	asker    ask.Asker
	store    *progress.Store
	out      io.Writer
	color    bool
	answers  quiz.Answers
	order    []int
	shuffled bool
	seed     int64
	// next is the position in order of the question to ask next; it is also
	// the number of questions done.
	next int
	// savedAt is next as of the last save, or -1 before any. The signal
	// handler reads it too, hence atomic.
	savedAt atomic.Int64
}

// resume offers to continue saved progress. Only a person at a terminal is
// asked: piped answers were written for a fresh start, and a question about
// resuming would swallow the first of them.
func (s *session) resume(o *options, interactive bool) error {
	st, ok, err := s.store.Load()
	if err != nil {
		fmt.Fprintf(s.out, "careerquiz: %v; starting over\n", err)
		return nil
	}
	if !ok || st.Next <= 0 {
		return nil
	}
	total := len(s.bank.Questions)
	if !interactive {
		// Keep it untouched: this run neither resumes it nor overwrites it.
		s.store = nil
		fmt.Fprintf(s.out, "careerquiz: saved progress (%d of %d answered) is kept for a run in a terminal, and this run's answers are not saved; --restart discards it\n", st.Answered, total)
		return nil
	}
	yes, err := s.asker.Confirm(fmt.Sprintf("You stopped after question %d of %d. Resume at question %d?", st.Next, total, min(st.Next+1, total)), true)
	if err != nil {
		if errors.Is(err, ask.ErrInterrupted) {
			return exitCode{code: exitInterrupt, msg: "interrupted; saved progress kept"}
		}
		return err
	}
	if !yes {
		return s.store.Clear()
	}
	data, err := json.Marshal(st.Answers)
	if err != nil {
		return err
	}
	a, err := quiz.ParseAnswers(s.bank, s.store.Path(), data)
	if err != nil {
		warnf(s.out, "saved progress does not fit this bank, starting over: %v", err)
		return nil
	}
	s.answers = a
	s.next = min(st.Next, total)
	o.shuffle, o.seed, o.seedSet = st.Shuffled, st.Seed, true
	return nil
}

// opening shows the title, the intro, the size of the quiz and the keys.
func (s *session) opening() {
	bold := color.New(color.Bold)
	if s.color {
		bold.EnableColor()
	} else {
		bold.DisableColor()
	}
	n := len(s.bank.Questions)
	minutes := max(1, (n*secondsPerQuestion+59)/60)
	fmt.Fprintln(s.out, bold.Sprint(textwrap.Truncate(s.bank.Title, screenWidth)))
	fmt.Fprintln(s.out, textwrap.String(s.bank.Intro, screenWidth, ""))
	fmt.Fprintln(s.out)
	// The size of the quiz and the keys share one short paragraph, so that
	// the title stays on an 80×24 screen above the first question.
	about := fmt.Sprintf("%s, about %s.", count(n, "question"), count(minutes, "minute"))
	if s.next > 0 {
		about += fmt.Sprintf(" Resuming at question %d.", s.next+1)
	}
	keys := "↑ ↓ and Enter answer; Space ticks where several options may be picked; \"Go back\" and \"Skip\" are the last choices. Ctrl-C saves and quits."
	if _, plain := s.asker.(*ask.Plain); plain {
		keys = "Type the number of your answer (several numbers where several options may be picked), s to skip, b to go back. Ctrl-C saves and quits."
	}
	fmt.Fprintln(s.out, textwrap.String(about+" "+keys, screenWidth, ""))
}

func (s *session) loop() error {
	total := len(s.bank.Questions)
	for s.next < total {
		qi := s.order[s.next]
		q := &s.bank.Questions[qi]
		labels := make([]string, len(q.Options))
		for i, opt := range q.Options {
			labels[i] = opt.Text
		}
		theme := q.Theme
		if ti := s.bank.ThemeIndex(q.Theme); ti >= 0 {
			theme = s.bank.Themes[ti].Name
		}
		reply, err := s.asker.Ask(ask.Prompt{
			Number: s.next + 1, Total: total, Theme: theme,
			Text: q.Text, Help: q.Help, Kind: q.Kind, Options: labels,
			Previous: s.answers[q.ID], CanGoBack: s.next > 0,
		})
		if err != nil {
			return err
		}
		switch reply.Action {
		case ask.Back:
			s.next = max(0, s.next-1)
			continue
		case ask.Skip:
			delete(s.answers, q.ID)
		case ask.Answered:
			s.answers[q.ID] = quiz.Answer{Picks: reply.Picks}
		}
		s.next++
		if err := s.save(); err != nil {
			return err
		}
	}
	return nil
}

// save writes progress after an answer. A failure is reported once and the
// quiz goes on: losing the ability to resume is no reason to stop.
func (s *session) save() error {
	if s.store == nil {
		return nil
	}
	err := s.store.Save(progress.State{
		Bank:     s.bank.SHA256,
		Answers:  s.bank.AnswerValues(s.answers),
		Next:     s.next,
		Answered: len(s.answers),
		Shuffled: s.shuffled,
		Seed:     s.seed,
	})
	if err != nil {
		warnf(s.out, "%v; the quiz goes on, but cannot be resumed", err)
		s.store = nil
		return nil
	}
	s.savedAt.Store(int64(s.next))
	return nil
}

// signalNote is stopNote for a signal handler, from what is on disk.
func (s *session) signalNote() string {
	if at := s.savedAt.Load(); at >= 0 {
		return fmt.Sprintf("interrupted after question %d of %d; progress saved", at, len(s.bank.Questions))
	}
	return "interrupted; nothing saved yet"
}

// stopNote says where an unfinished quiz stopped and what became of the
// answers, with a hint on how to go on.
func (s *session) stopNote(what string) (msg, hint string) {
	switch {
	case s.next == 0 && s.savedAt.Load() < 0:
		return what + "; nothing answered yet", ""
	case s.store == nil:
		return fmt.Sprintf("%s after question %d of %d; progress not saved", what, s.next, len(s.bank.Questions)), ""
	}
	return fmt.Sprintf("%s after question %d of %d; progress saved", what, s.next, len(s.bank.Questions)),
		"run careerquiz again to resume where you left off"
}
