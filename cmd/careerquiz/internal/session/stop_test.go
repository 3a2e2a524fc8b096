package session

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/careerquiz/careerquiz"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cli"
	"github.com/careerquiz/careerquiz/quiz"
)

// tenBank is the bank of the stops' testscript: ten questions that all ask
// the same ("Design it" is option 1) and a profile question, "years".
func tenBank(t *testing.T) *quiz.Bank {
	t.Helper()
	ar, err := txtar.ParseFile("../../testdata/script/stops.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "ten.toml" {
			b, err := quiz.Parse("ten.toml", f.Data)
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
	}
	t.Fatal("stops.txtar has no ten.toml")
	return nil
}

func designAll(b *quiz.Bank) quiz.Answers {
	a := quiz.Answers{}
	for _, q := range b.Questions {
		a[q.ID] = quiz.Answer{Picks: []int{0}}
	}
	return a
}

// Walk stops where a person would and asks the profile questions anyway;
// with no stop, or answers that never settle, it asks everything.
func TestWalk(t *testing.T) {
	b := tenBank(t)
	for _, tt := range []struct {
		stop     string
		asked    int
		notAsked []string
	}{
		{StopNone, 10, nil},
		{StopSettled, 7, []string{"q8", "q9", "q10"}},
		{StopQuick, 3, []string{"q4", "q5", "q6", "q7", "q8", "q9", "q10"}},
	} {
		got, notAsked, st := Walk(b, designAll(b), tt.stop)
		if !slices.Equal(notAsked, tt.notAsked) {
			t.Errorf("%s: not asked %v, want %v", tt.stop, notAsked, tt.notAsked)
		}
		if _, ok := got["years"]; !ok {
			t.Errorf("%s: the profile question was not asked", tt.stop)
		}
		if len(got) != tt.asked+1 {
			t.Errorf("%s: %d questions asked, want %d and the profile question", tt.stop, len(got), tt.asked)
		}
		if tt.notAsked == nil {
			if st != nil {
				t.Errorf("%s: stopped early: %+v", tt.stop, st)
			}
			continue
		}
		if st == nil || st.Mode != tt.stop || st.Asked != tt.asked || st.Scored != 10 || (st.Chance != nil) != (tt.stop == StopQuick) {
			t.Errorf("%s: stopped %+v", tt.stop, st)
		}
	}

	// Answers on both sides never settle before the last question.
	a := designAll(b)
	for _, id := range []string{"q2", "q4", "q6", "q8", "q10"} {
		a[id] = quiz.Answer{Picks: []int{1}}
	}
	for _, stop := range []string{StopSettled, StopQuick} {
		if _, notAsked, st := Walk(b, a, stop); notAsked != nil || st != nil {
			t.Errorf("%s: an even person stopped early: %v, %+v", stop, notAsked, st)
		}
	}
}

// Walk asks in the stop's order: the built-in bank's widest swings first
// for the settled stop.
func TestWalkAsksInTheSettledOrder(t *testing.T) {
	b, err := quiz.Parse(careerquiz.QuestionsFile, careerquiz.Questions)
	if err != nil {
		t.Fatal(err)
	}
	s := &Session{Config: Config{Bank: b}}
	s.useStop(StopSettled)
	var want []int
	for _, id := range s.stopper.Order() {
		want = append(want, b.QuestionIndex(id))
	}
	if got := s.firstOrder(); !slices.Equal(got, want) {
		t.Errorf("order %v, want the stopper's %v", got, want)
	}
	s.Shuffle, s.Seed = true, 3
	if got := s.firstOrder(); !slices.Equal(got, Order(b, true, 3)) {
		t.Error("a shuffled settled quiz is not asked in the shuffle's order")
	}
}

type noStops struct{}

func (noStops) HandOff(chan struct{})        {}
func (noStops) OnStop(func(), func() string) {}

// A sitting that stopped and ends before its profile question resumes at
// that question, still stopped: the questions it did not ask stay unasked.
func TestStoppedSittingResumes(t *testing.T) {
	b := tenBank(t)
	dir := t.TempDir()
	sitting := func(typed string) (*Session, quiz.Answers, error) {
		var out bytes.Buffer
		s, err := New(Config{
			Bank: b, In: strings.NewReader(typed), Out: &out, Msgs: cli.Messages{W: &out}, Width: 80,
			InTerminal: true, Questions: "ten.toml",
			ProgressDir: func() (string, error) { return dir, nil },
			Stops:       noStops{}, Stop: StopSettled,
		})
		if err != nil {
			return s, nil, err
		}
		defer s.Close()
		a, err := s.Interview()
		return s, a, err
	}
	// Seven answers, Enter at the offer, then the input ends: at a
	// terminal that is a quit, with the progress kept.
	_, _, err := sitting(strings.Repeat("1\n", 7) + "\n")
	if err == nil || !strings.Contains(err.Error(), "after question 7 of 11; progress saved") {
		t.Fatalf("the first sitting ended with %v, want it to stop after question 7, saved", err)
	}
	// Resume, answer the profile question.
	s, a, err := sitting("\n2\n")
	if err != nil {
		t.Fatal(err)
	}
	notAsked, st := s.Stopped()
	if !slices.Equal(notAsked, []string{"q8", "q9", "q10"}) || st == nil || st.Mode != StopSettled || st.Asked != 7 {
		t.Errorf("resumed: not asked %v, stopped %+v", notAsked, st)
	}
	if got := a["years"].Picks; !slices.Equal(got, []int{1}) {
		t.Errorf("the profile question was answered %v, want option 2", got)
	}
}

// A person who goes back after the stop and changes enough answers to
// unsettle the path is asked the rest: the settled stop never costs the
// path.
func TestGoingBackUnsettles(t *testing.T) {
	b := tenBank(t)
	var out bytes.Buffer
	// Seven times "Design it", Enter at the offer; at the profile question
	// back to question 4, and "Code it" for 4 to 7; then the profile
	// question, and the three questions that were not asked.
	typed := strings.Repeat("1\n", 7) + "\n" + strings.Repeat("b\n", 4) + strings.Repeat("2\n", 4) + "1\n" + strings.Repeat("2\n", 3)
	s, err := New(Config{Bank: b, In: strings.NewReader(typed), Out: &out, Msgs: cli.Messages{W: &out}, Width: 80,
		Stops: noStops{}, Stop: StopSettled})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.Interview()
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if notAsked, st := s.Stopped(); notAsked != nil || st != nil {
		t.Errorf("still stopped: %v, %+v", notAsked, st)
	}
	if len(a) != 11 || !slices.Equal(a["q10"].Picks, []int{1}) {
		t.Errorf("answers %v, want every question, q10 answered 2", a)
	}
	if n := strings.Count(out.String(), "Your path can no longer change"); n != 1 {
		t.Errorf("offered %d times, want once", n)
	}
}
