package main

import (
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
)

// Every command's output goes through one checked writer, so that none can
// end in silence when standard output cannot take it (a full disk, a
// closed stream): the first failed write is remembered, and the run ends
// with status 1 and a message however the command went on.

// stdoutHint is what to do when standard output cannot be written.
const stdoutHint = "check where standard output goes (a full disk, a closed pipe or stream), or send it to a file with > FILE"

// errStdoutClosed is the error of every write to a standard output that
// was closed before the run began.
var errStdoutClosed = errors.New("it was closed before careerquiz started")

// stdoutError is a failed write to standard output.
type stdoutError struct{ err error }

func (e *stdoutError) Error() string {
	text := e.err.Error()
	if pe := (*fs.PathError)(nil); errors.As(e.err, &pe) {
		text = pe.Err.Error()
	}
	return "standard output: " + text
}
func (e *stdoutError) Unwrap() error { return e.err }

// checkedStdout passes writes on to w and keeps the first error.
type checkedStdout struct {
	w   io.Writer
	err error
}

func (c *checkedStdout) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = &stdoutError{err}
	}
	return n, c.err
}

// checkStdout wraps e's standard output in a checked writer; the streams
// it is asked about stay known by what they are.
func checkStdout(e env) (env, *checkedStdout) {
	out := &checkedStdout{w: e.stdout}
	unwrap := func(s any) any {
		if s == any(out) {
			return out.w
		}
		return s
	}
	isTerminal, columns := e.isTerminal, e.columns
	e.stdout = out
	e.isTerminal = func(s any) bool { return isTerminal(unwrap(s)) }
	if columns != nil {
		e.columns = func(s any) int { return columns(unwrap(s)) }
	}
	return e, out
}

// outcome is the run's error once its output is judged: a failed write to
// standard output is an error even where the command went on regardless,
// and says what to do where the error it caused does not.
func (c *checkedStdout) outcome(err error) error {
	if c.err == nil {
		return err
	}
	var h cli.Hinted
	switch {
	case err == nil:
		return cli.WithHint(c.err, "%s", stdoutHint)
	case errors.Is(err, c.err) && !errors.As(err, &h):
		return cli.WithHint(err, "%s", stdoutHint)
	}
	return err
}

// closedStdout stands for a standard output that was closed (>&-).
type closedStdout struct{}

func (closedStdout) Write([]byte) (int, error) { return 0, errStdoutClosed }

// systemStdout is os.Stdout, or closedStdout where it was closed before
// the run: the Go runtime then opens /dev/null in its place, and every
// write would vanish without a word.
func systemStdout() io.Writer {
	if stdoutWasClosed() {
		return closedStdout{}
	}
	return os.Stdout
}
