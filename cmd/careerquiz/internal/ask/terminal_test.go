//go:build !windows

package ask

// These tests put questions through a real pseudo-terminal, as survey's own
// tests do: the asker draws on the terminal side of a pty, a vt10x screen
// of 80×24 interprets what it draws (and answers the cursor queries survey
// sends), and go-expect plays the person at the keyboard.
//
// They run one after another because survey's colour switch, set by
// NewTerminal, is a package-wide variable.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	expect "github.com/Netflix/go-expect"
	pseudotty "github.com/creack/pty"
	"github.com/hinshun/vt10x"
	"golang.org/x/sys/unix"

	"github.com/careerquiz/careerquiz/quiz"
)

// Keys as a terminal sends them.
const (
	up    = "\x1b[A"
	down  = "\x1b[B"
	space = " "
	enter = "\r"
	ctrlC = "\x03"
)

// timeout bounds every wait, so that a broken test fails instead of hanging.
const timeout = 10 * time.Second

// person is someone at the keyboard of the pseudo-terminal.
type person struct {
	console *expect.Console
	screen  vt10x.Terminal
}

// see waits until s has been drawn.
func (p *person) see(s string) error {
	if _, err := p.console.ExpectString(s); err != nil {
		return fmt.Errorf("waiting for %q: %w\nscreen:\n%s", s, err, p.screen)
	}
	return nil
}

// press types keys once the prompt reads keys one by one. Keys typed
// before survey has switched the terminal to raw mode would be taken by the
// line discipline instead (Ctrl-C would be discarded), which real people
// are too slow to run into but a test is not.
func (p *person) press(keys ...string) error {
	fd := int(p.console.Tty().Fd())
	for deadline := time.Now().Add(timeout); ; time.Sleep(time.Millisecond) {
		tio, err := unix.IoctlGetTermios(fd, getTermios)
		if err != nil {
			return fmt.Errorf("reading terminal settings: %w", err)
		}
		if tio.Lflag&unix.ICANON == 0 {
			break
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the prompt never read keys\nscreen:\n%s", p.screen)
		}
	}
	if _, err := p.console.Send(strings.Join(keys, "")); err != nil {
		return fmt.Errorf("typing %q: %w", keys, err)
	}
	return nil
}

// leave waits for the asker to finish with the terminal.
func (p *person) leave() error {
	if _, err := p.console.ExpectEOF(); err != nil {
		return fmt.Errorf("waiting for the end: %w\nscreen:\n%s", err, p.screen)
	}
	return nil
}

// converse runs ask against a Terminal on a fresh 80×24 pseudo-terminal
// while act plays the person.
func converse(t *testing.T, ask func(*Terminal) error, act func(*person) error) {
	t.Helper()
	// The pty carries vt10x's answers to survey's cursor queries back to
	// the console's input, as a real terminal would.
	ptm, pts, err := pseudotty.Open()
	if err != nil {
		t.Fatalf("opening a pseudo-terminal: %v", err)
	}
	screen := vt10x.New(vt10x.WithWriter(pts), vt10x.WithSize(80, 24))
	console, err := expect.NewConsole(expect.WithStdin(ptm), expect.WithStdout(screen),
		expect.WithCloser(ptm, pts), expect.WithDefaultTimeout(timeout))
	if err != nil {
		t.Fatalf("opening a console: %v", err)
	}
	defer console.Close()
	if err := pseudotty.Setsize(console.Tty(), &pseudotty.Winsize{Cols: 80, Rows: 24}); err != nil {
		t.Fatalf("sizing the terminal: %v", err)
	}

	acted := make(chan error, 1)
	go func() {
		err := act(&person{console: console, screen: screen})
		if err != nil {
			// Release a prompt still waiting for keys.
			_, _ = console.Send(ctrlC)
		}
		acted <- err
	}()
	asked := make(chan error, 1)
	go func() { asked <- ask(NewTerminal(console.Tty(), console.Tty(), Options{})) }()

	select {
	case err := <-asked:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(3 * timeout):
		t.Fatal("the asker never returned")
	}
	if err := console.Tty().Close(); err != nil {
		t.Errorf("closing the terminal: %v", err)
	}
	select {
	case err := <-acted:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(3 * timeout):
		t.Fatal("the person never finished")
	}
}

