package scoring

import (
	"math"
	"slices"

	"github.com/careerquiz/careerquiz/quiz"
)

// Audit is the authoring report on a bank: how its questions are spread and
// how fairly it treats each path. Each check carries its threshold and
// whether the bank crossed it, and Warnings repeats every crossed check as
// facts that the check command words.
type Audit struct {
	Questions  int            `json:"questions"`
	Themes     []ThemeCount   `json:"themes"`
	Kinds      []KindCount    `json:"kinds"`
	Paths      []PathAudit    `json:"paths"`
	Spread     Spread         `json:"spread"`
	Random     Random         `json:"random"`
	Patterns   []Pattern      `json:"patterns"`
	Blind      Blind          `json:"blind"`
	Impressive Impressive     `json:"impressive"`
	Bands      Bands          `json:"bands"`
	Warnings   []AuditWarning `json:"warnings"`
}

// Check is what every check of an Audit carries: the threshold it applies
// and whether the bank crossed it (a warning) or not (ok).
type Check struct {
	Threshold float64 `json:"threshold"`
	Crossed   bool    `json:"crossed"`
}

// ThemeCount is the number of scored and of profile questions of a theme.
type ThemeCount struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Questions int    `json:"questions"`
	Unscored  int    `json:"unscored,omitempty"`
}

// KindCount is the number of questions of one kind. Audit.Kinds lists every
// kind, even when its count is 0.
type KindCount struct {
	Kind      quiz.Kind `json:"kind"`
	Questions int       `json:"questions"`
}

// PathAudit is one path's share of the bank.
type PathAudit struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Statements is the number of statements keyed to the path, Options
	// the number of other options whose highest weight goes to it alone,
	// and Most its score with every question answered in its favour.
	Statements int     `json:"statements"`
	Options    int     `json:"options"`
	Most       float64 `json:"most"`
}

// Spread checks that every path can reach a similar score: Value is
// (highest Most − lowest Most) / highest Most. Threshold 0.10.
type Spread struct {
	Value float64 `json:"value"`
	Check
}

// Random describes what people who answer every question at random (every
// option, or non-empty set of a pick-any question's options, equally
// likely) are told. The check is crossed when some path's share is further
// than Threshold from Expected.
type Random struct {
	// Method is "exact" (by the Lord–Wingersky recursion) or "sampled"
	// (with a fixed seed, for banks too large to enumerate in the budget);
	// Samples is the number of answer sets drawn, and StdErr the largest
	// standard error of a sampled share, both 0 when exact.
	Method  string  `json:"method"`
	Samples int     `json:"samples"`
	StdErr  float64 `json:"std_err"`
	// Expected is (1 − Tie)/N, a fair bank's share for each path.
	Expected float64 `json:"expected"`
	// Paths holds each path's share of random answerers; Tie is the share
	// told no path for an exact tie. They sum to 1.
	Paths []PathShare `json:"paths"`
	Tie   float64     `json:"tie"`
	// Margins is, for a bank of two paths only, the distribution of the
	// first path's percent minus the second's, ascending; more than 41
	// distinct margins are gathered onto 41 evenly spaced points.
	Margins []MarginPoint `json:"margins,omitempty"`
	Check
}

// PathShare is the share of random answerers told one path.
type PathShare struct {
	ID      string  `json:"id"`
	Share   float64 `json:"share"`
	Crossed bool    `json:"crossed"`
}

// MarginPoint is one point of a margin distribution.
type MarginPoint struct {
	Margin      float64 `json:"margin"`
	Probability float64 `json:"probability"`
}

// Pattern is where answering every question by position leads: always the
// first option, the last, or the middle one (index (n−1)/2 rounded down),
// on a pick-any question just that option. On a tie no path leads. Lean is
// the leader's percent minus the runner-up's over the largest margin the
// two could reach; the check is crossed when it exceeds Threshold.
type Pattern struct {
	Name     string        `json:"name"`
	Paths    []PathPercent `json:"paths"`
	Leader   string        `json:"leader"`
	RunnerUp string        `json:"runner_up"`
	Tie      bool          `json:"tie,omitempty"`
	Lean     float64       `json:"lean"`
	Check
}

