package cli

import (
	"fmt"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/clidoc"
)

// A Command is what the help says of one command.
type Command struct {
	Name string
	// Synopsis is what follows "careerquiz NAME" in the usage.
	Synopsis string
	// Summary says what it does in the top-level usage; lines after the
	// first continue it.
	Summary string
	// About is its own help, between its Usage line and its Options.
	About string
	// Flags are listed under Options in its help; nil for none.
	Flags Help
	// More is its help after Options: examples, exit status.
	More string
	// Args are its arguments, for shell completion and the man page.
	Args []clidoc.Arg
}

func (c Command) usage() string { return strings.TrimSpace("careerquiz " + c.Name + " " + c.Synopsis) }

// Page is the command's help.
func (c Command) Page() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: %s\n\n%s\n", c.usage(), c.About)
	if c.Flags != nil {
		fmt.Fprintf(&b, "\nOptions:\n%s", c.Flags.Options())
	}
	if c.More != "" {
		fmt.Fprintf(&b, "\n%s", c.More)
	}
	return b.String()
}

// Usage is the top-level usage: intro, the commands (the quiz itself
// first, as quiz says), the quiz's flags and more.
func Usage(intro string, quiz Command, commands []Command) string {
	const column = 36
	var b strings.Builder
	b.WriteString(intro)
	b.WriteString("\nUsage:\n")
	entry(&b, column, "careerquiz "+quiz.Synopsis, quiz.Summary)
	for _, c := range commands {
		entry(&b, column, c.usage(), c.Summary)
	}
	entry(&b, column, "careerquiz --version", "print the version")
	fmt.Fprintf(&b, "\nOptions:\n%s\n%s", quiz.Flags.Options(), quiz.More)
	return b.String()
}

// entry writes label, then text in a column at col, each line of text under
// the last; a label too wide for its column stands on a line of its own.
func entry(b *strings.Builder, col int, label, text string) {
	if len(label) >= col {
		fmt.Fprintf(b, "    %s\n", label)
		label = ""
	}
	for _, l := range strings.Split(text, "\n") {
		fmt.Fprintf(b, "    %-*s%s\n", col, label, l)
		label = ""
	}
}
