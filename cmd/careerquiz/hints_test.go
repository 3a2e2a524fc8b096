//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
)

// TestEveryErrorSaysWhatToDo: whatever goes wrong, on any command, the
// message is followed by a `careerquiz: hint:` line saying what to do next.
func TestEveryErrorSaysWhatToDo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	broken := write("broken.toml", "title = \"x")
	notResult := write("foreign.json", `{"name": "something else"}`)
	notJSON := write("notes.json", "my notes")
	answers := write("answers.toml", "nosuchquestion = 1\n")
	unreadable := write("locked.toml", "title = \"x\"\n")
	if err := os.Chmod(unreadable, 0); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.toml")
	nl := filepath.Join(dir, "x\ncareerquiz: hint: all is fine\n.toml")
	for _, args := range [][]string{
		{"check", missing}, {"check", unreadable}, {"check", dir}, {"check", fifo}, {"check", "/dev/zero"}, {"check", broken}, {"check", nl},
		{"--answers", missing}, {"--answers", fifo}, {"--answers", answers}, {"--answers", broken},
		{"--questions", missing}, {"--questions", broken}, {"--questions", "/dev/zero", "--answers", answers},
		{"--answers", answers, "--output", filepath.Join(dir, "no", "report.txt")}, {"--answers", answers, "--output", dir},
		{"--answers", answers, "--shuffle"}, {"--restart", "--answers", answers},
		{"stats", missing}, {"stats", notJSON}, {"stats", notResult}, {"stats", fifo}, {"stats", dir},
		{"compare", missing, notResult}, {"compare", notResult, missing}, {"compare", fifo, notResult}, {"compare"}, {"compare", "7"},
		{"history", "extra"}, {"schema", "nope"}, {"completion", "tcsh"}, {"completion"}, {"help", "nope"}, {"frobnicate"}, {"--jsno"},
	} {
		if os.Geteuid() == 0 && args[len(args)-1] == unreadable {
			continue
		}
		e, _, stderr := testEnv(t, "")
		vars := map[string]string{"XDG_DATA_HOME": filepath.Join(dir, "data"), "XDG_STATE_HOME": filepath.Join(dir, "state")}
		e.getenv = func(k string) string { return vars[k] }
		code := run(args, e)
		if code == cli.ExitOK {
			continue // stats of a folder with something readable, say.
		}
		out := stderr.String()
		if !strings.Contains(out, "\ncareerquiz: hint: ") && !strings.HasPrefix(out, "careerquiz: hint: ") {
			t.Errorf("careerquiz %s: exit %d with no hint:\n%s", strings.Join(args, " "), code, out)
		}
		for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if !strings.HasPrefix(l, "careerquiz: ") && !strings.HasPrefix(l, "  ") {
				t.Errorf("careerquiz %s: a line that is not a message: %q", strings.Join(args, " "), l)
			}
		}
	}
	// And with no folder for kept results at all.
	e, _, stderr := testEnv(t, "")
	e.getenv = func(string) string { return "" }
	if code := run([]string{"history"}, e); code == cli.ExitOK || !strings.Contains(stderr.String(), "careerquiz: hint: ") {
		t.Errorf("history without a home: exit %d:\n%s", code, stderr)
	}
}