// PathPercent is one path's percent.
type PathPercent struct {
	ID      string  `json:"id"`
	Percent float64 `json:"percent"`
}

// Blind lists the questions whose every option gives every path the same
// weight. Threshold is 0 such questions.
type Blind struct {
	Questions []string `json:"questions"`
	Check
}

// Impressive is what Score tells a person who takes the marked impressive
// side (quiz.Question.Impressive) of every question that has one (the
// milder point of a five-point question, the first marked option of a
// choice, every marked option of a pick-any) and skips the rest, whatever
// the share answered. Taking the side that sounds better is not
// preference, so a fair bank reads as balanced: the check is crossed when
// the margin reaches Threshold, the slight band for that many answers.
type Impressive struct {
	// Questions is the number of scored questions with a marked side.
	Questions int           `json:"questions"`
	Paths     []PathPercent `json:"paths"`
	Leader    string        `json:"leader"`
	RunnerUp  string        `json:"runner_up"`
	Tie       bool          `json:"tie,omitempty"`
	// Margin is the leader's percent minus the runner-up's, and Strength
	// the label Score gives it.
	Margin   float64  `json:"margin"`
	Strength Strength `json:"strength,omitempty"`
	Check
}

// AuditWarning is one crossed check, as facts for the bank's author: the
// check command words it.
type AuditWarning struct {
	// Check is "spread", "random", "pattern", "blind" or "impressive".
	Check string `json:"check"`
	// Question is the question at fault, for "blind".
	Question string `json:"question,omitempty"`
	// Path is the path the check speaks of: for "spread" the one that can
	// score most (Other the least), for "random" the one told too often or
	// too rarely, for "pattern" and "impressive" the one leaned to.
	Path    string `json:"path,omitempty"`
	Other   string `json:"other,omitempty"`
	Pattern string `json:"pattern,omitempty"`
	// Value is the figure that crossed Threshold. For "spread", Most and
	// OtherMost are the two paths' most; for "random", Expected is the
	// fair share and Paths the number of paths.
	Value     float64 `json:"value,omitempty"`
	Threshold float64 `json:"threshold,omitempty"`
	Most      float64 `json:"most,omitempty"`
	OtherMost float64 `json:"other_most,omitempty"`
	Expected  float64 `json:"expected,omitempty"`
	Paths     int     `json:"paths,omitempty"`
}

// Audit thresholds.
const (
	SpreadThreshold  = 0.10
	RandomThreshold  = 0.10
	PatternThreshold = 0.35
)

// Pattern names, in the order Audit.Patterns lists them.
const (
	AlwaysFirst  = "always-first"
	AlwaysLast   = "always-last"
	AlwaysMiddle = "always-middle"
)

// Analyze audits a bank. It costs little even for 10,000 questions, the
// random-answering distribution being sampled past a budget (see Random).
func Analyze(b *quiz.Bank) Audit {
	return analyze(b, exactBudget)
}

