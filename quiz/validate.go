package quiz

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits that keep a bank usable on an 80×24 terminal. Crossing them is a
// warning, not an error: the bank still works, it just looks worse.
const (
	optionWidth   = 68 // option labels beside a selection cursor must not wrap at 80 columns
	textRunes     = 3 * 76
	maxOptions    = 8
	maxWeight     = 1000
	weightDecimal = 1000 // weights are exact in thousandths
)

func (v *validator) bank(raw *rawBank) *Bank {
	b := &Bank{File: v.file, Scoring: DefaultThresholds}
	b.Title = v.text("title", "", "title", raw.Title, true)
	b.Intro = v.text("intro", "", "intro", raw.Intro, true)
	v.scoring(raw.Scoring, &b.Scoring)

	themeSeen := map[string]int{}
	for i, rt := range raw.Themes {
		key := fmt.Sprintf("themes[%d]", i)
		field := fmt.Sprintf("theme %d", i+1)
		v.id(key+".id", "", field, rt.ID, themeSeen, i)
		b.Themes = append(b.Themes, Theme{
			ID:    rt.ID,
			Name:  v.text(key+".name", "", field+": name", rt.Name, true),
			About: v.text(key+".about", "", field+": about", rt.About, false),
		})
	}
	if len(raw.Themes) == 0 {
		v.errorf("", "", "themes", "a bank needs at least one theme: add a [[themes]] table")
	}

	pathSeen := map[string]int{}
	for i, rp := range raw.Paths {
		key := fmt.Sprintf("paths[%d]", i)
		field := fmt.Sprintf("path %d", i+1)
		if rp.ID != "" {
			field = fmt.Sprintf("path %q", rp.ID)
		}
		v.id(key+".id", "", field, rp.ID, pathSeen, i)
		p := Path{
			ID:      rp.ID,
			Name:    v.text(key+".name", "", field+": name", rp.Name, true),
			Summary: v.text(key+".summary", "", field+": summary", rp.Summary, true),
			Line:    v.lines.line(key),
		}
		for j, s := range rp.Salary {
			p.Salary = append(p.Salary, v.text(fmt.Sprintf("%s.salary", key), "", fmt.Sprintf("%s: salary %d", field, j+1), s, true))
		}
		for j, rs := range rp.Steps {
			skey := fmt.Sprintf("%s.steps[%d]", key, j)
			sfield := fmt.Sprintf("%s: step %d", field, j+1)
			if _, ok := themeSeen[rs.Theme]; !ok {
				v.unknownRef(skey+".theme", "", sfield+": theme", "theme", rs.Theme, b.themeIDs())
			}
			p.Steps = append(p.Steps, Step{Theme: rs.Theme, Text: v.text(skey+".text", "", sfield+": text", rs.Text, true)})
		}
		if len(rp.Steps) == 0 {
			v.warnf(key, "", field, "no learning steps: a person told this path gets nothing to do next")
		}
		b.Paths = append(b.Paths, p)
	}
	if len(raw.Paths) < 2 {
		v.errorf("", "", "paths", "a bank needs at least two paths to compare, found %d", len(raw.Paths))
	}

	v.qids = make([]string, len(raw.Questions))
	for i, rq := range raw.Questions {
		v.qids[i] = rq.ID
		if rq.ID == "" || !idRe.MatchString(rq.ID) {
			v.qids[i] = fmt.Sprintf("question %d", i+1)
		}
	}
	qSeen := map[string]int{}
	used := map[string]int{}
	for i := range raw.Questions {
		q := v.question(b, i, &raw.Questions[i], qSeen, themeSeen, pathSeen)
		used[q.Theme]++
		b.Questions = append(b.Questions, q)
	}
	if len(raw.Questions) == 0 {
		v.errorf("", "", "questions", "a bank needs at least one question: add a [[questions]] table")
	}
	for i, t := range b.Themes {
		if used[t.ID] == 0 && t.ID != "" {
			v.warnf(fmt.Sprintf("themes[%d]", i), "", fmt.Sprintf("theme %q", t.ID), "no question uses this theme")
		}
	}
	return b
}

