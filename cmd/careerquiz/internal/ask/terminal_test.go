//go:build !windows

package ask

// These tests put questions through a real pseudo-terminal, as survey's own
// tests do (see package ptytest): the asker draws on the terminal side of a
// pty, a vt10x screen of 80×24 interprets what it draws (and answers the
// cursor queries survey sends), and go-expect plays the person at the
// keyboard.
//
// They run one after another because survey's colour switch, set by
// NewTerminal, is a package-wide variable.

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
	"github.com/careerquiz/careerquiz/quiz"
)

// Short names for the keys, which the tables below use a lot.
const (
	up    = ptytest.Up
	down  = ptytest.Down
	space = ptytest.Space
	enter = ptytest.Enter
	ctrlC = ptytest.CtrlC
)

// converse runs ask against a Terminal on a fresh 80×24 pseudo-terminal
// while act plays the person.
func converse(t *testing.T, ask func(*Terminal) error, act func(*ptytest.Person) error) {
	t.Helper()
	ptytest.Run(t, func(tty *os.File) error {
		return ask(NewTerminal(tty, tty, Options{}))
	}, act)
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
	}, func(pp *ptytest.Person) error {
		for _, s := range []string{progress(p), "Skip this question"} {
			if err := pp.See(s); err != nil {
				return err
			}
		}
		if err := pp.Press(keys...); err != nil {
			return err
		}
		return pp.Leave()
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
			}, func(p *ptytest.Person) error {
				hint := map[bool]string{true: "(Y/n)", false: "(y/N)"}[tt.def]
				if err := p.See(hint); err != nil {
					return err
				}
				if err := p.Press(tt.keys...); err != nil {
					return err
				}
				return p.Leave()
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
			}, func(p *ptytest.Person) error {
				for _, s := range []string{progress(tt.prompt), "Skip this question"} {
					if err := p.See(s); err != nil {
						return err
					}
				}
				if len(tt.keys) > 0 {
					if err := p.Press(tt.keys...); err != nil {
						return err
					}
					if err := p.See(tt.seen); err != nil {
						return err
					}
					if err := p.See("Skip this question"); err != nil {
						return err
					}
				}
				shot = p.Screen()
				if err := p.Press(enter); err != nil {
					return err
				}
				return p.Leave()
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
