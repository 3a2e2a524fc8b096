package quiz

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/internal/suggest"
	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// Limits that keep a bank usable on an 80×24 terminal. Crossing them is a
// warning, not an error: the bank still works, it just looks worse.
const (
	maxStage      = 1000 // stages count from 1; the source gives four
	optionWidth   = 68   // option labels beside a selection cursor must not wrap at 80 columns
	textRunes     = 3 * 76
	maxOptions    = 8
	maxWeight     = 1000
	weightDecimal = 1000 // weights are exact in thousandths
)

// validator collects every problem of a bank, so that an author sees them
// all in one run.
type validator struct {
	file  string
	src   string
	loc   *locator // made for the first problem: a sound bank needs no lines
	errs  Problems
	warns []Problem
	qids  []string // the question ids by index, to name questions in problems
	// unread marks the keys of values that could not be read: a later
	// problem of the same key, such as "is missing", would repeat the first.
	unread map[string]bool
}

// line is the line of an indexed key, or of its nearest parent with one.
func (v *validator) line(key string) int {
	if v.loc == nil {
		v.loc = newLocator(v.src)
	}
	return v.loc.line(key)
}

func (v *validator) add(warn bool, key, question, field, format string, args ...any) {
	if v.unread[key] {
		return
	}
	p := Problem{File: v.file, Line: v.line(key), Question: question, Field: field,
		Message: fmt.Sprintf(format, args...), Warning: warn}
	if p.Line == 0 && question == "" {
		p.Line = 1 // a problem of the whole file points at its top, as linters do
	}
	if warn {
		v.warns = append(v.warns, p)
	} else {
		v.errs = append(v.errs, p)
	}
}

func (v *validator) errorf(key, question, field, format string, args ...any) {
	v.add(false, key, question, field, format, args...)
}

func (v *validator) warnf(key, question, field, format string, args ...any) {
	v.add(true, key, question, field, format, args...)
}

func (v *validator) bank(raw *rawBank) *Bank {
	b := &Bank{File: v.file, Scoring: DefaultThresholds}
	b.Title = v.text(nil, "title", "", raw.Title, true)
	b.Intro = v.text(nil, "intro", "", raw.Intro, true)
	v.scoring(raw.Scoring, &b.Scoring)

	seen := map[string]*elem{}
	for i, rt := range raw.Themes {
		te := &elem{array: "themes", i: i}
		v.id(te, "", rt.ID, seen)
		b.Themes = append(b.Themes, Theme{ID: rt.ID, Name: v.text(te, "name", "", rt.Name, true),
			About: v.text(te, "about", "", rt.About, false)})
	}
	if len(raw.Themes) == 0 {
		v.errorf("", "", "themes", "a bank needs at least one theme: add a [[themes]] table")
	}

	seen = map[string]*elem{}
	for i, rp := range raw.Paths {
		pe := &elem{array: "paths", i: i, id: rp.ID}
		v.id(pe, "", rp.ID, seen)
		p := Path{ID: rp.ID, Name: v.text(pe, "name", "", rp.Name, true), Summary: v.text(pe, "summary", "", rp.Summary, true)}
		for j, s := range rp.Salary {
			p.Salary = append(p.Salary, v.text(&elem{parent: pe, array: "salary", i: j}, "", "", s, true))
		}
		if len(rp.Steps) == 0 {
			v.warnf(pe.key(), "", pe.field(), "no learning steps: a person told this path gets nothing to do next")
		}
		b.Paths = append(b.Paths, p)
	}
	if len(raw.Paths) < 2 {
		v.errorf("paths[0]", "", "paths", "a bank needs at least two paths to compare, found %d", len(raw.Paths))
	}

	seen = map[string]*elem{}
	for i := range raw.Questions {
		b.Questions = append(b.Questions, v.question(b, i, &raw.Questions[i], seen))
	}
	if len(raw.Questions) == 0 {
		v.errorf("", "", "questions", "a bank needs at least one question: add a [[questions]] table")
	} else if !slices.ContainsFunc(b.Questions, func(q Question) bool { return q.Scored() }) {
		v.errorf("", "", "questions", "every question is unscored (scored = false), so none can recommend a path: add a scored question")
	}
	// Steps are read after the questions, whose unscored ones they may
	// name in skip_when. Step ids of paths and try-both share one space.
	seen = map[string]*elem{}
	for i, rp := range raw.Paths {
		pe := &elem{array: "paths", i: i, id: rp.ID}
		for j := range rp.Steps {
			se := &elem{parent: pe, array: "steps", i: j}
			b.Paths[i].Steps = append(b.Paths[i].Steps, v.step(b, se, &rp.Steps[j], seen))
		}
	}
	for i, rt := range raw.TryBoth {
		s := rawStep{ID: rt.ID, Theme: rt.Theme, Text: rt.Text, Basis: rt.Basis}
		b.TryBoth = append(b.TryBoth, v.step(b, &elem{array: "try_both", i: i}, &s, seen))
	}
	for i, t := range b.Themes {
		if t.ID != "" && !slices.ContainsFunc(b.Questions, func(q Question) bool { return q.Theme == t.ID }) {
			v.warnf(fmt.Sprintf("themes[%d]", i), "", fmt.Sprintf("theme %q", t.ID), "no question uses this theme")
		}
	}
	return b
}

