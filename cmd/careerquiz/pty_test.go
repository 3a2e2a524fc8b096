//go:build !windows

package main

// These tests run the command as a person meets it: in an 80×24 terminal,
// moving through the built-in bank with the arrow keys, Space and Enter.
// run is called in-process (by all but the colour and signal tests, which
// say why) with a pseudo-terminal as stdin and stderr (see package ptytest)
// and a buffer as stdout, which is therefore not a terminal and must
// receive the result and nothing else.
//
// They run one after another because survey's settings, set for each run,
// are package-wide.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/hinshun/vt10x"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/session"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
	"github.com/careerquiz/careerquiz/quiz"
)

// hintEnd ends the line of keys under every list, which is drawn last.
const hintEnd = "quit"

// computer is one person's computer: successive runs share its environment
// and its state folder, so that a run can resume what an earlier one saved.
type computer struct {
	t    *testing.T
	vars map[string]string
}

// newComputer returns a computer with a terminal of type xterm, an empty
// state folder and no NO_COLOR, plus the variables given as name, value
// pairs.
func newComputer(t *testing.T, vars ...string) *computer {
	c := &computer{t: t, vars: map[string]string{
		"XDG_STATE_HOME": t.TempDir(),
		"XDG_DATA_HOME":  t.TempDir(),
		"TERM":           "xterm",
		// These tests walk the whole bank in its order; the stops have
		// their own (stop_pty_test.go).
		"CAREERQUIZ_STOP": "none",
	}}
	for i := 0; i+1 < len(vars); i += 2 {
		c.vars[vars[i]] = vars[i+1]
	}
	return c
}

func (c *computer) getenv(name string) string { return c.vars[name] }

// run runs careerquiz in-process with args at a fresh 80×24 terminal while
// act plays the person at it, and returns the exit code and what reached
// stdout.
func (c *computer) run(args []string, act func(p *ptytest.Person) error) (code int, stdout string) {
	c.t.Helper()
	return c.runAt(ptytest.Width, ptytest.Height, args, false, act)
}

// runAt is run at a terminal of cols×rows, with stdout on the terminal too
// where toScreen says, as when a person runs careerquiz without
// redirecting it; stdout, returned, is then empty.
func (c *computer) runAt(cols, rows int, args []string, toScreen bool, act func(p *ptytest.Person) error) (code int, stdout string) {
	c.t.Helper()
	var out bytes.Buffer
	ptytest.RunSized(c.t, cols, rows, func(tty *os.File) error {
		var stdout io.Writer = &out
		if toScreen {
			stdout = tty
		}
		code = run(args, env{
			stdin:      tty,
			stdout:     stdout,
			stderr:     tty,
			getenv:     c.getenv,
			goos:       "linux",
			isTerminal: cli.IsTerminal,
			columns:    cli.Columns,
			// Signals are sent to a process of its own (see
			// TestTerminalSignals), where the handler's exit ends it.
			interrupts: func() (<-chan os.Signal, func()) { return make(chan os.Signal), func() {} },
			exit:       func(code int) { c.t.Errorf("exit(%d) called from a signal handler", code) },
		})
		return nil
	}, act)
	return code, out.String()
}

