//go:build !windows

package main

// These tests hold saved progress to its promises where a person meets it,
// at a terminal: no answer is lost to a failed write or a second run, what
// sits where progress belongs cannot hang or crash the quiz, and a signal
// ends the run promptly whatever it is waiting for.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ptytest"
)

// runTo is run with stdout going to w, such as /dev/full.
func (c *computer) runTo(w io.Writer, args []string, act func(p *ptytest.Person) error) (code int) {
	c.t.Helper()
	ptytest.Run(c.t, func(tty *os.File) error {
		code = run(args, env{
			stdin:      tty,
			stdout:     w,
			stderr:     tty,
			getenv:     c.getenv,
			goos:       "linux",
			isTerminal: cli.IsTerminal,
			columns:    cli.Columns,
			interrupts: func() (<-chan os.Signal, func()) { return make(chan os.Signal), func() {} },
			exit:       func(code int) { c.t.Errorf("exit(%d) called from a signal handler", code) },
		})
		return nil
	}, act)
	return code
}

// TestTerminalFullStdoutKeepsAnswers: `careerquiz --json > /dev/full` with
// every question answered cannot write the result. The answers stay saved,
// and the next run offers to show the result.
func TestTerminalFullStdoutKeepsAnswers(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skipf("no /dev/full: %v", err)
	}
	defer full.Close()
	b := builtIn(t)
	total := len(b.Questions)
	c := newComputer(t)
	code := c.runTo(full, []string{"--json"}, func(p *ptytest.Person) error {
		if err := enterThrough(p, 1, total); err != nil {
			return err
		}
		if err := p.See("no space left on device"); err != nil {
			return err
		}
		if err := p.See("careerquiz: hint: your answers are kept; run careerquiz again to see the result"); err != nil {
			return err
		}
		return p.Leave()
	})
	if code != cli.ExitError {
		t.Errorf("exit code %d, want %d", code, cli.ExitError)
	}
	if _, err := os.Stat(c.progressFile(b)); err != nil {
		t.Fatalf("the answers are gone: %v", err)
	}

	code, stdout := c.run([]string{"--json"}, func(p *ptytest.Person) error {
		if err := p.See(fmt.Sprintf("Your answers to all %d questions are saved. See the result?", total)); err != nil {
			return err
		}
		if err := p.Press(ptytest.Enter); err != nil {
			return err
		}
		return p.Leave()
	})
	if code != cli.ExitOK {
		t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
	}
	sameAnswers(t, answersOf(t, stdout), enterAnswers(b))
	if _, err := os.Stat(c.progressFile(b)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("progress is still saved after the result was written (%v)", err)
	}
}

// TestTerminalTwoRunsAtOnce: while one run takes the quiz, a second run on
// the same bank is told so. It may quit, or take the quiz without saving;
// either way the first run's progress is neither read, replaced nor
// cleared, and the first run's "progress saved" stays true.
func TestTerminalTwoRunsAtOnce(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	c := newComputer(t)
	saved := c.progressFile(b)
	var before []byte
	code, _ := c.exec(nil, func(first *ptytest.Person, _ func(os.Signal) error) error {
		for n := 1; n <= 2; n++ {
			if _, err := question(first, n, total); err != nil {
				return err
			}
			if err := first.Press(ptytest.Down, ptytest.Enter); err != nil {
				return err
			}
		}
		if _, err := question(first, 3, total); err != nil {
			return err
		}
		var err error
		if before, err = os.ReadFile(saved); err != nil {
			return fmt.Errorf("the first run saved nothing: %v", err)
		}

		// The second run quits.
		code, stdout := c.run(nil, func(second *ptytest.Person) error {
			if err := second.See("Another run is taking this quiz. Take it here without saving?"); err != nil {
				return err
			}
			if err := second.Press("n", ptytest.Enter); err != nil {
				return err
			}
			if err := second.See("careerquiz: another run is taking this quiz; its saved answers are untouched"); err != nil {
				return err
			}
			return second.Leave()
		})
		if code != cli.ExitError || stdout != "" {
			return fmt.Errorf("the second run quit with %d and stdout %q, want %d and nothing", code, stdout, cli.ExitError)
		}

		// The second run takes the quiz without saving, and finishes.
		code, stdout = c.run([]string{"--json"}, func(second *ptytest.Person) error {
			if err := second.See("Take it here without saving?"); err != nil {
				return err
			}
			if err := second.Press("y", ptytest.Enter); err != nil {
				return err
			}
			if err := enterThrough(second, 1, total); err != nil {
				return err
			}
			return second.Leave()
		})
		if code != cli.ExitOK {
			return fmt.Errorf("the second run, without saving, ended with %d", code)
		}
		sameAnswers(t, answersOf(t, stdout), enterAnswers(b))
		after, err := os.ReadFile(saved)
		if err != nil || !bytes.Equal(after, before) {
			return fmt.Errorf("the second run changed the first one's progress (%v):\n%s\nwant:\n%s", err, after, before)
		}

		if err := first.Press(ptytest.CtrlC); err != nil {
			return err
		}
		if err := first.See(fmt.Sprintf("interrupted after question 2 of %d; progress saved", total)); err != nil {
			return err
		}
		return first.Leave()
	})
	if code != cli.ExitInterrupt {
		t.Errorf("the first run ended with %d, want %d", code, cli.ExitInterrupt)
	}
	after, err := os.ReadFile(saved)
	if err != nil || !bytes.Equal(after, before) {
		t.Errorf("the first run's progress is not what it saved (%v):\n%s", err, after)
	}
	// Once the first run has ended, the bank is free again.
	c.run(nil, func(p *ptytest.Person) error {
		if err := p.See(fmt.Sprintf("Saved progress: 2 of %d answered. Resume at question 3?", total)); err != nil {
			return err
		}
		if err := p.Press(ptytest.CtrlC); err != nil {
			return err
		}
		return p.Leave()
	})
}