// elem is a table of the bank: a theme, a path, a step, a question, an
// option. A problem names the key of a value in it, to find its line, and
// its field as a person reads it ("option 2: text"); both are spelled out
// only for a problem, since doing so for every value took as long as
// reading the bank.
type elem struct {
	parent *elem
	array  string // the array of tables it is an element of, or "salary"
	i      int
	id     string // a path's id, by which messages name it
	table  bool   // no array's element: [scoring], a graded question's side, weights
}

func (e *elem) key() string {
	if e == nil {
		return ""
	}
	k := joinKey(e.parent.key(), e.array)
	if e.array == "salary" || e.table { // salary facts are one array, on one line
		return k
	}
	return k + "[" + strconv.Itoa(e.i) + "]"
}

// elemNames are how messages name an element of each array; a question
// is named by its id, apart from the field, and a table by its key.
var elemNames = map[string]string{"themes": "theme", "paths": "path", "steps": "step",
	"try_both": "try_both", "salary": "salary", "options": "option"}

// field names the element in messages.
func (e *elem) field() string {
	if e == nil || e.array == "questions" {
		return ""
	}
	f := e.array
	if name, ok := elemNames[e.array]; ok {
		f = name + " " + strconv.Itoa(e.i+1)
		if e.id != "" {
			f = name + " " + strconv.Quote(e.id)
		}
	}
	return e.parent.fieldOf(f)
}

// keyOf and fieldOf name a key of the element, as keys and as messages do.
func (e *elem) keyOf(name string) string { return joinKey(e.key(), name) }

func (e *elem) fieldOf(name string) string {
	if e != nil && e.array == "weights" {
		return e.parent.fieldOf(fmt.Sprintf("weight for %q", name))
	}
	f := e.field()
	switch {
	case f == "":
		return name
	case name == "":
		return f
	}
	return f + ": " + name
}

// ids lists the valid ids of a bank's list, for messages.
func ids[T any](items []T, id func(*T) string) []string {
	var out []string
	for i := range items {
		// An id that is not valid is reported as such, and never offered
		// as one to use: it may hold anything, control characters too.
		if s := id(&items[i]); validID(s) {
			out = append(out, s)
		}
	}
	return out
}

func (b *Bank) pathIDs() []string { return ids(b.Paths, func(p *Path) string { return p.ID }) }

func (b *Bank) themeIDs() []string { return ids(b.Themes, func(t *Theme) string { return t.ID }) }

