package render

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/internal/termsafe"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// stepWhy says in one sentence, from the person's own answers, why step s
// is where it is, in every format. It is never empty.
func stepWhy(res scoring.Result, b *quiz.Bank, s scoring.StepAdvice) string {
	// A side cut short ends in "…", which ends the sentence as well.
	why := stepSentence(res, b, s)
	return strings.NewReplacer("….", "…", "…”.", "…”", "?”.", "?”").Replace(why)
}

func stepSentence(res scoring.Result, b *quiz.Bank, s scoring.StepAdvice) string {
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
	case scoring.ReasonFoundation:
		return foundation(res, b, s)
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
	case s.Reason == scoring.ReasonDrew && s.Lead && firstLead(res, s):
		return fmt.Sprintf("%s drew you most to %s: you %s.", theme, pathName(res, s.Path), you)
	case s.Reason == scoring.ReasonDrew && s.Lead:
		return fmt.Sprintf("%s drew you strongly to %s too: you %s.", theme, pathName(res, s.Path), you)
	case s.Reason == scoring.ReasonDrew:
		return fmt.Sprintf("%s drew you to %s: you %s.", theme, pathName(res, s.Path), you)
	case s.Again:
		return fmt.Sprintf("Again %s, where you leaned towards %s: you %s.", theme, rival, you)
	}
	return fmt.Sprintf("On %s you leaned towards %s: you %s.", theme, rival, you)
}

// firstLead reports whether s is the first step its path's list leads
// with, that of the theme that drew the person most; the lead steps come
// strongest first.
func firstLead(res scoring.Result, s scoring.StepAdvice) bool {
	i := slices.IndexFunc(res.Steps, func(l scoring.StepAdvice) bool { return l.Lead && l.Path == s.Path })
	return i < 0 || res.Steps[i].ID == s.ID
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

// foundation explains a foundation of a path (stage 1 or 2) by its place:
// no preference makes one less needed, so no answer is quoted. A step the
// list gives for both of its paths is a foundation of both.
func foundation(res scoring.Result, b *quiz.Bank, s scoring.StepAdvice) string {
	of := fmt.Sprintf("the %s path", pathName(res, s.Path))
	if len(stepPaths(res, b, s)) > 1 {
		of = "both paths"
	}
	switch {
	case s.First && s.AfterDone:
		return fmt.Sprintf("A foundation of %s: the first one your experience does not cover.", of)
	case s.First || s.After == "":
		return fmt.Sprintf("A foundation of %s: the first step, which the later ones build on.", of)
	}
	return fmt.Sprintf("A foundation of %s: it comes after %s.", of, quoted(firstClause(s.After)))
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
// step: how close or unsteady it is, and the strongest answer each way.
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
		n, _ := retests(res.Confidence)
		why = fmt.Sprintf("Your lean to %s is %s (a retest would give the same path only about %d times in 10)",
			pathName(res, rec.Path), rec.Strength, n)
	}
	if len(s.Answers) == 0 {
		return why + ": doing both halves of one task will tell you more."
	}
	return why + fmt.Sprintf(", and on %s you %s.", theme, answered(s.Answers, "but"))
}

// answered words one or two answers as what follows "you". Two with the
// same verb share it: "chose “a” and “b”", "chose “a” but also “b”". A side
// of a graded question, which may not read as something done, is quoted
// as the answer to its question, so that the sentence stays whole:
// "answered “Rather: Draw the blueprint” to “Which would you rather do?”".
func answered(as []scoring.StepAnswer, conj string) string {
	switch {
	case len(as) == 0:
		return ""
	case len(as) == 1 && sideVerb(as[0].Verb):
		a := as[0]
		if q := result.OneLine(a.Asked); q != "" {
			return "answered " + quoted(verbText(a.Verb, side(a.Text, false))) + " to " + quoted(q)
		}
		return verb(a.Verb) + " " + quoted(side(a.Text, true))
	case len(as) == 2 && sideVerb(as[0].Verb) && sideVerb(as[1].Verb) && conj == "and":
		// Two sides quoted whole, each with its question, make a reason
		// too long to read: the more decisive one stands for both.
		return answered(as[:1], conj)
	case len(as) == 2 && (sideVerb(as[0].Verb) || sideVerb(as[1].Verb)):
		return answered(as[:1], conj) + ", " + conj + " " + answered(as[1:], conj)
	case len(as) == 1:
		return verb(as[0].Verb) + " " + quoted(as[0].Text)
	case as[0].Verb == as[1].Verb && conj == "but":
		return verb(as[0].Verb) + " " + quoted(as[0].Text) + " but also " + quoted(as[1].Text)
	case as[0].Verb == as[1].Verb:
		return verb(as[0].Verb) + " " + quoted(as[0].Text) + " " + conj + " " + quoted(as[1].Text)
	}
	return verb(as[0].Verb) + " " + quoted(as[0].Text) + " " + conj + " " + verb(as[1].Verb) + " " + quoted(as[1].Text)
}

func sideVerb(v scoring.AnswerVerb) bool { return v == scoring.Rather || v == scoring.MuchRather }

// longSide is the most characters of a graded question's side a reason
// quotes; a longer side is cut at a word boundary.
const longSide = 100

// side is a graded question's side, cut at a word boundary when long,
// without a final full stop; lower leads it with a small letter, for a
// side quoted as what the person would rather do.
func side(text string, lower bool) string {
	text = cutWords(strings.TrimRight(result.OneLine(text), "."), longSide)
	if r := []rune(text); lower && len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
		text = string(r)
	}
	return text
}