// TestTerminalProgressThatIsNoFile: a FIFO, a link to /dev/zero or a
// folder where progress belongs neither hangs nor crashes the quiz. It is
// set aside, and the quiz starts with a clear message and saves afresh.
func TestTerminalProgressThatIsNoFile(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	tests := []struct {
		name   string
		make   func(path string) error
		reason string
	}{
		{"a FIFO", func(path string) error { return syscall.Mkfifo(path, 0o600) }, "a named pipe, not a file"},
		{"a link to /dev/zero", func(path string) error { return os.Symlink("/dev/zero", path) }, "a device, not a file"},
		{"a folder", func(path string) error { return os.Mkdir(path, 0o700) }, "a folder, not a file"},
		{"damaged", func(path string) error { return os.WriteFile(path, []byte(`{"version": 2, "answ`), 0o600) }, "unexpected EOF"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newComputer(t)
			saved := c.progressFile(b)
			if err := os.MkdirAll(filepath.Dir(saved), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := tt.make(saved); err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			code, _ := c.run(nil, func(p *ptytest.Person) error {
				// The message wraps at the terminal's width: its start is on
				// the first line.
				if err := p.See("is damaged (" + tt.reason + ")"); err != nil {
					return err
				}
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
				return p.Leave()
			})
			if code != cli.ExitInterrupt {
				t.Errorf("exit code %d, want %d", code, cli.ExitInterrupt)
			}
			if d := time.Since(start); d > slowdown*5*time.Second {
				t.Errorf("the run took %v", d)
			}
			fi, err := os.Lstat(saved)
			if err != nil || !fi.Mode().IsRegular() {
				t.Errorf("no new progress saved: %v", err)
			}
			asides, _ := filepath.Glob(strings.TrimSuffix(saved, ".json") + ".damaged-*")
			if len(asides) != 1 {
				t.Errorf("set aside: %v, want one file", asides)
			}
		})
	}
}

// TestPlainSignals: in plain mode, at a terminal or fed by a pipe,
// SIGINT, SIGTERM and SIGHUP end the quiz as Ctrl-C does: at once, with
// exit 130 and the progress saved.
func TestPlainSignals(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			c := newComputer(t)
			var sent time.Time
			code, stdout := c.exec([]string{"--plain"}, func(p *ptytest.Person, signal func(os.Signal) error) error {
				if err := p.See("Question 1 of "); err != nil {
					return err
				}
				if err := p.See("to skip: "); err != nil {
					return err
				}
				if err := p.Type("1"); err != nil {
					return err
				}
				if err := p.See("Question 2 of "); err != nil {
					return err
				}
				if err := p.See("go back: "); err != nil {
					return err
				}
				sent = time.Now()
				if err := signal(sig); err != nil {
					return err
				}
				if err := p.See(fmt.Sprintf("interrupted after question 1 of %d; progress saved", total)); err != nil {
					return err
				}
				return p.Leave()
			})
			if d := time.Since(sent); d > slowdown*2*time.Second {
				t.Errorf("the run ended %v after the signal", d)
			}
			if code != cli.ExitInterrupt {
				t.Errorf("exit code %d, want %d", code, cli.ExitInterrupt)
			}
			if stdout != "" {
				t.Errorf("stdout is not empty:\n%s", stdout)
			}
			if _, err := os.Stat(c.progressFile(b)); err != nil {
				t.Errorf("no progress saved: %v", err)
			}
		})
	}
}

