package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// Every JSON document careerquiz prints is written the same way: a bank
// titled "R&D <fast>" is "R&D <fast>" in check --json and in a result,
// never "R\u0026D" in one of them.
func TestHTMLCharactersAreTheSameInEveryDocument(t *testing.T) {
	t.Parallel()
	bank := regexp.MustCompile(`(?m)^title = ".*"$`).ReplaceAllString(string(careerquiz.Questions), `title = "R&D <fast>"`)
	path := filepath.Join(t.TempDir(), "rd.toml")
	if err := os.WriteFile(path, []byte(bank), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"check", "--json", path}, {"--questions", path, "--answers", "-", "--json"}} {
		e, stdout, stderr := testEnv(t, "")
		if code := run(args, e); code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		if want := `"title": "R&D <fast>"`; !strings.Contains(stdout.String(), want) {
			t.Errorf("%q: no %s in its document", args, want)
		}
	}
}

// Messages are wrapped at the width the environment gives for standard
// error, and only where it is a terminal: no message asks the terminal
// itself.
func TestMessagesAreWrappedAtTheEnvironmentsWidth(t *testing.T) {
	t.Parallel()
	for _, terminal := range []bool{false, true} {
		e, _, stderr := testEnv(t, "")
		e.isTerminal = func(s any) bool { return terminal && s == e.stderr }
		e.columns = func(any) int { return 40 }
		run([]string{"--questions", "no-such-bank.toml"}, e)
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		widest := 0
		for _, l := range lines {
			widest = max(widest, textwrap.Width(l))
		}
		if terminal != (widest <= 40) {
			t.Errorf("terminal %v: widest line %d cells:\n%s", terminal, widest, stderr)
		}
	}
}
