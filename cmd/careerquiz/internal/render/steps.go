package render

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/scoring"
)

// This file words the next steps: why each step is there (the same
// sentence in the text report and the JSON result), and the steps part of
// the text report.

// stepWhy says in one sentence, from the person's own answers, why step s
// of result res is where it is: the theme and the answer or two that
// decided it, or the answer that says the step is done. It is never empty.
func stepWhy(res scoring.Result, s scoring.StepAdvice) string {
	// A side cut short ends in "…", which ends the sentence as well.
	why := stepSentence(res, s)
	return strings.NewReplacer("….", "…", "…”.", "…”").Replace(why)
}

func stepSentence(res scoring.Result, s scoring.StepAdvice) string {
	theme := cmp.Or(s.ThemeName, s.Theme)
	you := answered(s.Answers, "and")
	rival := pathName(res, s.Rival)
	switch s.Reason {
	case scoring.ReasonCovered:
		if len(s.Answers) > 0 {
			return fmt.Sprintf("Your answer %s says this is done.", quoted(s.Answers[0].Text))
		}
		return "Your answers say this is done."
	case scoring.ReasonUnanswered:
		return fmt.Sprintf("You answered no questions on %s: %s", theme, place(res, s))
	case scoring.ReasonEven:
		return fmt.Sprintf("Your answers on %s leaned neither way: %s", theme, place(res, s))
	case scoring.ReasonMild:
		return fmt.Sprintf("Your answers on %s leaned only a little towards %s, too little to question this step: %s", theme, rival, place(res, s))
	case scoring.ReasonShared:
		if len(s.Answers) > 0 {
			return fmt.Sprintf("Your answer %s leaves this step to do, and every path takes it: %s", quoted(s.Answers[0].Text), place(res, s))
		}
		return "Every path takes this step, whatever your leans: " + place(res, s)
	case scoring.ReasonClose, scoring.ReasonUnsteady:
		return tryBothWhy(res, s, theme)
	}
	if you == "" {
		// Scoring quotes an answer for every lean; this keeps the
		// sentence whole should a bank ever leave it none.
		return fmt.Sprintf("Your answers on %s decided this step's place.", theme)
	}
	switch {
	case s.Reason == scoring.ReasonDrew && s.Again:
		return fmt.Sprintf("Again %s, which drew you to %s: you %s.", theme, pathName(res, s.Path), you)
	case s.Reason == scoring.ReasonDrew:
		return fmt.Sprintf("%s drew you to %s: you %s.", theme, pathName(res, s.Path), you)
	case s.Again:
		return fmt.Sprintf("Again %s, where you leaned towards %s: you %s.", theme, rival, you)
	}
	return fmt.Sprintf("On %s you leaned towards %s: you %s.", theme, rival, you)
}

// place explains a step by where it comes on its path, for a step no
// answer of the person bears on.
func place(res scoring.Result, s scoring.StepAdvice) string {
	path := pathName(res, s.Path)
	switch {
	case s.First && s.AfterDone:
		return fmt.Sprintf("it is the first step on the %s path that your experience does not cover.", path)
	case s.First:
		return fmt.Sprintf("it is the first step on the %s path.", path)
	case s.After == "":
		return fmt.Sprintf("it keeps its place in the usual order of the %s path.", path)
	}
	return fmt.Sprintf("it comes next on the %s path, after %s.", path, quoted(firstClause(s.After)))
}

// firstClause is a step's text up to its first colon, comma or full stop,
// and at most some fifty characters, cut between words: enough to name it.
func firstClause(text string) string {
	if i := strings.IndexAny(text, ":,.;("); i > 0 {
		text = strings.TrimSpace(text[:i])
	}
	return cutWords(text, 50)
}

// cutWords cuts text to at most n characters between words, marking the
// cut with "…".
func cutWords(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	cut := string(r[:n])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, ",;: ") + "…"
}

// tryBothWhy says why a result that is a hypothesis opens with a try-both
// step: how close or unsteady the result is, and the strongest answer each
// way on the step's theme.
func tryBothWhy(res scoring.Result, s scoring.StepAdvice, theme string) string {
	rec := res.Recommendation
	if rec == nil {
		return "Your answers do not settle which path suits you: doing both halves of one task will tell you more."
	}
	var why string
	if s.Reason == scoring.ReasonClose {
		a, b := percentText(pathShare(res, rec.Path)), percentText(pathShare(res, s.Rival))
		why = fmt.Sprintf("Your answers came out close to even (%s %s, %s %s)",
			pathName(res, rec.Path), a, pathName(res, s.Rival), b)
	} else {
		why = fmt.Sprintf("Your lean to %s is %s (a retest would give the same path only about %d times in 10)",
			pathName(res, rec.Path), rec.Strength, int(result.Round(res.Confidence*10, 0)))
	}
	if len(s.Answers) == 0 {
		return why + ": doing both halves of one task will tell you more."
	}
	return why + fmt.Sprintf(", and on %s you %s.", theme, answered(s.Answers, "but"))
}

