//go:build !windows

package ask

// These tests put questions through a real pseudo-terminal, as survey's own
// tests do (see package ptytest): the asker draws on the terminal side of a
// pty, a vt10x screen (80×24 unless a test says) interprets what it draws (and answers the
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
	ctrlD = ptytest.CtrlD
	esc   = ptytest.Esc
)

// hintEnd is the end of the line of keys under every list, drawn last.
const hintEnd = "quit"

// converse runs ask against a Terminal on a fresh 80×24 pseudo-terminal
// while act plays the person.
func converse(t *testing.T, ask func(*Terminal) error, act func(*ptytest.Person) error) {
	t.Helper()
	converseAt(t, ptytest.Width, ptytest.Height, ask, act)
}

// converseAt is converse on a terminal of cols×rows.
func converseAt(t *testing.T, cols, rows int, ask func(*Terminal) error, act func(*ptytest.Person) error) {
	t.Helper()
	ptytest.RunSized(t, cols, rows, func(tty *os.File) error {
		return ask(NewTerminal(tty, tty, Options{Width: 100}))
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
		for _, s := range []string{progress(p), hintEnd} {
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
	back, skip := Reply{Action: Back}, Reply{Action: Skip}
	tests := []struct {
		name    string
		prompt  Prompt
		keys    []string
		want    Reply
		wantErr error
	}{
		{"arrows and Enter pick an option", choice(4), keys(down, down, enter), answered(2), nil},
		{"Enter picks the first option", choice(4), keys(enter), answered(0), nil},
		{"up from the top wraps to the last option", choice(4), keys(up, enter), answered(3), nil},
		{"j and k move too", choice(4), keys("j", "j", "k", enter), answered(1), nil},
		{"the list starts on the previous answer", withPrevious(choice(4), 3), keys(enter), answered(3), nil},
		{"up from the previous answer", withPrevious(choice(4), 3), keys(up, enter), answered(2), nil},
		{"b goes back", choice(4), keys(down, "b"), back, nil},
		{"Esc goes back", choice(4), keys(esc), back, nil},
		{"s skips", choice(4), keys(down, "s"), skip, nil},
		{"the first question has no way back", first(choice(4)), keys("b", esc, down, enter), answered(1), nil},
		{"typed letters do nothing", choice(4), keys("q", "x", "1", space, enter), answered(0), nil},
		{"a scale opens on its middle point", withDefault(scale(), 2), keys(enter), answered(2), nil},
		{"a scale point", withDefault(scale(), 2), keys(down, enter), answered(3), nil},
		{"a scale starting on the previous point", withPrevious(withDefault(scale(), 2), 1), keys(down, enter), answered(2), nil},
		{"a graded question opens on both equally", graded(), keys(enter), answered(2), nil},
		{"much rather A", graded(), keys(up, up, enter), answered(0), nil},
		{"Space ticks pick-any options", pickAny(4), keys(space, down, down, space, enter), answered(0, 2), nil},
		{"previous picks are ticked", withPrevious(pickAny(4), 1, 3), keys(enter), answered(1, 3), nil},
		{"Space unticks a previous pick", withPrevious(pickAny(4), 1, 3), keys(down, space, enter), answered(3), nil},
		{"Enter with nothing ticked skips", pickAny(4), keys(enter), skip, nil},
		{"unticking everything skips", withPrevious(pickAny(4), 0), keys(space, enter), skip, nil},
		{"b on a pick-any goes back, ticks or not", pickAny(4), keys(space, "b"), back, nil},
		{"s on a pick-any skips", withPrevious(pickAny(4), 0), keys("s"), skip, nil},
		{"Ctrl-C on a choice", choice(4), keys(down, ctrlC), Reply{}, ErrInterrupted},
		{"Ctrl-D on a choice saves and quits", choice(4), keys(down, ctrlD), Reply{}, ErrQuit},
		{"Ctrl-C on a pick-any", pickAny(4), keys(space, ctrlC), Reply{}, ErrInterrupted},
		{"Ctrl-D on a pick-any saves and quits", pickAny(4), keys(space, ctrlD), Reply{}, ErrQuit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			answer(t, tt.prompt, tt.keys, tt.want, tt.wantErr)
		})
	}
}

func withDefault(p Prompt, pick int) Prompt {
	p.Default = pick
	return p
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
		{"Ctrl-D saves and quits", "Resume where you left off?", true, []string{ctrlD}, false, ErrQuit},
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

// TestTerminalScreen checks what a person sees at 50, 80 and 120 columns:
// the whole question with every option in full, wrapped between words,
// one line of keys under the list, and nothing left over from a redraw;
// then, once answered, the answer in full in place of the list.
func TestTerminalScreen(t *testing.T) {
	long := "Tracing a slow request through every service, queue and database it touches until the root cause is found"
	text := "A release went out an hour ago and the checkout page now takes eight seconds to load. " +
		"The logs show nothing unusual, customers are complaining and the team lead asks you what to do first. " +
		"Which of these would you do?"
	prompts := []struct {
		name   string
		prompt Prompt
		// keys move the highlight (and tick) before the screen is read;
		// seen is then drawn last.
		keys []string
		seen string
		// echo is what stays on the screen once Enter is pressed.
		echo []string
	}{
		{
			name: "a choice with a long option",
			prompt: Prompt{Number: 7, Total: 26, Theme: "Performance", Kind: quiz.Choice, CanGoBack: true, Text: text,
				Options: []string{"Roll the release back", long, "Add an index to the slowest query",
					"Ask the front-end developers what changed", "Write a quick fix and ship it"}},
			keys: []string{down},
			seen: "> Tracing",
			echo: []string{long},
		},
		{
			name:   "a graded question",
			prompt: graded(),
			echo:   []string{"Both equally"},
		},
		{
			name: "eight pick-any options with help",
			prompt: Prompt{Number: 26, Total: 26, Theme: "Collaboration", Kind: quiz.PickAny, CanGoBack: true, Text: text,
				Help: "Pick as many as you would really do in the first hour, not the ones you think sound best.",
				Options: []string{"Roll the release back", long, "Add an index to the slowest query",
					"Ask the front-end developers what changed", "Write a quick fix and ship it",
					"Read the new code", "Profile the service", "Page the database administrator"}},
			keys: []string{down, space, down, down, down, space},
			seen: "[x] Write a quick fix",
			echo: []string{long, "Write a quick fix and ship it"},
		},
	}
	for _, cols := range []int{50, 80, 120} {
		for _, tt := range prompts {
			t.Run(fmt.Sprintf("%s at %d columns", tt.name, cols), func(t *testing.T) {
				var shot, after string
				converseAt(t, cols, 40, func(a *Terminal) error {
					_, err := a.Ask(tt.prompt)
					return err
				}, func(p *ptytest.Person) error {
					for _, s := range []string{progress(tt.prompt), hintEnd} {
						if err := p.See(s); err != nil {
							return err
						}
					}
					if len(tt.keys) > 0 {
						if err := p.Press(tt.keys...); err != nil {
							return err
						}
						for _, s := range []string{tt.seen, hintEnd} {
							if err := p.See(s); err != nil {
								return err
							}
						}
					}
					shot = p.Screen()
					if err := p.Press(enter); err != nil {
						return err
					}
					if err := p.Leave(); err != nil {
						return err
					}
					after = p.Screen()
					return nil
				})
				width := min(cols, 100)
				// Every line of the question, and every entry of the list,
				// must be on the screen exactly once and whole.
				want := []string{progress(tt.prompt)}
				want = append(want, strings.Split(strings.TrimSuffix(body(tt.prompt, width), "\n"), "\n")...)
				for _, l := range layOut(tt.prompt, width, 40, true).labels {
					for _, line := range strings.Split(l, "\n") {
						want = append(want, strings.TrimSpace(line))
					}
				}
				want = append(want, strings.Split(keyHint(tt.prompt, width-1), "\n")...)
				onceEach(t, shot, want)
				if strings.Contains(shot, "…") {
					t.Errorf("something is cut short; screen:\n%s", shot)
				}
				wordsWhole(t, shot, tt.prompt)
				// The list is gone, and the answer is there in full.
				if strings.Contains(after, hintEnd) {
					t.Errorf("the list is still on the screen after the answer:\n%s", after)
				}
				flat := strings.Join(strings.Fields(strings.ReplaceAll(after, "→", "")), " ")
				for _, e := range tt.echo {
					if !strings.Contains(flat, e) {
						t.Errorf("the answer %q is not on the screen:\n%s", e, after)
					}
				}
			})
		}
	}
}

// onceEach checks that each of want ends exactly one row of screen.
func onceEach(t *testing.T, screen string, want []string) {
	t.Helper()
	rows := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	for i := range rows {
		rows[i] = strings.TrimRight(rows[i], " ")
	}
	for _, w := range want {
		if w == "" {
			continue
		}
		var found []int
		for i, row := range rows {
			if strings.HasSuffix(row, w) {
				found = append(found, i)
			}
		}
		if len(found) != 1 {
			t.Errorf("%q is on rows %v, want one row; screen:\n%s", w, found, screen)
		}
	}
}

// wordsWhole checks that every word of the prompt's text and options is
// on the screen whole, none broken at the edge.
func wordsWhole(t *testing.T, screen string, p Prompt) {
	t.Helper()
	onScreen := map[string]bool{}
	for _, w := range strings.Fields(screen) {
		onScreen[w] = true
	}
	texts := append([]string{p.Text, p.Help}, p.Sides...)
	for _, text := range append(texts, p.Options...) {
		for _, w := range strings.Fields(text) {
			if !onScreen[w] {
				t.Errorf("the word %q is not on the screen whole; screen:\n%s", w, screen)
			}
		}
	}
}

// TestTerminalResize grows the window while a list waits, taller and then
// wider: the question and its list are drawn again at the new size, once,
// with nothing overprinted. (A terminal that reflows its lines when it
// narrows, as tmux does, is followed the same way; the vt10x screen does
// not reflow, so narrowing is checked by hand.)
func TestTerminalResize(t *testing.T) {
	p := graded()
	var shot string
	converseAt(t, 60, 24, func(a *Terminal) error {
		_, err := a.Ask(p)
		return err
	}, func(pp *ptytest.Person) error {
		for _, s := range []string{progress(p), hintEnd} {
			if err := pp.See(s); err != nil {
				return err
			}
		}
		if err := pp.Resize(60, 40); err != nil {
			return err
		}
		// The list is drawn again by itself once the window has grown.
		if err := pp.See(hintEnd); err != nil {
			return err
		}
		if err := pp.Resize(90, 40); err != nil {
			return err
		}
		if err := pp.See(hintEnd); err != nil {
			return err
		}
		if err := pp.Press(down); err != nil {
			return err
		}
		if err := pp.See("> Rather B"); err != nil {
			return err
		}
		if err := pp.See(hintEnd); err != nil {
			return err
		}
		shot = pp.Screen()
		if err := pp.Press(enter); err != nil {
			return err
		}
		err := pp.Leave()
		// A saved cursor is a place on the screen, which a terminal that
		// keeps lines above the screen (tmux, most emulators) moves the
		// text away from when the window grows: restoring it overprints.
		for _, seq := range []string{"\x1b7", "\x1b8", "\x1b[s", "\x1b[u"} {
			if strings.Contains(pp.Output(), seq) {
				t.Errorf("the terminal was sent %q, which saves or restores the cursor", seq)
			}
		}
		return err
	})
	want := []string{progress(p)}
	want = append(want, strings.Split(strings.TrimSuffix(body(p, 90), "\n"), "\n")...)
	want = append(want, quiz.GradedLabels...)
	want = append(want, keyHint(p, 89))
	onceEach(t, shot, want)
}
