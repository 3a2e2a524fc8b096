//go:build !windows

package ptytest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	"github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"
)

// Keys as a terminal sends them.
const (
	Up    = "\x1b[A"
	Down  = "\x1b[B"
	Space = " "
	Enter = "\r"
	CtrlC = "\x03"
	CtrlD = "\x04"
	Esc   = "\x1b"
)

// Width and Height are the size of the screen Run gives, in cells: the
// smallest terminal a program is commonly expected to fit. RunSized gives
// another.
const (
	Width  = 80
	Height = 24
)

// Timeout bounds every wait: for text to be drawn, for a program to read
// keys, and for a program or a person to finish once the other has.
const Timeout = 10 * time.Second

// ended is written to the terminal once the program has ended, after all
// it drew, so that the person reads to the end before the terminal closes:
// closing a pseudo-terminal with output unread may lose the end of it.
// Screens ignore it: it is a command (OSC) no terminal knows.
const ended = "\x1b]careerquiz-ptytest-ended\a"

// Person is someone at the keyboard of a pseudo-terminal, looking at its
// screen. The screen shows what the program has drawn up to the last thing
// the person waited for: See and Leave read the program's output, nothing
// else does.
type Person struct {
	console *expect.Console
	screen  vt10x.Terminal
	output  *transcript

	// mu guards the terminal's closing, and the mode it was left in, so
	// that Raw answers after the program has ended.
	mu      sync.Mutex
	closed  bool
	leftRaw bool
}

// Run starts program on the terminal side of a fresh pseudo-terminal (tty is
// both its keyboard and its screen) and has act play the person at it. An
// error from either fails t, with the screen as it was. When act fails, the
// program is sent Ctrl-C to release a prompt still waiting for keys. Run
// returns once both have finished, and fails t if either is still going
// Timeout after the other.
func Run(t testing.TB, program func(tty *os.File) error, act func(p *Person) error) {
	t.Helper()
	RunSized(t, Width, Height, program, act)
}

// RunSized is Run on a screen of cols×rows cells.
func RunSized(t testing.TB, cols, rows int, program func(tty *os.File) error, act func(p *Person) error) {
	t.Helper()
	// A second pty carries the screen's answers to the program's queries
	// (where is the cursor?) back to the program's keyboard, as a real
	// terminal would.
	answersIn, answersOut, err := pty.Open()
	if err != nil {
		t.Fatalf("opening a pseudo-terminal: %v", err)
	}
	screen := vt10x.New(vt10x.WithWriter(answersOut), vt10x.WithSize(cols, rows))
	output := &transcript{}
	console, err := expect.NewConsole(expect.WithStdin(answersIn), expect.WithStdout(screen, output),
		expect.WithCloser(answersIn, answersOut), expect.WithDefaultTimeout(Timeout))
	if err != nil {
		t.Fatalf("opening a console: %v", err)
	}
	defer console.Close()
	if err := pty.Setsize(console.Tty(), &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		t.Fatalf("sizing the terminal: %v", err)
	}
	p := &Person{console: console, screen: screen, output: output}

	acted := make(chan error, 1)
	go func() {
		err := act(p)
		if err != nil {
			// Release a prompt still waiting for keys, and go on reading
			// what the program draws so that it is never stuck writing.
			_, _ = console.Send(CtrlC)
			_ = p.Leave()
		}
		acted <- err
	}()
	ran := make(chan error, 1)
	go func() { ran <- program(console.Tty()) }()

	// Whoever ends first, the other is waited for; acted is set to nil
	// once the person has finished.
	var ranErr, actErr error
	select {
	case ranErr = <-ran:
		if _, err := console.Tty().WriteString(ended); err != nil {
			t.Errorf("marking the end of the program's output: %v", err)
		}
		select {
		case actErr = <-acted:
			acted = nil
		case <-time.After(Timeout):
		}
	case actErr = <-acted:
		acted = nil
		select {
		case ranErr = <-ran:
		case <-time.After(Timeout):
			t.Fatalf("the program did not end after the person finished (%v)\nscreen:\n%s", actErr, p.Screen())
		}
	}
	if ranErr != nil {
		t.Errorf("%v\nscreen:\n%s", ranErr, p.Screen())
	}
	if err := p.close(); err != nil {
		t.Errorf("closing the terminal: %v", err)
	}
	if acted != nil {
		select {
		case actErr = <-acted:
		case <-time.After(Timeout):
			t.Fatalf("the person did not finish after the program ended\nscreen:\n%s", p.Screen())
		}
	}
	if actErr != nil {
		t.Error(actErr)
	}
}

// See waits until s has been drawn, reading the program's output up to the
// end of s and no further.
func (p *Person) See(s string) error {
	out, err := p.console.Expect(expect.String(s), expect.String(ended), until(time.Now().Add(Timeout)))
	switch {
	case err != nil || strings.Contains(out, s):
	case strings.HasSuffix(out, ended):
		err = errors.New("the program ended without drawing it")
	default:
		err = fmt.Errorf("not drawn within %v", Timeout)
	}
	if err != nil {
		return fmt.Errorf("waiting for %q: %w\nscreen:\n%s", s, err, p.Screen())
	}
	return nil
}