func (b *Bank) themeIDs() []string {
	ids := make([]string, len(b.Themes))
	for i, t := range b.Themes {
		ids[i] = t.ID
	}
	return ids
}

func (b *Bank) pathIDs() []string {
	ids := make([]string, len(b.Paths))
	for i, p := range b.Paths {
		ids[i] = p.ID
	}
	return ids
}

func (v *validator) scoring(rs *rawScoring, t *Thresholds) {
	if rs == nil {
		return
	}
	set := func(name string, p *float64, dst *float64, lo, hi float64, loOpen bool) {
		if p == nil {
			return
		}
		x := *p
		if math.IsNaN(x) || math.IsInf(x, 0) || x < lo || x > hi || (loOpen && x == lo) {
			rng := fmt.Sprintf("from %g to %g", lo, hi)
			if loOpen {
				rng = fmt.Sprintf("above %g and at most %g", lo, hi)
			}
			v.errorf("scoring."+name, "", "scoring: "+name, "%v is out of range: use a number %s", x, rng)
			return
		}
		*dst = x
	}
	set("min_answered", rs.MinAnswered, &t.MinAnswered, 0, 1, true)
	set("slight", rs.Slight, &t.Slight, 0, 100, false)
	set("moderate", rs.Moderate, &t.Moderate, 0, 100, false)
	set("clear", rs.Clear, &t.Clear, 0, 100, false)
	if !(t.Slight <= t.Moderate && t.Moderate <= t.Clear) {
		v.errorf("scoring", "", "scoring", "bands must rise: slight (%g) ≤ moderate (%g) ≤ clear (%g)", t.Slight, t.Moderate, t.Clear)
	}
}

func (v *validator) question(b *Bank, i int, rq *rawQuestion, seen, themes, paths map[string]int) Question {
	key := fmt.Sprintf("questions[%d]", i)
	qid := v.qids[i]
	q := Question{ID: rq.ID, Theme: rq.Theme, Keyed: rq.Keyed, Line: v.lines.line(key)}
	v.id(key+".id", qid, "id", rq.ID, seen, i)
	if rq.Theme == "" {
		v.errorf(key+".theme", qid, "theme", "is missing: name one of the bank's themes (%s)", strings.Join(b.themeIDs(), ", "))
	} else if _, ok := themes[rq.Theme]; !ok {
		v.unknownRef(key+".theme", qid, "theme", "theme", rq.Theme, b.themeIDs())
	}
	q.Text = v.text(key+".text", qid, "text", rq.Text, true)
	q.Help = v.text(key+".help", qid, "help", rq.Help, false)
	q.Basis = v.text(key+".basis", qid, "basis", rq.Basis, false)
	if strings.TrimSpace(rq.Basis) == "" {
		v.warnf(key, qid, "basis", "is missing: say which point of the source the question rests on")
	}
	if utf8.RuneCountInString(q.Text) > textRunes {
		v.warnf(key+".text", qid, "text", "is longer than %d characters and may not fit an 80×24 screen with its options", textRunes)
	}

	switch Kind(rq.Kind) {
	case "", Choice:
		q.Kind = Choice
	case Scale, PickAny:
		q.Kind = Kind(rq.Kind)
	default:
		v.errorf(key+".kind", qid, "kind", "unknown kind %q: use \"choice\", \"scale\" or \"pick-any\"", rq.Kind)
		return q
	}

	if q.Kind == Scale {
		v.scale(b, key, qid, rq, &q, paths)
		return q
	}
	if rq.Keyed != "" {
		v.errorf(key+".keyed", qid, "keyed", "is only for scale questions (this one is %q)", q.Kind)
	}
	if rq.Weight != nil {
		v.errorf(key+".weight", qid, "weight", "is only for scale questions: give each option its weights instead")
	}
	if len(rq.Options) < 2 {
		v.errorf(key, qid, "options", "a %s question needs at least two options, found %d", q.Kind, len(rq.Options))
	}
	if len(rq.Options) > maxOptions {
		v.warnf(key, qid, "options", "%d options will not all fit an 80×24 screen; keep to %d", len(rq.Options), maxOptions)
	}
	optSeen := map[string]int{}
	// Whether every weight was usable: when some were not, the options may
	// look alike only for that, and saying so again would be noise.
	weightsOK := true
	for j, ro := range rq.Options {
		okey := fmt.Sprintf("%s.options[%d]", key, j)
		field := fmt.Sprintf("option %d", j+1)
		if ro.ID != "" {
			v.id(okey+".id", qid, field+": id", ro.ID, optSeen, j)
		}
		o := Option{ID: ro.ID, Text: v.text(okey+".text", qid, field+": text", ro.Text, true), Weights: make([]float64, len(b.Paths))}
		if utf8.RuneCountInString(o.Text) > optionWidth {
			v.warnf(okey+".text", qid, field+": text", "is longer than %d characters and will be cut short in a terminal", optionWidth)
		}
		if len(ro.Weights) == 0 {
			weightsOK = false
			v.errorf(okey, qid, field, "has no weights: give it points for at least one path, e.g. weights = { %s = 1 }", firstOr(b.pathIDs(), "engineer"))
		}
		for _, pid := range sortedKeys(ro.Weights) {
			w := ro.Weights[pid]
			pi, ok := paths[pid]
			if !ok {
				weightsOK = false
				v.unknownRef(okey+".weights."+pid, qid, field, "path", pid, b.pathIDs())
				continue
			}
			if v.weight(okey+".weights."+pid, qid, fmt.Sprintf("%s: weight for %q", field, pid), w) {
				o.Weights[pi] = w
			} else {
				weightsOK = false
			}
		}
		q.Options = append(q.Options, o)
	}
	if weightsOK && len(q.Options) >= 2 && !canMove(q.Options) {
		v.errorf(key, qid, "options", "every option carries the same weights, so the question cannot move the result: give the options different weights")
	}
	return q
}

