package cli

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/clidoc"
	"github.com/careerquiz/careerquiz/internal/suggest"
	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// A Flag is one flag of one command. Each command keeps its flags in a
// Flags table, and one entry there gives a flag its parsing, its lines in the
// command's help and typo suggestions: adding a flag is adding an entry.
type Flag[T any] struct {
	Name string
	// Aliases are other spellings that work too (--no-colour) but are not
	// shown in the help.
	Aliases []string
	// Arg names the value in the help (FILE, N); empty for a switch, which
	// takes no value (--json, or --json=false).
	Arg string
	// Help says what the flag does; lines after the first are indented
	// under it.
	Help string
	// Choices are the values a flag takes where it takes one of a few
	// words, for shell completion and the man page.
	Choices []string
	// Setting groups flags that choose the same thing (--no-color and
	// --color): giving a setting twice is a usage error, except for the same
	// switch repeated. Empty means the flag's name.
	Setting string
	// Set stores the value given. An error says what was wrong with the
	// value, after the flag's name: "--seed: want a whole number".
	Set func(o *T, value string) error
}

// Switch is a flag that takes no value and sets a field to true.
func Switch[T any](name, help string, field func(*T) *bool) Flag[T] {
	return Flag[T]{Name: name, Help: help, Set: func(o *T, v string) error {
		on, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("takes no value (or =true, =false), got %q", v)
		}
		*field(o) = on
		return nil
	}}
}

// File is a flag naming a file; an empty name is a usage error rather
// than a quiet fall back to a default.
func File[T any](name, help string, field func(*T) *string) Flag[T] {
	return Flag[T]{Name: name, Arg: "FILE", Help: help, Set: func(o *T, v string) error {
		if v == "" {
			return errors.New("needs a file name")
		}
		*field(o) = v
		return nil
	}}
}

// Flags is a command's flags.
type Flags[T any] []Flag[T]

// Help is what a command's help and suggestions need of its flags,
// whatever the type its flags fill in.
type Help interface {
	// Names are every spelling accepted, aliases included.
	Names() []string
	// Options is the Options section of the help, one flag after another.
	Options() string
	// Doc describes the flags for shell completion and the man page.
	Doc() []clidoc.Flag
}

func (t Flags[T]) Names() []string {
	var ns []string
	for _, d := range t {
		ns = append(append(ns, d.Name), d.Aliases...)
	}
	return ns
}

func (t Flags[T]) Options() string {
	labels := make([]string, len(t))
	width := len("-h, --help")
	for i, d := range t {
		labels[i] = "--" + d.Name
		if d.Arg != "" {
			labels[i] += " " + d.Arg
		}
		width = max(width, len(labels[i]))
	}
	var b strings.Builder
	for i, d := range t {
		entry(&b, width+3, labels[i], d.Help)
	}
	entry(&b, width+3, "-h, --help", "show this help")
	return b.String()
}

// parse is the state of one Parse call, shared by its flag values.
type parse struct {
	command string
	// given maps each setting given so far to the flag that gave it.
	given map[string]given
	// err is the first usage error a value found; the flag package only
	// keeps its text.
	err error
}

// given is a flag as it was typed, with the name of its entry.
type given struct{ def, shown string }

// flagValue adapts one Flag, under one of its spellings, to the flag
// package.
type flagValue[T any] struct {
	def *Flag[T]
	as  string
	o   *T
	p   *parse
}

func (v *flagValue[T]) String() string   { return "" }
func (v *flagValue[T]) IsBoolFlag() bool { return v.def.Arg == "" }

func (v *flagValue[T]) Set(value string) error {
	setting := cmp.Or(v.def.Setting, v.def.Name)
	now := given{def: v.def.Name, shown: "--" + v.as}
	if v.def.Arg != "" {
		now.shown += "=" + value
	}
	if before, ok := v.p.given[setting]; ok {
		switch {
		case v.def.Arg == "" && before.def == now.def:
			// The same switch twice says the same thing twice.
		case before.def == now.def:
			return v.fail(fmt.Sprintf("--%s given twice (%s, then %s): give it once", v.def.Name, before.shown, now.shown))
		default:
			return v.fail(fmt.Sprintf("%s and %s cannot be used together: give one", before.shown, now.shown))
		}
	}
	v.p.given[setting] = now
	if err := v.def.Set(v.o, value); err != nil {
		return v.fail(fmt.Sprintf("--%s %s", v.as, err))
	}
	return nil
}

func (v *flagValue[T]) fail(msg string) error {
	if v.p.err == nil {
		v.p.err = v.p.usage(msg)
	}
	return v.p.err
}

// usage is a usage error of this command, its message led by the command's
// name where it is not the quiz itself.
func (p *parse) usage(msg string) UsageError {
	if p.command != "" {
		msg = p.command + ": " + msg
	}
	return UsageError{msg}
}

