//go:build !windows

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/rogpeppe/go-internal/txtar"
)

// tenBank writes the bank of the stops' testscript: ten questions that all
// ask the same, where Enter picks "Design it", and a profile question.
func tenBank(t *testing.T) string {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/script/stops.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "ten.toml" {
			path := filepath.Join(t.TempDir(), "ten.toml")
			if err := os.WriteFile(path, f.Data, 0o600); err != nil {
				t.Fatal(err)
			}
			return path
		}
	}
	t.Fatal("stops.txtar has no ten.toml")
	return ""
}

// TestTerminalSettledOffer: at a terminal the settled stop is on by
// default. Once the questions left could not change the path, the quiz
// says so and offers to finish: Enter shows the result after the profile
// question; c answers the rest, and the offer, declined, is not made again,
// even after a Ctrl-C and a resume.
func TestTerminalSettledOffer(t *testing.T) {
	bank := tenBank(t)
	const total = 11
	offer := "Your path can no longer change: the 3 questions left"
	enterThroughSeven := func(p *ptytest.Person) error {
		for i := 1; i <= 7; i++ {
			if _, err := question(p, i, total); err != nil {
				return err
			}
			if err := p.Press(ptytest.Enter); err != nil {
				return err
			}
		}
		return p.See(offer)
	}

	t.Run("finish", func(t *testing.T) {
		c := newComputer(t, "CAREERQUIZ_STOP", "")
		code, stdout := c.run([]string{"--questions", bank, "--json", "--no-save"}, func(p *ptytest.Person) error {
			if err := enterThroughSeven(p); err != nil {
				return err
			}
			if err := p.Press(ptytest.Enter); err != nil {
				return err
			}
			// Once stopped, the count is of the questions the sitting asks.
			q, err := question(p, 8, 8)
			if err != nil {
				return err
			}
			if !strings.Contains(strings.Join(q.text, " "), "How long have you worked in software?") {
				return fmt.Errorf("question 8 is not the profile question:\n%s", p.Screen())
			}
			if err := p.Press(ptytest.Enter); err != nil {
				return err
			}
			return p.Leave()
		})
		if code != cli.ExitOK {
			t.Fatalf("exit code %d", code)
		}
		doc := resultOf(t, stdout)
		if doc.StoppedEarly == nil || doc.StoppedEarly.Mode != "settled" || doc.StoppedEarly.Asked != 7 || len(doc.NotAsked) != 3 {
			t.Errorf("stopped_early %+v, not_asked %v; want settled after 7, 3 not asked", doc.StoppedEarly, doc.NotAsked)
		}
		if !strings.Contains(string(doc.Answers), `"years": 1`) {
			t.Errorf("the profile question was not answered: %s", doc.Answers)
		}
	})

	t.Run("decline, quit, resume", func(t *testing.T) {
		c := newComputer(t, "CAREERQUIZ_STOP", "")
		code, _ := c.run([]string{"--questions", bank, "--json", "--no-save"}, func(p *ptytest.Person) error {
			if err := enterThroughSeven(p); err != nil {
				return err
			}
			if err := p.See("Your answer"); err != nil {
				return err
			}
			if err := whole(p, 80, "the offer", "Enter: see your result now · c: answer the rest, which sharpen the label, the breakdown and the steps."); err != nil {
				return err
			}
			if err := p.Press("c", ptytest.Enter); err != nil {
				return err
			}
			if _, err := question(p, 8, total); err != nil {
				return err
			}
			if err := p.Press(ptytest.CtrlC); err != nil {
				return err
			}
			if err := p.See("progress saved"); err != nil {
				return err
			}
			return p.Leave()
		})
		if code != cli.ExitInterrupt {
			t.Fatalf("exit code %d, want %d", code, cli.ExitInterrupt)
		}
		code, stdout := c.run([]string{"--questions", bank, "--json", "--no-save"}, func(p *ptytest.Person) error {
			if err := p.See("Resume at question 8?"); err != nil {
				return err
			}
			if err := p.Press(ptytest.Enter); err != nil {
				return err
			}
			for i := 8; i <= total; i++ {
				if _, err := question(p, i, total); err != nil {
					return err
				}
				if err := p.Press(ptytest.Enter); err != nil {
					return err
				}
			}
			return p.Leave()
		})
		if code != cli.ExitOK {
			t.Fatalf("exit code %d", code)
		}
		doc := resultOf(t, stdout)
		if doc.StoppedEarly != nil || doc.NotAsked != nil || doc.Answered != 10 {
			t.Errorf("stopped_early %+v, not_asked %v, answered %d; want every question answered", doc.StoppedEarly, doc.NotAsked, doc.Answered)
		}
	})
}

func resultOf(t *testing.T, stdout string) result.Document {
	t.Helper()
	var doc result.Document
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	return doc
}