func (v *validator) scoring(rs *rawScoring, t *Thresholds) {
	if rs == nil {
		return
	}
	for _, f := range []struct {
		name   string
		p, dst *float64
		most   float64
	}{{"min_answered", rs.MinAnswered, &t.MinAnswered, 1}, {"slight", rs.Slight, &t.Slight, 100},
		{"moderate", rs.Moderate, &t.Moderate, 100}, {"clear", rs.Clear, &t.Clear, 100}} {
		switch x := f.p; {
		case x == nil:
		case f.most == 1 && !(*x > 0 && *x <= 1): // a share of the questions, of which none is no rule
			v.errorf("scoring."+f.name, "", "scoring: "+f.name, "%v is out of range: use a number above 0 and at most 1", *x)
		case !(*x >= 0 && *x <= f.most):
			v.errorf("scoring."+f.name, "", "scoring: "+f.name, "%v is out of range: use a number from 0 to %g", *x, f.most)
		default:
			*f.dst = *x
		}
	}
	t.BandsSet = rs.Slight != nil || rs.Moderate != nil || rs.Clear != nil
	if !(t.Slight <= t.Moderate && t.Moderate <= t.Clear) {
		v.errorf("scoring", "", "scoring", "bands must rise: slight (%g) ≤ moderate (%g) ≤ clear (%g)", t.Slight, t.Moderate, t.Clear)
	}
}

// ref checks that id names one of the bank's themes or paths (what); it
// returns the index, or -1 after a problem. The ids are listed only for a
// problem: ref runs for every reference of the bank.
func (v *validator) ref(b *Bank, key, qid, field, what, id string) int {
	index, known := b.ThemeIndex, b.themeIDs
	if what == "path" {
		index, known = b.PathIndex, b.pathIDs
	}
	switch i := index(id); {
	case id == "":
		v.errorf(key, qid, field, "is missing: name one of the bank's %ss (%s)", what, strings.Join(known(), ", "))
	case i < 0:
		v.unknownRef(key, qid, field, what, id, known())
	default:
		return i
	}
	return -1
}

func (v *validator) question(b *Bank, i int, rq *rawQuestion, seen map[string]*elem) Question {
	qe := &elem{array: "questions", i: i}
	qid := v.qids[i]
	q := Question{ID: rq.ID, Theme: rq.Theme, Keyed: rq.Keyed, Against: rq.Against}
	v.id(qe, qid, rq.ID, seen)
	v.ref(b, qe.keyOf("theme"), qid, "theme", "theme", rq.Theme)
	q.Text = v.text(qe, "text", qid, rq.Text, true)
	q.Help = v.text(qe, "help", qid, rq.Help, false)
	q.Basis = v.text(qe, "basis", qid, rq.Basis, false)
	if q.Basis == "" && (rq.Scored == nil || *rq.Scored) { // a profile question asks about the person
		v.warnf(qe.key(), qid, "basis", "is missing: say which point of the source the question rests on")
	}
	v.long(qe, qid, q.Text, textRunes, "may not fit an 80×24 screen with its options")

	if v.unread[qe.keyOf("kind")] {
		return q // without its kind, nothing else about the question can be judged
	}
	if q.Kind = Kind(cmp.Or(rq.Kind, string(Choice))); !slices.Contains([]Kind{Choice, Scale, PickAny, Graded}, q.Kind) {
		v.errorf(qe.keyOf("kind"), qid, "kind", "unknown kind %q: use \"choice\", \"scale\", \"graded\" or \"pick-any\"", rq.Kind)
		return q
	}
	if q.Unscored = rq.Scored != nil && !*rq.Scored; q.Unscored && q.Kind != Choice {
		v.errorf(qe.keyOf("scored"), qid, "scored", "only a choice question can be unscored (this one is %q)", q.Kind)
		return q
	}
	if q.Kind != Graded && (rq.A != nil || rq.B != nil) {
		v.errorf(qe.key(), qid, "a, b", "sides are only for graded questions: add kind = \"graded\", or give options")
	}
	if q.Kind == Scale || q.Kind == Graded {
		if len(rq.Options) > 0 {
			fix := "remove the options, or make it kind = \"choice\""
			if q.Kind == Graded {
				fix = "give its sides as a and b, and no options"
			}
			v.errorf(qe.keyOf("options"), qid, "options", "a %s question has its five points built in: %s", q.Kind, fix)
		}
		w := 1.0
		if rq.Weight != nil {
			w = *rq.Weight
			msg := weightProblem(w)
			if w == 0 {
				msg = "is 0, so the question cannot move the result: use a positive number"
			}
			if msg != "" {
				v.errorf(qe.keyOf("weight"), qid, "weight", "%s", msg)
				return q
			}
		}
		switch {
		case q.Kind == Graded:
			v.graded(b, qe, qid, rq, &q, w)
		case rq.Keyed == "":
			v.errorf(qe.keyOf("keyed"), qid, "keyed", "is missing: a scale statement speaks for one path (%s)", strings.Join(b.pathIDs(), ", "))
		default:
			// A statement is worded for one path, which agreeing takes;
			// worded as a trade, disagreeing takes the other half's path,
			// as a graded side would.
			ki, ai := v.ref(b, qe.keyOf("keyed"), qid, "keyed", "path", rq.Keyed), -1
			if rq.Against != "" {
				if ai = v.ref(b, qe.keyOf("against"), qid, "against", "path", rq.Against); ai >= 0 && ai == ki {
					v.errorf(qe.keyOf("against"), qid, "against", "is the path the statement is keyed to: name the path its other half speaks for")
					ai = -1
				}
			}
			if ki >= 0 {
				q.Options = fivePoints(len(b.Paths), ScaleIDs, ScaleLabels, w, ai, ki)
			}
		}
	} else {
		v.notScale(qe, qid, rq, fmt.Sprintf(" (this one is %q)", q.Kind))
		if rq.Weight != nil {
			v.errorf(qe.keyOf("weight"), qid, "weight", "is only for scale and graded questions: give each option its weights instead")
		}
		v.options(b, qe, qid, rq, &q)
	}
	v.impressive(qe, qid, rq, &q)
	return q
}

