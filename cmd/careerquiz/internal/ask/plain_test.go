package ask

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/quiz"
)

// choice is a single-choice question with n options, the second of a run.
func choice(n int) Prompt {
	p := Prompt{Number: 2, Total: 26, Theme: "Security", Kind: quiz.Choice, CanGoBack: true,
		Text: "When an API is attacked, what do you reach for first?"}
	for i := range n {
		p.Options = append(p.Options, fmt.Sprintf("Option %c", 'A'+i))
	}
	return p
}

func pickAny(n int) Prompt {
	p := choice(n)
	p.Kind = quiz.PickAny
	return p
}

func scale() Prompt {
	return Prompt{Number: 4, Total: 26, Theme: "Architecture", Kind: quiz.Scale, CanGoBack: true,
		Text: "I enjoy drawing how the parts of a system fit together.", Options: quiz.ScaleLabels}
}

func first(p Prompt) Prompt {
	p.Number, p.CanGoBack = 1, false
	return p
}

func withPrevious(p Prompt, picks ...int) Prompt {
	p.Previous = quiz.Answer{Picks: picks}
	return p
}

func TestParseReply(t *testing.T) {
	answered := func(picks ...int) Reply { return Reply{Action: Answered, Picks: picks} }
	tests := []struct {
		name   string
		prompt Prompt
		line   string
		want   Reply
		// why, when set, is part of the complaint expected instead.
		why string
	}{
		{"a number picks that option", choice(4), "3", answered(2), ""},
		{"spaces around a number are ignored", choice(4), "  1 \r", answered(0), ""},
		{"the last option", choice(4), "4", answered(3), ""},
		{"a scale point", scale(), "5", answered(4), ""},
		{"zero is out of range", choice(4), "0", Reply{}, "There is no option 0"},
		{"past the last option", choice(4), "5", Reply{}, "There is no option 5: the options go from 1 to 4."},
		{"a negative number", choice(4), "-1", Reply{}, "There is no option -1"},
		{"a word", choice(4), "yes", Reply{}, `"yes" is not a number from 1 to 4.`},
		{"a huge number", choice(4), "99999999999999999999", Reply{}, "is not a number"},
		{"two numbers on a choice", choice(4), "1 2", Reply{}, "takes one answer"},
		{"two numbers on a scale", scale(), "1,2", Reply{}, "takes one answer"},
		{"pick-any with spaces", pickAny(5), "3 1", answered(0, 2), ""},
		{"pick-any with commas", pickAny(5), "5,2", answered(1, 4), ""},
		{"pick-any with commas and spaces", pickAny(5), "1, 3 ,4", answered(0, 2, 3), ""},
		{"pick-any repeats count once", pickAny(5), "2 2 2", answered(1), ""},
		{"pick-any with one number", pickAny(5), "4", answered(3), ""},
		{"pick-any out of range", pickAny(5), "1 6", Reply{}, "There is no option 6"},
		{"pick-any with a word", pickAny(5), "1 and 2", Reply{}, `"and" is not a number`},
		{"only commas", pickAny(5), ",,", Reply{}, "Type a number from 1 to 5"},
		{"s skips", choice(4), "s", Reply{Action: Skip}, ""},
		{"skip skips", pickAny(4), "Skip", Reply{Action: Skip}, ""},
		{"S skips", first(choice(4)), "S", Reply{Action: Skip}, ""},
		{"b goes back", choice(4), "b", Reply{Action: Back}, ""},
		{"back goes back", pickAny(4), "BACK", Reply{Action: Back}, ""},
		{"b on the first question is refused", first(choice(4)), "b", Reply{}, "This is the first question"},
		{"empty keeps the previous choice", withPrevious(choice(4), 1), "", answered(1), ""},
		{"empty keeps the previous picks", withPrevious(pickAny(4), 0, 3), "\n", answered(0, 3), ""},
		{"empty without a previous answer", choice(4), "", Reply{}, "Nothing was typed"},
		{"empty with a previous skip", withPrevious(pickAny(4)), " ", Reply{}, "Nothing was typed"},
		{"empty with a stale previous answer", withPrevious(choice(4), 7), "", Reply{}, "Nothing was typed"},
		{"a number overrides the previous answer", withPrevious(choice(4), 1), "4", answered(3), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := parseReply(tt.prompt, previousPicks(tt.prompt), tt.line)
			if tt.why != "" {
				if !strings.Contains(why, tt.why) {
					t.Fatalf("parseReply(%q) complaint = %q, want it to contain %q", tt.line, why, tt.why)
				}
				return
			}
			if why != "" {
				t.Fatalf("parseReply(%q) complained %q, want %+v", tt.line, why, tt.want)
			}
			if got.Action != tt.want.Action || !slices.Equal(got.Picks, tt.want.Picks) {
				t.Fatalf("parseReply(%q) = %+v, want %+v", tt.line, got, tt.want)
			}
		})
	}
}

