package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/scoring"
)

func TestEndLine(t *testing.T) {
	t.Parallel()
	r := render.Run{Result: scoring.Result{
		Paths:          []scoring.PathScore{{ID: "engineer", Name: "Back-end engineer"}, {ID: "developer", Name: "Back-end developer"}},
		Recommendation: &scoring.Recommendation{Path: "engineer", Name: "Back-end engineer", Strength: scoring.Moderate, RunnerUp: "developer"},
	}}
	tests := []struct {
		name        string
		o           options
		interactive bool
		// stdoutTTY makes stdout a terminal, as when nothing is redirected.
		stdoutTTY            bool
		wantStdout, wantErrs string
	}{
		{"a text report on the terminal ends with the verdict", options{format: render.Text}, true, true,
			"\nVerdict: Back-end engineer (moderate). The breakdown, the reasons and the next\nsteps are above.\n", ""},
		{"so does one from an answers file", options{format: render.Text}, false, true,
			"\nVerdict: Back-end engineer (moderate). The breakdown, the reasons and the next\nsteps are above.\n", ""},
		{"JSON on the terminal is left as it is", options{format: render.JSON}, true, true, "", ""},
		{"a quiz whose result is redirected says where it went", options{format: render.JSON}, true, false,
			"", "Done: Back-end engineer (moderate). Result written to standard output.\n"},
		{"or names the --output file", options{format: render.Text, output: "report.txt"}, true, true,
			"", "Done: Back-end engineer (moderate). Result written to report.txt.\n"},
		{"a scripted run stays quiet", options{format: render.JSON}, false, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			e := env{stdout: &stdout, stderr: &stderr, goos: "linux",
				isTerminal: func(s any) bool { return tt.stdoutTTY && s == any(&stdout) }}
			endLine(r, tt.o, tt.interactive, e)
			if stdout.String() != tt.wantStdout || stderr.String() != tt.wantErrs {
				t.Errorf("stdout %q, stderr %q; want %q, %q", stdout.String(), stderr.String(), tt.wantStdout, tt.wantErrs)
			}
		})
	}
}

// TestEndLineOfAResultWithWarnings: a balanced result is no preference, on
// the terminal and at the end of a text report alike, and a result written
// to a file brings its warnings to the terminal, one short line each.
func TestEndLineOfAResultWithWarnings(t *testing.T) {
	t.Parallel()
	r := render.Run{Result: scoring.Result{
		Paths:          []scoring.PathScore{{ID: "engineer", Name: "Back-end engineer"}, {ID: "developer", Name: "Back-end developer"}},
		Recommendation: &scoring.Recommendation{Path: "developer", Name: "Back-end developer", Strength: scoring.Balanced, RunnerUp: "engineer", Margin: 4},
		Warnings:       []scoring.Warning{{Code: scoring.WarnAlwaysMiddle, Count: 24}},
	}}
	tests := []struct {
		name                 string
		o                    options
		stdoutTTY            bool
		wantStdout, wantErrs string
	}{
		{"JSON to a file", options{format: render.JSON}, false,
			"", "Done: no clear preference (balanced; leaning a little to Back-end developer). Result written to standard output.\n" +
				"  ! You gave the middle answer all 24 times it was offered: it may mean little.\n"},
		{"a text report on the terminal, where the warnings are in the report", options{format: render.Text}, true,
			"\nVerdict: no clear preference (balanced; leaning a little to Back-end developer).\nThe breakdown, the reasons and the next steps are above.\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			e := env{stdout: &stdout, stderr: &stderr, goos: "linux",
				isTerminal: func(s any) bool { return tt.stdoutTTY && s == any(&stdout) }}
			endLine(r, tt.o, true, e)
			if stdout.String() != tt.wantStdout || stderr.String() != tt.wantErrs {
				t.Errorf("stdout %q, stderr %q; want %q, %q", stdout.String(), stderr.String(), tt.wantStdout, tt.wantErrs)
			}
		})
	}
}

// TestStdoutFile: a result redirected to a file is named by the file's path.
func TestStdoutFile(t *testing.T) {
	t.Parallel()
	f, err := os.Create(filepath.Join(t.TempDir(), "result.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc here")
	}
	want, err := filepath.EvalSymlinks(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if got := cli.StdoutFile(f, "linux"); got != want {
		t.Errorf("cli.StdoutFile = %q, want %q", got, want)
	}
	if got := cli.StdoutFile(f, "darwin"); got != "" {
		t.Errorf("cli.StdoutFile on a system without /proc = %q, want none", got)
	}
	if got := cli.StdoutFile(&bytes.Buffer{}, "linux"); got != "" {
		t.Errorf("cli.StdoutFile of a buffer = %q, want none", got)
	}
}

func TestCursorMoves(t *testing.T) {
	t.Parallel()
	tests := []struct {
		term, goos string
		want       bool
	}{
		{"xterm-256color", "linux", true},
		{"dumb", "linux", false},
		{"", "linux", false},
		{"", "windows", true},
		{"dumb", "windows", false},
	}
	for _, tt := range tests {
		e := env{goos: tt.goos, getenv: func(string) string { return tt.term }}
		if got := cursorMoves(e); got != tt.want {
			t.Errorf("cursorMoves with TERM=%q on %s = %v, want %v", tt.term, tt.goos, got, tt.want)
		}
	}
}

// TestWrapMessage: a message wider than the terminal breaks between words,
// never inside a word; a long file name stands whole on a line of its own;
// a message that fits, or one going to no terminal (width 0), is left as
// it is.
func TestWrapMessage(t *testing.T) {
	t.Parallel()
	const kept = "/home/someone/.local/share/careerquiz/results/result-2026-12-02T07-09-45.167Z.json"
	tests := []struct {
		name  string
		msg   string
		width int
		want  string
	}{
		{"breaks between words",
			"careerquiz: interrupted after question 11 of 30; progress saved\ncareerquiz: hint: run careerquiz again to resume where you left off\n", 50,
			"careerquiz: interrupted after question 11 of 30;\nprogress saved\ncareerquiz: hint: run careerquiz again to resume\nwhere you left off\n"},
		{"a long path on a line of its own", "Result kept in " + kept + "\n", 80,
			"Result kept in\n" + kept + "\n"},
		{"a path with text after it", "careerquiz: saved progress is damaged (bad JSON), so the quiz starts over; it is kept as " + kept + "; look at it later\n", 80,
			"careerquiz: saved progress is damaged (bad JSON), so the quiz starts over; it is\nkept as\n" + kept + ";\nlook at it later\n"},
		{"an indent carries on", "  ! You gave the middle answer on all 24 statements and graded questions: the result may mean little.", 50,
			"  ! You gave the middle answer on all 24\n  statements and graded questions: the result may\n  mean little."},
		{"what fits is untouched", "careerquiz: progress saved again\n", 50, "careerquiz: progress saved again\n"},
		{"no terminal, no wrapping", "Result kept in " + kept + "\n", 0, "Result kept in " + kept + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cli.Wrap(tt.msg, tt.width)
			if got != tt.want {
				t.Errorf("cli.Wrap(%q, %d) =\n%s\nwant\n%s", tt.msg, tt.width, got, tt.want)
			}
			for _, line := range strings.Split(got, "\n") {
				if utf8.RuneCountInString(line) > tt.width && tt.width > 0 && !strings.Contains(line, "/") {
					t.Errorf("line %q is wider than %d", line, tt.width)
				}
			}
		})
	}
}
