package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/quiz"
	"golang.org/x/term"
)

// Exit codes, as documented in the usage text.
const (
	exitOK        = 0
	exitError     = 1
	exitUsage     = 2
	exitInterrupt = 130
)

// env is everything the command takes from the world, passed in so that
// tests can run it without a terminal, a home folder or real signals.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	goos   string
	// isTerminal reports whether a stream is an interactive terminal.
	isTerminal func(any) bool
	// interrupts delivers Ctrl-C and termination signals.
	interrupts func() (<-chan os.Signal, func())
	// exit ends the process from a signal handler, where returning from
	// run is not possible.
	exit func(int)
}

func systemEnv() env {
	return env{
		stdin:      os.Stdin,
		stdout:     os.Stdout,
		stderr:     os.Stderr,
		getenv:     os.Getenv,
		goos:       runtime.GOOS,
		isTerminal: isTerminal,
		exit:       os.Exit,
		interrupts: func() (<-chan os.Signal, func()) {
			ch := make(chan os.Signal, 1)
			signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			return ch, func() { signal.Stop(ch) }
		},
	}
}

func isTerminal(stream any) bool {
	f, ok := stream.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}

// usageError is a mistake on the command line: it exits 2 and points at
// --help.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// hinted carries a hint: what the person can do about an error.
type hinted struct {
	err  error
	hint string
}

func (h hinted) Error() string { return h.err.Error() }
func (h hinted) Unwrap() error { return h.err }

func withHint(err error, format string, args ...any) error {
	return hinted{err: err, hint: fmt.Sprintf(format, args...)}
}

// exitCode is an error that ends the run with a code of its own after its
// message has been printed, such as an interruption.
type exitCode struct {
	code int
	msg  string
	hint string
}

func (e exitCode) Error() string { return e.msg }

const usage = `careerquiz helps you see whether you lean towards back-end engineering
(designing whole systems: architecture, data, growth, security and
performance strategy) or back-end development (building them in code:
features, fixes, queries, close work with front-end developers and
designers), explains why, and suggests what to learn next.

Usage:
    careerquiz [options]                take the quiz
    careerquiz check [--json] [FILE]    check a question bank and print its
                                        authoring report (default: built-in)
    careerquiz bank                     print the built-in bank, to start
                                        your own

Options:
    --questions FILE   use this bank instead of the built-in one
                       (or set CAREERQUIZ_QUESTIONS)
    --answers FILE     answer from a file instead of asking (TOML or JSON;
                       - reads standard input); a saved --json result replays
    --json             print the result as one JSON document
    --plain            numbered questions, one answer per line (for screen
                       readers; used whenever standard input is not a terminal)
    --no-color         no colour (or set NO_COLOR)
    --shuffle          ask the questions in a random order
    --seed N           shuffle with seed N, to repeat an order
    --restart          discard saved progress and start over
    --version          print the version
    -h, --help         show this help

In the quiz:
    ↑ ↓ and Enter pick an answer; Space ticks options where several may be
    picked. "Go back" and "Skip" are the last choices of every question (in
    --plain mode type b or s). Ctrl-C quits: your progress is saved after
    every answer and the next run offers to resume.

Examples:
    careerquiz                                  take the quiz
    careerquiz --json > result.json             take it, keep the result
    careerquiz --answers answers.toml --json | jq .recommendation
    careerquiz bank > my.toml                   start a bank of your own,
    careerquiz check my.toml                    check it as you edit,
    careerquiz --questions my.toml              and take it

Answers file (--answers), one line per question id:
    outage = 2          # option number
    diagrams = 5        # scale: 1 strongly disagree … 5 strongly agree
    tasks = [1, 3]      # several options
    hobby = "skip"

Exit status: 0 done, 1 bad input or error, 2 wrong usage, 130 interrupted.
`

func run(args []string, e env) int {
	err := dispatch(args, e)
	if err == nil {
		return exitOK
	}
	var ec exitCode
	if errors.As(err, &ec) {
		if ec.msg != "" {
			say(e.stderr, "careerquiz: %s\n", ec.msg)
		}
		if ec.hint != "" {
			say(e.stderr, "hint: %s\n", ec.hint)
		}
		return ec.code
	}
	var ue usageError
	if errors.As(err, &ue) {
		say(e.stderr, "careerquiz: %s\nhint: run 'careerquiz --help' for usage\n", ue.msg)
		return exitUsage
	}
	printError(e.stderr, err)
	return exitError
}