// sideNames are the sides a five-point question may mark as impressive, and
// the points each one covers.
var sideNames = map[Kind]map[string][]int{
	Graded: {"a": {0, 1}, "b": {3, 4}},
	Scale:  {"disagree": {0, 1}, "agree": {3, 4}},
}

// impressive checks the side or options a question marks as sounding more
// impressive, and records them by option index.
func (v *validator) impressive(qe *elem, qid string, rq *rawQuestion, q *Question) {
	marks := rq.Impressive
	if marks == nil {
		return
	}
	key := qe.keyOf("impressive")
	sides := sideNames[q.Kind]
	switch {
	case q.Unscored:
		v.errorf(key, qid, "impressive", "an unscored question counts for no path, so no side of it can lean: remove impressive")
		return
	case len(marks) == 0:
		v.errorf(key, qid, "impressive", "is empty: name the side that sounds more impressive, or remove the key")
		return
	case sides != nil && len(marks) > 1:
		v.errorf(key, qid, "impressive", "names %d sides: a %s question marks the one side that sounds more impressive", len(marks), q.Kind)
		return
	case sides != nil:
		names := slices.Sorted(maps.Keys(sides))
		if pts, ok := sides[marks[0]]; ok {
			q.Impressive = pts
		} else {
			v.errorf(key, qid, "impressive", "unknown side %q: a %s question marks %q or %q", marks[0], q.Kind, names[0], names[1])
		}
		return
	}
	if i := slices.IndexFunc(q.Options, func(o Option) bool { return o.ID == "" }); i >= 0 {
		v.errorf(key, qid, "impressive", "option %d has no id: give the options ids for impressive to name", i+1)
		return
	}
	var picks []int
	for _, id := range marks {
		switch o := q.OptionIndex(id); {
		case o < 0:
			v.unknownRef(key, qid, "impressive", "option", id, ids(q.Options, func(o *Option) string { return o.ID }))
			return
		case slices.Contains(picks, o):
			v.errorf(key, qid, "impressive", "names option %q twice", id)
			return
		default:
			picks = append(picks, o)
		}
	}
	if len(picks) == len(q.Options) {
		v.errorf(key, qid, "impressive", "marks every option, so it tells nothing: mark only the options that sound more impressive")
		return
	}
	q.Impressive = slices.Sorted(slices.Values(picks))
}

