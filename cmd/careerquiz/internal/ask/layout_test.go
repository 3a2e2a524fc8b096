package ask

// Tests of what Terminal draws and decides that need no terminal, so they
// run everywhere.

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/quiz"
)

func graded() Prompt {
	return Prompt{Number: 5, Total: 26, Theme: "Problems", Kind: quiz.Graded, CanGoBack: true,
		Text: "An online shop has stopped taking payments. Which part would you rather own?",
		Sides: []string{"Work out why it failed and change the system so it cannot fail that way again",
			"Find the broken code and get payments going again within the hour"},
		Options: quiz.GradedLabels, Default: 2}
}

func TestHeading(t *testing.T) {
	p := pickAny(3)
	p.Help = "Pick as many as apply."
	plain := heading(p, 80, false) + questionBody(p, 80)
	want := "\nQuestion 2 of 26 · Security\n" +
		"When an API is attacked, what do you reach for first?\n" +
		"Pick as many as apply.\n" +
		"Tick all that apply, then press Enter; Enter with none ticked skips.\n"
	if plain != want {
		t.Errorf("heading without colour:\n%q\nwant:\n%q", plain, want)
	}
	coloured := heading(p, 80, true)
	if !strings.Contains(coloured, "\x1b[1;36mQuestion 2 of 26 · Security\x1b[0m\n") {
		t.Errorf("heading with colour does not make the progress line bold:\n%q", coloured)
	}
	if c := questionBody(choice(3), 80); strings.Contains(c, "Tick") {
		t.Errorf("a choice heading explains ticking:\n%q", c)
	}
}

func TestHeadingGradedSides(t *testing.T) {
	got := heading(graded(), 50, false) + questionBody(graded(), 50)
	want := "\nQuestion 5 of 26 · Problems\n" +
		"An online shop has stopped taking payments. Which\n" +
		"part would you rather own?\n" +
		"A: Work out why it failed and change the system so\n" +
		"   it cannot fail that way again\n" +
		"B: Find the broken code and get payments going\n" +
		"   again within the hour\n"
	if got != want {
		t.Errorf("graded heading at 50 columns:\n%s\nwant:\n%s", got, want)
	}
}

func TestLayOut(t *testing.T) {
	long := "Tracing a slow request through every service, queue and database it touches until the root cause is found"
	p := choice(2)
	p.Options = []string{"Roll the release back", long}
	l := layOut(p, 50, 24, true)
	wantLong := "Tracing a slow request through every service,\n" +
		"    queue and database it touches until the root\n" +
		"    cause is found"
	if l.labels[0] != "Roll the release back" || l.labels[1] != wantLong {
		t.Errorf("labels at 50 columns:\n%q\nwant the long one wrapped with a hanging indent:\n%q", l.labels, wantLong)
	}
	if l.pageSize != 2 {
		t.Errorf("pageSize = %d, want every entry", l.pageSize)
	}
	p.Kind = quiz.PickAny
	for _, line := range strings.Split(layOut(p, 50, 24, true).labels[1], "\n") {
		if n := utf8.RuneCountInString(line); n > 50-1-6 && !strings.HasPrefix(line, "      ") {
			t.Errorf("pick-any line %q is %d runes, more than fits after a tick box", line, n)
		}
	}
}

func TestPageSize(t *testing.T) {
	tests := []struct {
		rows []int
		room int
		want int
	}{
		{[]int{1, 1, 1}, 10, 3},
		{[]int{1, 3, 1, 3}, 6, 2},
		{[]int{2, 2, 2}, 5, 2},
		{[]int{4}, 2, 1},
	}
	for _, tt := range tests {
		if got := pageSize(tt.rows, tt.room); got != tt.want {
			t.Errorf("pageSize(%v, %d) = %d, want %d", tt.rows, tt.room, got, tt.want)
		}
	}
}

