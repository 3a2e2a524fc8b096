package quiz

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// MaxSize is the largest bank file the loader reads. A bank is a text file
// a person edits; anything larger is a mistake, and refusing it before
// reading keeps a wrong path (a disk image, /dev/zero) from eating memory.
const MaxSize = 16 << 20

// ErrTooLarge is wrapped by the error for a file over MaxSize.
var ErrTooLarge = errors.New("file is larger than 16 MiB")

// SyntaxError is a bank that is not valid TOML, or whose values have the
// wrong type. Its message reads `questions.toml:14:7: expected value…`,
// followed by the source line and a caret under the place.
type SyntaxError struct {
	File    string
	Line    int
	Col     int // 0 when only the line is known
	Message string
	// Source is the offending line, with tabs expanded; empty when unknown.
	Source string
	Err    error
	// caret is 1 + where, in Source as shown, the caret goes; 0 when
	// not worked out, and the caret then goes under column Col.
	caret int
}

func (e *SyntaxError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d", e.File, e.Line)
	if e.Col > 0 {
		fmt.Fprintf(&b, ":%d", e.Col)
	}
	fmt.Fprintf(&b, ": %s", e.Message)
	if e.Source != "" {
		fmt.Fprintf(&b, "\n%6d | %s", e.Line, e.Source)
		if e.Col > 0 {
			at := e.Col - 1
			if e.caret > 0 {
				at = e.caret - 1
			}
			fmt.Fprintf(&b, "\n%6s | %s^", "", strings.Repeat(" ", at))
		}
	}
	return b.String()
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Load reads and parses the bank file at path.
func Load(path string) (*Bank, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// checkText refuses data too large to be a file a person edits, or not
// UTF-8, before any decoding; what names the kind of file in the message.
func checkText(file string, data []byte, what string) error {
	if len(data) > MaxSize {
		return fmt.Errorf("%s: %w", file, ErrTooLarge)
	}
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		return &SyntaxError{File: file, Line: line, Col: col,
			Message: "invalid UTF-8: " + what + " must be saved as UTF-8 text"}
	}
	return nil
}

// ReadFile reads a bank or answers file. A file over MaxSize is refused
// before it is read when its size is known, and while it is read otherwise
// (a pipe, /dev/zero), so a wrong path cannot eat memory. Errors lead with
// the path, once.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s: is a folder, not a file", path)
		}
		if st.Size() > MaxSize {
			return nil, fmt.Errorf("%s: %w (%d bytes)", path, ErrTooLarge, st.Size())
		}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	return data, nil
}

// unwrapPathError drops the *os.PathError layer, whose message would repeat
// the file name we already lead with, while keeping errors.Is working.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// The raw form of a bank as decoded from TOML, before validation.
type rawBank struct {
	Title     string        `toml:"title"`
	Intro     string        `toml:"intro"`
	Scoring   *rawScoring   `toml:"scoring"`
	Themes    []rawTheme    `toml:"themes"`
	Paths     []rawPath     `toml:"paths"`
	Questions []rawQuestion `toml:"questions"`
	TryBoth   []rawStep     `toml:"try_both"`
}

type rawScoring struct {
	MinAnswered *float64 `toml:"min_answered"`
	Slight      *float64 `toml:"slight"`
	Moderate    *float64 `toml:"moderate"`
	Clear       *float64 `toml:"clear"`
}

type rawTheme struct {
	ID    string `toml:"id"`
	Name  string `toml:"name"`
	About string `toml:"about"`
}

type rawPath struct {
	ID      string    `toml:"id"`
	Name    string    `toml:"name"`
	Summary string    `toml:"summary"`
	Salary  []string  `toml:"salary"`
	Steps   []rawStep `toml:"steps"`
}

type rawStep struct {
	ID       string      `toml:"id"`
	Theme    string      `toml:"theme"`
	Stage    *int64      `toml:"stage"`
	Text     string      `toml:"text"`
	Basis    *string     `toml:"basis"`
	SkipWhen rawSkipWhen `toml:"skip_when"`
}

type rawSide struct {
	Text string `toml:"text"`
	Path string `toml:"path"`
}

type rawQuestion struct {
	ID      string      `toml:"id"`
	Theme   string      `toml:"theme"`
	Kind    string      `toml:"kind"`
	Text    string      `toml:"text"`
	Help    string      `toml:"help"`
	Basis   string      `toml:"basis"`
	Keyed   string      `toml:"keyed"`
	Weight  *float64    `toml:"weight"`
	Scored  *bool       `toml:"scored"`
	A       *rawSide    `toml:"a"`
	B       *rawSide    `toml:"b"`
	Options []rawOption `toml:"options"`
}