// answer has the person wait for p's list and type keys, and checks what
// Ask returns.
func answer(t *testing.T, p Prompt, keys []string, want Reply, wantErr error) {
	t.Helper()
	converse(t, func(a *Terminal) error {
		got, err := a.Ask(p)
		if !errors.Is(err, wantErr) {
			return fmt.Errorf("Ask: err = %v, want %v", err, wantErr)
		}
		if got.Action != want.Action || !slices.Equal(got.Picks, want.Picks) {
			return fmt.Errorf("Ask = %+v, want %+v", got, want)
		}
		return nil
	}, func(pp *person) error {
		for _, s := range []string{progress(p), "Skip this question"} {
			if err := pp.see(s); err != nil {
				return err
			}
		}
		if err := pp.press(keys...); err != nil {
			return err
		}
		return pp.leave()
	})
}

func TestTerminalAsk(t *testing.T) {
	answered := func(picks ...int) Reply { return Reply{Action: Answered, Picks: picks} }
	keys := func(k ...string) []string { return k }
	tests := []struct {
		name    string
		prompt  Prompt
		keys    []string
		want    Reply
		wantErr error
	}{
		{"arrows and Enter pick an option", choice(4), keys(down, down, enter), answered(2), nil},
		{"Enter picks the first option", choice(4), keys(enter), answered(0), nil},
		{"the list starts on the previous answer", withPrevious(choice(4), 3), keys(enter), answered(3), nil},
		{"up from the previous answer", withPrevious(choice(4), 3), keys(up, enter), answered(2), nil},
		{"the entry after the options goes back", choice(4), keys(down, down, down, down, enter), Reply{Action: Back}, nil},
		{"the last entry skips", choice(4), keys(up, enter), Reply{Action: Skip}, nil},
		{"the first question has no way back", first(choice(4)), keys(down, down, down, down, enter), Reply{Action: Skip}, nil},
		{"a scale point", scale(), keys(down, down, down, enter), answered(3), nil},
		{"a scale starting on the previous point", withPrevious(scale(), 1), keys(down, enter), answered(2), nil},
		{"Space ticks pick-any options", pickAny(4), keys(space, down, down, space, enter), answered(0, 2), nil},
		{"previous picks are ticked", withPrevious(pickAny(4), 1, 3), keys(enter), answered(1, 3), nil},
		{"Space unticks a previous pick", withPrevious(pickAny(4), 1, 3), keys(down, space, enter), answered(3), nil},
		{"Enter with nothing ticked skips", pickAny(4), keys(enter), Reply{Action: Skip}, nil},
		{"unticking everything skips", withPrevious(pickAny(4), 0), keys(space, enter), Reply{Action: Skip}, nil},
		{"ticking go back goes back", pickAny(4), keys(space, down, down, down, down, space, enter), Reply{Action: Back}, nil},
		{"ticking skip skips", pickAny(4), keys(space, up, space, enter), Reply{Action: Skip}, nil},
		{"go back wins over skip", pickAny(4), keys(up, space, up, space, enter), Reply{Action: Back}, nil},
		{"Ctrl-C on a choice", choice(4), keys(down, ctrlC), Reply{}, ErrInterrupted},
		{"Ctrl-C on a pick-any", pickAny(4), keys(space, ctrlC), Reply{}, ErrInterrupted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answer(t, tt.prompt, tt.keys, tt.want, tt.wantErr)
		})
	}
}

func TestTerminalConfirm(t *testing.T) {
	tests := []struct {
		name     string
		question string
		def      bool
		keys     []string
		want     bool
		wantErr  error
	}{
		{"y says yes", "Resume where you left off?", false, []string{"y", enter}, true, nil},
		{"n says no", "Resume where you left off?", true, []string{"n", enter}, false, nil},
		{"Enter takes the default yes", "Resume where you left off?", true, []string{enter}, true, nil},
		{"Enter takes the default no", "Resume where you left off?", false, []string{enter}, false, nil},
		{"Ctrl-C interrupts", "Resume where you left off?", true, []string{ctrlC}, false, ErrInterrupted},
		{"a long question is wrapped above the prompt",
			"You answered 12 of 26 questions of this bank last time, on another day. Resume where you left off?",
			true, []string{"y", enter}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			converse(t, func(a *Terminal) error {
				got, err := a.Confirm(tt.question, tt.def)
				if !errors.Is(err, tt.wantErr) {
					return fmt.Errorf("Confirm: err = %v, want %v", err, tt.wantErr)
				}
				if got != tt.want {
					return fmt.Errorf("Confirm = %v, want %v", got, tt.want)
				}
				return nil
			}, func(p *person) error {
				hint := map[bool]string{true: "(Y/n)", false: "(y/N)"}[tt.def]
				if err := p.see(hint); err != nil {
					return err
				}
				if err := p.press(tt.keys...); err != nil {
					return err
				}
				return p.leave()
			})
		})
	}
}

