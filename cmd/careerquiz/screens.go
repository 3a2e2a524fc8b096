package main

// The screens a person sees around the questions: the opening screen, and
// the choice between the terminal asker and the plain one.

import (
	"fmt"
	"os"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ask"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/fatih/color"
	"golang.org/x/term"
)

// screenWidth is the width everything is laid out for: the quiz must read
// well on an 80×24 terminal, and wider lines are harder to read anyway.
const screenWidth = 80

// secondsPerQuestion is a generous reading-and-thinking time, for the
// opening screen's "about N minutes".
const secondsPerQuestion = 12

// chooseAsker gives the session the terminal asker where a person is at a
// terminal on both stdin and stderr, and the plain asker otherwise.
func (s *session) chooseAsker(o *options, e env, stops *stopper, stdinTTY, stderrColor bool) {
	in, inFile := e.stdin.(*os.File)
	errFile, errIsFile := e.stderr.(*os.File)
	if !o.plain && stdinTTY && inFile && errIsFile && e.isTerminal(e.stderr) {
		// The terminal asker puts the terminal in raw mode, where Ctrl-C is
		// a key press it reports itself. On any other way out the terminal
		// must still be left as it was found.
		s.restore = func() {}
		if state, err := term.GetState(int(in.Fd())); err == nil {
			s.restore = func() { _ = term.Restore(int(in.Fd()), state) }
		}
		s.asker = ask.NewTerminal(in, errFile, ask.Options{Width: screenWidth, Color: stderrColor})
		// A signal from outside (kill -INT, kill -TERM, a closed
		// terminal) while survey waits for a key: survey cannot be told
		// to stop, so the run ends from the signal handler.
		stops.onStop(s.restore, s.signalNote)
	} else {
		interrupt := make(chan struct{})
		s.asker = ask.NewPlain(e.stdin, e.stderr, ask.Options{Width: screenWidth, Color: stderrColor, Interrupt: interrupt})
		// The plain asker gives up its read and returns, and the
		// interruption is reported like Ctrl-C.
		stops.handOff(interrupt)
		stops.onStop(nil, s.signalNote)
	}
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

// prompt is question q as the asker puts it, at the session's place in the
// quiz.
func (s *session) prompt(q *quiz.Question) ask.Prompt {
	labels := make([]string, len(q.Options))
	for i, opt := range q.Options {
		labels[i] = opt.Text
	}
	theme := q.Theme
	if ti := s.bank.ThemeIndex(q.Theme); ti >= 0 {
		theme = s.bank.Themes[ti].Name
	}
	return ask.Prompt{
		Number: s.next + 1, Total: len(s.bank.Questions), Theme: theme,
		Text: q.Text, Help: q.Help, Kind: q.Kind, Options: labels,
		Previous: s.answers[q.ID], CanGoBack: s.next > 0,
	}
}