type rawOption struct {
	ID      string     `toml:"id"`
	Text    string     `toml:"text"`
	Weights rawWeights `toml:"weights"`
}

// rawWeights are an option's points per path id. They decode themselves
// because the TOML decoder silently drops a value that is not a table where
// a map is expected, so `weights = 2` would read as no weights at all.
type rawWeights map[string]float64

func (w *rawWeights) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("expected a table, found %s", tomlTypeName(v))
	}
	*w = make(rawWeights, len(m))
	for k, x := range m {
		switch n := x.(type) {
		case float64:
			(*w)[k] = n
		case int64:
			if n > maxExactInt || n < -maxExactInt {
				return fmt.Errorf("%d is too large to be a number exactly", n)
			}
			(*w)[k] = float64(n)
		default:
			return fmt.Errorf("expected a number, found %s", tomlTypeName(x))
		}
	}
	return nil
}

// rawSkipWhen is a step's skip_when: option ids by question id. It decodes
// itself for the reason rawWeights does.
type rawSkipWhen map[string][]string

func (s *rawSkipWhen) UnmarshalTOML(v any) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("expected a table, found %s", tomlTypeName(v))
	}
	*s = make(rawSkipWhen, len(m))
	for k, x := range m {
		list, ok := x.([]any)
		if !ok {
			return fmt.Errorf("expected a list of option ids, found %s", tomlTypeName(x))
		}
		for _, id := range list {
			str, ok := id.(string)
			if !ok {
				return fmt.Errorf("expected an option id, found %s", tomlTypeName(id))
			}
			(*s)[k] = append((*s)[k], str)
		}
	}
	return nil
}

// The keys each table accepts. TOML keys are case-sensitive, so a key
// matches only as written here (the decoder alone would also accept "Text").
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

// Parse decodes and validates a bank. file names the bank in messages.
//
// It returns a *SyntaxError for input that is not TOML or has values of the
// wrong type, and Problems listing every error of meaning at once. A bank
// with only warnings loads; its warnings are in Bank.Warnings.
func Parse(file string, data []byte) (*Bank, error) {
	if err := checkText(file, data, "a bank"); err != nil {
		return nil, err
	}
	src := string(data)
	v := &validator{file: file, src: src}
	lines, deep := scanBank(src)
	if deep != nil {
		return nil, newSyntaxError(file, src, deep.line, deep.col,
			fmt.Sprintf("nested more than %d levels deep (a bank needs six at most)", maxKeyNesting), nil)
	}
	raw := &rawBank{}
	md, err := toml.Decode(src, raw)
	if err != nil {
		return nil, decodeError(file, src, lines, err)
	}
	v.lines = lines
	keys := md.Keys()
	b := v.bank(raw)
	v.unknownKeys(keys)
	sortProblems(v.errs)
	sortProblems(v.warns)
	sum := sha256.Sum256(data)
	b.SHA256 = hex.EncodeToString(sum[:])
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	b.Warnings = v.warns
	return b, nil
}

func firstInvalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col += size
		}
		data = data[size:]
	}
	return line, col
}

func newSyntaxError(file, src string, line, col int, msg string, err error) *SyntaxError {
	e := &SyntaxError{File: file, Line: line, Col: col, Message: msg, Err: err}
	if line < 1 {
		return e
	}
	text := strings.SplitN(src, "\n", line+1)
	if line > len(text) {
		return e
	}
	raw := strings.TrimRight(text[line-1], "\r")
	e.Source = displayLine(raw)
	if col > len(raw)+1 {
		// The decoder can point past the end of a line; the end is as near
		// as the caret can show.
		e.Col = len(raw) + 1
	}
	if col > 0 {
		// The caret goes under the same character however the line's tabs,
		// multi-byte and removed characters shift it on screen.
		e.caret = 1 + utf8.RuneCountInString(displayLine(raw[:min(col-1, len(raw))]))
	}
	e.Source, e.caret = excerpt(e.Source, e.caret)
	return e
}

// excerptWidth is the most of a source line an error shows: enough for any
// line a person writes, while a generated line of megabytes (a value nested
// thousands deep) shows only the stretch around the fault.
const excerptWidth = 160

// excerpt cuts line to excerptWidth characters around the caret (1-based;
// 0 for none), marking each cut with "…", and returns where the caret
// now goes.
func excerpt(line string, caret int) (string, int) {
	rs := []rune(line)
	if len(rs) <= excerptWidth {
		return line, caret
	}
	start := 0
	if caret > excerptWidth/2 {
		start = min(caret-1-excerptWidth/2, len(rs)-excerptWidth)
	}
	end := start + excerptWidth
	out := string(rs[start:end])
	if start > 0 {
		out = "…" + out
		if caret > 0 {
			caret = caret - start + 1
		}
	}
	if end < len(rs) {
		out += "…"
	}
	return out, caret
}