// TestTerminalScreen checks what a person sees on an 80×24 terminal: the
// whole question with every option and nothing left over from a redraw.
func TestTerminalScreen(t *testing.T) {
	long := "Tracing a slow request through every service, queue and database it touches until the root cause is found"
	text := "A release went out an hour ago and the checkout page now takes eight seconds to load. " +
		"The logs show nothing unusual, customers are complaining and the team lead asks you what to do first. " +
		"Which of these would you do?"
	tests := []struct {
		name   string
		prompt Prompt
		// keys move the highlight before the screen is read; seen is
		// then drawn last.
		keys []string
		seen string
	}{
		{
			name: "five options under a three-line text",
			prompt: Prompt{Number: 7, Total: 26, Theme: "Performance", Kind: quiz.Choice, CanGoBack: true, Text: text,
				Options: []string{"Roll the release back", long, "Add an index to the slowest query",
					"Ask the front-end developers what changed", "Write a quick fix and ship it"}},
			seen: "Skip this question",
		},
		{
			name: "after moving down past the long option",
			prompt: Prompt{Number: 7, Total: 26, Theme: "Performance", Kind: quiz.Choice, CanGoBack: true, Text: text,
				Options: []string{"Roll the release back", long, "Add an index to the slowest query",
					"Ask the front-end developers what changed", "Write a quick fix and ship it"}},
			keys: []string{down, down},
			seen: "> Add an index",
		},
		{
			name: "eight pick-any options with help",
			prompt: Prompt{Number: 26, Total: 26, Theme: "Collaboration", Kind: quiz.PickAny, CanGoBack: true, Text: text,
				Help: "Pick as many as you would really do in the first hour, not the ones you think sound best.",
				Options: []string{"Roll the release back", long, "Add an index to the slowest query",
					"Ask the front-end developers what changed", "Write a quick fix and ship it",
					"Read the new code", "Profile the service", "Page the database administrator"}},
			keys: []string{space, down, space},
			seen: "[x]  " + truncate(long, 80-labelMargin),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var shot string
			converse(t, func(a *Terminal) error {
				_, err := a.Ask(tt.prompt)
				return err
			}, func(p *person) error {
				for _, s := range []string{progress(tt.prompt), "Skip this question"} {
					if err := p.see(s); err != nil {
						return err
					}
				}
				if len(tt.keys) > 0 {
					if err := p.press(tt.keys...); err != nil {
						return err
					}
					if err := p.see(tt.seen); err != nil {
						return err
					}
					if err := p.see("Skip this question"); err != nil {
						return err
					}
				}
				shot = p.screen.String()
				if err := p.press(enter); err != nil {
					return err
				}
				return p.leave()
			})

			rows := strings.Split(strings.TrimRight(shot, "\n"), "\n")
			for i := range rows {
				rows[i] = strings.TrimRight(rows[i], " ")
			}
			// Every line of the question, and every entry of the list,
			// must be on the screen exactly once and whole.
			var want []string
			want = append(want, progress(tt.prompt))
			want = append(want, wrap(tt.prompt.Text, 80)...)
			if tt.prompt.Help != "" {
				want = append(want, wrap(tt.prompt.Help, 80)...)
			}
			for _, o := range tt.prompt.Options {
				want = append(want, truncate(o, 80-labelMargin))
			}
			want = append(want, backLabel, skipLabel)
			for _, w := range want {
				var found []int
				for i, row := range rows {
					if strings.HasSuffix(row, w) {
						found = append(found, i)
					}
				}
				if len(found) != 1 {
					t.Errorf("%q is on rows %v, want one row; screen:\n%s", w, found, shot)
				}
			}
			if !strings.Contains(shot, "…") {
				t.Errorf("the long option is not cut short; screen:\n%s", shot)
			}
		})
	}
}
