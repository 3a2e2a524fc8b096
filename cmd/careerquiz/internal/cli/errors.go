// Package cli is what careerquiz's commands share to talk to a person: a
// table of flags per command, parsed with the flag package; the errors that
// carry an exit code or a hint; messages on standard error, cleaned of
// control characters and wrapped at the terminal's width; the checked
// standard output, the terminal and signal questions, and the reading of
// the bank and the answers the command line names.
package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/suggest"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
)

// Exit codes, as the usage text documents them.
const (
	ExitOK        = 0
	ExitError     = 1
	ExitUsage     = 2
	ExitInterrupt = 130
)

// UsageError is a mistake on the command line: it exits 2 and points at
// --help.
type UsageError struct{ Msg string }

func (e UsageError) Error() string { return e.Msg }

// WithHint gives err a hint: what the person can do about it. Every error
// with a hint is a *fileio.Error, so that fileio.Hint finds any.
func WithHint(err error, format string, args ...any) error {
	return &fileio.Error{Why: err.Error(), Err: err, Hint: fmt.Sprintf(format, args...)}
}

// Exit is an error that ends the run with a code of its own after its
// message (if any) and hint (if any) have been printed, such as an
// interruption.
type Exit struct {
	Code      int
	Msg, Hint string
}

func (e Exit) Error() string { return e.Msg }

// LeadIn puts a line of context before an error's own lines, such as where
// a file name came from.
type LeadIn struct {
	Line string
	Err  error
}

func (l LeadIn) Error() string { return l.Line + ": " + l.Err.Error() }
func (l LeadIn) Unwrap() error { return l.Err }

// Code is the exit code err ends the run with.
func Code(err error) int {
	var ec Exit
	var ue UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ec):
		return ec.Code
	case errors.As(err, &ue):
		return ExitUsage
	}
	return ExitError
}

// Error writes err as `careerquiz: …` lines. A list of bank problems gets
// one line each; a syntax error keeps its source excerpt as it is; an Exit
// has its message and hint, if any.
func (m Messages) Error(err error) {
	var ec Exit
	if errors.As(err, &ec) {
		if ec.Msg != "" {
			m.Say("careerquiz: %s\n", ec.Msg)
		}
		if ec.Hint != "" {
			m.Hint("%s", ec.Hint)
		}
		return
	}
	body := err
	var li LeadIn
	if errors.As(err, &li) {
		m.Say("careerquiz: %s\n", li.Line)
		body = li.Err
	}
	var ps quiz.Problems
	switch {
	case errors.As(body, &ps):
		for _, p := range ps {
			m.Say("careerquiz: %s\n", p.Error())
		}
		if len(ps) > 1 {
			m.Say("careerquiz: %d problems\n", len(ps))
		}
	default:
		lines := strings.Split(quotePaths(body), "\n")
		m.Say("careerquiz: %s\n", lines[0])
		// A source excerpt and its caret line up only as they are.
		for _, l := range lines[1:] {
			fmt.Fprint(m.W, termsafe.Clean(l+"\n"))
		}
	}
	switch {
	case fileio.Hint(err) != "":
		m.Hint("%s", fileio.Hint(err))
	case errors.Is(err, fs.ErrNotExist):
		m.Hint("%s", fileio.HintNotExist)
	}
}

// quotePaths is err's message with the file names of the system errors in
// it quoted as termsafe.Name quotes them: a system error shows a name raw,
// and a name with a newline would forge a line of the message.
func quotePaths(err error) string {
	msg := err.Error()
	var names []string
	if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
		names = append(names, pe.Path)
	}
	if le := (*os.LinkError)(nil); errors.As(err, &le) {
		names = append(names, le.Old, le.New)
	}
	for _, name := range names {
		if q := termsafe.Name(name); q != name && name != "" {
			msg = strings.ReplaceAll(msg, name, q)
		}
	}
	return msg
}

// NoSuch is the usage error of a command for a word that is none of the
// names it takes: the nearest as a hint, or else the list of them.
func NoSuch(command, what, word string, names []string, list string) error {
	err := UsageError{Msg: fmt.Sprintf("%s: no %s called %q", command, what, word)}
	if s := suggest.Closest(word, names); s != "" {
		return WithHint(err, "did you mean 'careerquiz %s %s'?", command, s)
	}
	return WithHint(err, "the %ss are %s", what, list)
}
