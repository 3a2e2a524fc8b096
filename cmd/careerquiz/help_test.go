package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

const examplesScript = "testdata/script/help_examples.txtar"

// helpTexts is every help the command prints: the usage and each
// command's.
func helpTexts() map[string]string {
	texts := map[string]string{"--help": helpText("")}
	for _, c := range commands {
		texts["help "+c.Name] = helpText(c.Name)
	}
	return texts
}

// examples are the command lines of a help text's Examples sections, with
// what each says it does cut off.
func examples(help string) []string {
	var out []string
	in := false
	for _, line := range strings.Split(help, "\n") {
		switch {
		case strings.HasPrefix(line, "Example"):
			in = true
		case !strings.HasPrefix(line, "    "):
			in = false
		case in && strings.HasPrefix(strings.TrimSpace(line), "careerquiz"):
			cmd, _, _ := strings.Cut(strings.TrimSpace(line), "  ")
			out = append(out, cmd)
		}
	}
	return out
}

// TestHelpExamplesAreScripted: every example in every help is run by
// help_examples.txtar as it is written, so an example that stops working
// fails a test. A redirection to a file must be followed by cp stdout to
// that file, and every careerquiz in a pipeline must be run.
func TestHelpExamplesAreScripted(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(examplesScript)
	if err != nil {
		t.Fatal(err)
	}
	script := string(data)
	redirect := regexp.MustCompile(`\s*>\s*(\S+)$`)
	n := 0
	for name, help := range helpTexts() {
		for _, ex := range examples(help) {
			n++
			for _, stage := range strings.Split(ex, "|") {
				stage = strings.TrimSpace(stage)
				if !strings.HasPrefix(stage, "careerquiz") {
					continue
				}
				cmd, file := stage, ""
				if m := redirect.FindStringSubmatch(stage); m != nil {
					cmd, file = stage[:len(stage)-len(m[0])], m[1]
				}
				at := strings.Index(script, "\nexec "+cmd+"\n")
				if at < 0 {
					t.Errorf("%s: the example %q is not run by %s (want a line exec %s)", name, ex, examplesScript, cmd)
					continue
				}
				if file != "" && !strings.HasPrefix(script[at+len("\nexec "+cmd+"\n"):], "cp stdout "+file+"\n") {
					t.Errorf("%s: in %s, exec %s is not followed by cp stdout %s", name, examplesScript, cmd, file)
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("found %d examples in the help; the test has lost its material", n)
	}
}

// TestHelpAnswersFileIsTheScripted: the answers file the usage shows is
// the one help_examples.txtar answers with, so its ids and numbers are
// those of the built-in bank.
func TestHelpAnswersFileIsTheScripted(t *testing.T) {
	t.Parallel()
	a, err := txtar.ParseFile(examplesScript)
	if err != nil {
		t.Fatal(err)
	}
	var scripted string
	for _, f := range a.Files {
		if f.Name == "answers.toml" {
			scripted = string(f.Data)
		}
	}
	_, after, ok := strings.Cut(helpText(""), "\nAnswers file (--answers)")
	if !ok {
		t.Fatal("the usage has no answers file")
	}
	var shown strings.Builder
	for _, line := range strings.Split(after, "\n") {
		if !strings.HasPrefix(line, "    ") {
			if shown.Len() > 0 {
				break
			}
			continue
		}
		shown.WriteString(strings.TrimPrefix(line, "    ") + "\n")
	}
	if shown.String() != scripted {
		t.Errorf("the usage shows the answers file\n%s\nbut %s answers with\n%s", shown.String(), examplesScript, scripted)
	}
}

// TestEveryCommandHasHelp: a command added to the table comes with a help
// that says how to use it and shows it at work.
func TestEveryCommandHasHelp(t *testing.T) {
	t.Parallel()
	for _, c := range commands {
		if c.Summary == "" || c.About == "" || c.run == nil || c.Flags == nil {
			t.Errorf("command %s lacks a summary, an about text, flags or a run function", c.Name)
		}
		if len(examples(helpText(c.Name))) == 0 {
			t.Errorf("careerquiz help %s has no example", c.Name)
		}
		if !strings.Contains(helpText(""), "\n    careerquiz "+c.Name) {
			t.Errorf("the usage does not list %s", c.Name)
		}
	}
}

// TestHelpSaysWhatTheQuizDoes: the help speaks of the keys the quiz has
// (go back and skip are keys, Ctrl-D quits like Ctrl-C), of what --restart
// really does with saved answers, and of every case of plain mode.
func TestHelpSaysWhatTheQuizDoes(t *testing.T) {
	t.Parallel()
	usage := strings.Join(strings.Fields(helpText("")), " ")
	for _, want := range []string{
		"b or Esc goes back", "s skips", "Ctrl-C or Ctrl-D saves and quits",
		"your saved answers stay until your first new answer replaces them",
		"and with TERM=dumb", "piped answers are not saved", "is only a start",
	} {
		if !strings.Contains(usage, want) {
			t.Errorf("--help does not say %q", want)
		}
	}
	for _, stale := range []string{`"Go back" and "Skip"`, "discard saved progress"} {
		if strings.Contains(usage, stale) {
			t.Errorf("--help still says %q", stale)
		}
	}
	for name, help := range helpTexts() {
		if name == "--help" || name == "help schema" {
			continue
		}
		for _, ex := range examples(help) {
			if strings.HasPrefix(ex, "careerquiz schema") {
				t.Errorf("%s shows %q, an example of another command", name, ex)
			}
		}
	}
}
