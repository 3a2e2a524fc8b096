package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/careerquiz/careerquiz/internal/fileio"
	"golang.org/x/term"
)

// stdoutHint is what to do when standard output cannot be written.
const stdoutHint = "check where standard output goes (a full disk, a closed pipe or stream), or send it to a file with > FILE"

// StdoutError is a failed write to standard output.
type StdoutError struct{ err error }

func (e *StdoutError) Error() string {
	text := e.err.Error()
	if pe := (*fs.PathError)(nil); errors.As(e.err, &pe) {
		text = pe.Err.Error()
	}
	return "standard output: " + text
}
func (e *StdoutError) Unwrap() error { return e.err }

// Stdout passes writes on to W and keeps the first error. Every command's
// output goes through it, so that none can end in silence when standard
// output cannot take it (a full disk, a closed stream): the run ends with
// status 1 and a message however the command went on.
type Stdout struct {
	W   io.Writer
	err error
}

func (c *Stdout) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.W.Write(p)
	if err != nil {
		c.err = &StdoutError{err}
	}
	return n, c.err
}

// Outcome is the run's error once its output is judged: a failed write to
// standard output is an error even where the command went on regardless,
// and says what to do where the error it caused does not.
func (c *Stdout) Outcome(err error) error {
	if c.err == nil {
		return err
	}
	switch {
	case err == nil:
		return WithHint(c.err, "%s", stdoutHint)
	case errors.Is(err, c.err) && fileio.Hint(err) == "":
		return WithHint(err, "%s", stdoutHint)
	}
	return err
}

// closedStdout stands for a standard output that was closed (>&-).
type closedStdout struct{}

func (closedStdout) Write([]byte) (int, error) {
	return 0, errors.New("it was closed before careerquiz started")
}

// SystemStdout is os.Stdout, or a writer that fails where it was closed
// before the run: the Go runtime then opens /dev/null in its place, and
// every write would vanish without a word.
func SystemStdout() io.Writer {
	if stdoutWasClosed() {
		return closedStdout{}
	}
	return os.Stdout
}

// StdoutFile is the name of the regular file stdout writes to, relative to
// the working folder where it lies within it, or "" where that is not
// known. Only Linux says, through /proc.
func StdoutFile(stdout io.Writer, goos string) string {
	if c, ok := stdout.(*Stdout); ok {
		stdout = c.W
	}
	f, ok := stdout.(*os.File)
	if !ok || goos != "linux" {
		return ""
	}
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	name, err := os.Readlink(fmt.Sprintf("/proc/self/fd/%d", f.Fd()))
	if err != nil || !filepath.IsAbs(name) {
		return ""
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, name); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return name
}

// IsTerminal reports whether a stream is an interactive terminal.
func IsTerminal(stream any) bool {
	f, ok := stream.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(f.Fd()))
}

// Columns is how wide the terminal a stream is, or 0 where that is not
// known.
func Columns(stream any) int {
	f, ok := stream.(interface{ Fd() uintptr })
	if !ok {
		return 0
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return 0
	}
	return cols
}
