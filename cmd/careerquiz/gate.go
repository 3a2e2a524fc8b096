package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// This file is the gate between text the program did not write itself and
// the person's terminal. Messages carry file names, which may hold any byte
// (`x\033[2J\033]0;PWNED\007.toml` is a valid name), and errors from
// libraries quote what they read, C1 controls included. Bank text is
// cleaned when the bank is loaded; everything else passes here on its way
// out, so that no message, hint or report can clear a screen, retitle a
// window or hide text. There is one cleaning rule, termsafe.Clean, so a
// message and a question are held to the same standard.

// say writes one message to w, formatted as by fmt.Fprintf and cleaned of
// control characters other than newlines. Every message line the command
// prints, its "careerquiz: " lines and hints, goes through here.
func say(w io.Writer, format string, args ...any) {
	io.WriteString(w, wrapMessage(gate(fmt.Sprintf(format, args...)), messageWidth(w)))
}

// gate is the cleaning every message gets. A file name need not be UTF-8,
// and a stray byte such as 0x9b is CSI to a terminal that reads bytes, so
// invalid UTF-8 becomes U+FFFD before termsafe.Clean removes the controls.
func gate(s string) string {
	return termsafe.Clean(strings.ToValidUTF8(s, "\uFFFD"))
}

// cleanWriter cleans everything written through it, for reports on stdout
// that quote file names and messages. A report is written a line or a
// value at a time, so no escape sequence is split between two writes.
type cleanWriter struct{ w io.Writer }

func (c cleanWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(c.w, gate(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
