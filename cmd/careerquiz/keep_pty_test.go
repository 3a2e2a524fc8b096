//go:build !windows

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
)

// TestTerminalQuizIsKept: a quiz finished by a person in a terminal is kept
// without asking, readable by its owner only, and the person is told where;
// --no-save keeps nothing.
func TestTerminalQuizIsKept(t *testing.T) {
	b := builtIn(t)
	c := newComputer(t)
	dir := filepath.Join(c.vars["XDG_DATA_HOME"], "careerquiz", "results")
	var screen string
	code, stdout := c.run(nil, func(p *ptytest.Person) error {
		if err := enterThrough(p, 1, len(b.Questions)); err != nil {
			return err
		}
		if err := p.See("shows what moved"); err != nil {
			return err
		}
		screen = p.Screen()
		return p.Leave()
	})
	if code != cli.ExitOK || !strings.Contains(stdout, "BREAKDOWN") {
		t.Fatalf("exit code %d, stdout:\n%s", code, stdout)
	}
	attempts, problems, err := result.List(dir)
	if err != nil || len(problems) > 0 || len(attempts) != 1 {
		t.Fatalf("kept %d attempts, problems %v, %v; want 1", len(attempts), problems, err)
	}
	fi, err := os.Stat(attempts[0].File)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("the kept result has mode %v, want 0600", fi.Mode().Perm())
	}
	kept, err := result.Read(attempts[0].File)
	if err != nil {
		t.Fatal(err)
	}
	var answers map[string]any
	if err := json.Unmarshal(kept.Answers, &answers); err != nil {
		t.Fatal(err)
	}
	if attempts[0].Bank.SHA256 != b.SHA256 || len(answers) != len(b.Questions) {
		t.Errorf("kept %d answers to bank %s, want every answer to the built-in bank", len(answers), attempts[0].Bank.SHA256)
	}
	if !strings.Contains(screen, "Result kept in") {
		t.Errorf("the terminal does not say how to see kept results:\n%s", screen)
	}

	code, _ = c.run([]string{"--no-save"}, func(p *ptytest.Person) error {
		if err := enterThrough(p, 1, len(b.Questions)); err != nil {
			return err
		}
		return p.Leave()
	})
	if code != cli.ExitOK {
		t.Fatalf("--no-save: exit code %d", code)
	}
	if attempts, _, _ := result.List(dir); len(attempts) != 1 {
		t.Errorf("after a run with --no-save, %d attempts are kept, want still 1", len(attempts))
	}
}