// printError writes err as `careerquiz: …` lines. A list of bank problems
// gets one line each; a syntax error keeps its source excerpt as it is.
func printError(w io.Writer, err error) {
	var ps quiz.Problems
	switch {
	case errors.As(err, &ps):
		for _, p := range ps {
			say(w, "careerquiz: %s\n", p.Error())
		}
		if len(ps) > 1 {
			say(w, "careerquiz: %d problems\n", len(ps))
		}
	default:
		lines := strings.Split(err.Error(), "\n")
		say(w, "careerquiz: %s\n", lines[0])
		for _, l := range lines[1:] {
			say(w, "%s\n", l)
		}
	}
	var h hinted
	if errors.As(err, &h) {
		say(w, "hint: %s\n", h.hint)
	}
}

func dispatch(args []string, e env) error {
	if len(args) > 0 {
		switch args[0] {
		case "check":
			return runCheck(args[1:], e)
		case "bank":
			if len(args) > 1 {
				if args[1] == "-h" || args[1] == "--help" || args[1] == "-help" {
					fmt.Fprint(e.stdout, "Usage: careerquiz bank > my.toml\n\nPrints the built-in question bank, byte for byte, to start your own.\n")
					return nil
				}
				return usageError{fmt.Sprintf("bank takes no arguments, got %q", args[1])}
			}
			_, err := e.stdout.Write(careerquiz.Questions)
			return err
		case "help":
			fmt.Fprint(e.stdout, usage)
			return nil
		}
	}
	return runQuiz(args, e)
}

// options are the quiz's command-line flags.
type options struct {
	questions string
	answers   string
	json      bool
	plain     bool
	noColor   bool
	shuffle   bool
	seed      int64
	seedSet   bool
	restart   bool
}

func parseFlags(args []string, e env) (options, bool, error) {
	var o options
	var version bool
	fs := flag.NewFlagSet("careerquiz", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.questions, "questions", "", "")
	fs.StringVar(&o.answers, "answers", "", "")
	fs.BoolVar(&o.json, "json", false, "")
	fs.BoolVar(&o.plain, "plain", false, "")
	fs.BoolVar(&o.noColor, "no-color", false, "")
	fs.BoolVar(&o.shuffle, "shuffle", false, "")
	fs.Func("seed", "", func(s string) error {
		_, err := fmt.Sscan(s, &o.seed)
		if err != nil || strings.TrimSpace(s) != s || fmt.Sprint(o.seed) != strings.TrimPrefix(s, "+") {
			return fmt.Errorf("want a whole number")
		}
		o.seedSet = true
		return nil
	})
	fs.BoolVar(&o.restart, "restart", false, "")
	fs.BoolVar(&version, "version", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.stdout, usage)
			return o, true, nil
		}
		return o, false, usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return o, false, usageError{fmt.Sprintf("unexpected argument %q (commands are check and bank)", fs.Arg(0))}
	}
	var empty string
	fs.Visit(func(f *flag.Flag) {
		if (f.Name == "questions" || f.Name == "answers") && f.Value.String() == "" {
			empty = f.Name
		}
	})
	if empty != "" {
		return o, false, usageError{fmt.Sprintf("--%s needs a file name", empty)}
	}
	if version {
		fmt.Fprintf(e.stdout, "careerquiz %s\n", versionString())
		return o, true, nil
	}
	if o.questions == "" {
		o.questions = e.getenv("CAREERQUIZ_QUESTIONS")
	}
	if o.seedSet {
		o.shuffle = true
	}
	return o, false, nil
}

func versionString() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// loadBank returns the bank at path, or the built-in one when path is empty.
func loadBank(path string) (*quiz.Bank, error) {
	if path == "" {
		b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
		if err != nil {
			return nil, fmt.Errorf("the built-in bank is broken: %w", err)
		}
		return b, nil
	}
	b, err := quiz.Load(path)
	if err != nil {
		var ps quiz.Problems
		var se *quiz.SyntaxError
		if errors.As(err, &ps) || errors.As(err, &se) {
			return nil, withHint(err, "fix the bank, then run 'careerquiz check %s'", path)
		}
		return nil, err
	}
	return b, nil
}

// colorOn decides colour for one stream: only a terminal gets it, and
// NO_COLOR or --no-color turn it off everywhere.
func colorOn(stream any, e env, noColor bool) bool {
	return !noColor && e.getenv("NO_COLOR") == "" && e.getenv("TERM") != "dumb" && e.isTerminal(stream)
}