// sourceLine is line n (1-based) of src as it can be shown safely, or ""
// when src has no such line.
func sourceLine(src string, n int) string {
	return newSyntaxError("", src, n, 0, "", nil).Source
}

// displayLine is a line of the bank as it can be shown safely.
func displayLine(s string) string {
	return Clean(strings.ReplaceAll(s, "\t", "    "))
}

// decodeError turns an error of the TOML decoder into a *SyntaxError that
// names the place. Type errors in particular are located again here: the
// decoder names only the last key without array indexes, and gives the line
// of the key's last use in the file, which for a mistake in the third of
// thirty questions is the wrong question.
func decodeError(file, src string, lines keyLines, err error) error {
	var doc map[string]any
	if _, perr := toml.Decode(src, &doc); perr == nil {
		if m, ok := firstTypeMismatch(doc, lines); ok {
			v := &validator{file: file, lines: lines, qids: questionIDs(doc)}
			q, field := v.describe(m.key)
			// Said as a Problem says it, less the file, which leads anyway.
			msg := strings.TrimPrefix(Problem{Question: q, Field: field, Message: m.message()}.Error(), ": ")
			return newSyntaxError(file, src, lines.line(m.key), 0, msg, err)
		}
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return newSyntaxError(file, src, pe.Position.Line, pe.Position.Col, pe.Message, err)
	}
	if m := typeErrRe().FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		key, uerr := strconv.Unquote(`"` + m[2] + `"`)
		if uerr != nil {
			key = m[2]
		}
		msg := m[3]
		if tm := badTypeRe().FindStringSubmatch(msg); tm != nil {
			msg = fmt.Sprintf("expected %s, found %s", typeName(tm[2]), typeName(tm[1]))
		}
		return newSyntaxError(file, src, line, 0, key+": "+msg, err)
	}
	return fmt.Errorf("%s: %w", file, err)
}

// typeErrRe and badTypeRe match the decoder's type errors, which are plain
// errors that carry the line and key only in their text. They are compiled
// on the first such error rather than as every run starts.
var (
	typeErrRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "((?:[^"\\]|\\.)*)"\): (.*)$`)
	})
	badTypeRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`TOML value has type (.+); destination has type (.+)$`)
	})
)

// typeName names a type, as the decoder spells it, the way an author
// knows it.
func typeName(t string) string {
	switch t {
	case "string":
		return "a string"
	case "int64", "integer":
		return "an integer"
	case "float64", "float":
		return "a number"
	case "bool", "boolean":
		return "a boolean"
	case "map", "map[string]any":
		return "a table"
	case "slice", "[]any":
		return "an array"
	case "[]map[string]any":
		return "an array of tables"
	}
	if strings.HasPrefix(t, "time.") || strings.HasPrefix(t, "toml.") {
		return "a date or time"
	}
	return t
}

// typeMismatch is a value whose TOML type does not fit the bank's shape.
type typeMismatch struct {
	key  string // indexed, as keyLines names keys
	want string
	got  any
}

func (m typeMismatch) message() string {
	if n, ok := m.got.(int64); ok && m.want == "a number" {
		return fmt.Sprintf("%d is too large to be a number exactly", n)
	}
	msg := fmt.Sprintf("expected %s, found %s", m.want, tomlTypeName(m.got))
	_, table := m.got.(map[string]any)
	switch {
	case table && m.want == "an array of tables":
		msg += fmt.Sprintf(": write each one under its own [[%s]] header", stripIndexes(m.key))
	case strings.HasSuffix(m.key, ".weights"):
		msg += ": give points per path, such as weights = { engineer = 2 }"
	}
	return msg
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

// maxExactInt is the largest integer a float64 holds exactly; the decoder
// refuses larger integers for number fields.
const maxExactInt = 1 << 53

// firstTypeMismatch walks a decoded document against the shape of rawBank
// and returns the mismatch written first in the file.
func firstTypeMismatch(doc map[string]any, lines keyLines) (typeMismatch, bool) {
	var best typeMismatch
	bestLine, found := 0, false
	walkTypes(doc, reflect.TypeFor[rawBank](), "", func(m typeMismatch) {
		n := lines.line(m.key)
		if n == 0 {
			n = math.MaxInt
		}
		if !found || n < bestLine {
			best, bestLine, found = m, n, true
		}
	})
	return best, found
}

func walkTypes(v any, t reflect.Type, key string, report func(typeMismatch)) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			report(typeMismatch{key, "a table", v})
			return
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if f, ok := fieldFor(t, k); ok {
				walkTypes(m[k], f.Type, joinKey(key, k), report)
			}
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			report(typeMismatch{key, "a table", v})
			return
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			walkTypes(m[k], t.Elem(), joinKey(key, k), report)
		}
	case reflect.Slice:
		rv := reflect.ValueOf(v)
		if rv.Kind() != reflect.Slice {
			want := "an array"
			if t.Elem().Kind() == reflect.Struct {
				want = "an array of tables"
			}
			report(typeMismatch{key, want, v})
			return
		}
		for i := range rv.Len() {
			walkTypes(rv.Index(i).Interface(), t.Elem(), fmt.Sprintf("%s[%d]", key, i), report)
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			report(typeMismatch{key, "a string", v})
		}
	case reflect.Float64:
		switch n := v.(type) {
		case float64:
		case int64:
			if n > maxExactInt || n < -maxExactInt {
				report(typeMismatch{key, "a number", v})
			}
		default:
			report(typeMismatch{key, "a number", v})
		}
	case reflect.Int64:
		if _, ok := v.(int64); !ok {
			report(typeMismatch{key, "an integer", v})
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			report(typeMismatch{key, "a boolean", v})
		}
	}
}