func TestKeyHint(t *testing.T) {
	tests := []struct {
		prompt Prompt
		width  int
		want   string
	}{
		{choice(3), 119, "↑/↓ move · Enter answer · b back · s skip · Ctrl-D save and quit"},
		{first(choice(3)), 79, "↑/↓ move · Enter answer · s skip · Ctrl-D save and quit"},
		{pickAny(3), 79, "↑/↓ move · Space tick · Enter done · b back · s skip · Ctrl-D save and quit"},
		{choice(3), 49, "↑↓ move · Enter ok · b back · s skip · ^D quit"},
		{pickAny(3), 49, "Space tick · Enter ok · b back · s skip · ^D quit"},
		{pickAny(3), 30, "↑↓ move · Space tick\nEnter ok · b back · s skip\n^D quit"},
		// A run that keeps no progress promises no saving.
		{unsaved(choice(3)), 79, "↑/↓ move · Enter answer · b back · s skip · Ctrl-D quit"},
	}
	for _, tt := range tests {
		got := keyHint(tt.prompt, tt.width)
		if got != tt.want {
			t.Errorf("keyHint(%v, %d) =\n%q\nwant\n%q", tt.prompt.Kind, tt.width, got, tt.want)
		}
		for _, line := range strings.Split(got, "\n") {
			if utf8.RuneCountInString(line) > tt.width {
				t.Errorf("hint line %q is wider than %d", line, tt.width)
			}
		}
	}
}

func TestKeyReaderTranslate(t *testing.T) {
	tests := []struct {
		name        string
		menu, multi bool
		canGoBack   bool
		in, want    string
		action      keyAction
	}{
		{"arrows and Enter pass", true, false, true, "\x1b[A\x1b[B\x1bOB\r", "\x1b[A\x1b[B\x1bOB\r", noAction},
		{"letters and digits do nothing", true, false, true, "qxz1é?", "", noAction},
		{"j and k move", true, false, true, "jk", "\x1b[B\x1b[A", noAction},
		{"Space ticks on a pick-any list only", true, true, true, " ", " ", noAction},
		{"Space does nothing on a choice", true, false, true, " ", "", noAction},
		{"b goes back and drops what follows", true, false, true, "\x1b[Bbs\r", "\x1b[B\x03", backAction},
		{"Esc goes back", true, false, true, "\x1b", "\x03", backAction},
		{"no way back on the first question", true, false, false, "b\x1b", "", noAction},
		{"s skips", true, true, true, "S", "\x03", skipAction},
		{"Ctrl-D saves and quits", true, false, true, "\x04", "\x03", saveAction},
		{"Ctrl-C quits", true, true, true, "\x03", "\x03", quitAction},
		{"a yes/no question gets letters", false, false, false, "yes\r", "yes\r", noAction},
		{"Ctrl-D on a yes/no question saves and quits", false, false, false, "\x04", "\x03", saveAction},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := &keyReader{}
			k.reset(tt.menu, tt.multi, tt.canGoBack, nil)
			got := string(k.translate([]byte(tt.in)))
			if got != tt.want || k.action != tt.action {
				t.Errorf("translate(%q) = %q with action %v, want %q with %v", tt.in, got, k.action, tt.want, tt.action)
			}
		})
	}
}

func TestSteadyWriter(t *testing.T) {
	var buf bytes.Buffer
	w := &steadyWriter{out: bufFile{&buf}}
	// As survey draws a list: render, save, move up to the highlight,
	// then restore before the next render.
	for _, s := range []string{"\x1b[0G", "\x1b[2K", "> one\n  two\nhint", "\x1b7", "\x1b[1A", "\x1b[0G", "\x1b[1A", "\x1b[0G", "\x1b8", "\x1b[0G", "\x1b[2K", "\x1b[1A", "\x1b[0G"} {
		if _, err := w.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	want := "\x1b[0G\x1b[2K> one\n  two\nhint\x1b[0G\x1b[2K\x1b[1A\x1b[0G"
	if got := buf.String(); got != want {
		t.Errorf("written:\n%q\nwant the saves, restores and moves to the highlight dropped:\n%q", got, want)
	}
}

// bufFile is a FileWriter that is no terminal.
type bufFile struct{ *bytes.Buffer }

func (bufFile) Fd() uintptr { return os.Stderr.Fd() }

func unsaved(p Prompt) Prompt {
	p.Unsaved = true
	return p
}