// answered words one or two answers as what follows "you". Two with the same
// verb share it: "chose “a” and “b”", "chose “a” but also “b”".
func answered(as []scoring.StepAnswer, conj string) string {
	switch {
	case len(as) == 2 && (sideVerb(as[0].Verb) || sideVerb(as[1].Verb)):
		// A side is quoted after a colon, so each answer keeps its own
		// verb, and a semicolon ends the first side, which may hold commas.
		sep := " "
		if sideVerb(as[0].Verb) {
			sep = "; "
		}
		return answered(as[:1], conj) + sep + conj + " " + answered(as[1:], conj)
	case len(as) == 1 && sideVerb(as[0].Verb):
		return verb(as[0].Verb) + ": " + side(as[0].Text)
	case len(as) == 0:
		return ""
	case len(as) == 1:
		return verb(as[0].Verb) + " " + quoted(as[0].Text)
	case as[0].Verb == as[1].Verb && conj == "but":
		return verb(as[0].Verb) + " " + quoted(as[0].Text) + " but also " + quoted(as[1].Text)
	case as[0].Verb == as[1].Verb:
		return verb(as[0].Verb) + " " + quoted(as[0].Text) + " " + conj + " " + quoted(as[1].Text)
	}
	return verb(as[0].Verb) + " " + quoted(as[0].Text) + " " + conj + " " + verb(as[1].Verb) + " " + quoted(as[1].Text)
}

func sideVerb(v scoring.AnswerVerb) bool {
	return v == scoring.Rather || v == scoring.MuchRather
}

// longSide is the most characters of a graded question's side a reason
// quotes; a longer side is cut at a word boundary.
const longSide = 100

// side is a graded question's side as what the person would rather do:
// its own text, led by a small letter, without a final full stop.
func side(text string) string {
	text = cutWords(strings.TrimRight(oneLine(text), "."), longSide)
	if r := []rune(text); len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
		text = string(r)
	}
	return text
}

func verb(v scoring.AnswerVerb) string {
	switch v {
	case scoring.Agreed:
		return "agreed with"
	case scoring.StronglyAgreed:
		return "strongly agreed with"
	case scoring.Disagreed:
		return "disagreed with"
	case scoring.StronglyDisagreed:
		return "strongly disagreed with"
	case scoring.Rather:
		return "would rather"
	case scoring.MuchRather:
		return "would much rather"
	}
	return "chose"
}

// quoted puts text from the bank in quotation marks, on one line and without
// a final full stop that would end the sentence inside the quote.
func quoted(s string) string {
	return "“" + strings.TrimRight(oneLine(s), ".") + "”"
}

// shownSteps is the most steps the text report lists: the next few are
// worth reading, the whole plan is in the JSON result.
const shownSteps = 5

func stepsTitle(n int) string {
	if n > shownSteps {
		return fmt.Sprintf("Your next %d steps (of %d; --json lists them all)", shownSteps, n)
	}
	return "Your next steps"
}

// steps lists the next steps with why each is there, then says which steps
// the person's experience covers and where each other path would start.
func (p *printer) steps() {
	res := p.res
	shown := res.Steps[:min(len(res.Steps), shownSteps)]
	numW := len(strconv.Itoa(len(shown)))
	indent := "    " + strings.Repeat(" ", numW+2)
	for i, s := range shown {
		first := fmt.Sprintf("    %*d. ", numW, i+1)
		p.hanging(first, indent, stepText(s), nil)
		p.hanging(indent+"↳ ", indent+"  ", oneLine(stepWhy(res, s)), p.pal.faint)
	}
	if note := doneNote(res, oneLine); note != "" {
		p.para("    ", note, p.pal.faint)
	}
	for _, o := range res.OtherSteps {
		p.para("    ", otherStepNote(res, o, oneLine), nil)
	}
}

// stepText is a step as a line of the plan: its text, led by what kind of
// step it is where it is not simply one to learn.
func stepText(s scoring.StepAdvice) string {
	text := oneLine(s.Text)
	switch s.Kind {
	case scoring.TryBoth:
		text = "Try both: " + text
	case scoring.Explore:
		text = "Explore before deciding: " + text
	}
	return text
}

// doneNote says which steps the person's experience covers, or "" for
// none. quote makes text from the bank fit the report it goes in.
func doneNote(res scoring.Result, quote func(string) string) string {
	done := res.StepsDone
	if len(done) == 0 || len(done[0].Answers) == 0 {
		return ""
	}
	return fmt.Sprintf("Left out as done: %s, from your answer “%s”.", Count(len(done), "step"), quote(done[0].Answers[0].Text))
}

// otherStepNote says where another path would start.
func otherStepNote(res scoring.Result, o scoring.StepAdvice, quote func(string) string) string {
	return fmt.Sprintf("On the %s path your first step would be: %s", quote(pathName(res, o.Path)), quote(o.Text))
}

// hypothesis tells a person whose result is too close or too unsteady to
// act on that it is a hypothesis, and how the steps test it.
func (p *printer) hypothesis() {
	if note := hypothesisNote(p.res); note != "" {
		p.para("", note, nil)
	}
}

// hypothesisNote is the note for a result too close or too unsteady to act
// on, or "" for one that is not.
func hypothesisNote(res scoring.Result) string {
	if !res.Hypothesis() {
		return ""
	}
	note := "Treat this result as a hypothesis to test, not a verdict."
	if len(res.Steps) > 0 && res.Steps[0].Kind == scoring.TryBoth {
		note += " The first step below has you try both paths' halves of one task."
	}
	return note
}

// newStepsJSON gives each step its reason in words and in facts. It is
// never nil, so that an empty list encodes as [].
func newStepsJSON(res scoring.Result, ss []scoring.StepAdvice) []result.Step {
	return each(ss, func(s scoring.StepAdvice) result.Step {
		return result.Step{ID: s.ID, Kind: string(s.Kind), Path: s.Path, Stage: s.Stage, Theme: s.Theme, ThemeName: clean(s.ThemeName),
			Text: clean(s.Text), Why: clean(stepWhy(res, s)), Reason: string(s.Reason), Questions: s.Questions(), Basis: clean(s.Basis)}
	})
}
