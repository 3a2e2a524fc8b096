package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/clidoc"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/session"
	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/suggest"
	"github.com/careerquiz/careerquiz/quiz"
)

// env is everything the command takes from the world, passed in so that
// tests can run it without a terminal, a home folder or real signals.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	goos   string
	// isTerminal reports whether a stream is an interactive terminal, and
	// columns how wide, or 0 where that is not known. Every question about
	// a terminal goes through these two.
	isTerminal func(any) bool
	columns    func(any) int
	// interrupts delivers Ctrl-C and termination signals.
	interrupts func() (<-chan os.Signal, func())
	// exit ends the process from a signal handler, where returning from
	// run is not possible.
	exit func(int)
}

func systemEnv() env {
	return env{
		stdin:      os.Stdin,
		stdout:     cli.SystemStdout(),
		stderr:     os.Stderr,
		getenv:     os.Getenv,
		goos:       runtime.GOOS,
		isTerminal: cli.IsTerminal,
		columns:    cli.Columns,
		exit:       os.Exit,
		interrupts: func() (<-chan os.Signal, func()) {
			ch := make(chan os.Signal, 1)
			signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			return ch, func() { signal.Stop(ch) }
		},
	}
}

// watchSignals ends the run on Ctrl-C, SIGTERM or SIGHUP, as the quiz,
// check and stats all do, with a line that says so and status 130.
func (e env) watchSignals() *cli.Stopper {
	sigs, unwatch := e.interrupts()
	return cli.WatchSignals(sigs, unwatch, e.stderr, e.msgs, e.exit)
}

func run(args []string, e env) int {
	e, out := checkStdout(e)
	err := dispatch(args, e)
	var help cli.HelpRequested
	if errors.As(err, &help) {
		fmt.Fprint(e.stdout, helpText(help.Command))
		err = nil
	}
	if err = out.Outcome(err); err == nil {
		return cli.ExitOK
	}
	e.msgs().Error(err)
	return cli.Code(err)
}

// checkStdout wraps e's standard output in a checked writer; the streams
// it is asked about stay known by what they are.
func checkStdout(e env) (env, *cli.Stdout) {
	out := &cli.Stdout{W: e.stdout}
	unwrap := func(s any) any {
		if s == any(out) {
			return out.W
		}
		return s
	}
	isTerminal, columns := e.isTerminal, e.columns
	e.stdout = out
	e.isTerminal = func(s any) bool { return isTerminal(unwrap(s)) }
	if columns != nil {
		e.columns = func(s any) int { return columns(unwrap(s)) }
	}
	return e, out
}

// A command is one subcommand of careerquiz. Adding a command is adding an
// entry to commands: it is then dispatched, listed in the usage, offered
// when a command is mistyped, and given `careerquiz help NAME`.
type command struct {
	cli.Command
	run func(args []string, e env) error
}

// commands are every subcommand, in the order the usage lists them. They
// are filled in by init because help reads the table it is part of.
var commands []command

func init() {
	file := []clidoc.Arg{{Name: "FILE", Kind: clidoc.File}}
	commands = []command{
		{Command: cli.Command{Name: "check", Synopsis: "[--json] [FILE|-]", Summary: "check a question bank and print its\nauthoring report (default: built-in)",
			About: checkAbout, Flags: checkFlags, More: checkMore, Args: file}, run: runCheck},
		{Command: cli.Command{Name: "bank", Summary: "print the built-in bank, to start\nyour own",
			About: bankAbout, Flags: noFlags, More: bankMore}, run: runBank},
		{Command: cli.Command{Name: "schema", Synopsis: "[bank|result|check]", Summary: "print a JSON Schema: of a bank\n(the default), a result or check --json",
			About: schemaAbout, Flags: noFlags, More: schemaMore, Args: []clidoc.Arg{{Name: "SCHEMA", Kind: clidoc.Choice, Choices: schemaNames}}}, run: runSchema},
		{Command: cli.Command{Name: "history", Synopsis: "[--json|--format F]", Summary: "the results kept from earlier\nquizzes, newest first",
			About: historyAbout, Flags: historyFlags, More: historyMore}, run: runHistory},
		{Command: cli.Command{Name: "compare", Synopsis: "[--json] [A [B]]", Summary: "what moved between two attempts\n(default: the last two)",
			About: compareAbout, Flags: compareFlags, More: compareMore,
			Args: []clidoc.Arg{{Name: "A", Kind: clidoc.File}, {Name: "B", Kind: clidoc.File}}}, run: runCompare},
		{Command: cli.Command{Name: "stats", Synopsis: "[--json|--csv|--format F] PATH...", Summary: "sum up results from many people:\nfiles, folders, - for NDJSON",
			About: statsAbout, Flags: statsFlags, More: statsMore, Args: []clidoc.Arg{{Name: "PATH", Kind: clidoc.File, Repeat: true}}}, run: runStats},
		{Command: cli.Command{Name: "completion", Synopsis: "bash|zsh|fish", Summary: "print a shell completion script",
			About: completionAbout, Flags: noFlags, More: completionMore, Args: []clidoc.Arg{{Name: "SHELL", Kind: clidoc.Choice, Choices: clidoc.ShellNames}}}, run: runCompletion},
		{Command: cli.Command{Name: "man", Summary: "print the manual page (roff)",
			About: manAbout, Flags: noFlags, More: manMore}, run: runMan},
		{Command: cli.Command{Name: "help", Synopsis: "[COMMAND]", Summary: "show this help, or a command's",
			About: helpAbout, Flags: noFlags, More: helpMore}, run: runHelp},
	}
	// help takes the name of any command, this one included.
	last := &commands[len(commands)-1]
	last.Args = []clidoc.Arg{{Name: "COMMAND", Kind: clidoc.Choice, Choices: commandNames()}}
}

