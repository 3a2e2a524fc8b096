// Package clidoc turns one plain description of a command line into what
// shells and man read: completion scripts for bash, zsh and fish, and a
// man page. The command keeps a single table of its commands and flags;
// its help, these scripts and the page are all made from it, so they
// cannot drift apart.
package clidoc

import (
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
)

// Program describes a command line: the program itself, which may be run
// with flags and no command, and its commands.
type Program struct {
	// Name is what is typed: careerquiz.
	Name string
	// Summary is the line after the name in the man page's NAME section,
	// lowercase, no final full stop.
	Summary string
	// Description is the man page's DESCRIPTION: paragraphs separated by
	// blank lines.
	Description string
	// Synopsis follows the name where no command is given: "[options]".
	Synopsis string
	// Flags are the program's own, taken when no command is given.
	Flags []Flag
	// Args are the arguments it takes when no command is given.
	Args     []Arg
	Commands []Command
	// Exit, Environment and Files are the man page's sections of those
	// names: an exit code, a variable or a path, and what it means.
	Exit        []Item
	Environment []Item
	Files       []Item
	Examples    []Example
}

// Command is one command: careerquiz check.
type Command struct {
	Name string
	// Synopsis follows "careerquiz NAME": "[--json] [FILE|-]".
	Synopsis string
	// Summary says what it does in a few words, for completion menus and
	// the man page.
	Summary string
	// About is a longer description for the man page; empty to use
	// Summary.
	About string
	Flags []Flag
	// Args are its arguments in order; the last one may repeat.
	Args []Arg
}

// Flag is one flag, written --name.
type Flag struct {
	Name string
	// Aliases are other spellings that work too: colour for color.
	Aliases []string
	// Value is the kind of value it takes; None for a switch.
	Value Kind
	// Choices are the values a Choice flag takes, in the order offered.
	Choices []string
	// Placeholder names the value in the man page: FILE, N, WHEN.
	// Empty means a name made from Value.
	Placeholder string
	// Help says what it does; newlines are taken as spaces.
	Help string
}

// Arg is one argument that is not a flag.
type Arg struct {
	// Name is how the man page and completion menus call it: FILE, PATH.
	Name    string
	Kind    Kind
	Choices []string
	// Repeat is set for the last argument when it may be given many times.
	Repeat bool
}

// Kind is the kind of a value: what completion offers for it.
type Kind int

const (
	// None is a switch, which takes no value.
	None Kind = iota
	// File is a file name (or a folder, or - where the command says so):
	// completion offers the file names there.
	File
	// Choice is one of a fixed list of words.
	Choice
	// Number is a number; nothing is offered.
	Number
	// Text is any other text; nothing is offered.
	Text
)

// Item is one entry of a man page list: an exit code, a variable, a path.
type Item struct{ Name, Text string }

// Example is a command line and what it does.
type Example struct{ Command, Text string }

// placeholder is how the man page names a flag's value.
func (f Flag) placeholder() string {
	if f.Placeholder != "" {
		return f.Placeholder
	}
	switch f.Value {
	case File:
		return "FILE"
	case Number:
		return "N"
	case Choice:
		return strings.Join(f.Choices, "|")
	}
	return "VALUE"
}

// names are every spelling of a flag, its own name first.
func (f Flag) names() []string { return append([]string{f.Name}, f.Aliases...) }

// oneLine is help text as one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// check reports the first thing in p that the scripts could not carry: a
// name a shell would read as something else, or a choice flag without its
// choices.
func (p Program) check() error {
	type name struct{ what, s string }
	names := []name{{"program", p.Name}}
	flags, args := p.Flags, p.Args
	for _, c := range p.Commands {
		names = append(names, name{"command", c.Name})
		flags, args = slices.Concat(flags, c.Flags), slices.Concat(args, c.Args)
	}
	for _, f := range flags {
		if f.Value == Choice && len(f.Choices) == 0 {
			return fmt.Errorf("clidoc: flag %q: a choice needs its choices", f.Name)
		}
		for _, n := range f.names() {
			names = append(names, name{"flag", n})
		}
		args = slices.Concat(args, []Arg{{Choices: f.Choices}})
	}
	for _, a := range args {
		for _, c := range a.Choices {
			names = append(names, name{"choice", c})
		}
	}
	for _, n := range names {
		if n.s == "" || strings.Trim(n.s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != "" || n.s[0] == '-' {
			return fmt.Errorf("clidoc: %s %q: a name is letters, digits, - and _", n.what, n.s)
		}
	}
	return nil
}

// funcName is p.Name made fit for a shell function's name.
func (p Program) funcName() string { return "_" + strings.ReplaceAll(p.Name, "-", "_") }

// ShellNames are the shells Completion writes for.
var ShellNames = []string{"bash", "zsh", "fish"}

// Completion writes p's completion script for shell, one of ShellNames.
func Completion(w io.Writer, shell string, p Program) error {
	write := map[string]func(io.Writer, Program) error{"bash": Bash, "zsh": Zsh, "fish": Fish}[shell]
	if write == nil {
		return fmt.Errorf("no completion for the shell %q", shell)
	}
	return write(w, p)
}

// BuildDate is the day of the commit the program was built from, where
// the build knows it, for the man page's header.
func BuildDate() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.time" && len(s.Value) >= len("2006-01-02") {
				return s.Value[:len("2006-01-02")]
			}
		}
	}
	return ""
}