// HelpRequested is -h, -help or --help: the caller prints the command's
// help on stdout and exits 0.
type HelpRequested struct{ Command string }

func (h HelpRequested) Error() string { return "help requested" }

// Parse fills o from args by the command's flag table and returns the
// arguments that are not flags, in order. Flags may come before or after
// them, one dash or two, and "--" ends the flags. A mistake is a
// UsageError naming the flag as --name, with a suggestion for a misspelt
// one.
func Parse[T any](command string, args []string, table Flags[T], o *T) ([]string, error) {
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	p := &parse{command: command, given: map[string]given{}}
	for i := range table {
		d := &table[i]
		for _, name := range append([]string{d.Name}, d.Aliases...) {
			fs.Var(&flagValue[T]{def: d, as: name, o: o, p: p}, name, "")
		}
	}
	var rest []string
	for {
		err := fs.Parse(args)
		consumed := args[:len(args)-len(fs.Args())]
		if err != nil {
			return nil, explain(p, err, consumed, fs, table)
		}
		if len(consumed) > 0 && consumed[len(consumed)-1] == "--" {
			return append(rest, fs.Args()...), nil
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// explain turns an error of the flag package into one of ours. The flag
// package only gives text, so the flag at fault is found as the last
// argument it took.
func explain[T any](p *parse, err error, consumed []string, fs *flag.FlagSet, table Flags[T]) error {
	if errors.Is(err, flag.ErrHelp) {
		return HelpRequested{p.command}
	}
	if p.err != nil {
		return p.err
	}
	if len(consumed) == 0 {
		return p.usage(err.Error())
	}
	name, _, _ := strings.Cut(strings.TrimLeft(consumed[len(consumed)-1], "-"), "=")
	if f := fs.Lookup(name); f != nil {
		// A defined flag fails here only when its value is missing.
		arg := f.Value.(*flagValue[T]).def.Arg
		what, ok := map[string]string{"FILE": "a file name", "N": "a number", "": "a value"}[arg]
		if !ok {
			what = "a value (" + arg + ")"
		}
		return p.usage(fmt.Sprintf("--%s needs %s", name, what))
	}
	// The flag is named as it was typed, quoted where it holds a newline
	// or a control character, so that a file name a glob put on the
	// command line cannot print a line of its own.
	given, _, _ := strings.Cut(consumed[len(consumed)-1], "=")
	ue := p.usage("unknown flag " + termsafe.Name(given))
	if s := suggest.Closest(name, append(table.Names(), "help")); s != "" {
		return WithHint(ue, "did you mean --%s?", s)
	}
	return ue
}

// InSetting makes flags that choose the same thing exclude each other.
func InSetting[T any](setting string, d Flag[T]) Flag[T] {
	d.Setting = setting
	return d
}

// OneOf is a flag that takes one of a few words, such as --stop STOP.
func OneOf[T any](name, arg, help string, words []string, field func(*T) *string) Flag[T] {
	return Flag[T]{Name: name, Arg: arg, Help: help, Set: func(o *T, v string) error {
		if !slices.Contains(words, v) {
			return fmt.Errorf("wants %s or %s, got %q", strings.Join(words[:len(words)-1], ", "), words[len(words)-1], v)
		}
		*field(o) = v
		return nil
	}}
}

// Format is --format FORMAT, one of formats, the first the default. It is
// in the setting "format", which the switches that are its short forms
// (--json) join with InSetting, so that giving both is a usage error.
func Format[T any](help string, formats []string, field func(*T) *string) Flag[T] {
	return InSetting("format", OneOf("format", "FORMAT", help, formats, field))
}

// ParseNone is Parse for a command that takes no arguments but flags.
func ParseNone[T any](command string, args []string, table Flags[T], o *T) error {
	rest, err := Parse(command, args, table, o)
	if err == nil && len(rest) > 0 {
		err = UsageError{Msg: fmt.Sprintf("%s takes no arguments, got %q", command, rest[0])}
	}
	return err
}

// Doc is the flag table as clidoc describes it: what a flag's value is
// follows from its Arg (FILE a file, N a number) and its Choices.
func (t Flags[T]) Doc() []clidoc.Flag {
	out := make([]clidoc.Flag, len(t))
	for i, d := range t {
		kind, ok := map[string]clidoc.Kind{"": clidoc.None, "FILE": clidoc.File, "N": clidoc.Number}[d.Arg]
		switch {
		case d.Arg != "" && len(d.Choices) > 0:
			kind = clidoc.Choice
		case !ok:
			kind = clidoc.Text
		}
		out[i] = clidoc.Flag{Name: d.Name, Aliases: d.Aliases, Value: kind, Choices: d.Choices, Placeholder: d.Arg, Help: d.Help}
	}
	return out
}
