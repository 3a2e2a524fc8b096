package clidoc

import (
	"fmt"
	"io"
	"strings"
)

// Fish writes a fish completion script for p: commands and flags with
// their descriptions, flag values, and file names only where a file is
// expected.
func Fish(w io.Writer, p Program) error {
	if err := p.check(); err != nil {
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, `# fish completion for %[1]s.
# For this shell:  %[1]s completion fish | source
# For good:        %[1]s completion fish > ~/.config/fish/completions/%[1]s.fish

# File names are offered only where a file is expected.
complete -c %[1]s -f
`, p.Name)
	top := "__fish_use_subcommand"
	if len(p.Commands) > 0 {
		b.WriteString("\n# Commands, before anything else.\n")
	}
	for _, c := range p.Commands {
		fmt.Fprintf(&b, "complete -c %s -n %s -a %s -d %s\n", p.Name, top, c.Name, fishQuote(oneLine(c.Summary)))
	}
	fishFlags := func(cond string, flags []Flag, args []Arg) {
		for _, f := range flags {
			for _, n := range f.names() {
				fmt.Fprintf(&b, "complete -c %s -n %s -l %s", p.Name, fishQuote(cond), n)
				switch f.Value {
				case File:
					b.WriteString(" -r -F")
				case Choice:
					// fish gives each value the description on its line: the
					// values get none, and the flag its own on a line of its own.
					fmt.Fprintf(&b, " -x -a %s\n", fishQuote(strings.Join(f.Choices, " ")))
					fmt.Fprintf(&b, "complete -c %s -n %s -l %s -x", p.Name, fishQuote(cond), n)
				case Number, Text:
					b.WriteString(" -x")
				}
				fmt.Fprintf(&b, " -d %s\n", fishQuote(oneLine(f.Help)))
			}
		}
		fmt.Fprintf(&b, "complete -c %s -n %s -s h -l help -d 'show help'\n", p.Name, fishQuote(cond))
		for _, a := range args {
			switch a.Kind {
			case File:
				fmt.Fprintf(&b, "complete -c %s -n %s -F\n", p.Name, fishQuote(cond))
			case Choice:
				fmt.Fprintf(&b, "complete -c %s -n %s -a %s\n", p.Name, fishQuote(cond), fishQuote(strings.Join(a.Choices, " ")))
			}
		}
	}
	fmt.Fprintf(&b, "\n# %s's own flags, with no command.\n", p.Name)
	fishFlags(top, p.Flags, p.Args)
	for _, c := range p.Commands {
		fmt.Fprintf(&b, "\n# %s %s\n", p.Name, c.Name)
		fishFlags("__fish_seen_subcommand_from "+c.Name, c.Flags, c.Args)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// fishQuote quotes s for fish: in single quotes, where only \ and ' are
// escaped.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