// options checks the options of a choice or pick-any question.
func (v *validator) options(b *Bank, qe *elem, qid string, rq *rawQuestion, q *Question) {
	if len(rq.Options) < 2 {
		v.errorf(qe.keyOf("options"), qid, "options", "a %s question needs at least two options, found %d", q.Kind, len(rq.Options))
	}
	if len(rq.Options) > maxOptions {
		v.warnf(qe.key(), qid, "options", "%d options will not all fit an 80×24 screen; keep to %d", len(rq.Options), maxOptions)
	}
	seen := map[string]*elem{}
	// When some weight was unusable, the options may look alike only for
	// that, and saying so would be noise.
	weightsOK := true
	n := len(b.Paths) // the options' weights share one backing array
	weights := make([]float64, len(rq.Options)*n)
	for j, ro := range rq.Options {
		oe := &elem{parent: qe, array: "options", i: j}
		if ro.ID == answerSkip {
			v.errorf(oe.keyOf("id"), qid, oe.fieldOf("id"), "id \"skip\" is reserved for skipping a question: choose another")
		} else if ro.ID != "" {
			v.id(oe, qid, ro.ID, seen)
		}
		o := Option{ID: ro.ID, Text: v.text(oe, "text", qid, ro.Text, true), Weights: weights[j*n : (j+1)*n : (j+1)*n]}
		v.long(oe, qid, o.Text, optionWidth, "will be cut short in a terminal")
		q.Options = append(q.Options, o)
		if q.Unscored {
			if ro.ID == "" {
				v.errorf(oe.key(), qid, oe.field(), "has no id: every option of an unscored question needs one, for steps to name in skip_when")
			}
			if ro.Weights != nil {
				v.errorf(oe.keyOf("weights"), qid, oe.fieldOf("weights"), "an unscored question counts for no path: remove the weights, or remove scored = false")
			}
			continue
		}
		if len(ro.Weights) == 0 {
			weightsOK = false
			v.errorf(oe.keyOf("weights"), qid, oe.field(), "has no weights: give it points for at least one path, e.g. weights = { %s = 1 }", firstOr(b.pathIDs(), "engineer"))
		}
		for _, pid := range slices.Sorted(maps.Keys(ro.Weights)) {
			switch pi, msg := b.PathIndex(pid), weightProblem(ro.Weights[pid]); {
			case pi < 0:
				v.unknownRef(oe.keyOf("weights."+pid), qid, oe.field(), "path", pid, b.pathIDs())
			case msg != "":
				v.errorf(oe.keyOf("weights."+pid), qid, oe.fieldOf(fmt.Sprintf("weight for %q", pid)), "%s", msg)
			default:
				o.Weights[pi] = ro.Weights[pid]
				continue
			}
			weightsOK = false
		}
	}
	canMove := slices.ContainsFunc(q.Options, func(o Option) bool { return !slices.Equal(o.Weights, q.Options[0].Weights) })
	if weightsOK && !q.Unscored && len(q.Options) >= 2 && !canMove {
		v.errorf(qe.key(), qid, "options", "every option carries the same weights, so the question cannot move the result: give the options different weights")
	}
}

// graded checks a graded question's two sides and expands them into its
// five points, side A below the middle and side B above it.
func (v *validator) graded(b *Bank, qe *elem, qid string, rq *rawQuestion, q *Question, w float64) {
	v.notScale(qe, qid, rq, ": a graded question names a path on each side, a and b")
	idx := [2]int{-1, -1}
	for i, side := range []*Side{rq.A, rq.B} {
		name := string(rune('a' + i))
		if side == nil {
			v.errorf(qe.keyOf(name), qid, name, "is missing: a graded question needs both sides, such as %s = { text = \"…\", path = %q }", name, firstOr(b.pathIDs(), "engineer"))
			continue
		}
		se := &elem{parent: qe, array: name, table: true}
		text := v.text(se, "text", qid, side.Text, true)
		v.long(se, qid, text, textRunes, "may not fit an 80×24 screen")
		q.Sides = append(q.Sides, Side{Text: text, Path: side.Path})
		idx[i] = v.ref(b, se.keyOf("path"), qid, name+": path", "path", side.Path)
	}
	switch {
	case idx[0] < 0 || idx[1] < 0:
	case idx[0] == idx[1]:
		v.errorf(qe.keyOf("b.path"), qid, "b: path", "is %q, as for a: the two sides must speak for different paths", rq.B.Path)
	default:
		q.Options = fivePoints(len(b.Paths), GradedIDs, GradedLabels, w, idx[0], idx[1])
	}
}

