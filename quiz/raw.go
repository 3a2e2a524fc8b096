package quiz

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/internal/suggest"
)

// The raw form of a bank as decoded from TOML, before validation. The TOML
// library decodes the file into plain maps; reading them into these types
// here, rather than letting the library fill structs, makes a value of the
// wrong type or an unknown key an ordinary problem, reported with every
// other one and placed like them, whatever layout the bank is written in.
type rawBank struct {
	Title, Intro string
	Scoring      *rawScoring
	Themes       []rawTheme
	Paths        []rawPath
	Questions    []rawQuestion
	TryBoth      []rawStep
}

type rawScoring struct {
	MinAnswered, Slight, Moderate, Clear *float64
}

type rawTheme struct {
	ID, Name, About string
}

type rawPath struct {
	ID, Name, Summary string
	Salary            []string
	Steps             []rawStep
}

type rawStep struct {
	ID, Theme, Text string
	Stage           *int64
	Basis           *string
	SkipWhen        map[string][]string
}

type rawSide struct {
	Text, Path string
}

type rawQuestion struct {
	ID, Theme, Kind, Text, Help, Basis, Keyed string
	Weight                                    *float64
	Scored                                    *bool
	A, B                                      *rawSide
	Options                                   []rawOption
}

type rawOption struct {
	ID, Text string
	// Weights is nil when the option has no weights key.
	Weights map[string]float64
}

// knownKeys are the keys each table accepts. TOML keys are case-sensitive,
// so a key matches only as written here.
var knownKeys = map[string][]string{
	"":                  {"title", "intro", "scoring", "themes", "paths", "questions", "try_both"},
	"scoring":           {"min_answered", "slight", "moderate", "clear"},
	"themes":            {"id", "name", "about"},
	"paths":             {"id", "name", "summary", "salary", "steps"},
	"paths.steps":       {"id", "theme", "stage", "text", "basis", "skip_when"},
	"try_both":          {"id", "theme", "text", "basis"},
	"questions":         {"id", "theme", "kind", "scored", "text", "help", "basis", "keyed", "weight", "a", "b", "options"},
	"questions.a":       {"text", "path"},
	"questions.b":       {"text", "path"},
	"questions.options": {"id", "text", "weights"},
}

// maxExactInt is the largest integer a float64 holds exactly.
const maxExactInt = 1 << 53

// table is one decoded table of the bank with its place: the element it is
// (nil for the top level), its kind as knownKeys names it, and the question
// it belongs to, for messages.
type table struct {
	v    *validator
	m    map[string]any
	e    *elem
	kind string
	qid  string
}

// sub returns the table's key name, which must hold a table (an inline
// table or a [header] one), or nil.
func (t table) sub(name string, e *elem) *table {
	x, ok := t.m[name]
	if !ok {
		return nil
	}
	m, ok := x.(map[string]any)
	if !ok {
		t.wrongType(name, "a table", x)
		return nil
	}
	s := table{v: t.v, m: m, e: e, kind: joinKey(t.kind, name), qid: t.qid}
	s.unknownKeys()
	return &s
}

// list returns the array of tables under name, or nil after a problem
// when it is something else.
func (t table) list(name string) []map[string]any {
	x, ok := t.m[name]
	if !ok {
		return nil
	}
	if list, ok := x.([]map[string]any); ok {
		return list
	}
	// An array of inline tables decodes as []any.
	if l, ok := x.([]any); ok && allTables(l) {
		list := make([]map[string]any, len(l))
		for i, m := range l {
			list[i] = m.(map[string]any)
		}
		return list
	}
	t.wrongType(name, "an array of tables", x)
	return nil
}

// tables calls each for every element of the array of tables under name.
func (t table) tables(name string, each func(i int, s table)) {
	for i, m := range t.list(name) {
		each(i, table{v: t.v, m: m, e: &elem{parent: t.e, array: name, i: i}, kind: joinKey(t.kind, name), qid: t.qid})
	}
}

