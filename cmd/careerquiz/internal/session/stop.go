package session

import (
	"fmt"
	"slices"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/ask"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/progress"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// The stops a sitting may make before its last scored question (see
// scoring.Stopper), as Config.Stop names them.
const (
	// StopNone asks every question.
	StopNone = "none"
	// StopSettled asks the questions that can move the result most first
	// and, once the questions left could not change the path, offers to
	// finish; a person who goes on is not asked again.
	StopSettled = "settled"
	// StopQuick asks the most informative question next and stops, without
	// asking, once another path is unlikely.
	StopQuick = "quick"
)

// StopModes lists the stops, for --stop.
func StopModes() []string { return []string{StopSettled, StopQuick, StopNone} }

// useStop readies the sitting's stop; mode "" is StopNone.
func (s *Session) useStop(mode string) {
	s.mode = mode
	if mode == StopNone || mode == "" {
		s.mode, s.stopper = "", nil
		return
	}
	if s.stopper == nil {
		s.stopper = scoring.NewStopper(scoring.NewScorer(s.Bank))
	}
}

// firstOrder is the order of a new sitting: the settled stop's, unless the
// questions are shuffled (the stop is exact in any order, only slower to
// come); otherwise the bank's or the shuffle's, which the quick stop
// rearranges as it goes.
func (s *Session) firstOrder() []int {
	if s.mode != StopSettled || s.Shuffle {
		return Order(s.Bank, s.Shuffle, s.Seed)
	}
	// The stopper's order lists every question once, so it always maps.
	order, _ := progress.OrderOf(s.Bank, s.stopper.Order())
	return order
}

// limit is the number of questions the sitting asks: all of them, or
// those asked before it stopped and the profile questions.
func (s *Session) limit() int {
	if s.end > 0 {
		return s.end
	}
	return len(s.order)
}

// pending is the ids of the questions from the one on the screen on that
// have not been shown, in order, with how many of them are scored, and how
// many scored questions have been shown: one pass over the order, so that
// a bank of thousands costs no more per answer than its length.
func (s *Session) pending() (ids []string, left, asked int) {
	for i, qi := range s.order {
		q := &s.Bank.Questions[qi]
		_, shown := s.answers[q.ID]
		switch {
		case shown && q.Scored():
			asked++
		case !shown && i >= s.next:
			ids = append(ids, q.ID)
			if q.Scored() {
				left++
			}
		}
	}
	return ids, left, asked
}

// arrive is the stop's turn before a question is shown for the first
// time: the quick stop picks the question or stops, the settled stop
// offers to finish once the path is settled. Questions shown before, as
// on going back, are left to the person.
func (s *Session) arrive() error {
	if s.stopper == nil || s.end > 0 {
		return nil
	}
	if _, shown := s.answers[s.Bank.Questions[s.order[s.next]].ID]; shown {
		return nil
	}
	notAsked, left, asked := s.pending()
	if left == 0 || asked == 0 && s.mode == StopSettled {
		return nil
	}
	switch s.mode {
	case StopQuick:
		step := s.stopper.Quick(s.answers, notAsked)
		if step.Stop {
			s.stopHere(&step.Chance)
			return nil
		}
		if j := slices.Index(s.order[s.next:], s.Bank.QuestionIndex(step.Next)); j > 0 {
			s.order[s.next], s.order[s.next+j] = s.order[s.next+j], s.order[s.next]
			// Before the first answer there is nothing to resume, and
			// progress kept from an earlier sitting stays until an answer
			// replaces it.
			if len(s.answers) > 0 {
				s.save()
			}
		}
	case StopSettled:
		if s.declined || s.settleFrom > 0 && left > s.settleFrom {
			return nil
		}
		settle := s.stopper.Settled(s.answers, notAsked)
		if !settle.Exact {
			s.settleFrom = left / 2
		}
		if !settle.Settled {
			return nil
		}
		finish, err := s.asker.Offer(offer(left))
		if err != nil {
			return err
		}
		if !finish {
			s.declined = true
			s.save()
			return nil
		}
		s.stopHere(nil)
	}
	return nil
}

// offer is the settled stop's offer to finish.
func offer(left int) string {
	return fmt.Sprintf("Your path can no longer change: the %s left could not move it. "+
		"Enter: see your result now · c: answer the rest, which sharpen the label, the breakdown and the steps.",
		render.Count(left, "question"))
}

// stopHere ends the scored questions where the sitting stands: the profile
// questions not yet shown come next, the scored ones are never asked.
func (s *Session) stopHere(chance *float64) {
	var profile, rest []int
	for _, qi := range s.order[s.next:] {
		if s.Bank.Questions[qi].Scored() {
			rest = append(rest, qi)
		} else {
			profile = append(profile, qi)
		}
	}
	s.order = slices.Concat(s.order[:s.next], profile, rest)
	s.end = s.next + len(profile)
	s.chance = chance
	s.save()
	// The settled stop asked first; the quick one stops on its own, so it
	// says so, or the person would not know why the questions changed.
	if chance != nil && s.Msgs.W != nil {
		next := ""
		if len(profile) > 0 {
			next = " A few questions about you come next, then your result."
		}
		s.Msgs.Say("Another path is now unlikely: the chance that the %s left would name one is %s, so they are not asked.%s\n",
			render.Count(len(rest), "question"), render.ChanceText(*chance), next)
	}
}

// unstop takes back a stop that no longer holds once the last question
// before the end is done: a person who went back and changed answers may
// have unsettled the path, or made another path likely again. The rest
// is then asked, without another offer. It reports whether it did.
func (s *Session) unstop() bool {
	if s.end == 0 || s.next < s.end {
		return false
	}
	notAsked := s.ids(s.order[s.end:])
	if s.mode == StopSettled && s.stopper.Settled(s.answers, notAsked).Settled ||
		s.mode == StopQuick && s.stopper.Quick(s.answers, notAsked).Stop {
		return false
	}
	s.end, s.chance, s.declined = 0, nil, true
	s.save()
	return true
}

// Stopped says how a sitting that stopped early stopped: the scored
// questions it did not ask, and the stop's figures; nil, nil for a sitting
// that asked every question.
func (s *Session) Stopped() (notAsked []string, st *result.StoppedEarly) {
	if s.end == 0 || s.end >= len(s.order) {
		return nil, nil
	}
	asked := 0
	for _, qi := range s.order[:s.end] {
		if s.Bank.Questions[qi].Scored() {
			asked++
		}
	}
	notAsked = s.ids(s.order[s.end:])
	st = &result.StoppedEarly{Mode: s.mode, Asked: asked, Scored: asked + len(notAsked)}
	if s.mode == StopQuick && s.chance != nil {
		c := result.Round(*s.chance, 4)
		st.Chance = &c
	}
	return notAsked, st
}

// ids are the ids of the questions at the places given.
func (s *Session) ids(places []int) []string {
	ids := make([]string, len(places))
	for i, qi := range places {
		ids[i] = s.Bank.Questions[qi].ID
	}
	return ids
}

// Walk answers the bank from a as a sitting with the given stop would ask
// it: in the stop's order, each answer taken from a (a question a leaves
// out is skipped), finishing at every offer, so that it stops where a
// person would. It returns the answers to the questions asked, with a
// skip for each one skipped, and what Stopped says.
func Walk(b *quiz.Bank, a quiz.Answers, stop string) (quiz.Answers, []string, *result.StoppedEarly) {
	s := &Session{Config: Config{Bank: b}, answers: quiz.Answers{}}
	s.asker = fileAsker{s: s, a: a}
	s.useStop(stop)
	s.order = s.firstOrder()
	// The file asker never fails.
	_ = s.loop()
	notAsked, st := s.Stopped()
	return s.answers, notAsked, st
}

// fileAsker answers the question on the screen from an answers file.
type fileAsker struct {
	s *Session
	a quiz.Answers
}

func (f fileAsker) Ask(ask.Prompt) (ask.Reply, error) {
	id := f.s.Bank.Questions[f.s.order[f.s.next]].ID
	if ans := f.a[id]; !ans.Skipped() {
		return ask.Reply{Action: ask.Answered, Picks: ans.Picks}, nil
	}
	return ask.Reply{Action: ask.Skip}, nil
}

func (fileAsker) Confirm(string, bool) (bool, error) { return true, nil }

func (fileAsker) Offer(string) (bool, error) { return true, nil }