// notScale reports the keys only a scale statement takes on a question of
// another kind; why ends each message.
func (v *validator) notScale(qe *elem, qid string, rq *rawQuestion, why string) {
	for _, k := range []struct{ key, val string }{{"keyed", rq.Keyed}, {"against", rq.Against}} {
		if k.val != "" {
			v.errorf(qe.keyOf(k.key), qid, k.key, "is only for scale questions%s", why)
		}
	}
}

// fivePoints builds the five options of a scale or graded question over n
// paths: point p (from 1) gives path low w×max(0, 3−p), unless low is -1,
// and path high w×max(0, p−3). The options' weights share one array.
func fivePoints(n int, ids, labels []string, w float64, low, high int) []Option {
	weights := make([]float64, 5*n)
	opts := make([]Option, 5)
	for p := range opts {
		opts[p] = Option{ID: ids[p], Text: labels[p], Weights: weights[p*n : (p+1)*n : (p+1)*n]}
		opts[p].Weights[high] = w * float64(max(0, p-2))
		if low >= 0 {
			opts[p].Weights[low] = w * float64(max(0, 2-p))
		}
	}
	return opts
}

// step checks a learning step of a path or, without a stage, a try-both
// step.
func (v *validator) step(b *Bank, se *elem, rs *rawStep, seen map[string]*elem) Step {
	s := Step{ID: rs.ID, Theme: rs.Theme}
	name := se.field()
	if v.id(se, "", rs.ID, seen) {
		name = "step " + strconv.Quote(rs.ID)
	}
	v.ref(b, se.keyOf("theme"), "", se.fieldOf("theme"), "theme", rs.Theme)
	s.Text = v.text(se, "text", "", rs.Text, true)
	s.Basis = v.text(se, "basis", "", rs.Basis, false)
	if s.Basis == "" {
		v.warnf(se.key(), "", name, "no basis: say which point of the source the step rests on")
	}
	if se.array == "try_both" {
		return s
	}
	switch {
	case rs.Stage == nil:
		v.errorf(se.keyOf("stage"), "", se.fieldOf("stage"), "is missing: give the stage the step belongs to, from 1 (a first language) to 4 (cloud, security and system design)")
	case *rs.Stage < 1 || *rs.Stage > maxStage:
		v.errorf(se.keyOf("stage"), "", se.fieldOf("stage"), "%d is out of range: use a whole number from 1 (a first language) up", *rs.Stage)
	default:
		s.Stage = int(*rs.Stage)
	}
	var unscored []string
	if len(rs.SkipWhen) > 0 {
		unscored = ids(b.Questions, func(q *Question) string {
			if q.Scored() {
				return ""
			}
			return q.ID
		})
	}
	for _, qid := range slices.Sorted(maps.Keys(rs.SkipWhen)) {
		key, field := se.keyOf("skip_when."+qid), se.fieldOf("skip_when")
		qi := b.QuestionIndex(qid)
		switch {
		case qi < 0:
			v.unknownRef(key, "", field, "unscored question", qid, unscored)
			continue
		case b.Questions[qi].Scored():
			v.errorf(key, "", field, "question %q counts for the paths: skip_when names only unscored questions (%s)", qid, strings.Join(unscored, ", "))
			continue
		case v.unread[(&elem{array: "questions", i: qi}).keyOf("options")]:
			continue // its options could not be read, which was reported
		}
		opts := ids(b.Questions[qi].Options, func(o *Option) string { return o.ID })
		for _, oid := range rs.SkipWhen[qid] {
			if !slices.Contains(opts, oid) {
				v.unknownRef(key, "", field, fmt.Sprintf("option of question %q:", qid), oid, opts)
			}
		}
		if s.SkipWhen == nil {
			s.SkipWhen = map[string][]string{}
		}
		s.SkipWhen[qid] = rs.SkipWhen[qid]
	}
	return s
}