func FuzzParseReply(f *testing.F) {
	for _, seed := range []string{"1", "2 3", "1,2,,5", "s", "b", "", "0", "-3", "9999999999999999999999", "b 1", "１"} {
		f.Add(seed, true, 5)
	}
	f.Fuzz(func(t *testing.T, line string, multi bool, n int) {
		n = 1 + abs(n)%12
		p := choice(n)
		if multi {
			p.Kind = quiz.PickAny
		}
		reply, why := parseReply(p, nil, line)
		if why != "" {
			return
		}
		switch reply.Action {
		case Skip, Back:
			if len(reply.Picks) != 0 {
				t.Fatalf("%q: %v has picks %v", line, reply.Action, reply.Picks)
			}
		case Answered:
			if len(reply.Picks) == 0 || (!multi && len(reply.Picks) != 1) {
				t.Fatalf("%q: answered with picks %v", line, reply.Picks)
			}
			for i, pick := range reply.Picks {
				if pick < 0 || pick >= n || (i > 0 && pick <= reply.Picks[i-1]) {
					t.Fatalf("%q: picks %v are not ascending within 0..%d", line, reply.Picks, n-1)
				}
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func TestPlainAsk(t *testing.T) {
	tests := []struct {
		name   string
		prompt Prompt
		input  string
		want   Reply
		// said are phrases the asker must have written, in order.
		said []string
	}{
		{
			name: "a valid number at once", prompt: choice(3), input: "2\n",
			want: Reply{Action: Answered, Picks: []int{1}},
		},
		{
			name: "a bad answer is explained and asked again", prompt: choice(3), input: "7\nx\n3\n",
			want: Reply{Action: Answered, Picks: []int{2}},
			said: []string{"There is no option 7", "Type a number", `"x" is not a number`, "Type a number"},
		},
		{
			name: "going back from the first question is refused", prompt: first(choice(3)), input: "b\ns\n",
			want: Reply{Action: Skip},
			said: []string{"This is the first question", "Type a number"},
		},
		{
			name: "Enter keeps the previous picks", prompt: withPrevious(pickAny(4), 1, 2), input: "\n",
			want: Reply{Action: Answered, Picks: []int{1, 2}},
			said: []string{"Enter to keep your answer (2, 3)"},
		},
		{
			name: "a last line without a line ending counts", prompt: pickAny(4), input: "4 1",
			want: Reply{Action: Answered, Picks: []int{0, 3}},
		},
		{
			name: "Windows line endings", prompt: choice(3), input: "b\r\n",
			want: Reply{Action: Back},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			got, err := NewPlain(strings.NewReader(tt.input), &out, Options{}).Ask(tt.prompt)
			if err != nil {
				t.Fatalf("Ask: %v\noutput:\n%s", err, out.String())
			}
			if got.Action != tt.want.Action || !slices.Equal(got.Picks, tt.want.Picks) {
				t.Fatalf("Ask = %+v, want %+v\noutput:\n%s", got, tt.want, out.String())
			}
			rest := out.String()
			for _, s := range tt.said {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Fatalf("output does not say %q where expected:\n%s", s, out.String())
				}
				rest = rest[i+len(s):]
			}
		})
	}
}

func TestPlainOutput(t *testing.T) {
	p := choice(3)
	p.Help = "Think of the last incident you saw."
	var out strings.Builder
	if _, err := NewPlain(strings.NewReader("1\n"), &out, Options{}).Ask(p); err != nil {
		t.Fatal(err)
	}
	want := `
Question 2 of 26 · Security
When an API is attacked, what do you reach for first?
Think of the last incident you saw.
  1) Option A
  2) Option B
  3) Option C
Type a number from 1 to 3, s to skip, or b to go back: `
	if out.String() != want {
		t.Errorf("output:\n%q\nwant:\n%q", out.String(), want)
	}
}

func TestPlainOutputGraded(t *testing.T) {
	var out strings.Builder
	if _, err := NewPlain(strings.NewReader("3\n"), &out, Options{Width: 50}).Ask(graded()); err != nil {
		t.Fatal(err)
	}
	want := `
Question 5 of 26 · Problems
An online shop has stopped taking payments. Which
part would you rather own?
A: Work out why it failed and change the system so
   it cannot fail that way again
B: Find the broken code and get payments going
   again within the hour
  1) Much rather A
  2) Rather A
  3) Both equally
  4) Rather B
  5) Much rather B
Type a number from 1 to 5, s to skip,
or b to go back: `
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestPlainOutputShape(t *testing.T) {
	long := "Designing how data is laid out so that the system keeps working as it grows to millions of users"
	tests := []struct {
		name   string
		prompt Prompt
		width  int
		// lines must appear as whole lines of the output.
		lines []string
		// absent must appear nowhere.
		absent []string
	}{
		{
			name: "no theme", prompt: func() Prompt { p := choice(2); p.Theme = ""; return p }(),
			lines: []string{"Question 2 of 26"},
		},
		{
			name: "ten options or more are aligned", prompt: choice(10),
			lines: []string{"   1) Option A", "  10) Option J"},
		},
		{
			name: "the first question does not offer going back", prompt: first(choice(2)),
			lines:  []string{"Question 1 of 26 · Security"},
			absent: []string{"b to go back"},
		},
		{
			name: "pick-any says several numbers may be typed", prompt: pickAny(3),
			lines: []string{"Type numbers from 1 to 3 (like 1 3), s to skip, or b to go back: "},
		},
		{
			name: "a long option wraps under its text", prompt: func() Prompt { p := choice(2); p.Options[1] = long; return p }(),
			width: 40,
			lines: []string{"  2) Designing how data is laid out so", "     that the system keeps working as it", "     grows to millions of users"},
		},
		{
			name: "the text wraps at the width", prompt: choice(2), width: 30,
			lines: []string{"When an API is attacked, what", "do you reach for first?"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			if _, err := NewPlain(strings.NewReader("s\n"), &out, Options{Width: tt.width}).Ask(tt.prompt); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(out.String(), "\n")
			for _, want := range tt.lines {
				if !slices.Contains(lines, want) {
					t.Errorf("no line %q in output:\n%s", want, out.String())
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(out.String(), s) {
					t.Errorf("output says %q:\n%s", s, out.String())
				}
			}
			if tt.width > 0 {
				for _, l := range lines {
					if n := len([]rune(l)); n > tt.width {
						t.Errorf("line %q is %d wide, more than %d", l, n, tt.width)
					}
				}
			}
		})
	}
}

func TestPlainConfirm(t *testing.T) {
	tests := []struct {
		input string
		def   bool
		want  bool
	}{
		{"y\n", false, true},
		{"YES\n", false, true},
		{"n\n", true, false},
		{"no\n", true, false},
		{"\n", true, true},
		{"\n", false, false},
		{"maybe\ny\n", false, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%q default %v", tt.input, tt.def), func(t *testing.T) {
			var out strings.Builder
			got, err := NewPlain(strings.NewReader(tt.input), &out, Options{}).Confirm("Resume where you left off?", tt.def)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Confirm = %v, want %v", got, tt.want)
			}
			hint := map[bool]string{true: "[Y/n]", false: "[y/N]"}[tt.def]
			if !strings.HasPrefix(out.String(), "Resume where you left off? "+hint+": ") {
				t.Errorf("output %q does not start with the question and %s", out.String(), hint)
			}
			if strings.HasPrefix(tt.input, "maybe") && !strings.Contains(out.String(), "Please type y or n.") {
				t.Errorf("output %q does not explain what to type", out.String())
			}
		})
	}
}

// TestPlainReadsOneLinePerAnswer checks that Confirm and Ask share one
// input stream and neither swallows the other's line.
func TestPlainReadsOneLinePerAnswer(t *testing.T) {
	a := NewPlain(strings.NewReader("y\n\n3\nb\n"), io.Discard, Options{})
	yes, err := a.Confirm("Resume where you left off?", false)
	if err != nil || !yes {
		t.Fatalf("Confirm = %v, %v; want true", yes, err)
	}
	got, err := a.Ask(withPrevious(choice(3), 0))
	if err != nil || got.Action != Answered || !slices.Equal(got.Picks, []int{0}) {
		t.Fatalf("first Ask = %+v, %v; want the previous pick 0 kept", got, err)
	}
	got, err = a.Ask(choice(3))
	if err != nil || !slices.Equal(got.Picks, []int{2}) {
		t.Fatalf("second Ask = %+v, %v; want pick 2", got, err)
	}
	got, err = a.Ask(choice(3))
	if err != nil || got.Action != Back {
		t.Fatalf("third Ask = %+v, %v; want Back", got, err)
	}
	if _, err := a.Ask(choice(3)); !errors.Is(err, ErrInputEnded) {
		t.Fatalf("Ask after the last line: err = %v, want ErrInputEnded", err)
	}
}

func TestPlainInputEnded(t *testing.T) {
	for _, input := range []string{"", "9\n", "x\n\n"} {
		t.Run(fmt.Sprintf("%q", input), func(t *testing.T) {
			a := NewPlain(strings.NewReader(input), io.Discard, Options{})
			if _, err := a.Ask(choice(3)); !errors.Is(err, ErrInputEnded) {
				t.Errorf("Ask: err = %v, want ErrInputEnded", err)
			}
			a = NewPlain(strings.NewReader(input), io.Discard, Options{})
			if _, err := a.Confirm("Resume where you left off?", true); input != "x\n\n" && !errors.Is(err, ErrInputEnded) {
				t.Errorf("Confirm: err = %v, want ErrInputEnded", err)
			}
		})
	}
}

// TestPlainEndAtATerminalIsQuitting: Ctrl-D at a terminal ends its input,
// and with EndIsQuit that is quitting, as Ctrl-C is; input from a pipe
// that runs out is not.
func TestPlainEndAtATerminalIsQuitting(t *testing.T) {
	for _, tt := range []struct {
		endIsQuit bool
		want      error
	}{{true, ErrInterrupted}, {false, ErrInputEnded}} {
		a := NewPlain(strings.NewReader("2\n"), io.Discard, Options{EndIsQuit: tt.endIsQuit})
		if _, err := a.Ask(choice(3)); err != nil {
			t.Fatalf("EndIsQuit %v: first Ask: %v", tt.endIsQuit, err)
		}
		if _, err := a.Ask(choice(3)); !errors.Is(err, tt.want) {
			t.Errorf("EndIsQuit %v: Ask at the end of input: err = %v, want %v", tt.endIsQuit, err, tt.want)
		}
		a = NewPlain(strings.NewReader(""), io.Discard, Options{EndIsQuit: tt.endIsQuit})
		if _, err := a.Confirm("Resume?", true); !errors.Is(err, tt.want) {
			t.Errorf("EndIsQuit %v: Confirm at the end of input: err = %v, want %v", tt.endIsQuit, err, tt.want)
		}
	}
}

func TestPlainReadError(t *testing.T) {
	broken := errors.New("device gone")
	_, err := NewPlain(errReader{broken}, io.Discard, Options{}).Ask(choice(3))
	if !errors.Is(err, broken) {
		t.Errorf("Ask: err = %v, want it to wrap %v", err, broken)
	}
}

// TestPlainClosedTerminalIsQuitting: a closed terminal reads as an I/O
// error; at a terminal that is the person gone, not a failure to report,
// and the run stops as from Ctrl-C (status 130, progress saved). From a
// file or a pipe an I/O error is still an error.
func TestPlainClosedTerminalIsQuitting(t *testing.T) {
	_, err := NewPlain(errReader{syscall.EIO}, io.Discard, Options{EndIsQuit: true}).Ask(choice(3))
	if !errors.Is(err, ErrInterrupted) {
		t.Errorf("at a terminal: err = %v, want ErrInterrupted", err)
	}
	_, err = NewPlain(errReader{syscall.EIO}, io.Discard, Options{}).Ask(choice(3))
	if errors.Is(err, ErrInterrupted) || !errors.Is(err, syscall.EIO) {
		t.Errorf("from a pipe: err = %v, want EIO", err)
	}
	// Ctrl-D is quitting on purpose, and can be told from Ctrl-C.
	_, err = NewPlain(strings.NewReader(""), io.Discard, Options{EndIsQuit: true}).Ask(choice(3))
	if !errors.Is(err, ErrQuit) || !errors.Is(err, ErrInterrupted) {
		t.Errorf("Ctrl-D: err = %v, want ErrQuit, an ErrInterrupted", err)
	}
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// TestPlainInterrupt checks that an interrupt ends a wait for input at once,
// and that the line the abandoned read later gets is not lost.
func TestPlainInterrupt(t *testing.T) {
	in, typing := io.Pipe()
	defer typing.Close()
	interrupt := make(chan struct{}, 1)
	a := NewPlain(in, io.Discard, Options{Interrupt: interrupt})

	done := make(chan error, 1)
	go func() {
		_, err := a.Ask(choice(3))
		done <- err
	}()
	time.Sleep(20 * time.Millisecond) // Let Ask start waiting for a line.
	interrupt <- struct{}{}
	select {
	case err := <-done:
		if !errors.Is(err, ErrInterrupted) {
			t.Fatalf("Ask: err = %v, want ErrInterrupted", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Ask did not return after the interrupt")
	}

	go func() { _, _ = io.WriteString(typing, "2\n") }()
	got, err := a.Ask(choice(3))
	if err != nil || !slices.Equal(got.Picks, []int{1}) {
		t.Fatalf("Ask after the interrupt = %+v, %v; want pick 1", got, err)
	}

	close(interrupt)
	if _, err := a.Confirm("Resume where you left off?", true); !errors.Is(err, ErrInterrupted) {
		t.Fatalf("Confirm after the interrupt: err = %v, want ErrInterrupted", err)
	}
}

func ExampleNewPlain() {
	// The tee echoes what is read, as a terminal would.
	in := io.TeeReader(strings.NewReader("2\n"), os.Stdout)
	a := NewPlain(in, os.Stdout, Options{})
	reply, err := a.Ask(Prompt{
		Number: 1, Total: 26, Theme: "Architecture", Kind: quiz.Choice,
		Text:    "A new service is planned. Which part do you want?",
		Options: []string{"Draw how its parts fit together", "Write its first endpoints"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("picked option %d\n", reply.Picks[0]+1)
	// Output:
	// Question 1 of 26 · Architecture
	// A new service is planned. Which part do you want?
	//   1) Draw how its parts fit together
	//   2) Write its first endpoints
	// Type a number from 1 to 2, or s to skip: 2
	// picked option 2
}

// However long the instructions, the line the reply is typed on leaves room
// for a reply such as "1 3 5" before the terminal wraps it.
func TestPlainPromptLeavesRoomToType(t *testing.T) {
	again := pickAny(6)
	again.Previous = quiz.Answer{Picks: []int{0, 2}}
	for _, p := range []Prompt{choice(3), pickAny(6), again} {
		for width := 40; width <= 120; width++ {
			var out strings.Builder
			if _, err := NewPlain(strings.NewReader("s\n"), &out, Options{Width: width}).Ask(p); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(out.String(), "\n")
			if last := lines[len(lines)-1]; width-len(last) < 10 {
				t.Fatalf("width %d: the reply line %q leaves %d cells to type in", width, last, width-len(last))
			}
		}
	}
}