func analyze(b *quiz.Bank, budget float64) Audit {
	t := newTable(b)
	n := t.paths
	a := Audit{Questions: len(b.Questions)}

	for _, th := range b.Themes {
		a.Themes = append(a.Themes, ThemeCount{ID: th.ID, Name: th.Name})
	}
	kinds := []quiz.Kind{quiz.Choice, quiz.Scale, quiz.PickAny, quiz.Graded}
	for _, k := range kinds {
		a.Kinds = append(a.Kinds, KindCount{Kind: k})
	}
	most := t.most()
	a.Paths = make([]PathAudit, n)
	for p, path := range b.Paths {
		a.Paths[p] = PathAudit{ID: path.ID, Name: path.Name, Most: weight(most[p])}
	}
	for qi := range b.Questions {
		q, r := &b.Questions[qi], &t.rows[qi]
		if ti := b.ThemeIndex(q.Theme); ti >= 0 && q.Scored() {
			a.Themes[ti].Questions++
		} else if ti >= 0 {
			a.Themes[ti].Unscored++
		}
		if ki := slices.Index(kinds, q.Kind); ki >= 0 {
			a.Kinds[ki].Questions++
		}
		if q.Kind == quiz.Scale {
			if p := b.PathIndex(q.Keyed); p >= 0 {
				a.Paths[p].Statements++
			}
		} else {
			for o := range r.opts {
				if p := soleTop(r.weights(o, n)); p >= 0 {
					a.Paths[p].Options++
				}
			}
		}
		if q.Scored() && blind(r, n) {
			a.Blind.Questions = append(a.Blind.Questions, q.ID)
			a.Warnings = append(a.Warnings, AuditWarning{Check: "blind", Question: q.ID})
		}
	}
	a.Blind.Crossed = len(a.Blind.Questions) > 0

	a.Spread = spread(most)
	if a.Spread.Crossed {
		hi, lo := slices.Index(most, slices.Max(most)), slices.Index(most, slices.Min(most))
		a.Warnings = append(a.Warnings, AuditWarning{Check: "spread", Path: b.Paths[hi].ID, Other: b.Paths[lo].ID,
			Most: weight(most[hi]), OtherMost: weight(most[lo]), Value: a.Spread.Value, Threshold: a.Spread.Threshold})
	}

	a.Random = random(b, &t, most, budget)
	a.Bands, a.Impressive = impressive(b)
	if a.Impressive.Crossed {
		a.Warnings = append(a.Warnings, AuditWarning{Check: "impressive", Path: a.Impressive.Leader,
			Value: a.Impressive.Margin, Threshold: a.Impressive.Threshold})
	}
	for _, ps := range a.Random.Paths {
		if ps.Crossed {
			a.Warnings = append(a.Warnings, AuditWarning{Check: "random", Path: ps.ID, Value: ps.Share,
				Threshold: RandomThreshold, Expected: a.Random.Expected, Paths: n})
		}
	}

	for _, name := range []string{AlwaysFirst, AlwaysLast, AlwaysMiddle} {
		pt := pattern(b, &t, most, name)
		if pt.Crossed {
			a.Warnings = append(a.Warnings, AuditWarning{Check: "pattern", Pattern: name, Path: pt.Leader,
				Value: pt.Lean, Threshold: PatternThreshold})
		}
		a.Patterns = append(a.Patterns, pt)
	}
	return a
}

// soleTop returns the index that alone holds the largest value (the path
// that alone has the highest weight), or -1 when several share it.
func soleTop[T int64 | float64](w []T) int {
	top, shared := -1, false
	for p, v := range w {
		switch {
		case top < 0 || v > w[top]:
			top, shared = p, false
		case v == w[top]:
			shared = true
		}
	}
	if shared {
		return -1
	}
	return top
}

// blind reports whether every option gives every path the same weight.
func blind(r *row, n int) bool {
	for o := range r.opts {
		if w := r.weights(o, n); slices.ContainsFunc(w, func(v int64) bool { return v != w[0] }) {
			return false
		}
	}
	return true
}

func spread(most []int64) Spread {
	s := Spread{Check: Check{Threshold: SpreadThreshold}}
	if len(most) == 0 {
		return s
	}
	hi, lo := slices.Max(most), slices.Min(most)
	if hi > 0 {
		s.Value = float64(hi-lo) / float64(hi)
	}
	s.Crossed = s.Value > s.Threshold
	return s
}

// position returns the option a pattern picks on a question of k options.
func position(name string, k int) int {
	switch name {
	case AlwaysFirst:
		return 0
	case AlwaysLast:
		return k - 1
	}
	return (k - 1) / 2
}

