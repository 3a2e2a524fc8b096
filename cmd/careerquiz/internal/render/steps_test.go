package render

import (
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/scoring"
)

func TestStepWhy(t *testing.T) {
	t.Parallel()
	res := clearRun().Result
	balanced := balancedRun().Result
	unsteady := clearRun().Result
	unsteady.Recommendation.Strength, unsteady.Confidence = scoring.Slight, 0.584
	choseA := scoring.StepAnswer{Question: "a", Verb: scoring.Chose, Text: "Design the store.", Toward: true}
	choseB := scoring.StepAnswer{Question: "b", Verb: scoring.Chose, Text: "Plan for growth", Toward: true}
	agreed := scoring.StepAnswer{Question: "c", Verb: scoring.StronglyAgreed, Text: "I enjoy design."}
	// A side of a graded question is quoted as the answer to its question,
	// so that every reason is a whole sentence whatever the side's words.
	rather := scoring.StepAnswer{Question: "d", Asked: "A shop needs a cart. Which part would you rather do?", Verb: scoring.MuchRather, Text: "Write the code"}
	step := func(r scoring.StepReason, again bool, as ...scoring.StepAnswer) scoring.StepAdvice {
		return scoring.StepAdvice{Path: "engineer", Theme: "design", ThemeName: "System design", Reason: r, Rival: "developer", Again: again, Answers: as}
	}
	first := func(s scoring.StepAdvice) scoring.StepAdvice { s.First = true; return s }
	done := func(s scoring.StepAdvice) scoring.StepAdvice { s.AfterDone = true; return s }
	after := func(s scoring.StepAdvice, text string) scoring.StepAdvice { s.After = text; return s }
	lead := func(s scoring.StepAdvice) scoring.StepAdvice { s.Lead = true; return s }
	tests := []struct {
		name string
		res  scoring.Result
		step scoring.StepAdvice
		want string
	}{
		{"drew", res, step(scoring.ReasonDrew, false, choseA, choseB),
			"System design drew you to Back-end engineer: you chose “Design the store” and “Plan for growth”."},
		{"drew again", res, step(scoring.ReasonDrew, true, choseA),
			"Again System design, which drew you to Back-end engineer: you chose “Design the store”."},
		{"two verbs", res, step(scoring.ReasonDrew, false, choseA, agreed),
			"System design drew you to Back-end engineer: you chose “Design the store” and strongly agreed with “I enjoy design”."},
		{"away", res, step(scoring.ReasonAway, false, rather),
			"On System design you leaned towards Back-end developer: you answered “Much rather: Write the code” to “A shop needs a cart. Which part would you rather do?”"},
		{"away again", res, step(scoring.ReasonAway, true, rather),
			"Again System design, where you leaned towards Back-end developer: you answered “Much rather: Write the code” to “A shop needs a cart. Which part would you rather do?”"},
		{"shared", res, step(scoring.ReasonShared, false),
			"Every path takes this step, whatever your leans: it keeps its place in the usual order of the Back-end engineer path."},
		{"shared, left to do by experience", res, first(step(scoring.ReasonShared, false, scoring.StepAnswer{Question: "experience", Verb: scoring.Chose, Text: "None yet"})),
			"Your answer “None yet” leaves this step to do, and every path takes it: it is the first step on the Back-end engineer path."},
		{"two sides", res, step(scoring.ReasonDrew, false, rather, scoring.StepAnswer{Verb: scoring.Rather, Text: "Fix it, then ship it"}),
			"System design drew you to Back-end engineer: you answered “Much rather: Write the code” to “A shop needs a cart. Which part would you rather do?”"},
		{"a side and a statement", res, step(scoring.ReasonDrew, false, rather, agreed),
			"System design drew you to Back-end engineer: you answered “Much rather: Write the code” to “A shop needs a cart. Which part would you rather do?”, and strongly agreed with “I enjoy design”."},
		{"the theme that drew most leads", res, lead(step(scoring.ReasonDrew, false, choseA)),
			"System design drew you most to Back-end engineer: you chose “Design the store”."},
		{"the first foundation", res, first(step(scoring.ReasonFoundation, false)),
			"A foundation of the Back-end engineer path: the first step, which the later ones build on."},
		{"a foundation after another", res, after(step(scoring.ReasonFoundation, false), "Learn one language, such as Go. Then more."),
			"A foundation of the Back-end engineer path: it comes after “Learn one language”."},
		{"the first foundation experience does not cover", res, done(first(step(scoring.ReasonFoundation, false))),
			"A foundation of the Back-end engineer path: the first one your experience does not cover."},
		{"a long step before is named by its start", res, after(step(scoring.ReasonEven, false), "Learn how a server processes requests by building a small API that connects a front end."),
			"Your answers on System design leaned neither way: it comes next on the Back-end engineer path, after “Learn how a server processes requests by building…”"},
		{"mild", res, after(step(scoring.ReasonMild, false), "Learn one language, such as Go. Then more."),
			"Your answers on System design leaned only a little towards Back-end developer, too little to question this step: it comes next on the Back-end engineer path, after “Learn one language”."},
		{"first after the steps experience covers", res, done(first(step(scoring.ReasonEven, false))),
			"Your answers on System design leaned neither way: it is the first step on the Back-end engineer path that your experience does not cover."},
		{"a long side is cut between words", res, step(scoring.ReasonAway, false, scoring.StepAnswer{Verb: scoring.Rather, Text: "Write the code" + strings.Repeat(" and more code", 10)}),
			"On System design you leaned towards Back-end developer: you would rather “write the code and more code and more code and more code and more code and more code and more code…”"},
		{"even", res, step(scoring.ReasonEven, false),
			"Your answers on System design leaned neither way: it keeps its place in the usual order of the Back-end engineer path."},
		{"unanswered", res, step(scoring.ReasonUnanswered, false),
			"You answered no questions on System design: it keeps its place in the usual order of the Back-end engineer path."},
		{"covered", res, step(scoring.ReasonCovered, false, scoring.StepAnswer{Question: "experience", Verb: scoring.Chose, Text: "Back-end code at work"}),
			"Your answer “Back-end code at work” says this is done."},
		{"close", balanced, step(scoring.ReasonClose, false, choseA, rather),
			"Your answers came out close to even (Back-end engineer 51%, Back-end developer 49%), and on System design you chose “Design the store”, but answered “Much rather: Write the code” to “A shop needs a cart. Which part would you rather do?”"},
		{"close, one verb", balanced, step(scoring.ReasonClose, false, choseA, choseB),
			"Your answers came out close to even (Back-end engineer 51%, Back-end developer 49%), and on System design you chose “Design the store” but also “Plan for growth”."},
		{"close, no answers on the theme", balanced, step(scoring.ReasonClose, false),
			"Your answers came out close to even (Back-end engineer 51%, Back-end developer 49%): doing both halves of one task will tell you more."},
		{"unsteady", unsteady, step(scoring.ReasonUnsteady, false, choseA),
			"Your lean to Back-end engineer is slight (a retest would give the same path only about 6 times in 10), and on System design you chose “Design the store”."},
		{"a lean without answers still says why", res, step(scoring.ReasonDrew, false),
			"Your answers on System design decided this step's place."},
	}
	for _, tt := range tests {
		if got := stepWhy(tt.res, nil, tt.step); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
}

// TestDoneNoteNamesPathsWhenBothLeaveSteps: a balanced result leaves out
// steps of both paths, whose texts can be near twins; each then names its
// path, so the note does not read as a list of duplicates.
func TestDoneNoteNamesPathsWhenBothLeaveSteps(t *testing.T) {
	t.Parallel()
	res := balancedRun().Result
	work := scoring.StepAnswer{Question: "experience", Verb: scoring.Chose, Text: "Back-end code that people use"}
	res.StepsDone = []scoring.StepAdvice{
		{Path: res.Paths[0].ID, Text: "Learn how a server processes a request.", Answers: []scoring.StepAnswer{work}},
		{Path: res.Paths[1].ID, Text: "Learn how a server processes requests by building a small API.", Answers: []scoring.StepAnswer{work}},
	}
	got := doneNote(res, func(s string) string { return s })
	for _, p := range res.Paths[:2] {
		if !strings.Contains(got, "for "+p.Name+", Learn how a server") {
			t.Errorf("the note does not name %s beside its step: %s", p.Name, got)
		}
	}
	res.StepsDone = res.StepsDone[:1]
	if got := doneNote(res, func(s string) string { return s }); strings.Contains(got, "for ") {
		t.Errorf("steps of one path name it needlessly: %s", got)
	}
}
