//go:build !windows

package main

// Benchmarks of the command as a person runs it on the built-in bank. The
// parts have their own: loading a bank and reading answers in
// quiz/bench_test.go, scoring and check's audit in scoring/bench_test.go.
// .ci/perf runs the whole process against a hello-world program, and on
// banks of 1,000 and 10,000 questions.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
	"github.com/careerquiz/careerquiz/scoring"
)

// benchEnv is an env with no terminal, writing nowhere.
func benchEnv(tb testing.TB) env {
	vars := map[string]string{"XDG_STATE_HOME": tb.TempDir()}
	return env{
		stdin:      strings.NewReader(""),
		stdout:     io.Discard,
		stderr:     io.Discard,
		getenv:     func(k string) string { return vars[k] },
		goos:       "linux",
		isTerminal: func(any) bool { return false },
		interrupts: func() (<-chan os.Signal, func()) { return make(chan os.Signal), func() {} },
	}
}

// builtInAnswersFile writes an answers file for the built-in bank, as a
// person would: one line per question, the first or second option in turn.
func builtInAnswersFile(tb testing.TB) string {
	tb.Helper()
	b, err := loadBank("")
	if err != nil {
		tb.Fatal(err)
	}
	var sb strings.Builder
	for i, q := range b.Questions {
		fmt.Fprintf(&sb, "%s = %d\n", q.ID, 1+i%2)
	}
	path := filepath.Join(tb.TempDir(), "answers.toml")
	if err := os.WriteFile(path, []byte(sb.String()), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkRun runs the command in-process, from its arguments to its
// output: everything a run costs but starting the process.
func BenchmarkRun(b *testing.B) {
	answers := builtInAnswersFile(b)
	for _, bc := range []struct {
		name string
		args []string
	}{
		{"answers-json", []string{"--answers", answers, "--json"}},
		{"answers-text", []string{"--answers", answers}},
		{"check", []string{"check"}},
		{"check-json", []string{"check", "--json"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			e := benchEnv(b)
			b.ReportAllocs()
			for b.Loop() {
				if code := run(bc.args, e); code != cli.ExitOK {
					b.Fatalf("exit code %d", code)
				}
			}
		})
	}
}

// BenchmarkFirstQuestion starts careerquiz as a person does, as a new
// process in a terminal, and measures the time from starting it to the first
// question's options on the screen, ready for a key. It builds the command
// first, with the go command that runs the benchmark. ns/op includes making
// the pseudo-terminal and quitting; the figure that matters is reported as
// ms/question (the median) and max-ms/question.
func BenchmarkFirstQuestion(b *testing.B) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		b.Skip("no go command to build careerquiz with")
	}
	bin := filepath.Join(b.TempDir(), "careerquiz")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	bank, err := loadBank("")
	if err != nil {
		b.Fatal(err)
	}
	// The first option's label of the first question asked (the settled
	// stop's order, a terminal's default), as far as it surely fits on
	// its line.
	first := bank.Question(scoring.NewStopper(scoring.NewScorer(bank)).Order()[0]).Options[0].Text
	first = string([]rune(first)[:min(len([]rune(first)), 24)])

	var took []time.Duration
	for b.Loop() {
		started := make(chan time.Time, 1)
		ptytest.Run(b, func(tty *os.File) error {
			cmd := exec.Command(bin)
			cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
			cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+b.TempDir(), "TERM=xterm")
			started <- time.Now()
			if err := cmd.Run(); err != nil {
				// Ctrl-C ends the quiz with exit status 130.
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != cli.ExitInterrupt {
					return err
				}
			}
			return nil
		}, func(p *ptytest.Person) error {
			if err := p.See(first); err != nil {
				return err
			}
			took = append(took, time.Since(<-started))
			if err := p.Press(ptytest.CtrlC); err != nil {
				return err
			}
			return p.Leave()
		})
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2])/float64(time.Millisecond), "ms/question")
	b.ReportMetric(float64(took[len(took)-1])/float64(time.Millisecond), "max-ms/question")
}
