package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/internal/suggest"
)

// A flagDef is one flag of one command. Each command keeps its flags in a
// flagTable, and one entry there gives a flag its parsing, its lines in the
// command's help and typo suggestions: adding a flag is adding an entry.
type flagDef[T any] struct {
	name string
	// aliases are other spellings that work too (--no-colour) but are not
	// shown in the help.
	aliases []string
	// arg names the value in the help (FILE, N); empty for a switch, which
	// takes no value (--json, or --json=false).
	arg string
	// help says what the flag does; lines after the first are indented
	// under it.
	help string
	// setting groups flags that choose the same thing (--no-color and
	// --color): giving a setting twice is a usage error, except for the same
	// switch repeated. Empty means the flag's name.
	setting string
	// set stores the value given. An error says what was wrong with the
	// value, after the flag's name: "--seed: want a whole number".
	set func(o *T, value string) error
}

// switchFlag is a flag that takes no value and sets a field to true.
func switchFlag[T any](name, help string, field func(*T) *bool) flagDef[T] {
	return flagDef[T]{name: name, help: help, set: func(o *T, v string) error {
		on, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("takes no value (or =true, =false), got %q", v)
		}
		*field(o) = on
		return nil
	}}
}

// fileFlag is a flag naming a file; an empty name is a usage error rather
// than a quiet fall back to a default.
func fileFlag[T any](name, help string, field func(*T) *string) flagDef[T] {
	return flagDef[T]{name: name, arg: "FILE", help: help, set: func(o *T, v string) error {
		if v == "" {
			return errors.New("needs a file name")
		}
		*field(o) = v
		return nil
	}}
}

// flagTable is a command's flags.
type flagTable[T any] []flagDef[T]

// flagHelp is what a command's help and suggestions need of its flags,
// whatever the type its flags fill in.
type flagHelp interface {
	// names are every spelling accepted, aliases included.
	names() []string
	// options is the Options section of the help, one flag after another.
	options() string
}

func (t flagTable[T]) names() []string {
	var ns []string
	for _, d := range t {
		ns = append(ns, d.name)
		ns = append(ns, d.aliases...)
	}
	return ns
}

func (t flagTable[T]) options() string {
	labels := make([]string, len(t))
	width := len("-h, --help")
	for i, d := range t {
		labels[i] = "--" + d.name
		if d.arg != "" {
			labels[i] += " " + d.arg
		}
		width = max(width, len(labels[i]))
	}
	var b strings.Builder
	line := func(label, help string) {
		for i, l := range strings.Split(help, "\n") {
			if i > 0 {
				label = ""
			}
			fmt.Fprintf(&b, "    %-*s   %s\n", width, label, l)
		}
	}
	for i, d := range t {
		line(labels[i], d.help)
	}
	line("-h, --help", "show this help")
	return b.String()
}

// parse is the state of one parseArgs call, shared by its flag values.
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

// flagValue adapts one flagDef, under one of its spellings, to the flag
// package.
type flagValue[T any] struct {
	def *flagDef[T]
	as  string
	o   *T
	p   *parse
}

func (v *flagValue[T]) String() string   { return "" }
func (v *flagValue[T]) IsBoolFlag() bool { return v.def.arg == "" }

func (v *flagValue[T]) Set(value string) error {
	setting := v.def.setting
	if setting == "" {
		setting = v.def.name
	}
	now := given{def: v.def.name, shown: "--" + v.as}
	if v.def.arg != "" {
		now.shown += "=" + value
	}
	if before, ok := v.p.given[setting]; ok {
		switch {
		case v.def.arg == "" && before.def == now.def:
			// The same switch twice says the same thing twice.
		case before.def == now.def:
			return v.fail(fmt.Sprintf("--%s given twice (%s, then %s): give it once", v.def.name, before.shown, now.shown))
		default:
			return v.fail(fmt.Sprintf("%s and %s cannot be used together: give one", before.shown, now.shown))
		}
	}
	v.p.given[setting] = now
	if err := v.def.set(v.o, value); err != nil {
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
func (p *parse) usage(msg string) usageError {
	if p.command != "" {
		msg = p.command + ": " + msg
	}
	return usageError{msg}
}

// helpRequested is -h, -help or --help: the caller prints the command's
// help on stdout and exits 0.
type helpRequested struct{ command string }

func (h helpRequested) Error() string { return "help requested" }

// parseArgs fills o from args by the command's flag table and returns the
// arguments that are not flags, in order. Flags may come before or after
// them, one dash or two, and "--" ends the flags. A mistake is a
// usageError naming the flag as --name, with a suggestion for a misspelt
// one.
func parseArgs[T any](command string, args []string, table flagTable[T], o *T) ([]string, error) {
	fs := flag.NewFlagSet(command, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	p := &parse{command: command, given: map[string]given{}}
	for i := range table {
		d := &table[i]
		for _, name := range append([]string{d.name}, d.aliases...) {
			fs.Var(&flagValue[T]{def: d, as: name, o: o, p: p}, name, "")
		}
	}
	var rest []string
	for {
		err := fs.Parse(args)
		consumed := args[:len(args)-len(fs.Args())]
		if err != nil {
			return nil, p.explain(err, consumed, fs, table)
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
func (p *parse) explain(err error, consumed []string, fs *flag.FlagSet, table flagHelp) error {
	if errors.Is(err, flag.ErrHelp) {
		return helpRequested{p.command}
	}
	if p.err != nil {
		return p.err
	}
	if len(consumed) == 0 {
		return p.usage(err.Error())
	}
	name, _, _ := strings.Cut(strings.TrimLeft(consumed[len(consumed)-1], "-"), "=")
	if fs.Lookup(name) != nil {
		// A defined flag fails here only when its value is missing.
		arg := ""
		if f, ok := fs.Lookup(name).Value.(interface{ argName() string }); ok {
			arg = f.argName()
		}
		return p.usage(fmt.Sprintf("--%s needs %s", name, describeArg(arg)))
	}
	ue := p.usage("unknown flag --" + name)
	if s := suggest.Closest(name, append(table.names(), "help")); s != "" {
		return withHint(ue, "did you mean --%s?", s)
	}
	return ue
}

func (v *flagValue[T]) argName() string { return v.def.arg }

func describeArg(arg string) string {
	switch arg {
	case "FILE":
		return "a file name"
	case "N":
		return "a number"
	case "":
		return "a value"
	}
	return "a value (" + arg + ")"
}
