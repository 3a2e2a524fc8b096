package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// This file is the gate between text the program did not write itself and
// the person's terminal. Messages carry file names, which may hold any byte
// (`x\033[2J\033]0;PWNED\007.toml` is a valid name), and errors from
// libraries quote what they read, C1 controls included. Bank text is
// cleaned when the bank is loaded; everything else passes here on its way
// out, so that no message, hint or report can clear a screen, retitle a
// window or hide text. There is one cleaning rule, quiz.Clean, so a
// message and a question are held to the same standard.

// say writes one message to w, formatted as by fmt.Fprintf and cleaned of
// control characters other than newlines. Every message line the command
// prints, its "careerquiz: " lines and hints, goes through here.
func say(w io.Writer, format string, args ...any) {
	io.WriteString(w, wrapMessage(gate(fmt.Sprintf(format, args...)), messageWidth(w)))
}

// gate is the cleaning every message gets. A file name need not be UTF-8,
// and a stray byte such as 0x9b is CSI to a terminal that reads bytes, so
// invalid UTF-8 becomes U+FFFD before quiz.Clean removes the controls.
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

// jsonWriter passes a JSON document through, escaping the characters that
// JSON allows raw in a string but a terminal obeys: C1 controls (U+0080 to
// U+009F, which include CSI and OSC), DEL and the bidirectional overrides.
// encoding/json already escapes C0 controls. Outside strings a JSON
// document holds only ASCII punctuation, letters and digits, so escaping
// these characters wherever they occur keeps the document the same
// document, now safe to print. A rune split between two writes is held
// back until it is whole.
type jsonWriter struct {
	w    io.Writer
	tail []byte
}

func (j *jsonWriter) Write(p []byte) (int, error) {
	data := append(j.tail, p...)
	j.tail = nil
	// Keep back a last rune that has not arrived whole.
	if i := lastRuneStart(data); i >= 0 && !utf8.FullRune(data[i:]) {
		j.tail = append([]byte(nil), data[i:]...)
		data = data[:i]
	}
	if _, err := io.WriteString(j.w, escapeJSONControls(string(data))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes out a rune still held back; an incomplete one is invalid
// UTF-8, which encoding/json never writes.
func (j *jsonWriter) Flush() error {
	if len(j.tail) == 0 {
		return nil
	}
	_, err := j.w.Write(j.tail)
	j.tail = nil
	return err
}

func lastRuneStart(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			return i
		}
	}
	return -1
}

func escapeJSONControls(s string) string {
	if strings.IndexFunc(s, needsJSONEscape) < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		if needsJSONEscape(r) {
			fmt.Fprintf(&b, `\u%04x`, r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsJSONEscape reports whether r is one of the characters above: a
// character at or beyond DEL that the one cleaning rule, quiz.Clean, would
// remove. Characters below DEL are encoding/json's to escape.
func needsJSONEscape(r rune) bool {
	if r < 0x7f {
		return false
	}
	s := string(r)
	return termsafe.Clean(s) != s
}
