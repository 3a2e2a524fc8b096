package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/clidoc"
)

// Shell completion and the man page are made from the same tables as the
// help (commands, quizFlags), by clidoc: a new command or flag is offered
// by every shell and listed in the page by itself.

const completionAbout = `Prints a completion script for bash, zsh or fish: commands, flags, the
choices of --format and --color, and file names where a file is named.`

const completionMore = `Examples:
    source <(careerquiz completion bash)        in ~/.bashrc
    careerquiz completion zsh > _careerquiz     into a folder of $fpath
    careerquiz completion fish > careerquiz.fish
                                                into ~/.config/fish/completions
`

const manAbout = `Prints careerquiz's manual page, in roff, made from the same description
of the commands and flags as this help.`

const manMore = `Examples:
    careerquiz man | man -l -
    careerquiz man > careerquiz.1       into ~/.local/share/man/man1
`

func runCompletion(args []string, e env) error {
	rest, err := cli.Parse("completion", args, noFlags, &struct{}{})
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return cli.WithHint(cli.UsageError{Msg: fmt.Sprintf("completion takes one shell, got %d", len(rest))},
			"name the shell: careerquiz completion %s", strings.Join(clidoc.ShellNames, "|"))
	}
	if !slices.Contains(clidoc.ShellNames, rest[0]) {
		return cli.NoSuch("completion", "shell", rest[0], clidoc.ShellNames, strings.Join(clidoc.ShellNames, ", "))
	}
	return clidoc.Completion(e.stdout, rest[0], program())
}

func runMan(args []string, e env) error {
	if err := cli.ParseNone("man", args, noFlags, &struct{}{}); err != nil {
		return err
	}
	return clidoc.Man(e.stdout, program(), clidoc.BuildDate(), versionString())
}

// program describes careerquiz for clidoc, from the command and flag
// tables and the help's own words.
func program() clidoc.Program {
	p := clidoc.Program{
		Name:        "careerquiz",
		Summary:     "see whether you lean towards back-end engineering or back-end development",
		Description: strings.TrimSpace(intro),
		Synopsis:    "[options]",
		Flags:       quizFlags.Doc(),
		Exit: []clidoc.Item{
			{Name: "0", Text: "done"},
			{Name: "1", Text: "bad input or an error"},
			{Name: "2", Text: "wrong usage"},
			{Name: "130", Text: "interrupted (Ctrl-C, Ctrl-D or a closed terminal); progress is saved"},
		},
		Environment: []clidoc.Item{
			{Name: "CAREERQUIZ_QUESTIONS", Text: "the bank to use when --questions is not given"},
			{Name: "NO_COLOR", Text: "set and not empty: no colour"},
			{Name: "CLICOLOR_FORCE", Text: "set and not 0: colour even into a pipe"},
			{Name: "TERM", Text: "dumb: plain prompts and no colour"},
			{Name: "XDG_DATA_HOME", Text: "where results are kept (default ~/.local/share)"},
			{Name: "XDG_STATE_HOME", Text: "where progress is saved (default ~/.local/state)"},
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
	for _, c := range commands {
		p.Commands = append(p.Commands, clidoc.Command{Name: c.Name, Synopsis: c.Synopsis, Summary: c.Summary, About: c.About, Flags: c.Flags.Doc(), Args: c.Args})
	}
	return p
}
