//go:build !windows

package main

// These tests hold every screen of the quiz at 50, 80 and 120 columns: the
// opening, a choice, a graded question, a pick-any question, the resume
// offer, the report and the line that ends the quiz. A person must see
// every word whole and nothing cut short, at any of these widths.

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// screensBank has one question of each kind: a choice, a graded question,
// a pick-any question and a scale, in that order.
const screensBank = "testdata/screens.toml"

// widths are the terminal widths every screen is held at.
var widths = []int{50, 80, 120}

func TestEveryScreen(t *testing.T) {
	b, err := loadBank(screensBank)
	if err != nil {
		t.Fatal(err)
	}
	total := len(b.Questions)
	if kinds := []quiz.Kind{b.Questions[0].Kind, b.Questions[1].Kind, b.Questions[2].Kind, b.Questions[3].Kind}; !slices.Equal(kinds, []quiz.Kind{quiz.Choice, quiz.Graded, quiz.PickAny, quiz.Scale}) {
		t.Fatalf("the bank's kinds are %v", kinds)
	}
	bank, _ := filepath.Abs(screensBank)
	for _, cols := range widths {
		t.Run(fmt.Sprint(cols), func(t *testing.T) {
			c := newComputer(t)
			// The first sitting: the opening, a choice, a graded question,
			// then Ctrl-D on the pick-any question.
			code, _ := c.runAt(cols, 60, []string{"--questions", bank, "--json"}, false, func(p *ptytest.Person) error {
				s, err := question(p, 1, total)
				if err != nil {
					return err
				}
				// The keys are under every question, not in the opening.
				if err := whole(p, cols, "the opening", b.Title, b.Intro, "4 questions, about 1 minute."); err != nil {
					return err
				}
				if err := sameList(p, s, &b.Questions[0]); err != nil {
					return err
				}
				if err := p.Press(ptytest.Down, ptytest.Enter); err != nil {
					return err
				}

				if s, err = question(p, 2, total); err != nil {
					return err
				}
				g := &b.Questions[1]
				if err := whole(p, cols, "the graded question", g.Text, "A: "+g.Sides[0].Text, "B: "+g.Sides[1].Text); err != nil {
					return err
				}
				if err := sameList(p, s, g); err != nil {
					return err
				}
				if err := p.Press(ptytest.Up, ptytest.Enter); err != nil {
					return err
				}

				if s, err = question(p, 3, total); err != nil {
					return err
				}
				if err := sameList(p, s, &b.Questions[2]); err != nil {
					return err
				}
				if !strings.Contains(s.hint, "Space tick") || strings.Contains(p.Screen(), "Skip this") {
					return fmt.Errorf("the pick-any list does not say Space ticks, or has a skip entry:\n%s", p.Screen())
				}
				if err := p.Press(ptytest.Space, ptytest.CtrlD); err != nil {
					return err
				}
				// The message wraps between words at narrow widths.
				if err := p.See("quit after question 2 of 4;"); err != nil {
					return err
				}
				// Ctrl-D is a deliberate save: "quit", not "interrupted".
				if err := p.See("saved"); err != nil {
					return err
				}
				return whole(p, cols, "the message", "careerquiz: quit after question 2 of 4; progress saved")
			})
			if code != cli.ExitInterrupt {
				t.Fatalf("exit code after Ctrl-D %d, want %d", code, cli.ExitInterrupt)
			}

			// The second sitting: the resume offer, the pick-any question
			// answered, the scale, and the line that ends the quiz.
			var answers map[string]any
			code, stdout := c.runAt(cols, 60, []string{"--questions", bank, "--json"}, false, func(p *ptytest.Person) error {
				offer := "Saved progress: 2 of 4 answered. Resume at question 3?"
				if err := p.See("(Y/n)"); err != nil {
					return err
				}
				if err := whole(p, cols, "the resume offer", offer); err != nil {
					return err
				}
				if err := p.Press(ptytest.Enter); err != nil {
					return err
				}
				pa := &b.Questions[2]
				if _, err := question(p, 3, total); err != nil {
					return err
				}
				if err := p.Press(ptytest.Space, ptytest.Down, ptytest.Down, ptytest.Space, ptytest.Enter); err != nil {
					return err
				}
				s, err := question(p, 4, total)
				if err != nil {
					return err
				}
				// The ticked options stay on the screen in full, their
				// words whole, and not as a list that could be ticked.
				if err := whole(p, cols, "the pick-any answer", pa.Options[0].Text, pa.Options[2].Text); err != nil {
					return err
				}
				if err := sameList(p, s, &b.Questions[3]); err != nil {
					return err
				}
				if err := p.Press(ptytest.Enter); err != nil {
					return err
				}
				if err := p.See("standard output."); err != nil {
					return err
				}
				return p.Leave()
			})
			if code != cli.ExitOK {
				t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
			}
			answers = answersOf(t, stdout)
			sameAnswers(t, answers, map[string]any{"messaging": 2.0, "payments-down": 2.0,
				"security-tasks": []any{1.0, 3.0}, "interactions": 3.0})

			// The third sitting, with the report on the terminal, which is
			// 24 rows tall: the verdict is on the screen when it ends.
			var screen string
			code, _ = c.runAt(cols, 24, []string{"--questions", bank, "--no-save"}, true, func(p *ptytest.Person) error {
				for n := 1; n <= total; n++ {
					if _, err := question(p, n, total); err != nil {
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
				t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
			}
			a, err := quiz.ParseAnswers(b, "enter", []byte(`messaging = 1
payments-down = 3
security-tasks = "skip"
interactions = 3`))
			if err != nil {
				t.Fatal(err)
			}
			verdict := "Verdict: " + render.Verdict(scoring.Score(b, a)) + "."
			if !strings.Contains(strings.Join(strings.Fields(screen), " "), verdict) {
				t.Errorf("%q is not on the screen once the report is shown:\n%s", verdict, screen)
			}
		})
	}
}

// whole checks that each of texts is on the screen with every word whole
// and in order, wrapped wherever, and that nothing on it is cut short.
func whole(p *ptytest.Person, cols int, what string, texts ...string) error {
	screen := p.Screen()
	flat := " " + strings.Join(strings.Fields(screen), " ") + " "
	for _, text := range texts {
		if !strings.Contains(flat, " "+strings.Join(strings.Fields(text), " ")+" ") {
			return fmt.Errorf("%s at %d columns: %q is not on the screen whole:\n%s", what, cols, text, screen)
		}
	}
	if strings.Contains(screen, "…") {
		return fmt.Errorf("%s at %d columns: something is cut short:\n%s", what, cols, screen)
	}
	return nil
}

// sameList checks that a question's list shows its options in full, with
// the cursor where it opens.
func sameList(p *ptytest.Person, s shown, q *quiz.Question) error {
	var want []string
	for _, o := range q.Options {
		want = append(want, o.Text)
	}
	if !slices.Equal(s.entries, want) || s.highlighted != opensOn(q) {
		return fmt.Errorf("question %s lists %q with entry %d highlighted, want %q and %d:\n%s",
			q.ID, s.entries, s.highlighted, want, opensOn(q), p.Screen())
	}
	return nil
}

// TestDumbTerminal: under TERM=dumb the quiz asks in plain numbered lines,
// and not one escape byte reaches the terminal, to the end of the quiz.
func TestDumbTerminal(t *testing.T) {
	bank, _ := filepath.Abs(screensBank)
	c := newComputer(t, "TERM", "dumb")
	var output string
	code, stdout := c.runAt(80, 24, []string{"--questions", bank, "--json"}, false, func(p *ptytest.Person) error {
		for n, line := range []string{"2", "1", "1 3", "4"} {
			if err := p.See(fmt.Sprintf("Question %d of 4", n+1)); err != nil {
				return err
			}
			if err := p.See("skip"); err != nil {
				return err
			}
			if err := p.Type(line); err != nil {
				return err
			}
		}
		if err := p.See("Done: "); err != nil {
			return err
		}
		err := p.Leave()
		output = p.Output()
		return err
	})
	if code != cli.ExitOK {
		t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
	}
	answersOf(t, stdout)
	if i := strings.IndexByte(output, 0x1b); i >= 0 {
		t.Errorf("an escape byte reached the terminal at %d: %q", i, output[max(0, i-40):min(len(output), i+40)])
	}
	if !strings.Contains(output, "1) ") {
		t.Errorf("the questions are not numbered lines:\n%s", output)
	}
}