func allTables(l []any) bool {
	for _, x := range l {
		if _, ok := x.(map[string]any); !ok {
			return false
		}
	}
	return true
}

// value returns the value of key name as a T, or nil when the table has
// no such key or, after a problem, a value of another type (want names T).
func value[T any](t table, name, want string) *T {
	x, ok := t.m[name]
	if !ok {
		return nil
	}
	v, ok := x.(T)
	if !ok {
		t.wrongType(name, want, x)
		return nil
	}
	return &v
}

func (t table) str(name string) string {
	if s := value[string](t, name, "a string"); s != nil {
		return *s
	}
	return ""
}

func (t table) strs(name string) []string {
	list := value[[]any](t, name, "an array of strings")
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(*list))
	for _, item := range *list {
		s, ok := item.(string)
		if !ok {
			t.wrongType(name, "an array of strings", *list)
			return nil
		}
		out = append(out, s)
	}
	return out
}

func (t table) number(name string) *float64 {
	x, ok := t.m[name]
	if !ok {
		return nil
	}
	f, msg := toNumber(x)
	if msg != "" {
		t.problem(name, "%s", msg)
		return nil
	}
	return &f
}

// toNumber reads a TOML integer or float as a number, or says why not.
func toNumber(x any) (float64, string) {
	switch n := x.(type) {
	case float64:
		return n, ""
	case int64:
		if n > maxExactInt || n < -maxExactInt {
			return 0, fmt.Sprintf("%d is too large to be a number exactly", n)
		}
		return float64(n), ""
	}
	return 0, "expected a number, found " + tomlTypeName(x)
}

// problem records a value that cannot be read, and marks its key so that
// validation does not report it again as missing.
func (t table) problem(name, format string, args ...any) {
	t.v.errorf(t.e.keyOf(name), t.qid, t.e.fieldOf(name), format, args...)
	t.v.unread[t.e.keyOf(name)] = true
}

func (t table) wrongType(name, want string, got any) {
	msg := fmt.Sprintf("expected %s, found %s", want, tomlTypeName(got))
	switch {
	case want == "an array of tables":
		msg += fmt.Sprintf(": write each one under its own [[%s]] header", joinKey(t.kind, name))
	case name == "weights":
		msg += ": give points per path, such as weights = { engineer = 2 }"
	}
	t.problem(name, "%s", msg)
}

// unknownKeys reports every key of the table that the bank does not know.
func (t table) unknownKeys() {
	known := knownKeys[t.kind]
	unknown := false
	for k := range t.m {
		unknown = unknown || !slices.Contains(known, k)
	}
	if !unknown {
		// Every table is checked; sorting keys is only for messages.
		return
	}
	for _, k := range slices.Sorted(maps.Keys(t.m)) {
		if slices.Contains(known, k) {
			continue
		}
		list := strings.Join(known, ", ")
		msg := fmt.Sprintf("unknown key %q (known keys: %s)", k, list)
		if s := suggest.Closest(k, known); s != "" {
			msg = fmt.Sprintf("unknown key %q: did you mean %q? (known keys: %s)", k, s, list)
		}
		field := t.e.fieldOf(k)
		if t.qid == "" {
			// Outside the questions, a key is named by its place in the
			// document, which says more than "step 2" alone.
			field = t.e.dotted(k)
		}
		t.v.errorf(t.e.keyOf(k), t.qid, field, "%s", msg)
	}
}

func tomlTypeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	}
	return "a date or time"
}

