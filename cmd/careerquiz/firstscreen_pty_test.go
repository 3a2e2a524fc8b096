//go:build !windows

package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
)

// TestFirstScreenKeepsItsTitle: on a fresh 80×24 terminal, the opening and
// the first question fit together: the bank's title is still the top line
// once the first question's keys are drawn, with the settled stop (the
// default) and with no stop, whose first questions differ.
func TestFirstScreenKeepsItsTitle(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	for _, stop := range []string{"settled", "none"} {
		t.Run(stop, func(t *testing.T) {
			c := newComputer(t, "CAREERQUIZ_STOP", stop)
			c.runAt(80, 24, []string{"--json"}, false, func(p *ptytest.Person) error {
				if _, err := question(p, 1, total); err != nil {
					return err
				}
				screen := p.Screen()
				top, _, _ := strings.Cut(screen, "\n")
				if strings.TrimSpace(top) != b.Title {
					return fmt.Errorf("the top line is %q, want the title %q:\n%s", strings.TrimSpace(top), b.Title, screen)
				}
				if !strings.Contains(screen, fmt.Sprintf("%d questions, about", total)) {
					return fmt.Errorf("the opening does not say how long the quiz is:\n%s", screen)
				}
				if err := p.Press(ptytest.CtrlC); err != nil {
					return err
				}
				return p.Leave()
			})
		})
	}
}
