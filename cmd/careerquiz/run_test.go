package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
)

// testEnv is an env with no terminal, no real signals and its own state
// folder, reading stdin from the given text.
func testEnv(t *testing.T, stdin string) (env, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	vars := map[string]string{"XDG_STATE_HOME": t.TempDir()}
	return env{
		stdin:      strings.NewReader(stdin),
		stdout:     &stdout,
		stderr:     &stderr,
		getenv:     func(k string) string { return vars[k] },
		goos:       "linux",
		isTerminal: func(any) bool { return false },
		interrupts: func() (<-chan os.Signal, func()) { return make(chan os.Signal), func() {} },
		exit:       func(code int) { t.Fatalf("exit(%d) called from a signal handler", code) },
	}, &stdout, &stderr
}

// TestExitCodes holds the documented exit codes: 0 done, 1 bad input, 2
// wrong usage, and stderr's first line for each.
func TestExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.toml")
	if err := os.WriteFile(broken, []byte("title = \"x"), 0o600); err != nil {
		t.Fatal(err)
	}
	answers := filepath.Join(dir, "answers.toml")
	if err := os.WriteFile(answers, []byte("messaging = 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stderr string // first line of stderr; empty means stderr stays empty
	}{
		{"help", []string{"--help"}, "", cli.ExitOK, ""},
		{"version", []string{"--version"}, "", cli.ExitOK, ""},
		{"check the built-in bank", []string{"check"}, "", cli.ExitOK, ""},
		{"bank", []string{"bank"}, "", cli.ExitOK, ""},
		{"answers file", []string{"--answers", answers}, "", cli.ExitOK, ""},
		{"unknown flag", []string{"--frobnicate"}, "", cli.ExitUsage, "careerquiz: unknown flag --frobnicate"},
		{"stray argument", []string{"extra"}, "", cli.ExitUsage, `careerquiz: unknown command "extra"`},
		{"empty bank name", []string{"--questions", ""}, "", cli.ExitUsage, "careerquiz: --questions needs a file name"},
		{"empty answers name", []string{"--answers="}, "", cli.ExitUsage, "careerquiz: --answers needs a file name"},
		{"check with two files", []string{"check", "a", "b"}, "", cli.ExitUsage, "careerquiz: check takes one bank file, got 2"},
		{"broken bank", []string{"--questions", broken}, "", cli.ExitError, "careerquiz: " + broken + ":1:10: unexpected EOF; expected '\"'"},
		{"broken bank in check", []string{"check", broken}, "", cli.ExitError, "careerquiz: " + broken + ":1:10: unexpected EOF; expected '\"'"},
		{"missing answers", []string{"--answers", filepath.Join(dir, "none.toml")}, "", cli.ExitError, "careerquiz: " + filepath.Join(dir, "none.toml") + ": does not exist"},
		{"input ends at once", nil, "", cli.ExitError, "careerquiz: input ended; nothing answered yet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _, stderr := testEnv(t, tt.stdin)
			if code := run(tt.args, e); code != tt.code {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			first, _, _ := strings.Cut(stderr.String(), "\n")
			if tt.stderr == "" {
				if tt.code == cli.ExitOK && stderr.Len() > 0 && tt.args != nil {
					t.Errorf("stderr not empty:\n%s", stderr)
				}
				return
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr does not hold %q; first line: %q", tt.stderr, first)
			}
		})
	}
}

// TestStdoutHoldsOnlyTheResult: prompts, progress and hints go to stderr,
// so that `careerquiz --json > result.json` leaves clean JSON.
func TestStdoutHoldsOnlyTheResult(t *testing.T) {
	t.Parallel()
	e, stdout, stderr := testEnv(t, strings.Repeat("2\n", 36))
	if code := run([]string{"--json"}, e); code != cli.ExitOK {
		t.Fatalf("exit code %d; stderr:\n%s", code, stderr)
	}
	out := stdout.String()
	if !strings.HasPrefix(out, "{\n") || !strings.HasSuffix(out, "}\n") || strings.Count(out, "\n}\n") != 1 {
		t.Errorf("stdout is not exactly one JSON document:\n%s", out)
	}
	if strings.Contains(out, "Question 1 of") {
		t.Error("a prompt reached stdout")
	}
	if !strings.Contains(stderr.String(), "Question 1 of 36") {
		t.Error("the prompts did not reach stderr")
	}
}