// exec is run for what only a process of its own shows: settings that a
// library takes once per process, and signals. The computer's variables are
// the process's whole environment. The test binary serves as the process,
// since TestMain runs the command when the binary is called careerquiz.
// act may send the process signals with signal.
func (c *computer) exec(args []string, act func(p *ptytest.Person, signal func(os.Signal) error) error) (code int, stdout string) {
	c.t.Helper()
	exe, err := os.Executable()
	if err != nil {
		c.t.Fatal(err)
	}
	var out bytes.Buffer
	var proc *os.Process
	started := make(chan struct{})
	code = -1
	ptytest.Run(c.t, func(tty *os.File) error {
		cmd := exec.Command(exe, args...)
		cmd.Args[0] = "careerquiz"
		for name, value := range c.vars {
			cmd.Env = append(cmd.Env, name+"="+value)
		}
		if dir := os.Getenv("GOCOVERDIR"); dir != "" {
			cmd.Env = append(cmd.Env, "GOCOVERDIR="+dir)
		}
		// Under -race, a process otherwise waits a second before it exits.
		cmd.Env = append(cmd.Env, "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
		cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, &out, tty
		err := cmd.Start()
		proc = cmd.Process
		close(started)
		if err != nil {
			return err
		}
		err = cmd.Wait()
		code = cmd.ProcessState.ExitCode()
		var exited *exec.ExitError
		if errors.As(err, &exited) {
			return nil
		}
		return err
	}, func(p *ptytest.Person) error {
		return act(p, func(sig os.Signal) error {
			<-started
			if proc == nil {
				return fmt.Errorf("careerquiz did not start, to be sent %v", sig)
			}
			return proc.Signal(sig)
		})
	})
	return code, out.String()
}

// progressFile is where progress on the built-in bank is saved.
func (c *computer) progressFile(b *quiz.Bank) string {
	c.t.Helper()
	dir, err := progress.Dir(c.getenv, "linux")
	if err != nil {
		c.t.Fatal(err)
	}
	return progress.NewStore(dir, progress.BuiltIn).Path()
}

// builtIn returns the built-in bank, which the tests walk through.
func builtIn(t *testing.T) *quiz.Bank {
	t.Helper()
	b, err := loadBank("")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// shown is a question as the person reads it on the screen.
type shown struct {
	// progress is the progress line, and text the lines between it and
	// the list.
	progress string
	text     []string
	// entries are the options of the list, a wrapped one joined into one
	// line, without the cursor and tick marks; highlighted is the index of
	// the entry under the cursor, -1 for none, and ticked those ticked on
	// a pick-any list.
	entries     []string
	highlighted int
	ticked      []int
	// hint is the line of keys under the list.
	hint string
}

// progressLine matches the progress line above each question.
var progressLine = regexp.MustCompile(`^Question (\d+) of (\d+)`)

// An entry starts with the cursor or room for it, then a tick box on a
// pick-any list; its continuation lines are indented further.
var (
	entryStart = regexp.MustCompile(`^(> |  )(\[[x ]\] )?(\S.*)$`)
	entryMore  = regexp.MustCompile(`^ {4,}(\S.*)$`)
)

// question waits until question number is drawn, its list and key line
// included, and reads it off the screen. The progress line must still be
// on the screen: a person must see where they are and what they are
// answering.
func question(p *ptytest.Person, number, total int) (shown, error) {
	head := fmt.Sprintf("Question %d of %d", number, total)
	if err := p.See(head); err != nil {
		return shown{}, err
	}
	if err := p.See(hintEnd); err != nil {
		return shown{}, err
	}
	screen := p.Screen()
	rows := strings.Split(strings.TrimSuffix(screen, "\n"), "\n")
	for i := range rows {
		rows[i] = strings.TrimRight(rows[i], " ")
	}
	top := -1
	for i, row := range rows {
		if strings.HasPrefix(row, head) && (len(row) == len(head) || row[len(head)] == ' ') {
			top = i
		}
	}
	if top < 0 {
		return shown{}, fmt.Errorf("the progress line %q is not on the screen:\n%s", head, screen)
	}
	q := shown{progress: rows[top], highlighted: -1}
	hint := top + 1
	for hint < len(rows) && !strings.HasSuffix(rows[hint], hintEnd) {
		hint++
	}
	if hint == len(rows) {
		return shown{}, fmt.Errorf("no line of keys under %q:\n%s", head, screen)
	}
	q.hint = rows[hint]
	for _, row := range rows[top+1 : hint] {
		if m := entryStart.FindStringSubmatch(row); m != nil {
			if m[1] == "> " {
				q.highlighted = len(q.entries)
			}
			if m[2] == "[x] " {
				q.ticked = append(q.ticked, len(q.entries))
			}
			q.entries = append(q.entries, m[3])
			continue
		}
		if m := entryMore.FindStringSubmatch(row); m != nil && len(q.entries) > 0 {
			q.entries[len(q.entries)-1] += " " + m[1]
			continue
		}
		if len(q.entries) > 0 {
			return shown{}, fmt.Errorf("%q is not an entry of a list:\n%s", row, screen)
		}
		q.text = append(q.text, row)
	}
	return q, nil
}

// entries are the list entries question i (0-based) of b must show.
func entries(b *quiz.Bank, i int) []string {
	var want []string
	for _, o := range b.Questions[i].Options {
		want = append(want, strings.Join(strings.Fields(o.Text), " "))
	}
	return want
}

// opensOn is the entry a question's list opens on.
func opensOn(q *quiz.Question) int { return max(q.DefaultPick(), 0) }

// moveTo moves the cursor from entry from to entry to.
func moveTo(from, to int) []string {
	if to < from {
		return slices.Repeat([]string{ptytest.Up}, from-to)
	}
	return down(to - from)
}

// down moves the cursor n entries down.
func down(n int) []string { return slices.Repeat([]string{ptytest.Down}, n) }

// keys joins key sequences into one.
func keys(seqs ...[]string) []string { return slices.Concat(seqs...) }

// enterThrough answers questions from to total (1-based) with Enter alone.
func enterThrough(p *ptytest.Person, from, total int) error {
	for n := from; n <= total; n++ {
		if _, err := question(p, n, total); err != nil {
			return err
		}
		if err := p.Press(ptytest.Enter); err != nil {
			return err
		}
	}
	return nil
}

// answersOf checks that stdout is exactly one JSON document, and nothing
// meant for the terminal, and returns its answers.
func answersOf(t *testing.T, stdout string) map[string]any {
	t.Helper()
	if strings.Contains(stdout, "\x1b") {
		t.Errorf("an escape sequence reached stdout:\n%q", stdout)
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	var doc struct {
		Schema  string         `json:"schema"`
		Answers map[string]any `json:"answers"`
	}
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("stdout is not a JSON document: %v\n%s", err, stdout)
	}
	var more any
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		t.Fatalf("stdout holds more than one JSON document (%v):\n%s", err, stdout)
	}
	if doc.Schema != "careerquiz.result/v1" || doc.Answers == nil {
		t.Fatalf("stdout is not a result:\n%s", stdout)
	}
	return doc.Answers
}

// sameAnswers reports every question whose answer is not the one wanted.
// Answers are as JSON decodes them: an option number, a list of them, or
// "skip".
func sameAnswers(t *testing.T, got, want map[string]any) {
	t.Helper()
	for id, w := range want {
		if g, ok := got[id]; !ok || !reflect.DeepEqual(g, w) {
			t.Errorf("answer to %q = %v, want %v", id, g, w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("answer to unknown question %q", id)
		}
	}
}

// enterAnswers are the answers Enter alone gives to every question: the
// option the list opens on (the first, or a scale's or graded question's
// middle point), and a skip where several may be picked, since nothing is
// ticked.
func enterAnswers(b *quiz.Bank) map[string]any {
	want := map[string]any{}
	for i := range b.Questions {
		q := &b.Questions[i]
		want[q.ID] = float64(opensOn(q) + 1)
		if q.Kind == quiz.PickAny {
			want[q.ID] = "skip"
		}
	}
	return want
}

func TestTerminalQuizByKeys(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	want := map[string]any{}
	code, stdout := newComputer(t).run([]string{"--json"}, func(p *ptytest.Person) error {
		for i := range b.Questions {
			q := &b.Questions[i]
			s, err := question(p, i+1, total)
			if err != nil {
				return err
			}
			if i == 0 && !slices.Equal(s.entries, entries(b, 0)) {
				return fmt.Errorf("the first screen lists %q, want %q:\n%s", s.entries, entries(b, 0), p.Screen())
			}
			n := len(q.Options)
			var press []string
			if q.Kind == quiz.PickAny {
				// Tick every other option, starting from the first or the
				// second, moving down the list.
				var picks []any
				for j := range n {
					if j%2 == i%2 {
						press = append(press, ptytest.Space)
						picks = append(picks, float64(j+1))
					}
					if j < n-1 {
						press = append(press, ptytest.Down)
					}
				}
				want[q.ID] = picks
			} else {
				// Vary the option picked, reaching it now from above and
				// now by overshooting and coming back up.
				k := i % n
				press = moveTo(opensOn(q), k)
				if i%2 == 1 {
					press = keys(moveTo(opensOn(q), k+1), []string{ptytest.Up})
				}
				want[q.ID] = float64(k + 1)
			}
			if err := p.Press(keys(press, []string{ptytest.Enter})...); err != nil {
				return err
			}
		}
		return p.Leave()
	})
	if code != cli.ExitOK {
		t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
	}
	sameAnswers(t, answersOf(t, stdout), want)
}

func TestTerminalEnterOnly(t *testing.T) {
	b := builtIn(t)
	code, stdout := newComputer(t).run([]string{"--json"}, func(p *ptytest.Person) error {
		if err := enterThrough(p, 1, len(b.Questions)); err != nil {
			return err
		}
		return p.Leave()
	})
	if code != cli.ExitOK {
		t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
	}
	sameAnswers(t, answersOf(t, stdout), enterAnswers(b))
}

func TestTerminalGoBack(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	first, second := b.Questions[0], b.Questions[1]
	if len(first.Options) < opensOn(&first)+2 || first.Kind == quiz.PickAny || second.Kind == quiz.PickAny {
		t.Fatal("the test needs the first two questions to take a single answer, the first with an option below the one it opens on")
	}
	code, stdout := newComputer(t).run([]string{"--json"}, func(p *ptytest.Person) error {
		if _, err := question(p, 1, total); err != nil {
			return err
		}
		if err := p.Press(ptytest.Down, ptytest.Enter); err != nil {
			return err
		}
		if _, err := question(p, 2, total); err != nil {
			return err
		}
		if err := p.Press("b"); err != nil {
			return err
		}
		again, err := question(p, 1, total)
		if err != nil {
			return err
		}
		if want := opensOn(&first) + 1; again.highlighted != want {
			return fmt.Errorf("back on question 1, entry %d is highlighted, want %d (the answer given):\n%s", again.highlighted, want, p.Screen())
		}
		if err := p.Press(ptytest.Up, ptytest.Enter); err != nil {
			return err
		}
		if err := enterThrough(p, 2, total); err != nil {
			return err
		}
		return p.Leave()
	})
	if code != cli.ExitOK {
		t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
	}
	sameAnswers(t, answersOf(t, stdout), enterAnswers(b))
}

func TestTerminalSkip(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	code, stdout := newComputer(t).run([]string{"--json"}, func(p *ptytest.Person) error {
		// s skips, wherever the cursor is.
		for i := range 2 {
			if _, err := question(p, i+1, total); err != nil {
				return err
			}
			if err := p.Press(ptytest.Down, "s"); err != nil {
				return err
			}
		}
		if err := enterThrough(p, 3, total); err != nil {
			return err
		}
		return p.Leave()
	})
	if code != cli.ExitOK {
		t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
	}
	want := enterAnswers(b)
	want[b.Questions[0].ID] = "skip"
	want[b.Questions[1].ID] = "skip"
	sameAnswers(t, answersOf(t, stdout), want)
}

// TestTerminalInterruptAndResume: Ctrl-C, and Ctrl-D likewise, at question
// 3 keeps the answers given, and the next run offers to go on from the
// question that was on the screen.
func TestTerminalInterruptAndResume(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	// The first two answers: the last option of each, which Enter alone
	// would not give.
	var given []int
	for _, q := range b.Questions[:2] {
		if q.Kind == quiz.PickAny {
			t.Fatal("the test needs the first two questions to be single-answer ones")
		}
		given = append(given, len(q.Options)-1)
	}
	// Ctrl-D is a deliberate save, and says so rather than "interrupted".
	for _, key := range []struct{ name, seq, what string }{{"Ctrl-C", ptytest.CtrlC, "interrupted"}, {"Ctrl-D", ptytest.CtrlD, "quit"}} {
		t.Run(key.name, func(t *testing.T) {
			c := newComputer(t)
			saved := c.progressFile(b)

			code, stdout := c.run(nil, func(p *ptytest.Person) error {
				for i, k := range given {
					if _, err := question(p, i+1, total); err != nil {
						return err
					}
					if err := p.Press(keys(moveTo(opensOn(&b.Questions[i]), k), []string{ptytest.Enter})...); err != nil {
						return err
					}
				}
				if _, err := question(p, 3, total); err != nil {
					return err
				}
				if err := p.Press(key.seq); err != nil {
					return err
				}
				if err := p.See(fmt.Sprintf("%s after question 2 of %d; progress saved", key.what, total)); err != nil {
					return err
				}
				return p.Leave()
			})
			if code != cli.ExitInterrupt {
				t.Errorf("exit code after %s %d, want %d", key.name, code, cli.ExitInterrupt)
			}
			if stdout != "" {
				t.Errorf("stdout after %s is not empty:\n%s", key.name, stdout)
			}
			if _, err := os.Stat(saved); err != nil {
				t.Fatalf("no progress saved: %v", err)
			}

			code, stdout = c.run([]string{"--json"}, func(p *ptytest.Person) error {
				if err := p.See("Resume at question 3?"); err != nil {
					return err
				}
				if err := p.Press(ptytest.Enter); err != nil {
					return err
				}
				if _, err := question(p, 3, total); err != nil {
					return err
				}
				if m := progressLine.FindStringSubmatch(firstProgressLine(p.Output())); m == nil || m[1] != "3" {
					return fmt.Errorf("the first question shown on resuming is %q, want question 3:\n%s", m, p.Screen())
				}
				if err := p.Press(ptytest.Enter); err != nil {
					return err
				}
				if err := enterThrough(p, 4, total); err != nil {
					return err
				}
				return p.Leave()
			})
			if code != cli.ExitOK {
				t.Fatalf("exit code on resuming %d, want %d", code, cli.ExitOK)
			}
			want := enterAnswers(b)
			for i, k := range given {
				want[b.Questions[i].ID] = float64(k + 1)
			}
			sameAnswers(t, answersOf(t, stdout), want)
			if _, err := os.Stat(saved); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("progress is still saved after finishing (%v)", err)
			}

			code, _ = c.run(nil, func(p *ptytest.Person) error {
				if _, err := question(p, 1, total); err != nil {
					return err
				}
				if strings.Contains(p.Output(), "Resume") {
					return fmt.Errorf("a finished quiz is offered for resuming:\n%s", p.Screen())
				}
				if err := p.Press(ptytest.CtrlC); err != nil {
					return err
				}
				return p.Leave()
			})
			if code != cli.ExitInterrupt {
				t.Errorf("exit code of the third run %d, want %d", code, cli.ExitInterrupt)
			}
		})
	}
}

// firstProgressLine returns the first progress line in a terminal's output.
func firstProgressLine(output string) string {
	i := strings.Index(output, "Question ")
	if i < 0 {
		return ""
	}
	line, _, _ := strings.Cut(output[i:], "\n")
	return line
}

// TestTerminalScreens walks through the built-in bank at 50, 80 and 120
// columns: every question must be seen whole, with where it stands in the
// quiz, its text (and a graded question's two sides), and every option in
// full and at once, its words whole, the line of keys under them, and the
// cursor where the list opens.
func TestTerminalScreens(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	for _, cols := range []int{50, 80, 120} {
		t.Run(fmt.Sprint(cols), func(t *testing.T) {
			width := min(cols, session.Widest)
			newComputer(t).runAt(cols, 40, nil, false, func(p *ptytest.Person) error {
				for i := range b.Questions {
					q := &b.Questions[i]
					s, err := question(p, i+1, total)
					if err != nil {
						return err
					}
					var problems []string
					head := fmt.Sprintf("Question %d of %d · %s", i+1, total, b.Themes[b.ThemeIndex(q.Theme)].Name)
					if !q.Scored() {
						// A profile question counts for no theme.
						head = fmt.Sprintf("Question %d of %d", i+1, total)
					}
					if s.progress != head {
						problems = append(problems, fmt.Sprintf("progress line %q, want %q", s.progress, head))
					}
					text := textwrap.Wrap(q.Text, width, "")
					for j, side := range q.Sides {
						lines := textwrap.Wrap(side.Text, width, "   ")
						lines[0] = string(rune('A'+j)) + ": " + strings.TrimPrefix(lines[0], "   ")
						text = append(text, lines...)
					}
					if q.Help != "" {
						text = append(text, textwrap.Wrap(q.Help, width, "")...)
					}
					if len(s.text) < len(text) || !slices.Equal(s.text[:len(text)], text) {
						problems = append(problems, fmt.Sprintf("text %q, want %q first", s.text, text))
					}
					if want := entries(b, i); !slices.Equal(s.entries, want) {
						problems = append(problems, fmt.Sprintf("entries %q, want %q", s.entries, want))
					}
					if s.highlighted != opensOn(q) || len(s.ticked) > 0 {
						problems = append(problems, fmt.Sprintf("entry %d highlighted and %v ticked, want %d and none", s.highlighted, s.ticked, opensOn(q)))
					}
					if strings.Contains(p.Screen(), "…") {
						problems = append(problems, "something is cut short")
					}
					if len(problems) > 0 {
						return fmt.Errorf("question %d (%s):\n%s\nscreen:\n%s", i+1, q.ID, strings.Join(problems, "\n"), p.Screen())
					}
					if err := p.Press(ptytest.Enter); err != nil {
						return err
					}
				}
				return p.Leave()
			})
		})
	}
}

// colorSequence is an escape sequence that sets colours or text attributes.
var colorSequence = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// TestTerminalColor runs careerquiz as a process of its own for each case:
// survey decides on colour once per process, the first time it draws each
// kind of prompt, so only a fresh process shows what a person meets.
func TestTerminalColor(t *testing.T) {
	b := builtIn(t)
	tests := []struct {
		name  string
		vars  []string
		args  []string
		color bool
	}{
		{"colour in a terminal", nil, nil, true},
		{"NO_COLOR", []string{"NO_COLOR", "1"}, nil, false},
		{"--no-color", nil, []string{"--no-color"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var output string
			var fg vt10x.Color
			code, stdout := newComputer(t, tt.vars...).exec(tt.args, func(p *ptytest.Person, _ func(os.Signal) error) error {
				if _, err := question(p, 1, len(b.Questions)); err != nil {
					return err
				}
				var ok bool
				if fg, ok = p.Foreground("Question 1 of "); !ok {
					return fmt.Errorf("no progress line on the screen:\n%s", p.Screen())
				}
				if err := p.Press(ptytest.Enter); err != nil {
					return err
				}
				if err := enterThrough(p, 2, len(b.Questions)); err != nil {
					return err
				}
				err := p.Leave()
				output = p.Output()
				return err
			})
			if code != cli.ExitOK {
				t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
			}
			if stdout == "" || strings.Contains(stdout, "\x1b") {
				t.Errorf("stdout, which is not a terminal, holds no result or an escape sequence:\n%q", stdout)
			}
			seqs := colorSequence.FindAllString(output, -1)
			if tt.color {
				if fg == vt10x.DefaultFG {
					t.Error("the progress line is drawn in the default colour")
				}
				return
			}
			if len(seqs) > 0 {
				t.Errorf("%d colour sequences reached the terminal, such as %s", len(seqs), strconv.Quote(seqs[0]))
			}
			if fg != vt10x.DefaultFG {
				t.Errorf("the progress line is drawn in colour %d", fg)
			}
		})
	}
}

// TestTerminalSignals: a signal from elsewhere while a question waits for
// a key (kill -INT, kill -TERM, the terminal closing) ends the quiz as
// Ctrl-C does, and leaves the terminal as it was found: in line mode, with
// the cursor shown.
func TestTerminalSignals(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			c := newComputer(t)
			var raw bool
			var output string
			code, stdout := c.exec(nil, func(p *ptytest.Person, signal func(os.Signal) error) error {
				if _, err := question(p, 1, total); err != nil {
					return err
				}
				if err := p.Press(ptytest.Enter); err != nil {
					return err
				}
				if _, err := question(p, 2, total); err != nil {
					return err
				}
				// The signal comes while survey reads keys one by one.
				if err := p.Press(); err != nil {
					return err
				}
				if err := signal(sig); err != nil {
					return err
				}
				if err := p.See(fmt.Sprintf("interrupted after question 1 of %d; progress saved", total)); err != nil {
					return err
				}
				if err := p.Leave(); err != nil {
					return err
				}
				var err error
				raw, err = p.Raw()
				output = p.Output()
				return err
			})
			if code != cli.ExitInterrupt {
				t.Errorf("exit code %d, want %d", code, cli.ExitInterrupt)
			}
			if stdout != "" {
				t.Errorf("stdout is not empty:\n%s", stdout)
			}
			if raw {
				t.Error("the terminal is left in raw mode")
			}
			if strings.LastIndex(output, "\x1b[?25h") < strings.LastIndex(output, "\x1b[?25l") {
				t.Error("the cursor is left hidden")
			}
			if _, err := os.Stat(c.progressFile(b)); err != nil {
				t.Errorf("no progress saved: %v", err)
			}
		})
	}
}
