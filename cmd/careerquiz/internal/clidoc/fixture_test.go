package clidoc_test

import "github.com/careerquiz/careerquiz/cmd/careerquiz/internal/clidoc"

// careerquiz is the command line as careerquiz's help describes it, for
// the golden files: every kind of flag and argument is in it.
var careerquiz = clidoc.Program{
	Name:    "careerquiz",
	Summary: "see whether you lean towards back-end engineering or back-end development",
	Description: `careerquiz helps you see whether you lean towards back-end engineering
(designing whole systems: architecture, data, growth, security and
performance strategy) or back-end development (building them in code:
features, fixes, queries, close work with front-end developers and
designers), explains why, and suggests what to learn next.

With no command, careerquiz asks its questions one at a time on the
terminal and prints a report on standard output. ↑ ↓ (or j k) and Enter
pick an answer; b or Esc goes back, s skips; Ctrl-C saves and quits.`,
	Synopsis: "[options]",
	Flags: []clidoc.Flag{
		{Name: "questions", Value: clidoc.File, Help: "use this bank instead of the built-in one\n(or set CAREERQUIZ_QUESTIONS)"},
		{Name: "answers", Value: clidoc.File, Help: "answer from a file instead of asking (TOML or JSON;\n- reads standard input); a saved --json result replays"},
		{Name: "format", Value: clidoc.Choice, Choices: []string{"text", "json", "markdown"}, Placeholder: "FORMAT", Help: "text (the default), json, or markdown (a document to\npaste into an email, a wiki or an issue)"},
		{Name: "json", Help: "the same as --format json"},
		{Name: "output", Value: clidoc.File, Help: "write the report to FILE instead of standard output"},
		{Name: "plain", Help: "numbered questions, one answer per line (for screen\nreaders; used whenever standard input is not a terminal,\nand with TERM=dumb)"},
		{Name: "color", Aliases: []string{"colour"}, Value: clidoc.Choice, Choices: []string{"auto", "always", "never"}, Placeholder: "WHEN", Help: "colour: auto (on a terminal only), always or never"},
		{Name: "no-color", Aliases: []string{"no-colour"}, Help: "no colour: the same as --color=never"},
		{Name: "shuffle", Help: "ask the questions in a random order"},
		{Name: "seed", Value: clidoc.Number, Help: "shuffle with seed N, to repeat an order"},
		{Name: "restart", Help: "start over; your saved answers stay until your first\nnew answer replaces them"},
		{Name: "save", Help: "keep the result even of a run with --answers or piped\nanswers; a quiz finished in a terminal is kept anyway\n(see 'careerquiz history')"},
		{Name: "no-save", Help: "do not keep this run's result"},
		{Name: "version", Help: "print the version"},
	},
	Commands: []clidoc.Command{
		{Name: "check", Synopsis: "[--json] [FILE|-]", Summary: "check a question bank and print its\nauthoring report (default: built-in)",
			About: `Checks a question bank (the built-in one when FILE is left out; - reads
standard input) and prints its authoring report.`,
			Flags: []clidoc.Flag{{Name: "json", Help: "print the report as one JSON document (schema\ncareerquiz.check/v1: see 'careerquiz schema check')"}},
			Args:  []clidoc.Arg{{Name: "FILE", Kind: clidoc.File}}},
		{Name: "bank", Summary: "print the built-in bank, to start\nyour own"},
		{Name: "schema", Synopsis: "[bank|result|check]", Summary: "print a JSON Schema: of a bank\n(the default), a result or check --json",
			Args: []clidoc.Arg{{Name: "SCHEMA", Kind: clidoc.Choice, Choices: []string{"bank", "result", "check"}}}},
		{Name: "history", Synopsis: "[--json]", Summary: "the results kept from earlier\nquizzes, newest first",
			Flags: []clidoc.Flag{{Name: "json", Help: "print the attempts as a JSON array, newest first"}}},
		{Name: "compare", Synopsis: "[--json] [A [B]]", Summary: "what moved between two attempts\n(default: the last two)",
			Flags: []clidoc.Flag{
				{Name: "json", Help: "print the comparison as one JSON document"},
				{Name: "questions", Value: clidoc.File, Help: "the bank to show question and answer texts from\n(default: the built-in one, or CAREERQUIZ_QUESTIONS)"},
			},
			Args: []clidoc.Arg{{Name: "A", Kind: clidoc.File}, {Name: "B", Kind: clidoc.File}}},
		{Name: "stats", Synopsis: "[--json|--csv] PATH...", Summary: "sum up results from many people:\nfiles, folders, - for NDJSON",
			Flags: []clidoc.Flag{
				{Name: "questions", Value: clidoc.File, Help: "the bank the results were taken on (default: the\nbuilt-in one, or CAREERQUIZ_QUESTIONS)"},
				{Name: "any-bank", Help: "keep results taken on another bank as long as\ntheir answers still fit this one"},
				{Name: "json", Help: "print the figures as one JSON document\n(schema careerquiz.stats/v1)"},
				{Name: "csv", Help: "print one row per person instead"},
			},
			Args: []clidoc.Arg{{Name: "PATH", Kind: clidoc.File, Repeat: true}}},
		{Name: "completion", Synopsis: "bash|zsh|fish", Summary: "print a shell completion script",
			Args: []clidoc.Arg{{Name: "SHELL", Kind: clidoc.Choice, Choices: []string{"bash", "zsh", "fish"}}}},
		{Name: "help", Synopsis: "[COMMAND]", Summary: "show this help, or a command's",
			Args: []clidoc.Arg{{Name: "COMMAND", Kind: clidoc.Choice, Choices: []string{"check", "bank", "schema", "history", "compare", "stats", "completion", "help"}}}},
	},
	Exit: []clidoc.Item{
		{Name: "0", Text: "done"},
		{Name: "1", Text: "bad input or an error"},
		{Name: "2", Text: "wrong usage"},
		{Name: "130", Text: "interrupted (Ctrl-C); progress is saved"},
	},
	Environment: []clidoc.Item{
		{Name: "CAREERQUIZ_QUESTIONS", Text: "the bank to use when --questions is not given"},
		{Name: "NO_COLOR", Text: "set to anything: no colour"},
		{Name: "CLICOLOR_FORCE", Text: "set and not 0: colour even into a pipe"},
		{Name: "TERM", Text: "dumb: plain prompts and no colour"},
		{Name: "XDG_DATA_HOME", Text: "where results and progress are kept (default ~/.local/share)"},
	},
	Files: []clidoc.Item{
		{Name: "$XDG_DATA_HOME/careerquiz/results/", Text: "the kept results, one JSON file each: delete one to forget that attempt"},
		{Name: "$XDG_DATA_HOME/careerquiz/progress.json", Text: "the answers of an unfinished quiz"},
	},
	Examples: []clidoc.Example{
		{Command: "careerquiz", Text: "take the quiz"},
		{Command: "careerquiz --json > result.json", Text: "take it, save the result"},
		{Command: "careerquiz --format markdown --output result.md", Text: "a report to paste and share"},
		{Command: "careerquiz bank > my.toml", Text: "start a bank of your own, then check it as you edit:"},
		{Command: "careerquiz check my.toml", Text: ""},
		{Command: "source <(careerquiz completion bash)", Text: "complete commands and flags in bash"},
	},
}
