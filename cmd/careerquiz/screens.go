package main

// The screens a person sees around the questions: the opening screen, the
// choice between the terminal asker and the plain one, the width everything
// is laid out at, and the line that ends a quiz.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"golang.org/x/term"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ask"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
)

// screenWidth is the width output is laid out for where the stream it goes
// to has no width of its own (a file, a pipe): the quiz must read well on
// an 80×24 terminal.
const screenWidth = 80

// widestScreen is as wide as the screens grow on a wide terminal: longer
// lines are hard to read.
const widestScreen = 100

// layoutWidth is the width to lay out what is written to stream: the
// terminal's, up to widestScreen, or screenWidth where it is no terminal.
func (e env) layoutWidth(stream any) int {
	if e.columns != nil {
		if cols := e.columns(stream); cols > 0 {
			return min(cols, widestScreen)
		}
	}
	return screenWidth
}

// msgs writes messages to stderr, wrapped at the terminal's width, up to
// widestScreen, or not at all where stderr is no terminal, since a script
// reading a pipe or a log wants a message whole on one line.
func (e env) msgs() cli.Messages {
	m := cli.Messages{W: e.stderr}
	if e.isTerminal(e.stderr) {
		m.Width = e.layoutWidth(e.stderr)
	}
	return m
}

// cursorMoves reports whether the terminal named by TERM can move the
// cursor, which the terminal asker needs to redraw its lists. TERM=dumb is
// the convention for a terminal that cannot (an editor's shell buffer, a
// logging console); with no TERM at all, only Windows consoles are known to.
func cursorMoves(e env) bool {
	t := e.getenv("TERM")
	return t != "dumb" && (t != "" || e.goos == "windows")
}

// secondsPerQuestion is a generous reading-and-thinking time, for the
// opening screen's "about N minutes".
const secondsPerQuestion = 12

// chooseAsker gives the session the terminal asker where a person is at a
// terminal on both stdin and stderr that can move the cursor, and the plain
// asker otherwise.
func (s *session) chooseAsker(o *options, e env, stops *stopper, stdinTTY, stderrColor bool) {
	in, inFile := e.stdin.(*os.File)
	errFile, errIsFile := e.stderr.(*os.File)
	if !o.plain && stdinTTY && inFile && errIsFile && e.isTerminal(e.stderr) && cursorMoves(e) {
		// The terminal asker puts the terminal in raw mode, where Ctrl-C is
		// a key press it reports itself. On any other way out the terminal
		// must still be left as it was found.
		s.restore = func() {}
		if state, err := term.GetState(int(in.Fd())); err == nil {
			s.restore = func() { _ = term.Restore(int(in.Fd()), state) }
		}
		s.asker = ask.NewTerminal(in, errFile, ask.Options{Width: widestScreen, Color: stderrColor})
		// A signal from outside (kill -INT, kill -TERM, a closed
		// terminal) while survey waits for a key: survey cannot be told
		// to stop, so the run ends from the signal handler.
		stops.onStop(s.restore, s.signalNote)
	} else {
		interrupt := make(chan struct{})
		s.asker = ask.NewPlain(e.stdin, e.stderr, ask.Options{Width: e.layoutWidth(e.stderr), Color: stderrColor, Interrupt: interrupt,
			EndIsQuit: stdinTTY})
		// The plain asker gives up its read and returns, and the
		// interruption is reported like Ctrl-C.
		stops.handOff(interrupt)
		stops.onStop(nil, s.signalNote)
	}
}