// verb is what the person did with an answer, as what follows "you".
func verb(v scoring.AnswerVerb) string { return cmp.Or(verbs[v], "chose") }

var verbs = map[scoring.AnswerVerb]string{
	scoring.Agreed:            "agreed with",
	scoring.StronglyAgreed:    "strongly agreed with",
	scoring.Disagreed:         "disagreed with",
	scoring.StronglyDisagreed: "strongly disagreed with",
	scoring.Rather:            "would rather",
	scoring.MuchRather:        "would much rather",
}

// quoted puts text from the bank in quotation marks, on one line and without
// a final full stop that would end the sentence inside the quote.
func quoted(s string) string { return "“" + strings.TrimRight(result.OneLine(s), ".") + "”" }

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
		p.hanging(first, indent, stepLine(res, p.run.Bank, s), nil)
		p.hanging(indent+"↳ ", indent+"  ", result.OneLine(stepWhy(res, p.run.Bank, s)), p.pal.faint)
	}
	if note := doneNote(res, result.OneLine); note != "" {
		p.para("    ", note, p.pal.faint)
	}
	for _, o := range res.OtherSteps {
		p.para("    ", otherStepNote(res, o, result.OneLine), nil)
	}
}

// stepLine is stepText, led by the paths that take the step where the
// list holds more than one path's steps (a balanced result).
func stepLine(res scoring.Result, b *quiz.Bank, s scoring.StepAdvice) string {
	names := stepPaths(res, b, s)
	switch {
	case len(names) == 0:
		return stepText(s)
	case len(names) == 2:
		return "For both paths: " + stepText(s)
	}
	return "For " + result.JoinAnd(names) + ": " + stepText(s)
}

// stepPaths names the listed paths that take step s: its own, and any
// other with a step of the same text; none for a list of one path's steps.
func stepPaths(res scoring.Result, b *quiz.Bank, s scoring.StepAdvice) []string {
	ids := listedPaths(res.Steps)
	if s.Path == "" || len(ids) < 2 {
		return nil
	}
	var names []string
	for _, id := range ids {
		if i := b.PathIndex(id); id == s.Path || i >= 0 && slices.ContainsFunc(b.Paths[i].Steps, func(st quiz.Step) bool { return st.Text == s.Text }) {
			names = append(names, result.OneLine(pathName(res, id)))
		}
	}
	return names
}

// listedPaths is the paths whose steps a list holds, in the order they
// first come.
func listedPaths(ss []scoring.StepAdvice) []string {
	var ids []string
	for _, s := range ss {
		if s.Path != "" && !slices.Contains(ids, s.Path) {
			ids = append(ids, s.Path)
		}
	}
	return ids
}

// stepText is a step as a line of the plan: its text, led by what kind of
// step it is where it is not simply one to learn.
func stepText(s scoring.StepAdvice) string {
	text := result.OneLine(s.Text)
	switch s.Kind {
	case scoring.TryBoth:
		text = "Try both: " + text
	case scoring.Explore:
		text = "Explore before deciding: " + text
	}
	return text
}

// doneNote says which steps the person's experience covers, grouped by
// the answer that covers them, or "" for none; quote makes text from the
// bank fit the report it goes in.
func doneNote(res scoring.Result, quote func(string) string) string {
	done := res.StepsDone
	if len(done) == 0 {
		return ""
	}
	// A balanced result leaves out steps of both paths, and their texts
	// can be near twins: each then names its path.
	both := slices.ContainsFunc(done, func(s scoring.StepAdvice) bool { return s.Path != done[0].Path })
	var answers []string
	steps := map[string][]string{}
	seen := map[string]bool{}
	for _, s := range done {
		if seen[s.Text] {
			continue
		}
		seen[s.Text] = true
		a := ""
		if len(s.Answers) > 0 {
			a = s.Answers[0].Text
		}
		if _, ok := steps[a]; !ok {
			answers = append(answers, a)
		}
		text := quote(firstClause(s.Text))
		if both {
			text = "for " + quote(pathName(res, s.Path)) + ", " + text
		}
		steps[a] = append(steps[a], text)
	}
	var groups []string
	for _, a := range answers {
		g := strings.Join(steps[a], ", ")
		if a != "" {
			g = fmt.Sprintf("your answer “%s”: %s", quote(strings.TrimRight(result.OneLine(a), ".")), g)
		}
		groups = append(groups, g)
	}
	return fmt.Sprintf("Left out: %s your experience covers (%s).", Count(len(seen), "step"), strings.Join(groups, "; "))
}

// otherStepNote says where another path would start.
func otherStepNote(res scoring.Result, o scoring.StepAdvice, quote func(string) string) string {
	return fmt.Sprintf("On the %s path your first step would be: %s", quote(pathName(res, o.Path)), quote(o.Text))
}

// hypothesisNote says a result too close or too unsteady to act on is a
// hypothesis, and how the steps test it; "" for any other.
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

// newStepsJSON gives each step its reason in words and in facts.
func newStepsJSON(res scoring.Result, b *quiz.Bank, ss []scoring.StepAdvice) []result.Step {
	return each(ss, func(s scoring.StepAdvice) result.Step {
		return result.Step{ID: s.ID, Kind: string(s.Kind), Path: s.Path, Stage: s.Stage, Theme: s.Theme, ThemeName: termsafe.Clean(s.ThemeName),
			Text: termsafe.Clean(s.Text), Why: termsafe.Clean(stepWhy(res, b, s)), Reason: string(s.Reason), Questions: s.Questions(), Basis: termsafe.Clean(s.Basis),
			Lead: s.Lead}
	})
}
