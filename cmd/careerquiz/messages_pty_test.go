package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
)

// TestMessagesWrapAtTheTerminal: at a 50-column terminal the message that
// ends an interrupted quiz and its hint break between words, not where
// the terminal runs out of columns.
func TestMessagesWrapAtTheTerminal(t *testing.T) {
	total := len(builtIn(t).Questions)
	c := newComputer(t)
	code, _ := c.runAt(50, 24, []string{"--json"}, false, func(p *ptytest.Person) error {
		if _, err := question(p, 1, total); err != nil {
			return err
		}
		if err := p.Press(ptytest.Enter); err != nil {
			return err
		}
		if _, err := question(p, 2, total); err != nil {
			return err
		}
		if err := p.Press(ptytest.CtrlC); err != nil {
			return err
		}
		if err := p.See("left off"); err != nil {
			return err
		}
		var lines []string
		for _, l := range strings.Split(p.Screen(), "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
		for _, want := range []string{
			fmt.Sprintf("careerquiz: interrupted after question 1 of %d;", total), "progress saved",
			"careerquiz: hint: run careerquiz again to resume", "where you left off",
		} {
			if !slices.Contains(lines, want) {
				return fmt.Errorf("no line %q on the screen:\n%s", want, p.Screen())
			}
		}
		return nil
	})
	if code != cli.ExitInterrupt {
		t.Errorf("exit code %d, want %d", code, cli.ExitInterrupt)
	}
}

// TestTicksSurviveGoingBack: going back to a pick-any question shows the
// ticks it was answered with, ready to change.
func TestTicksSurviveGoingBack(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	pickAny := -1
	for i := range b.Questions {
		if b.Questions[i].Kind.Multiple() && i > 0 {
			pickAny = i
			break
		}
	}
	if pickAny < 0 || pickAny+1 >= total {
		t.Fatal("the built-in bank has no pick-any question after the first and before the last")
	}
	c := newComputer(t)
	c.run([]string{"--json"}, func(p *ptytest.Person) error {
		for i := range pickAny {
			if _, err := question(p, i+1, total); err != nil {
				return err
			}
			if err := p.Press(ptytest.Enter); err != nil {
				return err
			}
		}
		if _, err := question(p, pickAny+1, total); err != nil {
			return err
		}
		if err := p.Press(ptytest.Space, ptytest.Down, ptytest.Space, ptytest.Enter); err != nil {
			return err
		}
		if _, err := question(p, pickAny+2, total); err != nil {
			return err
		}
		if err := p.Press("b"); err != nil {
			return err
		}
		s, err := question(p, pickAny+1, total)
		if err != nil {
			return err
		}
		if !slices.Equal(s.ticked, []int{0, 1}) {
			return fmt.Errorf("back on question %d, ticked %v, want the first two as answered:\n%s", pickAny+1, s.ticked, p.Screen())
		}
		return p.Press(ptytest.CtrlC)
	})
}
