package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

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
	if code != exitInterrupt {
		t.Errorf("exit code %d, want %d", code, exitInterrupt)
	}
}