// Press types keys once the program reads keys one by one; with no keys,
// it only waits for that. Keys typed before the program has switched the
// terminal out of line mode would be taken by the line discipline instead
// (Ctrl-C would be discarded), which real people are too slow to run into
// but a test is not.
func (p *Person) Press(keys ...string) error {
	for deadline := time.Now().Add(Timeout); ; time.Sleep(time.Millisecond) {
		raw, err := p.Raw()
		if err != nil {
			return err
		}
		if raw {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the program never read keys one by one, to type %q\nscreen:\n%s", keys, p.Screen())
		}
	}
	if _, err := p.console.Send(strings.Join(keys, "")); err != nil {
		return fmt.Errorf("typing %q: %w", keys, err)
	}
	return nil
}

// Type types a line for a program that reads whole lines, in line mode
// (such as a prompt of numbered answers): the line discipline holds it
// until the program reads, so there is nothing to wait for. A line ending
// is added.
func (p *Person) Type(line string) error {
	if _, err := p.console.Send(line + "\r"); err != nil {
		return fmt.Errorf("typing %q: %w", line, err)
	}
	return nil
}

// Raw reports whether the terminal is out of line mode, so that the
// program reads keys one by one as they are typed. Once the program has
// ended, it reports the mode the program left the terminal in, which should
// be line mode, as the program found it.
func (p *Person) Raw() (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return p.leftRaw, nil
	}
	return p.raw()
}

func (p *Person) raw() (bool, error) {
	tio, err := unix.IoctlGetTermios(int(p.console.Tty().Fd()), getTermios)
	if err != nil {
		return false, fmt.Errorf("reading terminal settings: %w", err)
	}
	return tio.Lflag&unix.ICANON == 0, nil
}

// close closes the terminal once the program has ended, noting the mode it
// was left in.
func (p *Person) close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	raw, err := p.raw()
	p.closed, p.leftRaw = true, raw
	return errors.Join(err, p.console.Tty().Close())
}

// Resize changes the size of the terminal and of its screen, as a person
// dragging the window's corner does. The program learns of it as programs
// do: by asking the terminal its size, or from SIGWINCH where it is the
// terminal's foreground process.
func (p *Person) Resize(cols, rows int) error {
	p.screen.Resize(cols, rows)
	if err := pty.Setsize(p.console.Tty(), &pty.Winsize{Cols: uint16(cols), Rows: uint16(rows)}); err != nil {
		return fmt.Errorf("resizing the terminal: %w", err)
	}
	return nil
}

// Leave waits for the program to end, reading the rest of its output.
func (p *Person) Leave() error {
	out, err := p.console.Expect(expect.String(ended), until(time.Now().Add(Timeout)))
	if err == nil && !strings.HasSuffix(out, ended) {
		err = fmt.Errorf("still going after %v", Timeout)
	}
	if err != nil {
		return fmt.Errorf("waiting for the end: %w\nscreen:\n%s", err, p.Screen())
	}
	return nil
}

// Screen returns the text on the screen: a line for each row of cells,
// every line ended by a newline.
func (p *Person) Screen() string { return p.screen.String() }

// Output returns everything the program has drawn so far, escape sequences
// included, as the terminal received it.
func (p *Person) Output() string { return strings.TrimSuffix(p.output.String(), ended) }

// Foreground returns the colour in which the first cell of s is drawn, where
// s is on the screen: vt10x.DefaultFG unless the program chose one. ok is
// false when s is not on the screen, or is split across lines.
func (p *Person) Foreground(s string) (c vt10x.Color, ok bool) {
	p.screen.Lock()
	defer p.screen.Unlock()
	cols, rows := p.screen.Size()
	for y := range rows {
		line := make([]rune, cols)
		for x := range cols {
			line[x] = p.screen.Cell(x, y).Char
		}
		if i := strings.Index(string(line), s); i >= 0 {
			x := len([]rune(string(line)[:i]))
			return p.screen.Cell(x, y).FG, true
		}
	}
	return 0, false
}

// until bounds a wait in which the program keeps drawing but never the
// text waited for, which Expect's own timeout, a bound on silence, does not.
func until(t time.Time) expect.ExpectOpt {
	return func(o *expect.ExpectOpts) error {
		o.Matchers = append(o.Matchers, deadline(t))
		return nil
	}
}

// deadline is a matcher that matches once its moment has passed.
type deadline time.Time

func (d deadline) Match(any) bool { return time.Now().After(time.Time(d)) }
func (d deadline) Criteria() any  { return time.Time(d) }

// transcript keeps what the program drew, for tests of the bytes
// themselves (colour sequences, for instance), which the screen does not
// show.
type transcript struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (t *transcript) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.Write(b)
}

func (t *transcript) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.buf.String()
}