// weightProblem says what is wrong with a weight, or "" when it may be used.
func weightProblem(w float64) string {
	switch {
	case math.IsNaN(w) || math.IsInf(w, 0):
		return fmt.Sprintf("%v is not a number that can be added up: use a finite number", w)
	case w < 0:
		return fmt.Sprintf("%v is negative: weights are points a path gains, from 0 to %d", w, maxWeight)
	case w > maxWeight:
		return fmt.Sprintf("%v is too large: use at most %d", w, maxWeight)
	case w > 0 && w < 1.0/weightDecimal, // 1e-300 passes the second test, which is relative to 1
		math.Abs(w*weightDecimal-math.Round(w*weightDecimal)) > 1e-6:
		return fmt.Sprintf("%v has more than three decimals: round it", w)
	}
	return ""
}

// id checks the id of element e (whose question is qid, if any) and notes
// it in seen; it reports whether the id is good.
func (v *validator) id(e *elem, qid, id string, seen map[string]*elem) bool {
	key, field := e.keyOf("id"), e.fieldOf("id")
	switch first, dup := seen[id]; {
	case id == "":
		v.errorf(key, qid, field, "is missing: give it an id of lowercase letters, digits, '-' and '_'")
	case !validID(id):
		v.errorf(key, qid, field, "%q is not valid: use lowercase letters, digits, '-' and '_' (at most 64), starting with a letter or digit", id)
	case dup:
		at := ""
		if n := v.line(first.key()); n > 0 {
			at = fmt.Sprintf(" (first used at line %d)", n)
		}
		v.errorf(key, qid, field, "duplicate id %q%s: ids must be unique", id, at)
	default:
		seen[id] = e
		return true
	}
	return false
}

func (v *validator) unknownRef(key, qid, field, what, got string, known []string) {
	msg := fmt.Sprintf("unknown %s %q", what, got)
	if what == "path" && strings.HasPrefix(field, "option") {
		msg = fmt.Sprintf("weight for unknown path %q", got)
	}
	if s := suggest.Closest(got, known); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else if len(known) > 0 {
		msg += fmt.Sprintf(" (the bank has: %s)", strings.Join(known, ", "))
	}
	v.errorf(key, qid, field, "%s", msg)
}

// text cleans the text of key name of element e and checks it is present
// when required.
func (v *validator) text(e *elem, name, qid, s string, required bool) string {
	c := termsafe.Clean(s)
	if c != s {
		v.warnf(e.keyOf(name), qid, e.fieldOf(name), "control characters removed: a bank cannot drive the terminal")
	}
	if required && strings.TrimSpace(c) == "" {
		v.errorf(e.keyOf(name), qid, e.fieldOf(name), "is empty: write the text people will see")
	}
	return strings.TrimSpace(c)
}

// long warns when the text of element e is longer than most characters, and
// says what then happens.
func (v *validator) long(e *elem, qid, text string, most int, then string) {
	if utf8.RuneCountInString(text) > most {
		v.warnf(e.keyOf("text"), qid, e.fieldOf("text"), "is longer than %d characters and %s", most, then)
	}
}

// validID reports whether id is an id as banks write them: lowercase
// letters, digits, '-' and '_', at most 64, starting with a letter or digit.
func validID(id string) bool {
	if len(id) == 0 || len(id) > 64 || id[0] == '-' || id[0] == '_' {
		return false
	}
	return strings.Trim(id, "abcdefghijklmnopqrstuvwxyz0123456789-_") == ""
}

func firstOr(s []string, def string) string {
	if len(s) > 0 {
		return s[0]
	}
	return def
}