// TestSignalWhileWaitingForABank: a bank named by a FIFO waits for its
// writer, in every mode; a signal ends the wait within 2 s, with 130.
func TestSignalWhileWaitingForABank(t *testing.T) {
	tests := []struct {
		name string
		args []string
		// writer opens the FIFO for writing without writing, once the
		// run has it open for reading: the run then waits in a read
		// rather than in open.
		writer bool
	}{
		{"no writer, in a terminal", nil, false},
		{"no writer, plain", []string{"--plain"}, false},
		{"no writer, with an answers file", []string{"--answers", "-"}, false},
		{"a writer that writes nothing", []string{"--plain"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fifo := filepath.Join(t.TempDir(), "questions.toml")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Fatal(err)
			}
			var sent time.Time
			c := newComputer(t)
			code, _ := c.exec(append([]string{"--questions", fifo}, tt.args...), func(p *ptytest.Person, signal func(os.Signal) error) error {
				// The run watches signals before it opens the bank, so
				// once it waits on the FIFO the signal is its to handle.
				if tt.writer {
					w, err := openWhenRead(fifo)
					if err != nil {
						return err
					}
					defer w.Close()
				} else {
					waitOnFIFO(fifo)
				}
				sent = time.Now()
				if err := signal(syscall.SIGINT); err != nil {
					return err
				}
				if err := p.See("careerquiz: interrupted"); err != nil {
					return err
				}
				return p.Leave()
			})
			if d := time.Since(sent); d > slowdown*2*time.Second {
				t.Errorf("the run ended %v after the signal", d)
			}
			if code != cli.ExitInterrupt {
				t.Errorf("exit code %d, want %d", code, cli.ExitInterrupt)
			}
		})
	}
}

// waitOnFIFO returns once the process named with fifo on its command line
// waits in the open of it, for a writer. Where /proc does not tell, it
// waits a while.
func waitOnFIFO(fifo string) {
	if _, err := os.Stat("/proc/self/task"); err != nil {
		time.Sleep(500 * time.Millisecond)
		return
	}
	for deadline := time.Now().Add(ptytest.Timeout); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
		for _, cmdline := range cmdlines {
			args, err := os.ReadFile(cmdline)
			if err != nil || !bytes.Contains(args, []byte(fifo)) {
				continue
			}
			wchans, _ := filepath.Glob(filepath.Join(filepath.Dir(cmdline), "task", "*", "wchan"))
			for _, wchan := range wchans {
				if w, err := os.ReadFile(wchan); err == nil && (bytes.Contains(w, []byte("partner")) || bytes.Contains(w, []byte("fifo"))) {
					return
				}
			}
		}
	}
}

// openWhenRead opens a FIFO for writing as soon as a reader has it open.
func openWhenRead(fifo string) (*os.File, error) {
	deadline := time.Now().Add(ptytest.Timeout)
	for {
		w, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err == nil {
			return w, nil
		}
		if !errors.Is(err, syscall.ENXIO) || time.Now().After(deadline) {
			return nil, err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestFIFOBank: `--questions <(cat questions.toml)` works: the bank is read
// from the pipe once its writer has written it.
func TestFIFOBank(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "questions.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	written := make(chan error, 1)
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			written <- err
			return
		}
		_, err = w.Write(careerquiz.Questions)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		written <- err
	}()
	b := builtIn(t)
	answers := strings.Repeat("1\n", len(b.Questions))
	e, stdout, stderr := testEnv(t, answers)
	if code := run([]string{"--questions", fifo, "--json"}, e); code != cli.ExitOK {
		t.Fatalf("exit code %d, want %d:\n%s", code, cli.ExitOK, stderr)
	}
	if err := <-written; err != nil {
		t.Fatal(err)
	}
	if got := answersOf(t, stdout.String()); len(got) != len(b.Questions) {
		t.Errorf("%d answers, want %d", len(got), len(b.Questions))
	}
}

// TestTerminalSaveFailsThenRecovers: a save that fails (here the state
// folder is taken by a file) is reported once, tried again at each answer,
// and reported again when it works; finishing clears the progress, so a
// failure on the way cannot leave a finished quiz to be offered again.
func TestTerminalSaveFailsThenRecovers(t *testing.T) {
	b := builtIn(t)
	total := len(b.Questions)
	c := newComputer(t)
	saved := c.progressFile(b)
	dir := filepath.Dir(saved)
	code, stdout := c.run([]string{"--json"}, func(p *ptytest.Person) error {
		if _, err := question(p, 1, total); err != nil {
			return err
		}
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		if err := os.WriteFile(dir, nil, 0o600); err != nil {
			return err
		}
		for n := 2; n <= 4; n++ {
			if err := p.Press(ptytest.Enter); err != nil {
				return err
			}
			if _, err := question(p, n, total); err != nil {
				return err
			}
		}
		if n := strings.Count(p.Output(), "could not save progress"); n != 1 {
			return fmt.Errorf("the failed save is reported %d times, want once:\n%s", n, p.Screen())
		}
		if err := os.Remove(dir); err != nil {
			return err
		}
		if err := p.Press(ptytest.Enter); err != nil {
			return err
		}
		if err := p.See("careerquiz: progress saved again"); err != nil {
			return err
		}
		if err := enterThrough(p, 5, total); err != nil {
			return err
		}
		return p.Leave()
	})
	if code != cli.ExitOK {
		t.Fatalf("exit code %d, want %d", code, cli.ExitOK)
	}
	sameAnswers(t, answersOf(t, stdout), enterAnswers(b))
	if _, err := os.Stat(saved); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("progress is still saved after finishing (%v)", err)
	}
}
