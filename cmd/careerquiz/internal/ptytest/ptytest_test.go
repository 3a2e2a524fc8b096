//go:build !windows

package ptytest_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hinshun/vt10x"
	"golang.org/x/term"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
)

// greet is a small interactive program: it asks for a key in raw mode, as
// prompt libraries do, and answers with the key in green.
func greet(tty *os.File) error {
	state, err := term.MakeRaw(int(tty.Fd()))
	if err != nil {
		return err
	}
	defer func() { _ = term.Restore(int(tty.Fd()), state) }()
	if _, err := fmt.Fprint(tty, "Press a key\r\n"); err != nil {
		return err
	}
	key := make([]byte, 1)
	if _, err := tty.Read(key); err != nil {
		return err
	}
	if key[0] == ptytest.CtrlC[0] {
		return errors.New("interrupted")
	}
	_, err = fmt.Fprintf(tty, "You pressed \x1b[32m%s\x1b[0m\r\n", key)
	return err
}

func TestRun(t *testing.T) {
	ptytest.Run(t, greet, func(p *ptytest.Person) error {
		if err := p.See("Press a key"); err != nil {
			return err
		}
		if err := p.Press("x"); err != nil {
			return err
		}
		if err := p.See("You pressed"); err != nil {
			return err
		}
		if err := p.Leave(); err != nil {
			return err
		}
		if raw, err := p.Raw(); err != nil || raw {
			return fmt.Errorf("the terminal is left in raw mode (%v)", err)
		}
		rows := strings.Split(p.Screen(), "\n")
		if len(rows) != ptytest.Height+1 || len([]rune(rows[0])) != ptytest.Width {
			return fmt.Errorf("the screen is not %d×%d:\n%s", ptytest.Width, ptytest.Height, p.Screen())
		}
		if strings.TrimRight(rows[1], " ") != "You pressed x" {
			return fmt.Errorf("the answer is not on the second row:\n%s", p.Screen())
		}
		if fg, ok := p.Foreground("x"); !ok || fg != vt10x.Green {
			return fmt.Errorf("the key is drawn in colour %d (found: %v), want green", fg, ok)
		}
		if fg, ok := p.Foreground("You"); !ok || fg != vt10x.DefaultFG {
			return fmt.Errorf("the text is drawn in colour %d (found: %v), want the default", fg, ok)
		}
		if _, ok := p.Foreground("not there"); ok {
			return errors.New("text that is not on the screen has a colour")
		}
		if !strings.Contains(p.Output(), "\x1b[32mx\x1b[0m") {
			return fmt.Errorf("the output lacks the colour sequences: %q", p.Output())
		}
		return nil
	})
}

// TestSeeFailsAtTheEnd: text that never comes is an error, with the screen
// to show what came instead, as soon as the program ends.
func TestSeeFailsAtTheEnd(t *testing.T) {
	ptytest.Run(t, func(tty *os.File) error {
		_, err := fmt.Fprint(tty, "Goodbye\r\n")
		return err
	}, func(p *ptytest.Person) error {
		err := p.See("Hello")
		if err == nil {
			return errors.New("text that was never drawn was seen")
		}
		if !strings.Contains(err.Error(), `"Hello"`) || !strings.Contains(err.Error(), "screen:\nGoodbye") {
			return fmt.Errorf("the error does not name the text and show the screen: %v", err)
		}
		return nil
	})
}

// TestRunReleasesTheProgram: when the person fails, the program is sent
// Ctrl-C so that it stops waiting for keys.
func TestRunReleasesTheProgram(t *testing.T) {
	var ended error
	q := &quiet{T: t}
	ptytest.Run(q, func(tty *os.File) error {
		ended = greet(tty)
		return nil
	}, func(p *ptytest.Person) error {
		if err := p.See("Press a key"); err != nil {
			return err
		}
		return errors.New("the person gives up")
	})
	if ended == nil || ended.Error() != "interrupted" {
		t.Errorf("the program ended with %v, want it interrupted", ended)
	}
	if q.errors == nil || !strings.Contains(strings.Join(q.errors, "\n"), "the person gives up") {
		t.Errorf("the person's error is not reported; reported: %q", q.errors)
	}
}

// quiet is a test whose errors are expected: it records them instead of
// failing.
type quiet struct {
	*testing.T
	errors []string
}

func (q *quiet) Error(args ...any) { q.errors = append(q.errors, fmt.Sprint(args...)) }

func (q *quiet) Errorf(format string, args ...any) {
	q.errors = append(q.errors, fmt.Sprintf(format, args...))
}

// TestRawAfterTheEnd: Raw tells a program that leaves the terminal in raw
// mode from one that restores it.
func TestRawAfterTheEnd(t *testing.T) {
	ptytest.Run(t, func(tty *os.File) error {
		_, err := term.MakeRaw(int(tty.Fd()))
		return err
	}, func(p *ptytest.Person) error {
		if err := p.Leave(); err != nil {
			return err
		}
		if raw, err := p.Raw(); err != nil || !raw {
			return fmt.Errorf("Raw = %v, %v after the program left the terminal raw", raw, err)
		}
		return nil
	})
}
