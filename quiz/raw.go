package quiz

import (
	"cmp"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/careerquiz/careerquiz/internal/suggest"
)

// The raw form of a bank, before validation. The TOML library decodes the
// file into plain maps, and read copies them into these types, so that a
// value of the wrong type or an unknown key is an ordinary problem, reported
// with every other one, whatever layout the bank is written in. The tags are
// the bank's keys, listed nowhere else (Theme and Side are read as they are);
// a pointer is nil for a key left out.
type rawBank struct {
	Title     string        `toml:"title"`
	Intro     string        `toml:"intro"`
	Scoring   *rawScoring   `toml:"scoring"`
	Themes    []Theme       `toml:"themes"`
	Paths     []rawPath     `toml:"paths"`
	Questions []rawQuestion `toml:"questions"`
	TryBoth   []rawTryBoth  `toml:"try_both"`
}

type rawScoring struct {
	MinAnswered *float64 `toml:"min_answered"`
	Slight      *float64 `toml:"slight"`
	Moderate    *float64 `toml:"moderate"`
	Clear       *float64 `toml:"clear"`
}

type rawPath struct {
	ID      string    `toml:"id"`
	Name    string    `toml:"name"`
	Summary string    `toml:"summary"`
	Salary  []string  `toml:"salary"`
	Steps   []rawStep `toml:"steps"`
}

type rawStep struct {
	ID       string              `toml:"id"`
	Theme    string              `toml:"theme"`
	Stage    *int64              `toml:"stage"`
	Text     string              `toml:"text"`
	Basis    string              `toml:"basis"`
	SkipWhen map[string][]string `toml:"skip_when"`
}

// rawTryBoth is a try-both step: a step with no stage, for anyone.
type rawTryBoth struct {
	ID    string `toml:"id"`
	Theme string `toml:"theme"`
	Text  string `toml:"text"`
	Basis string `toml:"basis"`
}

type rawQuestion struct {
	ID      string      `toml:"id"`
	Theme   string      `toml:"theme"`
	Kind    string      `toml:"kind"`
	Scored  *bool       `toml:"scored"`
	Text    string      `toml:"text"`
	Help    string      `toml:"help"`
	Basis   string      `toml:"basis"`
	Keyed   string      `toml:"keyed"`
	Against string      `toml:"against"`
	Weight  *float64    `toml:"weight"`
	A       *Side       `toml:"a"`
	B       *Side       `toml:"b"`
	Options []rawOption `toml:"options"`
	// Impressive names the side or options that sound more impressive.
	Impressive []string `toml:"impressive"`
}

type rawOption struct {
	ID      string             `toml:"id"`
	Text    string             `toml:"text"`
	Weights map[string]float64 `toml:"weights"` // nil without the key
}

// plainTypes name the values a bank's plain keys take, for messages.
var plainTypes = map[reflect.Kind]string{reflect.String: "a string", reflect.Int64: "a whole number", reflect.Bool: "true or false"}

// table is one decoded table of the bank with, for messages, the element it
// is (nil at the top), its name as headers spell it ("questions.options")
// and its question.
type table struct {
	v    *validator
	m    map[string]any
	e    *elem
	kind string
	qid  string
}

// readBank reads the decoded document into its raw form. Questions are
// named by id in every message, so their ids are read first.
func (v *validator) readBank(doc map[string]any) *rawBank {
	v.unread = map[string]bool{}
	qs, _ := tables(doc["questions"])
	for i, m := range qs {
		id, _ := m["id"].(string)
		if !validID(id) {
			id = fmt.Sprintf("question %d", i+1)
		}
		v.qids = append(v.qids, id)
	}
	raw := &rawBank{}
	table{v: v, m: doc}.read(reflect.ValueOf(raw).Elem())
	return raw
}

// read copies the table into the struct dst, by the toml tags of its
// fields, after reporting the keys that none of them names.
func (t table) read(dst reflect.Value) {
	known := make([]string, dst.NumField())
	for i := range known {
		known[i] = dst.Type().Field(i).Tag.Get("toml")
	}
	t.unknownKeys(known)
	for i, name := range known {
		if x, ok := t.m[name]; ok {
			t.set(dst.Field(i), name, x)
		}
	}
}

