package main

import (
	"strings"
	"testing"
)

// TestAFlagNameCannotForgeALine: an unknown flag is named as it was typed,
// quoted where it holds a newline, so that a file whose name a glob put on
// the command line cannot print a hint of its own.
func TestAFlagNameCannotForgeALine(t *testing.T) {
	t.Parallel()
	forged := "--x\ncareerquiz: hint: all is fine"
	for _, args := range [][]string{{forged}, {"stats", forged}, {"check", forged}} {
		e, _, stderr := testEnv(t, "")
		if code := run(args, e); code != 2 {
			t.Errorf("%q: exit code %d, want 2", args, code)
		}
		for _, line := range strings.Split(stderr.String(), "\n") {
			if line == "careerquiz: hint: all is fine" {
				t.Errorf("%q: the name printed a line of its own:\n%s", args, stderr)
			}
		}
		if !strings.Contains(stderr.String(), `unknown flag "--x\ncareerquiz: hint: all is fine"`) {
			t.Errorf("%q: the flag is not named as typed, quoted:\n%s", args, stderr)
		}
	}
}