func (v *validator) scale(b *Bank, key, qid string, rq *rawQuestion, q *Question, paths map[string]int) {
	if len(rq.Options) > 0 {
		v.errorf(key+".options", qid, "options", "a scale question has its five points built in: remove the options, or make it kind = \"choice\"")
	}
	w := 1.0
	if rq.Weight != nil {
		if !v.weight(key+".weight", qid, "weight", *rq.Weight) {
			return
		}
		w = *rq.Weight
		if w == 0 {
			v.errorf(key+".weight", qid, "weight", "is 0, so the question cannot move the result: use a positive number")
			return
		}
	}
	ki, ok := paths[rq.Keyed]
	switch {
	case rq.Keyed == "":
		v.errorf(key, qid, "keyed", "is missing: a scale statement speaks for one path (%s)", strings.Join(b.pathIDs(), ", "))
		return
	case !ok:
		v.unknownRef(key+".keyed", qid, "keyed", "path", rq.Keyed, b.pathIDs())
		return
	}
	for p := range 5 {
		o := Option{ID: ScaleIDs[p], Text: ScaleLabels[p], Weights: make([]float64, len(b.Paths))}
		for pi := range o.Weights {
			if pi == ki {
				o.Weights[pi] = w * float64(max(0, p-2))
			} else {
				o.Weights[pi] = w * float64(max(0, 2-p))
			}
		}
		q.Options = append(q.Options, o)
	}
}

// weight checks one weight and reports whether it may be used.
func (v *validator) weight(key, qid, field string, w float64) bool {
	switch {
	case math.IsNaN(w) || math.IsInf(w, 0):
		v.errorf(key, qid, field, "%v is not a number that can be added up: use a finite number", w)
	case w < 0:
		v.errorf(key, qid, field, "%v is negative: weights are points a path gains, from 0 to %d", w, maxWeight)
	case w > maxWeight:
		v.errorf(key, qid, field, "%v is too large: use at most %d", w, maxWeight)
	case math.Abs(w*weightDecimal-math.Round(w*weightDecimal)) > 1e-6:
		v.errorf(key, qid, field, "%v has more than three decimals: round it", w)
	default:
		return true
	}
	return false
}