// set stores x, the value of key name, in dst, or records why it cannot and
// returns false.
func (t table) set(dst reflect.Value, name string, x any) bool {
	switch typ := dst.Type(); {
	case typ.Kind() == reflect.Pointer:
		p := reflect.New(typ.Elem())
		if !t.set(p.Elem(), name, x) {
			return false
		}
		dst.Set(p)
	case typ.Kind() == reflect.Float64: // a TOML integer or float
		switch n := x.(type) {
		case float64:
			dst.SetFloat(n)
		case int64:
			if n > 1<<53 || n < -1<<53 { // beyond what a float64 holds exactly
				t.problem(name, "%d is too large to be a number exactly", n)
				return false
			}
			dst.SetFloat(float64(n))
		default:
			return t.wrongType(name, "a number", x)
		}
	case typ.Kind() == reflect.Slice && typ.Elem().Kind() == reflect.Struct:
		list, ok := tables(x)
		if !ok {
			return t.wrongType(name, "an array of tables", x)
		}
		dst.Set(reflect.MakeSlice(typ, len(list), len(list)))
		for i, m := range list {
			t.sub(name, i, m).read(dst.Index(i))
		}
	case typ.Kind() == reflect.Struct || typ.Kind() == reflect.Map:
		m, ok := x.(map[string]any)
		if !ok {
			return t.wrongType(name, "a table", x)
		}
		sub := t.sub(name, -1, m)
		if typ.Kind() == reflect.Struct {
			sub.read(dst)
			break
		}
		dst.Set(reflect.MakeMap(typ))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			item := reflect.New(typ.Elem()).Elem()
			if sub.set(item, k, m[k]) {
				dst.SetMapIndex(reflect.ValueOf(k), item)
			} else {
				// The table was read, but not whole: "has no weights"
				// would only repeat the problem just recorded.
				t.v.unread[t.e.keyOf(name)] = true
			}
		}
	case typ.Kind() == reflect.Slice:
		list, ok := x.([]any)
		if !ok || slices.ContainsFunc(list, func(s any) bool { _, ok := s.(string); return !ok }) {
			return t.wrongType(name, "an array of strings", x)
		}
		dst.Set(reflect.MakeSlice(typ, len(list), len(list)))
		for i, s := range list {
			dst.Index(i).SetString(s.(string))
		}
	default:
		// A string, a whole number or a boolean: the TOML library's own
		// types, which must match exactly.
		if reflect.TypeOf(x) != typ {
			return t.wrongType(name, plainTypes[typ.Kind()], x)
		}
		dst.Set(reflect.ValueOf(x))
	}
	return true
}

// sub is table m under key name: the i-th of its array, or with i < 0 a
// table of its own, such as [scoring], a graded question's side or weights.
func (t table) sub(name string, i int, m map[string]any) table {
	s := table{v: t.v, m: m, e: &elem{parent: t.e, array: name, i: i, table: i < 0}, kind: joinKey(t.kind, name), qid: t.qid}
	switch s.kind {
	case "questions":
		s.qid = t.v.qids[i]
	case "paths":
		s.e.id, _ = m["id"].(string)
	}
	return s
}

// tables returns x as an array of tables: [[header]] tables or, decoded as
// []any, inline ones.
func tables(x any) ([]map[string]any, bool) {
	if list, ok := x.([]map[string]any); ok {
		return list, true
	}
	l, ok := x.([]any)
	list := make([]map[string]any, len(l))
	for i, m := range l {
		if list[i], ok = m.(map[string]any); !ok {
			return nil, false
		}
	}
	return list, ok
}

// problem records a value that cannot be read, and marks its key so that
// validation does not report it again, as missing.
func (t table) problem(name, format string, args ...any) {
	t.v.errorf(t.e.keyOf(name), t.qid, t.e.fieldOf(name), format, args...)
	t.v.unread[t.e.keyOf(name)] = true
}

// wrongType records a value of another type than want.
func (t table) wrongType(name, want string, got any) bool {
	msg := fmt.Sprintf("expected %s, found %s", want, tomlTypeName(got))
	switch {
	case want == "an array of tables":
		msg += fmt.Sprintf(": write each one under its own [[%s]] header", joinKey(t.kind, name))
	case name == "weights":
		msg += ": give points per path, such as weights = { engineer = 2 }"
	case name == "skip_when":
		msg += ": give option ids by question id, such as skip_when = { experience = [\"work\"] }"
	}
	t.problem(name, "%s", msg)
	return false
}

// unknownKeys reports every key of the table that is not in known.
func (t table) unknownKeys(known []string) {
	var unknown []string
	for k := range t.m {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	slices.Sort(unknown)
	list := strings.Join(known, ", ")
	for _, k := range unknown {
		msg := fmt.Sprintf("unknown key %q (known keys: %s)", k, list)
		if s := suggest.Closest(k, known); s != "" {
			msg = fmt.Sprintf("unknown key %q: did you mean %q? (known keys: %s)", k, s, list)
		}
		t.v.errorf(t.e.keyOf(k), t.qid, t.e.fieldOf(k), "%s", msg)
	}
}

// tomlTypes name the values the TOML library decodes, for messages.
var tomlTypes = map[reflect.Type]string{
	reflect.TypeFor[string](): "a string", reflect.TypeFor[int64](): "an integer",
	reflect.TypeFor[float64](): "a number", reflect.TypeFor[bool](): "a boolean",
	reflect.TypeFor[map[string]any](): "a table", reflect.TypeFor[[]map[string]any](): "an array of tables",
	reflect.TypeFor[[]any](): "an array",
}

func tomlTypeName(v any) string { return cmp.Or(tomlTypes[reflect.TypeOf(v)], "a date or time") }
