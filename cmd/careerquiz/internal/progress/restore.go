package progress

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// Snapshot is the State of a quiz in progress: the answers given so far
// (a question shown and skipped has an Answer with no picks), the order
// the questions are asked in, and next, the position in that order of the
// question on the screen.
func Snapshot(b *quiz.Bank, answers quiz.Answers, order []int, next int, shuffled bool, seed int64) State {
	st := State{
		SHA256:   b.SHA256,
		Answers:  map[string]any{},
		Picked:   map[string][]string{},
		Next:     next,
		Shuffled: shuffled,
		Seed:     seed,
	}
	if next < len(order) {
		st.Question = b.Questions[order[next]].ID
	}
	values := b.AnswerValues(answers)
	for id, a := range answers {
		qi := b.QuestionIndex(id)
		if qi < 0 {
			continue
		}
		st.Answers[id] = values[id]
		if a.Skipped() {
			continue
		}
		st.Answered++
		st.Picked[id] = texts(&b.Questions[qi], a.Picks)
	}
	return st
}

// Restored is saved progress fitted to a bank.
type Restored struct {
	// Answers are the answers that still fit the bank; a question shown
	// and skipped has an Answer with no picks. Answered counts those that
	// are not skips.
	Answers  quiz.Answers
	Answered int
	// Next is the position, in the order given to Restore, of the question
	// to show first.
	Next int
	// Edited is true when the bank's bytes changed since the progress was
	// saved. Saved is then the number of answers and skips saved, and
	// Kept how many of them still apply.
	Edited      bool
	Saved, Kept int
}

// Restore fits st to b, where order is the order of b's questions for st's
// Shuffled and Seed. Progress saved for these very bytes must fit them
// exactly: anything that does not was not written by careerquiz, and is a
// *DamagedError (the caller sets the file aside). Progress saved before the
// bank was edited keeps each answer whose question still exists and whose
// picked options it still offers, found by their text; the quiz then goes
// on from the question that was on the screen, or from an earlier one that
// the edit added.
func (s *Store) Restore(b *quiz.Bank, st State, order []int) (Restored, error) {
	r := Restored{Answers: quiz.Answers{}, Edited: st.SHA256 != b.SHA256, Saved: len(st.Answers)}
	total := len(b.Questions)
	for id, v := range st.Answers {
		a, why := fitAnswer(b, id, v, st.Picked[id], r.Edited)
		if why != "" {
			if !r.Edited {
				return Restored{}, s.damaged("%s", why)
			}
			continue
		}
		r.Answers[id] = a
		if !a.Skipped() {
			r.Answered++
		}
	}
	r.Kept = len(r.Answers)
	if r.Edited {
		r.Next = len(order)
		if i := slices.IndexFunc(order, func(qi int) bool { return b.Questions[qi].ID == st.Question }); i >= 0 {
			r.Next = i
		}
		// A question the edit added before that point is asked first.
		if i := slices.IndexFunc(order, func(qi int) bool { _, ok := r.Answers[b.Questions[qi].ID]; return !ok }); i >= 0 && i < r.Next {
			r.Next = i
		}
		return r, nil
	}
	switch {
	case len(order) != total:
		return Restored{}, s.damaged("the order of questions does not fit the bank")
	case st.Next > total:
		return Restored{}, s.damaged("it is at question %d of a quiz of %d", st.Next+1, total)
	case st.Next < total && st.Question != b.Questions[order[st.Next]].ID:
		return Restored{}, s.damaged("question %d is %q, not %q", st.Next+1, b.Questions[order[st.Next]].ID, st.Question)
	case st.Next == total && st.Question != "":
		return Restored{}, s.damaged("it is past the last question, at %q", st.Question)
	case r.Answered != st.Answered:
		return Restored{}, s.damaged("it counts %d answers but holds %d", st.Answered, r.Answered)
	case st.End < 0 || st.End > total || st.End > 0 && st.Next > st.End:
		return Restored{}, s.damaged("it ends at question %d of %d, at question %d", st.End, total, st.Next+1)
	}
	// Every question before the one on the screen has been shown.
	for _, qi := range order[:st.Next] {
		if _, ok := r.Answers[b.Questions[qi].ID]; !ok {
			return Restored{}, s.damaged("question %q was passed without an answer", b.Questions[qi].ID)
		}
	}
	r.Next = st.Next
	return r, nil
}

// fitAnswer reads one saved answer against b by the rules of an answers
// file, and checks that the options it picks are the ones saved by text.
// In a bank edited since, the texts are what count: options may have
// moved. why says what does not fit, or is empty.
func fitAnswer(b *quiz.Bank, id string, v any, picked []string, edited bool) (a quiz.Answer, why string) {
	qi := b.QuestionIndex(id)
	if qi < 0 {
		return a, fmt.Sprintf("the bank has no question %q", id)
	}
	q := &b.Questions[qi]
	if s, ok := v.(string); ok && s == "skip" {
		if len(picked) > 0 {
			return a, fmt.Sprintf("question %q is both skipped and answered", id)
		}
		return a, ""
	}
	if edited {
		for _, text := range picked {
			i := slices.IndexFunc(q.Options, func(o quiz.Option) bool { return o.Text == text })
			if i < 0 || slices.Contains(a.Picks, i) {
				return quiz.Answer{}, "an option picked is gone"
			}
			a.Picks = append(a.Picks, i)
		}
		slices.Sort(a.Picks)
		if !q.Accepts(a.Picks) {
			return quiz.Answer{}, "the answer no longer fits"
		}
		return a, ""
	}
	data, err := json.Marshal(map[string]any{id: v})
	if err != nil {
		return a, fmt.Sprintf("question %q: %v", id, err)
	}
	parsed, err := quiz.ParseAnswers(b, "progress.json", data)
	if err != nil {
		return a, fmt.Sprintf("the answer to question %q does not fit it", id)
	}
	a = parsed[id]
	if !slices.Equal(texts(q, a.Picks), picked) {
		return quiz.Answer{}, fmt.Sprintf("the options picked for question %q do not match their text", id)
	}
	return a, ""
}

// texts are the texts of q's options at picks, by which an answer is found
// again in a bank edited since.
func texts(q *quiz.Question, picks []int) (t []string) {
	for _, p := range picks {
		t = append(t, q.Options[p].Text)
	}
	return t
}

// OrderOf is the order of b's questions that ids (every question's id,
// once each) lists; ok is false when ids is not such a list.
func OrderOf(b *quiz.Bank, ids []string) (order []int, ok bool) {
	if len(ids) != len(b.Questions) {
		return nil, false
	}
	seen := make([]bool, len(b.Questions))
	for _, id := range ids {
		qi := b.QuestionIndex(id)
		if qi < 0 || seen[qi] {
			return nil, false
		}
		seen[qi] = true
		order = append(order, qi)
	}
	return order, true
}