// noFlags is the flag table of a command without flags, so that -h and a
// mistyped flag still get their usual answers.
var noFlags = cli.Flags[struct{}]{}

func findCommand(name string) *command {
	if i := slices.IndexFunc(commands, func(c command) bool { return c.Name == name }); i >= 0 {
		return &commands[i]
	}
	return nil
}

func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.Name
	}
	return names
}

func dispatch(args []string, e env) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		c := findCommand(args[0])
		if c == nil {
			return unknownCommand(args[0])
		}
		return forCommand(c.Name, c.run(args[1:], e))
	}
	return forCommand("", runQuiz(args, e))
}

// forCommand gives a usage error of a command the hint of where its usage
// is, unless it has a better one.
func forCommand(name string, err error) error {
	var ue cli.UsageError
	if !errors.As(err, &ue) || fileio.Hint(err) != "" {
		return err
	}
	if name == "" {
		return cli.WithHint(err, "run 'careerquiz --help' for usage")
	}
	return cli.WithHint(err, "run 'careerquiz help %s' for usage", name)
}

// unknownCommand is the usage error for a word where a command goes.
func unknownCommand(word string) error {
	err := cli.UsageError{Msg: fmt.Sprintf("unknown command %q", word)}
	if s := suggest.Closest(word, commandNames()); s != "" {
		return cli.WithHint(err, "did you mean 'careerquiz %s'?", s)
	}
	if ext := path.Ext(word); ext == ".toml" || ext == ".json" {
		return cli.WithHint(err, "to take a bank: careerquiz --questions %[1]s; to answer from a file: careerquiz --answers %[1]s; to check a bank: careerquiz check %[1]s", word)
	}
	return cli.WithHint(err, "the commands are %s; run 'careerquiz --help' for usage", strings.Join(commandNames(), ", "))
}

// options are the quiz's command-line flags.
type options struct {
	questions string
	// questionsEnv is set when questions came from CAREERQUIZ_QUESTIONS.
	questionsEnv bool
	answers      string
	json         bool
	plain        bool
	color        cli.Color
	shuffle      bool
	seed         int64
	seedSet      bool
	restart      bool
	version      bool
	// format is one of render.Formats: --format, or --json.
	format string
	output string
	save   bool
	noSave bool
	// stop is --stop, or quick for --quick; "" leaves it to the run.
	stop  string
	quick bool
}

// quizFlags are the flags of the quiz itself, in the order --help lists
// them. Flags that choose the same thing share a setting, as --json does
// with --format, so that giving both is a usage error rather than a silent
// choice of the last.
var quizFlags = slices.Concat(cli.Flags[options]{
	cli.File("questions", "use this bank instead of the built-in one\n(or set CAREERQUIZ_QUESTIONS)",
		func(o *options) *string { return &o.questions }),
	cli.File("answers", "answer from a file instead of asking (TOML or JSON;\n- reads standard input); a saved --json result replays",
		func(o *options) *string { return &o.answers }),
	{Name: "format", Arg: "FORMAT", Setting: "format", Choices: render.Formats(),
		Help: "text (the default), json, markdown (a document to\npaste into an email, a wiki or an issue), or html (a\npage with charts, to keep, print or send)",
		Set: func(o *options, v string) error {
			if v == "md" {
				v = render.Markdown
			}
			if !slices.Contains(render.Formats(), v) {
				return fmt.Errorf("wants %s, got %q", render.FormatList(), v)
			}
			o.format = v
			return nil
		}},
	cli.InSetting("format", cli.Switch("json", "the same as --format json",
		func(o *options) *bool { return &o.json })),
	cli.File("output", "write the report to FILE instead of standard output",
		func(o *options) *string { return &o.output }),
	cli.Switch("plain", "numbered questions, one answer per line (for screen\nreaders; used whenever standard input is not a terminal,\nand with TERM=dumb)",
		func(o *options) *bool { return &o.plain }),
}, cli.ColorFlags(func(o *options) *cli.Color { return &o.color }), cli.Flags[options]{
	cli.Switch("shuffle", "ask the questions in a random order",
		func(o *options) *bool { return &o.shuffle }),
	{Name: "seed", Arg: "N", Help: "shuffle with seed N, to repeat an order",
		Set: func(o *options, s string) error {
			_, err := fmt.Sscan(s, &o.seed)
			if err != nil || strings.TrimSpace(s) != s || fmt.Sprint(o.seed) != strings.TrimPrefix(s, "+") {
				return fmt.Errorf("wants a whole number, got %q", s)
			}
			o.seedSet = true
			return nil
		}},
	cli.InSetting("stop", cli.OneOf("stop", "STOP", "when the quiz may stop early: settled (the default in a\nterminal: once the questions left cannot change your\npath), quick, or none (the default with --answers)",
		session.StopModes(), func(o *options) *string { return &o.stop })),
	cli.InSetting("stop", cli.Switch("quick", "stop once another path is unlikely (under 2%), asking\nabout half the questions; the same as --stop quick",
		func(o *options) *bool { return &o.quick })),
	cli.Switch("restart", "start over; your saved answers stay until your first\nnew answer replaces them",
		func(o *options) *bool { return &o.restart }),
	cli.InSetting("save", cli.Switch("save", "keep the result even of a run with --answers or piped\nanswers; a quiz finished in a terminal is kept anyway\n(see 'careerquiz history')",
		func(o *options) *bool { return &o.save })),
	cli.InSetting("save", cli.Switch("no-save", "do not keep this run's result",
		func(o *options) *bool { return &o.noSave })),
	cli.Switch("version", "print the version",
		func(o *options) *bool { return &o.version }),
})

