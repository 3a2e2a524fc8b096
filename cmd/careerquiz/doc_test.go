package main

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
)

// TestCompletionAndManFollowTheTables: the completion scripts and the man
// page are made from the tables --help is made from, so every command and
// every flag of every command is in each, and each shell reads its script.
func TestCompletionAndManFollowTheTables(t *testing.T) {
	outputs := map[string][]string{
		"bash": {"completion", "bash"},
		"zsh":  {"completion", "zsh"},
		"fish": {"completion", "fish"},
		"man":  {"man"},
	}
	for name, args := range outputs {
		t.Run(name, func(t *testing.T) {
			e, stdout, stderr := testEnv(t, "")
			if code := run(args, e); code != cli.ExitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			got := stdout.String()
			// The man page escapes hyphens in flags as \-.
			got = strings.ReplaceAll(got, `\-`, "-")
			want := []string{"markdown", "always"}
			for _, c := range commands {
				want = append(want, c.Name)
				for _, f := range c.Flags.Doc() {
					want = append(want, f.Name)
				}
			}
			for _, f := range quizFlags.Doc() {
				want = append(want, f.Name)
			}
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("%s does not name %q", name, w)
				}
			}
			shell := map[string][]string{"bash": {"bash", "-n"}, "zsh": {"zsh", "-n"}, "fish": {"fish", "--no-execute"}}[name]
			if shell == nil {
				return
			}
			if _, err := exec.LookPath(shell[0]); err != nil {
				return
			}
			cmd := exec.Command(shell[0], shell[1:]...)
			cmd.Stdin = strings.NewReader(stdout.String())
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s does not read its script: %v\n%s", shell[0], err, out)
			}
		})
	}
}
