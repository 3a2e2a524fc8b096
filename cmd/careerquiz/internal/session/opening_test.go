package session

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/quiz"
)

// Ctrl-D at a terminal, here the end of typed input, is a deliberate save:
// the sitting says "quit" and that the progress is saved, exits as Ctrl-C
// does, and never says "interrupted". Resumed, the opening counts the
// questions left and their minutes, not the whole bank's.
func TestQuitSavesAndResumeCountsWhatIsLeft(t *testing.T) {
	b := tenBank(t)
	dir := t.TempDir()
	sitting := func(typed string) (string, error) {
		var out bytes.Buffer
		s, err := New(Config{
			Bank: b, In: strings.NewReader(typed), Out: &out, Msgs: cli.Messages{W: &out}, Width: 200,
			InTerminal: true, Questions: "ten.toml",
			ProgressDir: func() (string, error) { return dir, nil },
			Stops:       noStops{}, Stop: StopNone,
		})
		if err != nil {
			return out.String(), err
		}
		defer s.Close()
		_, err = s.Interview()
		return out.String(), err
	}

	out, err := sitting(strings.Repeat("1\n", 3))
	if !strings.Contains(out, "11 questions, about 3 minutes.") {
		t.Errorf("the first opening does not count the whole bank:\n%s", out)
	}
	var exit cli.Exit
	if !errors.As(err, &exit) || exit.Code != cli.ExitInterrupt {
		t.Fatalf("Ctrl-D ended the sitting with %v, want exit %d", err, cli.ExitInterrupt)
	}
	if exit.Msg != "quit after question 3 of 11; progress saved" || exit.Hint == "" {
		t.Errorf("Ctrl-D says %q (hint %q), want the save said as such, with a hint", exit.Msg, exit.Hint)
	}

	out, _ = sitting("\n")
	if want := "Resuming at question 4 of 11: 8 questions left, about 2 minutes."; !strings.Contains(out, want) {
		t.Errorf("the resumed opening does not say %q:\n%s", want, out)
	}
	if strings.Contains(out, "11 questions") {
		t.Errorf("the resumed opening counts the whole bank:\n%s", out)
	}
}

// The quick stop picks its first question before anything is answered
// (on the built-in bank, not the bank's first): a sitting quit there saves
// nothing, so the next one is not offered "0 of 36 answered", and
// progress kept from before stays.
func TestQuickSavesNothingBeforeAnAnswer(t *testing.T) {
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		t.Fatal(err)
	}
	total := len(b.Questions)
	dir := t.TempDir()
	sitting := func(typed string, stop string) string {
		var out bytes.Buffer
		s, err := New(Config{
			Bank: b, In: strings.NewReader(typed), Out: &out, Msgs: cli.Messages{W: &out}, Width: 200,
			InTerminal:  true,
			ProgressDir: func() (string, error) { return dir, nil },
			Stops:       noStops{}, Stop: stop,
		})
		if err != nil {
			return out.String() + err.Error()
		}
		defer s.Close()
		_, err = s.Interview()
		return out.String() + fmt.Sprint(err)
	}
	if out := sitting("", StopQuick); !strings.Contains(out, "quit; nothing answered yet") {
		t.Fatalf("quitting at the first question says:\n%s", out)
	}
	if out := sitting("", StopQuick); strings.Contains(out, "Saved progress") {
		t.Errorf("a sitting that answered nothing left progress to resume:\n%s", out)
	}
	// Two answers kept; a new quick sitting that quits before answering
	// leaves them.
	sitting("1\n1\n", StopNone)
	if out := sitting("n\n", StopQuick); !strings.Contains(out, "your 2 saved answers are kept") {
		t.Fatalf("declining to resume, then quitting, says:\n%s", out)
	}
	if out := sitting("", StopQuick); !strings.Contains(out, fmt.Sprintf("Saved progress: 2 of %d answered", total)) {
		t.Errorf("the saved answers were replaced before a new answer:\n%s", out)
	}
}

// A bank 'careerquiz check' warns about is warned of before its result even
// where there is no opening to end with the warning: a sitting resumed with
// every answer saved goes straight to the result.
func TestResumedToTheResultStillWarns(t *testing.T) {
	b := tenBank(t)
	warning, _ := Caution(b, "ten.toml")
	if warning == "" {
		t.Fatal("the test bank has no warnings to say")
	}
	dir := t.TempDir()
	sitting := func(typed string) string {
		var out bytes.Buffer
		s, err := New(Config{
			Bank: b, In: strings.NewReader(typed), Out: &out, Msgs: cli.Messages{W: &out, Width: 1000}, Width: 1000,
			InTerminal: true, Questions: "ten.toml",
			ProgressDir: func() (string, error) { return dir, nil },
			Stops:       noStops{}, Stop: StopNone,
		})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Interview(); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	sitting(strings.Repeat("1\n", len(b.Questions)))
	out := sitting("\n")
	if !strings.Contains(out, "See the result?") || !strings.Contains(out, warning) {
		t.Errorf("resumed to the result without the warning %q:\n%s", warning, out)
	}
}