// parseFlags reads the quiz's flags. done is set when a flag such as
// --version has been answered and there is nothing left to do.
func parseFlags(args []string, e env) (o options, done bool, err error) {
	rest, err := cli.Parse("", args, quizFlags, &o)
	if err != nil {
		return o, false, err
	}
	if len(rest) > 0 {
		if findCommand(rest[0]) != nil {
			return o, false, cli.WithHint(cli.UsageError{Msg: fmt.Sprintf("the command %s must come first", rest[0])},
				"run 'careerquiz %s …', with its own options after it", rest[0])
		}
		return o, false, unknownCommand(rest[0])
	}
	if o.version {
		fmt.Fprintf(e.stdout, "careerquiz %s\n", versionString())
		return o, true, nil
	}
	if (o.shuffle || o.seedSet) && o.answers != "" {
		return o, false, cli.WithHint(cli.UsageError{Msg: "--shuffle and --seed do nothing with --answers: an answers file is answered all at once, in no order"},
			"leave --shuffle and --seed out, or take the quiz without --answers to be asked in a shuffled order")
	}
	if o.restart && o.answers != "" {
		return o, false, cli.UsageError{Msg: "--restart does nothing with --answers: an answers file never resumes saved progress"}
	}
	if o.questions == fileio.Stdin && (o.answers == "" || o.answers == fileio.Stdin) {
		return o, false, cli.WithHint(cli.UsageError{Msg: "--questions - reads the bank from standard input, so the answers cannot come from there too"},
			"answer from a file with --answers FILE, or save the bank to a file and name it with --questions FILE")
	}
	if o.questions == "" {
		if v := e.getenv("CAREERQUIZ_QUESTIONS"); v != "" {
			o.questions, o.questionsEnv = v, true
		}
	}
	if o.seedSet {
		o.shuffle = true
	}
	if o.quick {
		o.stop = session.StopQuick
	}
	if o.json {
		o.format = render.JSON
	}
	o.format = cmp.Or(o.format, render.Text)
	return o, false, nil
}

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// bank loads the bank the quiz was asked to use; a bank named by the
// environment says so, since the person may have forgotten the variable.
// The quiz's bank is the one file that may be a FIFO (--questions <(…)):
// it is waited on, and a signal ends the wait.
func (o options) bank(e env) (*quiz.Bank, error) {
	b, err := cli.ReadBank(o.questions, e.stdin, true)
	if err != nil && o.questionsEnv {
		return nil, cli.WithHint(cli.LeadIn{Line: "the bank named by CAREERQUIZ_QUESTIONS does not load", Err: err},
			"the name came from the environment: fix that bank, set CAREERQUIZ_QUESTIONS to another, or unset it to use the built-in bank")
	}
	return b, err
}

// loadBank returns the bank at path, or the built-in one when path is empty.
func loadBank(path string) (*quiz.Bank, error) { return cli.ReadBank(path, nil, false) }

// colorOn decides colour for one stream, as mode and the environment say:
// by default only a terminal known to take escape sequences (cursorMoves)
// gets it, so a bare console or a service with no TERM gets none.
func colorOn(stream any, e env, mode cli.Color) bool {
	return mode.On(e.getenv, e.isTerminal(stream) && cursorMoves(e))
}

// layoutWidth is the width to lay out what is written to stream: the
// terminal's, up to session.Widest, or render.ScreenWidth where it is no
// terminal (a file, a pipe).
func (e env) layoutWidth(stream any) int {
	if e.columns != nil {
		if cols := e.columns(stream); cols > 0 {
			return min(cols, session.Widest)
		}
	}
	return render.ScreenWidth
}

// msgs writes messages to stderr, wrapped at the terminal's width, up to
// session.Widest, or not at all where stderr is no terminal, since a script
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
