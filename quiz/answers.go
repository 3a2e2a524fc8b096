package quiz

// Answer is what a person answered to one question: the 0-based indexes of the
// options picked, ascending, without repeats and more than one only for PickAny.
// None means the question was skipped and counts for no path.
type Answer struct {
	Picks []int
}

// Skipped reports whether the question was left unanswered.
func (a Answer) Skipped() bool { return len(a.Picks) == 0 }

// Answers maps question ids to answers; a question not in it was skipped.
type Answers map[string]Answer

// The five points of an agreement scale and of a graded question, in
// order. Questions of these kinds get options with these ids and labels,
// so answers may name a point either by number (1–5) or by id ("agree").
var (
	ScaleIDs     = []string{"strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"}
	ScaleLabels  = []string{"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"}
	GradedIDs    = []string{"much-a", "a", "equal", "b", "much-b"}
	GradedLabels = []string{"Much rather A", "Rather A", "Both equally", "Rather B", "Much rather B"}
)