// opening shows the title, the intro, the size of the quiz and the keys,
// wrapped at the terminal's width.
func (s *session) opening() {
	bold := color.New(color.Bold)
	if s.color {
		bold.EnableColor()
	} else {
		bold.DisableColor()
	}
	width := s.width
	n := len(s.bank.Questions)
	minutes := max(1, (n*secondsPerQuestion+59)/60)
	fmt.Fprintln(s.out, bold.Sprint(textwrap.String(s.bank.Title, width, "")))
	fmt.Fprintln(s.out, textwrap.String(s.bank.Intro, width, ""))
	fmt.Fprintln(s.out)
	// The size of the quiz and the keys share one short paragraph, so that
	// the title stays on an 80×24 screen above the first question.
	about := fmt.Sprintf("%s, about %s.", count(n, "question"), count(minutes, "minute"))
	if s.next > 0 {
		about += fmt.Sprintf(" Resuming at question %d.", s.next+1)
	}
	quits := "Ctrl-C or Ctrl-D saves and quits"
	if _, plain := s.asker.(*ask.Plain); plain {
		quits = "Ctrl-C saves and quits"
	}
	if s.store == nil {
		// A run that saves nothing must not promise it: say once, here,
		// what a stop does instead.
		quits = strings.TrimSuffix(quits, "saves and quits") + "quits"
	}
	keys := "Move with ↑ ↓ and answer with Enter; Space ticks where several options may be picked. b or Esc goes back, s skips. " + quits + "; the keys are shown under every question."
	if _, plain := s.asker.(*ask.Plain); plain {
		keys = "Type the number of your answer (several numbers where several options may be picked), s to skip, b to go back. " + quits + "."
	}
	if s.store == nil {
		why, _ := s.unsaved.Load().(string)
		if why == "" {
			why = "progress cannot be saved"
		}
		keys += fmt.Sprintf(" This run saves no progress (%s): if it stops, the next run starts again from question 1.", why)
	}
	fmt.Fprintln(s.out, textwrap.String(about+" "+keys, width, ""))
}

// endLine is the last thing a quiz taken at a terminal prints, so that it
// never ends in silence or with its verdict scrolled away: after a text
// report on the terminal, the verdict again in one line; when the result
// went elsewhere, where it went.
func endLine(r render.Run, o options, interactive bool, e env) {
	verdict := render.Verdict(r.Result)
	toScreen := o.output == "" && e.isTerminal(e.stdout)
	switch {
	case toScreen && o.format == formatText:
		fmt.Fprintf(e.stdout, "\n%s\n", textwrap.String("Verdict: "+verdict+". The breakdown, the reasons and the next steps are above.", e.layoutWidth(e.stdout), ""))
	case toScreen || !interactive:
	default:
		e.msgs().Say("Done: %s. Result written to %s.\n", verdict, resultPlace(o, e))
		// The warnings are in the file, out of sight: the one thing a
		// person must not miss about the result goes with it here.
		for _, note := range render.WarningNotes(r.Result) {
			e.msgs().Say("  ! %s.\n", capitalize(note))
		}
	}
}

// resultPlace names where the result went: the --output file, or the file
// standard output was sent to where the system can say, or standard
// output.
func resultPlace(o options, e env) string {
	if o.output != "" {
		return o.output
	}
	if name := stdoutFile(e); name != "" {
		return name
	}
	return "standard output"
}

// stdoutFile is the name of the regular file stdout writes to, relative to
// the working folder where it lies within it, or "" where that is not
// known. Only Linux says, through /proc.
func stdoutFile(e env) string {
	f, ok := e.stdout.(*os.File)
	if !ok || e.goos != "linux" {
		return ""
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	name, err := os.Readlink(fmt.Sprintf("/proc/self/fd/%d", f.Fd()))
	if err != nil || !filepath.IsAbs(name) {
		return ""
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return name
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// prompt is question q as the asker puts it, at the session's place in the
// quiz.
func (s *session) prompt(q *quiz.Question) ask.Prompt {
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
	} else if ti := s.bank.ThemeIndex(q.Theme); ti >= 0 {
		theme = s.bank.Themes[ti].Name
	}
	return ask.Prompt{
		Number: s.next + 1, Total: len(s.bank.Questions), Theme: theme,
		Text: q.Text, Help: q.Help, Kind: q.Kind, Sides: sides, Options: labels,
		Default:  max(q.DefaultPick(), 0),
		Previous: s.answers[q.ID], CanGoBack: s.next > 0, Unsaved: s.store == nil,
	}
}