// canMove reports whether picking one option rather than another can change
// some path's score.
func canMove(opts []Option) bool {
	for _, o := range opts[1:] {
		for pi, w := range o.Weights {
			if w != opts[0].Weights[pi] {
				return true
			}
		}
	}
	return false
}

func (v *validator) id(key, qid, field, id string, seen map[string]int, i int) {
	switch {
	case id == "":
		v.errorf(key, qid, field, "id is missing")
	case !idRe.MatchString(id):
		v.errorf(key, qid, field, "id %q is not valid: use lowercase letters, digits, '-' and '_' (at most 64), starting with a letter or digit", id)
	default:
		if first, dup := seen[id]; dup {
			at := ""
			prev := strings.TrimSuffix(key, ".id")
			prev = prev[:strings.LastIndex(prev, "[")+1] + strconv.Itoa(first) + "]"
			if n := v.lines.line(prev); n > 0 {
				at = fmt.Sprintf(" (first used at line %d)", n)
			}
			v.errorf(key, qid, field, "duplicate id %q%s: ids must be unique", id, at)
			return
		}
		seen[id] = i
	}
}

func (v *validator) unknownRef(key, qid, field, what, got string, known []string) {
	msg := fmt.Sprintf("unknown %s %q", what, got)
	if what == "path" && strings.HasPrefix(field, "option") {
		msg = fmt.Sprintf("weight for unknown path %q", got)
	}
	if s := closest(got, known); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else if len(known) > 0 {
		msg += fmt.Sprintf(" (the bank has: %s)", strings.Join(known, ", "))
	}
	v.errorf(key, qid, field, "%s", msg)
}

// text cleans a text field and checks it is present when required.
func (v *validator) text(key, qid, field, s string, required bool) string {
	c := Clean(s)
	if c != s {
		v.warnf(key, qid, field, "control characters removed: a bank cannot drive the terminal")
	}
	if required && strings.TrimSpace(c) == "" {
		v.errorf(key, qid, field, "is empty: write the text people will see")
	}
	return strings.TrimSpace(c)
}

var indexedRe = regexp.MustCompile(`^questions\[(\d+)\](?:\.options\[(\d+)\])?\.?(.*)$`)

// describe names the question and field an indexed key belongs to.
func (v *validator) describe(key string) (question, field string) {
	m := indexedRe.FindStringSubmatch(key)
	if m == nil {
		return "", indexRe.ReplaceAllStringFunc(key, func(s string) string {
			n, _ := strconv.Atoi(strings.Trim(s, "[]"))
			return fmt.Sprintf("[%d]", n+1)
		})
	}
	qi, _ := strconv.Atoi(m[1])
	if qi < len(v.qids) {
		question = v.qids[qi]
	}
	field = m[3]
	if m[2] != "" {
		oi, _ := strconv.Atoi(m[2])
		field = strings.TrimSuffix(fmt.Sprintf("option %d: %s", oi+1, m[3]), ": ")
	}
	return question, field
}

func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		li, lj := ps[i].Line, ps[j].Line
		if li == 0 || lj == 0 {
			return li != 0 && lj == 0
		}
		return li < lj
	})
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func firstOr(s []string, def string) string {
	if len(s) > 0 {
		return s[0]
	}
	return def
}

// closest returns the candidate within two edits of s, if exactly one is
// nearest, to suggest for a typo.
func closest(s string, candidates []string) string {
	best, bestD, n := "", 3, 0
	for _, c := range candidates {
		if c != s && strings.EqualFold(c, s) {
			// "Text" for "text": a difference of case is the likeliest typo.
			return c
		}
		d := editDistance(s, c)
		switch {
		case d < bestD:
			best, bestD, n = c, d, 1
		case d == bestD:
			n++
		}
	}
	if n != 1 || best == s {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