// readBank reads the decoded document into its raw form, recording a
// problem for every value of the wrong type and every unknown key.
func (v *validator) readBank(doc map[string]any) *rawBank {
	v.unread = map[string]bool{}
	top := table{v: v, m: doc}
	top.unknownKeys()
	raw := &rawBank{Title: top.str("title"), Intro: top.str("intro")}
	if s := top.sub("scoring", &elem{array: "scoring", table: true}); s != nil {
		raw.Scoring = &rawScoring{MinAnswered: s.number("min_answered"), Slight: s.number("slight"),
			Moderate: s.number("moderate"), Clear: s.number("clear")}
	}
	top.tables("themes", func(_ int, t table) {
		t.unknownKeys()
		raw.Themes = append(raw.Themes, rawTheme{ID: t.str("id"), Name: t.str("name"), About: t.str("about")})
	})
	top.tables("paths", func(_ int, t table) {
		t.e.id, _ = t.m["id"].(string)
		t.unknownKeys()
		p := rawPath{ID: t.str("id"), Name: t.str("name"), Summary: t.str("summary"), Salary: t.strs("salary")}
		t.tables("steps", func(_ int, s table) { p.Steps = append(p.Steps, readStep(s)) })
		raw.Paths = append(raw.Paths, p)
	})
	top.tables("try_both", func(_ int, s table) { raw.TryBoth = append(raw.TryBoth, readStep(s)) })

	// Questions are named by id in every message, so their ids are read
	// first, for the problems found while reading them.
	for i, m := range top.list("questions") {
		id, _ := m["id"].(string)
		if !validID(id) {
			id = fmt.Sprintf("question %d", i+1)
		}
		v.qids = append(v.qids, id)
	}
	for i, m := range top.list("questions") {
		t := table{v: v, m: m, e: &elem{array: "questions", i: i}, kind: "questions", qid: v.qids[i]}
		t.unknownKeys()
		q := rawQuestion{ID: t.str("id"), Theme: t.str("theme"), Kind: t.str("kind"), Text: t.str("text"),
			Help: t.str("help"), Basis: t.str("basis"), Keyed: t.str("keyed"), Weight: t.number("weight"),
			Scored: value[bool](t, "scored", "true or false")}
		for _, side := range []string{"a", "b"} {
			if s := t.sub(side, &elem{parent: t.e, array: side, table: true}); s != nil {
				rs := &rawSide{Text: s.str("text"), Path: s.str("path")}
				if side == "a" {
					q.A = rs
				} else {
					q.B = rs
				}
			}
		}
		t.tables("options", func(_ int, o table) {
			o.unknownKeys()
			q.Options = append(q.Options, rawOption{ID: o.str("id"), Text: o.str("text"), Weights: readWeights(o)})
		})
		raw.Questions = append(raw.Questions, q)
	}
	return raw
}

func readStep(s table) rawStep {
	s.unknownKeys()
	st := rawStep{ID: s.str("id"), Theme: s.str("theme"), Text: s.str("text"), Basis: value[string](s, "basis", "a string")}
	if s.kind == "paths.steps" {
		st.Stage = value[int64](s, "stage", "a whole number")
		if x, ok := s.m["skip_when"]; ok {
			m, isTable := x.(map[string]any)
			if !isTable {
				s.wrongType("skip_when", "a table of option ids by question id", x)
			}
			for _, qid := range slices.Sorted(maps.Keys(m)) {
				ids := table{v: s.v, m: m, e: &elem{parent: s.e, array: "skip_when", table: true}}.strs(qid)
				if st.SkipWhen == nil {
					st.SkipWhen = map[string][]string{}
				}
				st.SkipWhen[qid] = ids
			}
		}
	}
	return st
}

func readWeights(o table) map[string]float64 {
	x, ok := o.m["weights"]
	if !ok {
		return nil
	}
	m, ok := x.(map[string]any)
	if !ok {
		o.wrongType("weights", "a table", x)
		return map[string]float64{}
	}
	w := make(map[string]float64, len(m))
	for _, pid := range slices.Sorted(maps.Keys(m)) {
		f, msg := toNumber(m[pid])
		if msg != "" {
			o.v.errorf(o.e.keyOf("weights."+pid), o.qid, o.e.fieldOf(fmt.Sprintf("weight for %q", pid)), "%s", msg)
			o.v.unread[o.e.keyOf("weights")] = true
			continue
		}
		w[pid] = f
	}
	return w
}
