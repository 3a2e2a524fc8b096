package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// Messages carry file names, which may hold any byte
// (`x\033[2J\033]0;PWNED\007.toml` is a valid name), and errors from
// libraries quote what they read, C1 controls included. Bank text is
// cleaned when the bank is loaded; everything else passes through
// termsafe.Clean here on its way out, so that no message, hint or report
// can clear a screen, retitle a window or hide text.

// Messages writes every message line the command prints to one stream,
// standard error: each formatted as by fmt.Fprintf, cleaned of control
// characters other than newlines, and wrapped at Width (0 for a stream
// that is no terminal, where a script wants a message whole on one line).
type Messages struct {
	W     io.Writer
	Width int
}

// Say writes one message.
func (m Messages) Say(format string, args ...any) {
	io.WriteString(m.W, Wrap(termsafe.Clean(fmt.Sprintf(format, args...)), m.Width))
}

// Warn writes a warning: something the person should know, which does not
// stop the run.
func (m Messages) Warn(format string, args ...any) {
	m.Say("careerquiz: warning: "+format+"\n", args...)
}

// Hint writes a hint: what the person can do next.
func (m Messages) Hint(format string, args ...any) {
	m.Say("careerquiz: hint: "+format+"\n", args...)
}

// CleanWriter cleans everything written through it, for reports on stdout
// that quote file names and messages. A report is written a line or a
// value at a time, so no escape sequence is split between two writes.
type CleanWriter struct{ W io.Writer }

func (c CleanWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(c.W, termsafe.Clean(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Wrap wraps each line of msg longer than width between words,
// continuing it at its own indent. A file name must copy cleanly: a long
// one (anything with a folder in it, over half the width) stands whole on
// a line of its own, and so does any word longer than the line. A width of
// 0 leaves msg as it is.
func Wrap(msg string, width int) string {
	if width <= 0 {
		return msg
	}
	lines := strings.Split(msg, "\n")
	for i, line := range lines {
		if textwrap.Width(line) <= width {
			continue
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		avail := width - len(indent)
		var out, prose []string
		flush := func() {
			if len(prose) > 0 {
				out = append(out, textwrap.Wrap(strings.Join(prose, " "), width, indent)...)
				prose = nil
			}
		}
		for _, word := range strings.Fields(line) {
			n := textwrap.Width(word)
			if n > avail || (n > width/2 && strings.ContainsAny(word, `/\`)) {
				flush()
				out = append(out, indent+word)
				continue
			}
			prose = append(prose, word)
		}
		flush()
		lines[i] = strings.Join(out, "\n")
	}
	return strings.Join(lines, "\n")
}