// fieldFor finds the field a TOML key decodes into: the decoder matches the
// tag exactly or, failing that, in any case.
func fieldFor(t reflect.Type, key string) (reflect.StructField, bool) {
	var fold reflect.StructField
	folded := false
	for i := range t.NumField() {
		f := t.Field(i)
		name := f.Tag.Get("toml")
		if name == key {
			return f, true
		}
		if !folded && strings.EqualFold(name, key) {
			fold, folded = f, true
		}
	}
	return fold, folded
}

// questionIDs reads the question ids of a decoded document, to name
// questions in type errors as validation names them.
func questionIDs(doc map[string]any) []string {
	qs, _ := doc["questions"].([]map[string]any)
	ids := make([]string, len(qs))
	for i, q := range qs {
		id, _ := q["id"].(string)
		if !validID(id) {
			id = fmt.Sprintf("question %d", i+1)
		}
		ids[i] = id
	}
	return ids
}

// validator collects every problem of a bank, so that an author sees them
// all in one run.
type validator struct {
	file string
	// src is the bank's text, and lines the line of each of its keys, found
	// by scanning src when first needed: a bank without problems needs no
	// lines but those of its paths and questions, which readBank notes.
	src   string
	lines keyLines
	errs  Problems
	warns []Problem
	// qids holds the question ids by index, once known, to name questions
	// in problems found by key path.
	qids []string
}

func (v *validator) keyLines() keyLines {
	if v.lines == nil {
		v.lines = scanKeyLines(v.src)
	}
	return v.lines
}

// line is the line of key, or of its nearest parent that has one.
func (v *validator) line(key string) int { return v.keyLines().line(key) }

func (v *validator) add(warn bool, key, question, field, format string, args ...any) {
	p := Problem{File: v.file, Line: v.line(key), Question: question, Field: field,
		Message: fmt.Sprintf(format, args...), Warning: warn}
	if p.Line == 0 && question == "" {
		// A problem of the whole file, such as a missing title or too few
		// paths, has no key to point at: point at the top, as linters do,
		// so that every message still leads somewhere in the file.
		p.Line = 1
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

// unknownKeys reports every key of the document that the bank does not
// know, at each place it is written.
func (v *validator) unknownKeys(keys []toml.Key) {
	seen := map[string]bool{}
	var places map[string][]string
	for _, k := range keys {
		plain := strings.Join(k, ".")
		if seen[plain] {
			continue
		}
		seen[plain] = true
		known, ok := knownKeys[strings.Join(k[:len(k)-1], ".")]
		if !ok || slices.Contains(known, k[len(k)-1]) {
			// Keys below one we already report (a table under an unknown
			// key, or the path ids of weights) add nothing.
			continue
		}
		if places == nil {
			places = v.keyLines().byPlainKey()
		}
		v.unknownKey(k, known, places[plain])
	}
}

func (v *validator) unknownKey(k toml.Key, known, places []string) {
	name := k[len(k)-1]
	list := strings.Join(known, ", ")
	msg := fmt.Sprintf("unknown key %q (known keys: %s)", name, list)
	if s := closest(name, known); s != "" {
		msg = fmt.Sprintf("unknown key %q: did you mean %q? (known keys: %s)", name, s, list)
	}
	if len(places) == 0 {
		v.errs = append(v.errs, Problem{File: v.file, Field: k.String(), Message: msg})
		return
	}
	for _, key := range places {
		q, field := v.describe(key)
		v.errs = append(v.errs, Problem{File: v.file, Line: v.keyLines()[key], Question: q, Field: field, Message: msg})
	}
}
