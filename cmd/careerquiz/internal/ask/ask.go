// Package ask puts questions to a person, one at a time. Two askers share one
// interface: Terminal, built on survey, for interactive terminals, and Plain,
// which reads one numbered answer per line and works through pipes and with
// screen readers. The quiz flow (progress, back, skip, saving) lives with the
// caller; an asker only shows one question and returns what was chosen.
package ask

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/quiz"
)

var (
	// ErrInterrupted is returned when the person pressed Ctrl-C.
	ErrInterrupted = errors.New("interrupted")
	// ErrQuit is Ctrl-D at a terminal: quitting on purpose, which saves
	// and quits as Ctrl-C does (it is an ErrInterrupted), and which the
	// caller words as a save rather than an interruption.
	ErrQuit = fmt.Errorf("%w: saved and quit", ErrInterrupted)
	// ErrInputEnded is returned when input ended before an answer was given.
	ErrInputEnded = errors.New("input ended")
)

// Prompt is one question as it is put to a person. All text has already had
// control characters removed by the loader.
type Prompt struct {
	// Number is the 1-based position in this run; Theme the theme's
	// display name.
	Number, Total int
	Theme         string
	Text, Help    string
	Kind          quiz.Kind
	// Sides are the two ways of working a graded question weighs, A
	// first; its options are then short point labels ("Rather A").
	Sides []string
	// Options are the labels of the options, in bank order.
	Options []string
	// Default is the option the highlight opens on when there is no
	// previous answer, such as the middle point of a scale: a 0-based index,
	// where 0 (the first option) is also what anything out of range means.
	Default int
	// Previous is the answer given before (when going back or resuming), to
	// be preselected; skipped when there was none.
	Previous quiz.Answer
	// CanGoBack is false on the first question.
	CanGoBack bool
	// Unsaved is true when this run keeps no progress, so that the keys
	// under the list promise no saving.
	Unsaved bool
}

// Action is what a person did with a question: answered it (Reply.Picks
// holds the chosen options), skipped it, or went back to the one before.
type Action int

const (
	Answered Action = iota
	Skip
	Back
)

// Reply is a person's response to one Prompt.
type Reply struct {
	Action Action
	// Picks are 0-based option indexes, ascending, when Action is Answered.
	Picks []int
}

// Asker puts questions to a person.
type Asker interface {
	// Ask shows one question and waits for the response. It returns
	// ErrInterrupted on Ctrl-C, ErrQuit (an ErrInterrupted) on Ctrl-D, and
	// ErrInputEnded when input runs out.
	Ask(p Prompt) (Reply, error)
	// Confirm asks a yes/no question; def is the answer Enter gives.
	Confirm(question string, def bool) (bool, error)
	// Offer asks whether to take what the question offers, which Enter
	// does, or go on, which c ("continue") or n does.
	Offer(question string) (bool, error)
}

// offerReply reads a typed reply to an offer to stop: Enter or y takes it,
// c, n or no goes on answering; ok is false for anything else.
func offerReply(line string) (take, ok bool) { return yesNo(line, true, "c", "n", "no") }

// yesNo reads a typed yes or no: an empty line gives def, y or yes is yes,
// and no lists the words for no. ok is false for anything else.
func yesNo(line string, def bool, no ...string) (yes, ok bool) {
	switch s := strings.ToLower(strings.TrimSpace(line)); {
	case s == "":
		return def, true
	case s == "y", s == "yes":
		return true, true
	case slices.Contains(no, s):
		return false, true
	}
	return false, false
}
