//go:build !windows

package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
)

// TestReportStandsApartFromTheLastAnswer: at a terminal, a blank line
// comes between the last answer and the first line of the report.
func TestReportStandsApartFromTheLastAnswer(t *testing.T) {
	b, err := loadBank(screensBank)
	if err != nil {
		t.Fatal(err)
	}
	bank, _ := filepath.Abs(screensBank)
	var screen string
	code, _ := newComputer(t).runAt(80, 100, []string{"--questions", bank, "--no-save"}, true, func(p *ptytest.Person) error {
		for n := 1; n <= len(b.Questions); n++ {
			if _, err := question(p, n, len(b.Questions)); err != nil {
				return err
			}
			if err := p.Press(ptytest.Enter); err != nil {
				return err
			}
		}
		if err := p.Leave(); err != nil {
			return err
		}
		screen = p.Screen()
		return nil
	})
	if code != cli.ExitOK {
		t.Fatalf("exit code %d", code)
	}
	lines := strings.Split(screen, "\n")
	header := fmt.Sprintf("Question %d of %d", len(b.Questions), len(b.Questions))
	asked := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, header) })
	if asked < 0 {
		t.Fatalf("the last question is not on the screen:\n%s", screen)
	}
	for i := asked + 1; i+1 < len(lines); i++ {
		if strings.HasPrefix(lines[i], "→ ") {
			if strings.TrimSpace(lines[i+1]) != "" {
				t.Errorf("the report starts right after the last answer, %q:\n%s", lines[i], screen)
			}
			return
		}
	}
	t.Fatalf("the last answer is not on the screen:\n%s", screen)
}
