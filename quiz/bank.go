// Package quiz is the question bank: its model, the strict TOML loader that
// builds it, and the answers people give to it.
//
// A Bank is built once by Parse and never changed afterwards: every other
// package reads it, none writes it. Weights are stored per path index so that
// scoring can run over thousands of questions without map look-ups.
package quiz

import "slices"

// Kind is a question's kind: Choice, exactly one option; PickAny, one or more,
// whose weights add up; Scale, an agreement statement keyed to one path, on the
// five ScaleLabels; Graded, a choice between two Sides on the five GradedLabels.
type Kind string

const (
	Choice  Kind = "choice"
	PickAny Kind = "pick-any"
	Scale   Kind = "scale"
	Graded  Kind = "graded"
)

// Bank is a validated question bank. Treat it as read-only.
type Bank struct {
	File      string // the name the bank was loaded from, for messages
	Title     string
	Intro     string
	Scoring   Thresholds
	Paths     []Path
	Themes    []Theme
	Questions []Question
	TryBoth   []Step    // small tasks to try each path's work, for a result that leans neither way; Stage 0
	SHA256    string    // the hex digest of the bank's bytes as read: it names the bank in results and keys saved progress
	Warnings  []Problem // problems that do not stop the bank from being used
}

// Thresholds are the bank's scoring rules. Margins are in percentage points
// between the leading path and the runner-up.
type Thresholds struct {
	MinAnswered float64 // the least share (0–1) of questions answered for a path to be recommended
	// Slight, Moderate and Clear are the margins from which a lean is called
	// slight, moderate and clear; below Slight it is balanced.
	Slight, Moderate, Clear float64
	// BandsSet is true when the bank sets any of the three bands, the others
	// keeping their defaults; otherwise scoring calibrates them (scoring.Bands).
	BandsSet bool
}

// DefaultThresholds are used for any threshold a bank leaves out.
var DefaultThresholds = Thresholds{MinAnswered: 0.5, Slight: 5, Moderate: 12, Clear: 25}

// Path is one career path a bank can recommend.
type Path struct {
	ID      string
	Name    string
	Summary string
	Salary  []string // facts about pay, one sentence each
	Steps   []Step   // the learning steps in their recommended order
}

// Step is one learning step, tagged with the theme it builds.
type Step struct {
	ID    string // unique among the bank's steps and try-both steps
	Theme string
	// Stage orders the steps as a learner meets them, from 1: a language, then
	// servers and databases, real projects, and cloud, security and system design.
	Stage int
	Text  string
	Basis string // the point of the source the step rests on
	// SkipWhen maps the id of an unscored question to the option ids whose
	// pick makes this step unnecessary, such as experience = ["work"].
	SkipWhen map[string][]string
}

// Theme groups questions about one area of the work.
type Theme struct {
	ID    string `toml:"id"`
	Name  string `toml:"name"`
	About string `toml:"about"`
}

// Question is one question of a bank. Scale and graded questions are stored
// with their five points expanded into options, so that every consumer sees
// options with weights and only the loader knows the shorthand.
type Question struct {
	ID    string
	Theme string
	Kind  Kind
	Text  string
	Help  string
	Basis string
	Keyed string // the path a Scale statement speaks for; empty for other kinds
	// Against is the path the other half of a Scale statement worded as a
	// trade ("I would rather X than Y") speaks for, which disagreeing takes;
	// empty for a statement that is no trade, and for other kinds.
	Against  string
	Sides    []Side // the two ways of working a Graded question weighs, A first; else nil
	Unscored bool   // a profile question: asked and its answer kept, but it counts for no path
	Options  []Option
	// Impressive marks, by index, the options that take the side that sounds
	// more impressive (more senior, more admired), whatever path it speaks
	// for: a graded side's two points, a statement's two agreeing or two
	// disagreeing points, or named options; nil when the bank marks none.
	// Taking it is desirability, not preference: scoring audits what it gives.
	Impressive []int
}

// Side is one of the two ways of working a Graded question weighs.
type Side struct {
	Text string `toml:"text"`
	Path string `toml:"path"` // the id of the path this side speaks for
}

// Multiple reports whether a question of this kind takes several picks, not one.
func (k Kind) Multiple() bool      { return k == PickAny }
func (q *Question) Multiple() bool { return q.Kind.Multiple() }

// Most is the most the question can give each path, indexed like Bank.Paths:
// the sum of its options' weights for a question that takes several picks, the
// largest otherwise, and nothing for an unscored one.
func (q *Question) Most() []float64 {
	var most []float64
	for _, o := range q.Options {
		if most == nil {
			most = make([]float64, len(o.Weights))
		}
		for p := 0; p < len(most) && p < len(o.Weights) && q.Scored(); p++ {
			if q.Multiple() {
				most[p] += o.Weights[p]
			} else {
				most[p] = max(most[p], o.Weights[p])
			}
		}
	}
	return most
}

// Accepts reports whether picks are a whole answer to the question: at least
// one, each an option of it, none twice, and only one unless it takes several.
func (q *Question) Accepts(picks []int) bool {
	if len(picks) == 0 || !q.Multiple() && len(picks) != 1 {
		return false
	}
	for i, p := range picks {
		if p < 0 || p >= len(q.Options) || slices.Contains(picks[:i], p) {
			return false
		}
	}
	return true
}

// Scored reports whether the question counts towards the result.
func (q *Question) Scored() bool { return !q.Unscored }

// DefaultPick is the option an asker highlights first: the middle point of a
// graded or scale question, so that neither side is suggested; -1 otherwise.
func (q *Question) DefaultPick() int {
	if (q.Kind == Graded || q.Kind == Scale) && len(q.Options) == 5 {
		return 2
	}
	return -1
}

// Option is one answer a question offers.
type Option struct {
	ID   string // optional; answers may name an option by it
	Text string
	// Weights holds the points this option gives each path, indexed like
	// Bank.Paths. Weights are finite, at least 0, and have at most three
	// decimals, so scoring can add them up exactly in thousandths.
	Weights []float64
}

// PathIndex returns the index of the path with the given id, or -1. It and the
// other lookups by id scan: the lists are short, or looked up once per answer,
// so a scan costs less than keeping maps.
func (b *Bank) PathIndex(id string) int {
	return slices.IndexFunc(b.Paths, func(p Path) bool { return p.ID == id })
}

// ThemeIndex returns the index of the theme with the given id, or -1.
func (b *Bank) ThemeIndex(id string) int {
	return slices.IndexFunc(b.Themes, func(t Theme) bool { return t.ID == id })
}

// QuestionIndex returns the index of the question with the given id, or -1.
func (b *Bank) QuestionIndex(id string) int {
	return slices.IndexFunc(b.Questions, func(q Question) bool { return q.ID == id })
}

// Question returns the question with the given id, or nil.
func (b *Bank) Question(id string) *Question {
	if i := b.QuestionIndex(id); i >= 0 {
		return &b.Questions[i]
	}
	return nil
}

// OptionIndex returns the index of the option with the given id, or -1;
// options without an id are never found.
func (q *Question) OptionIndex(id string) int {
	return slices.IndexFunc(q.Options, func(o Option) bool { return id != "" && o.ID == id })
}
