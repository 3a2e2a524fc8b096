package main

import (
	"fmt"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
)

// The help texts. The Usage lines and Options sections are made from the
// command and flag tables, so a new command or flag shows up here by
// itself; the prose around them is written by hand. Every example must
// work as written on the built-in bank: testdata/script/help_examples.txtar
// runs each of them, and a test checks that it does.

const intro = `careerquiz helps you see whether you lean towards back-end engineering
(designing whole systems: architecture, data, growth, security and
performance strategy) or back-end development (building them in code:
features, fixes, queries, close work with front-end developers and
designers), explains why, and suggests what to learn next.
`

const quizMore = `In the quiz:
    ↑ ↓ (or j k) and Enter pick an answer; Space ticks options where several
    may be picked. b or Esc goes back to the previous question, s skips one.
    Ctrl-C or Ctrl-D saves and quits (status 130): your progress is saved
    after every answer and the next run offers to resume. --restart starts
    over, and your saved answers stay until your first new answer replaces
    them. With --plain, with TERM=dumb, or when standard input is not a
    terminal, type the number of your answer (several for pick-any), b or s;
    piped answers are not saved. Once the questions left cannot change your
    path, the quiz offers to stop: Enter shows the result, c answers the rest;
    --quick stops sooner, once another path is unlikely.

Colour:
    The first of these that applies decides: --color or --no-color; then
    NO_COLOR set and not empty turns colour off; then CLICOLOR_FORCE or
    FORCE_COLOR set (and not 0) turns it on, even into a pipe; then
    TERM=dumb turns it off; otherwise only a terminal gets colour.

Examples:
    careerquiz                                  take the quiz
    careerquiz --json > result.json             take it, save the result
    careerquiz --format markdown --output result.md
                                                a report to paste and share
    careerquiz --answers result.json            show a saved result again
    careerquiz --answers answers.toml --json    answer from a file (below)
    careerquiz --answers answers.toml --color=always | less -R
                                                colour through a pager
    careerquiz bank > my.toml                   start a bank of your own,
    careerquiz check my.toml                    check it as you edit,
    careerquiz --questions my.toml              and take it
    careerquiz history                          your kept results,
    careerquiz compare                          and what moved since last time
    careerquiz help check                       more on one command

Answers file (--answers), one line per question id ('careerquiz check
--json' lists them); a question left out is skipped, and a recommendation
needs at least half the scored questions answered, so this example of the
four kinds of answer is only a start:
    messaging = 2            # option number, 1 = the first
    components = 5           # scale: 1 strongly disagree … 5 strongly agree
    security-tasks = [1, 3]  # several options
    passwords = "skip"       # left out, like a question not listed

Exit status: 0 done, 1 bad input or error, 2 wrong usage, 130 interrupted.
`

const checkAbout = `Checks a question bank (the built-in one when FILE is left out; - reads
standard input) and prints its authoring report: questions per theme and
kind, how the bank is keyed to each path, the most each path can score,
what people answering at random are told, where answering by position
leads, and questions that cannot tell the paths apart. Each figure is shown
with its threshold.`

const checkMore = `Examples:
    careerquiz bank > my.toml
    careerquiz check my.toml
    careerquiz check --json my.toml > report.json
    careerquiz bank | careerquiz check -

Exit status: 0 for a bank that loads (warnings allowed), 1 for a broken one,
2 wrong usage.
`

const bankAbout = `Prints the built-in question bank, byte for byte, to start your own.
Its header comment is the reference for the format.`

const bankMore = `Example:
    careerquiz bank > my.toml
    careerquiz check my.toml

'careerquiz schema' prints the JSON Schema that lets an editor check the
bank as you type.
`

const schemaAbout = `Prints a JSON Schema: bank (the default) describes a question bank, for
editors that check TOML as you type; result describes what --json prints;
check describes what 'careerquiz check --json' prints.`

const schemaMore = `Example:
    careerquiz bank > my.toml
    careerquiz schema > questions.schema.json
    careerquiz schema result > result.schema.json

A bank made by 'careerquiz bank' starts with '#:schema ./questions.schema.json':
with the schema saved beside it under that name, editors such as VS Code
with Even Better TOML, or taplo, check the bank as you edit it.
`

const helpAbout = `Shows the usage of careerquiz, or of one of its commands.`

const helpMore = `Example:
    careerquiz help check
`

// helpText is the help of a command, or the top-level usage for "".
func helpText(name string) string {
	if c := findCommand(name); c != nil {
		return c.Page()
	}
	cs := make([]cli.Command, len(commands))
	for i, c := range commands {
		cs[i] = c.Command
	}
	return cli.Usage(intro, cli.Command{Synopsis: "[options]", Summary: "take the quiz", Flags: quizFlags, More: quizMore}, cs)
}

func runHelp(args []string, e env) error {
	rest, err := cli.Parse("help", args, noFlags, &struct{}{})
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return cli.HelpRequested{Command: ""}
	case len(rest) > 1:
		return cli.UsageError{Msg: fmt.Sprintf("help takes one command, got %d", len(rest))}
	case findCommand(rest[0]) == nil:
		return unknownCommand(rest[0])
	}
	return cli.HelpRequested{Command: rest[0]}
}
