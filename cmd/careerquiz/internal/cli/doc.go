package cli

import (
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/clidoc"
)

// Doc is the flag table as clidoc describes it: what a flag's value is
// follows from its Arg (FILE a file, N a number) and its Choices.
func (t Flags[T]) Doc() []clidoc.Flag {
	out := make([]clidoc.Flag, len(t))
	for i, d := range t {
		f := clidoc.Flag{Name: d.Name, Aliases: d.Aliases, Choices: d.Choices, Placeholder: d.Arg,
			Help: strings.Join(strings.Fields(d.Help), " ")}
		switch {
		case d.Arg == "":
			f.Value = clidoc.None
		case len(d.Choices) > 0:
			f.Value = clidoc.Choice
		case d.Arg == "FILE":
			f.Value = clidoc.File
		case d.Arg == "N":
			f.Value = clidoc.Number
		default:
			f.Value = clidoc.Text
		}
		out[i] = f
	}
	return out
}
