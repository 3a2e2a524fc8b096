package scoring

// Strength says how clearly the answers lean towards the recommended path.
type Strength string

// The strength bands, from the margin between the leading path and the
// runner-up (see quiz.Thresholds).
const (
	Balanced Strength = "balanced"
	Slight   Strength = "slight"
	Moderate Strength = "moderate"
	Clear    Strength = "clear"
)

// Result is everything the scoring engine concludes from one set of answers.
// It holds facts only (ids, codes and numbers, and the bank's own texts):
// the report package words them.
type Result struct {
	// Total is the number of scored questions in the bank; Answered,
	// Skipped and NotAsked (see ScoreAsked; 0 for Score) add up to it.
	Total    int
	Answered int
	Skipped  int
	NotAsked int
	// Paths holds each path's score, in the bank's order.
	Paths []PathScore
	// Recommendation is nil when too few questions were answered to say
	// anything; Withheld then says why, and Needed is the least number of
	// answers a recommendation takes.
	Recommendation *Recommendation
	Withheld       string
	Needed         int
	// Sided is the number of answers that took a side (see sidesTaken),
	// and NoSide the number of scored questions whose answer took none,
	// skipped ones included: Sided + NoSide + NotAsked = Total.
	// PathScore.Towards splits Sided by path.
	Sided  int
	NoSide int
	// Confidence is the chance (0–1) that a retest recommends the same
	// path, under the answering model of Scorer.confidence; 1 in N on a
	// tie, 0 without a recommendation.
	Confidence float64
	// Bands are the strength bands the result was judged by, the balanced
	// band widened for the questions answered.
	Bands Bands
	// Warnings say when the answers follow a pattern that makes the result
	// mean little.
	Warnings []Warning
	// Themes holds the per-theme breakdown, in the bank's theme order.
	Themes []ThemeScore
	// Toward lists the answers that pushed hardest towards the recommended
	// path, strongest first (at most three); Against is the strongest answer
	// the other way, or nil when none pulled away.
	Toward  []Reason
	Against *Reason
	// Steps are the recommended path's steps in the order to take them
	// (see planSteps); OtherSteps holds the first step each other path
	// would give, and StepsDone the steps the person's experience covers.
	Steps      []StepAdvice
	OtherSteps []StepAdvice
	StepsDone  []StepAdvice
	// Salary holds the recommended path's salary facts.
	Salary []string
	// Others holds each path that was not recommended.
	Others []OtherPath
}

// Why a result has no recommendation (Result.Withheld).
const (
	WithheldNoQuestions = "no-questions" // the bank has no scored questions
	WithheldFewAnswered = "few-answered" // fewer than Needed answered
	WithheldNoPoints    = "no-points"    // no answered question could give a point
)

// PathScore is one path's score over the answered questions.
type PathScore struct {
	ID   string
	Name string
	// Raw is the sum of the weights of the picked options; Most is the sum
	// over answered questions of the best each could give this path.
	Raw  float64
	Most float64
	// Percent is Raw/Most×100, or 0 when Most is 0.
	Percent float64
	// Share is the path's part of 100 (see shares): the paths' shares sum
	// to 100, in tenths.
	Share float64
	// Towards is the number of answers that took this path's side (see
	// Result.Sided).
	Towards int
}

// Recommendation names the path the answers lean towards.
type Recommendation struct {
	Path     string
	Name     string
	Strength Strength
	// Margin is the lead over the runner-up in percentage points: the
	// difference of their percents, and so of their shares.
	Margin float64
	// RunnerUp is the id of the path with the next highest percent.
	RunnerUp string
	// Tie is true when the leading paths scored exactly the same: no path
	// is recommended, the strength is balanced, and Tied lists every path
	// tied for the lead, in bank order. Path and RunnerUp then name the
	// first two of Tied for a report only; nothing may count it for Path.
	Tie  bool
	Tied []string
}

// Warning is a note that the result may mean little, as facts: the report
// words it.
type Warning struct {
	// Code is one of the Warn… codes, stable for programs.
	Code string
	// Count is the number of questions the pattern covers (for
	// few-answered, the number answered).
	Count int
	// Of is, for few-answered, the number of scored questions asked. For
	// impressive, Count is the number of marked questions on which the
	// marked side was taken, and Of the number of marked questions
	// answered.
	Of int
	// Position is, for same-position, the 1-based option picked
	// everywhere, or 0 for "the last option" on questions of different
	// lengths.
	Position int
}

// ThemeScore is the breakdown of one theme.
type ThemeScore struct {
	ID       string
	Name     string
	Answered int
	// Sided is the number of the theme's answers that took a side: a split
	// resting on fewer than two says more than it holds.
	Sided int
	Paths []PathScore
}

// Reason is one answer and how far it moved the result.
type Reason struct {
	Question string // question id
	Text     string // question text
	// Answer is the picked options' texts, joined by ", "; for a graded
	// question the text of the side taken, with Verb (Rather or
	// MuchRather) saying how strongly.
	Answer string
	Verb   AnswerVerb
	Picks  []int // the picked options, 0-based
	// Points is the answer's weight for the recommended path minus its
	// weight for the runner-up: positive pushed towards the recommendation.
	Points float64
}

// OtherPath is a path that was not recommended.
type OtherPath struct {
	ID      string
	Name    string
	Summary string
	Percent float64
	Share   float64
}