// pattern answers every question by position and measures the lean.
func pattern(b *quiz.Bank, t *table, most []int64, name string) Pattern {
	n := t.paths
	pt := Pattern{Name: name, Check: Check{Threshold: PatternThreshold}}
	raw := make([]int64, n)
	for qi := range t.rows {
		if r := &t.rows[qi]; r.opts > 0 {
			r.addPicks(raw, position(name, r.opts))
		}
	}
	for p, path := range b.Paths {
		pt.Paths = append(pt.Paths, PathPercent{ID: path.ID, Percent: percent(raw[p], most[p])})
	}
	if n == 0 {
		return pt
	}
	top, second, tie := rank(raw, most)
	if tie {
		pt.Tie = true
		return pt
	}
	pt.Leader = b.Paths[top].ID
	if second < 0 {
		return pt
	}
	pt.RunnerUp = b.Paths[second].ID
	if reach := reach(t, most, top, second); reach > 0 {
		pt.Lean = (pt.Paths[top].Percent - pt.Paths[second].Percent) / reach
	}
	pt.Crossed = pt.Lean > pt.Threshold
	return pt
}

// reach is the largest margin, in percentage points, that path a can reach
// over path b with every question answered: per question the best option,
// or best non-empty set of a pick-any question's options.
func reach(t *table, most []int64, a, b int) float64 {
	return sumMoves(t, most, a, b, func(r *row, d []float64) float64 {
		hi, _ := answerRange(r, d)
		return hi
	})
}

// answerRange is the most and the least an answer to r adds to a move, d[o]
// being option o's: one option, or any non-empty set of a pick-any
// question's, whose best is every gain together or, with none, the least
// loss.
func answerRange(r *row, d []float64) (hi, lo float64) {
	hi, lo = slices.Max(d), slices.Min(d)
	if r.kind.Multiple() {
		var pos, neg float64
		for _, x := range d {
			pos, neg = pos+max(0, x), neg+min(0, x)
		}
		if pos > 0 {
			hi = pos
		}
		if neg < 0 {
			lo = neg
		}
	}
	return hi, lo
}

// impressive scores the answers that always take the marked impressive
// side (see Impressive), and returns the bank's bands on the way.
func impressive(b *quiz.Bank) (Bands, Impressive) {
	// However few questions are marked, the answers are judged, not withheld.
	all := *b
	all.Scoring.MinAnswered = math.SmallestNonzeroFloat64
	s := NewScorer(&all)
	im := Impressive{}
	a := quiz.Answers{}
	for _, q := range b.Questions {
		if len(q.Impressive) == 0 || !q.Scored() {
			continue
		}
		im.Questions++
		switch {
		case q.Multiple():
			a[q.ID] = quiz.Answer{Picks: slices.Clone(q.Impressive)}
		case q.DefaultPick() >= 0 && q.Impressive[0] < middle:
			a[q.ID] = quiz.Answer{Picks: []int{middle - 1}}
		case q.DefaultPick() >= 0:
			a[q.ID] = quiz.Answer{Picks: []int{middle + 1}}
		default:
			a[q.ID] = quiz.Answer{Picks: []int{q.Impressive[0]}}
		}
	}
	res := s.Verdict(a)
	for _, ps := range res.Paths {
		im.Paths = append(im.Paths, PathPercent{ID: ps.ID, Percent: ps.Percent})
	}
	im.Threshold = res.Bands.Slight
	if rec := res.Recommendation; rec != nil && im.Questions > 0 {
		im.Tie = rec.Tie
		if !rec.Tie {
			im.Leader, im.RunnerUp = rec.Path, rec.RunnerUp
			im.Margin, im.Strength = rec.Margin, rec.Strength
			im.Crossed = rec.Strength != Balanced
		}
	}
	return s.Bands(), im
}
