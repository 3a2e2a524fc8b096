package quiz

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
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
			fmt.Fprintf(&b, "\n%6s | %s^", "", strings.Repeat(" ", e.Col-1))
		}
	}
	return b.String()
}

func (e *SyntaxError) Unwrap() error { return e.Err }

// Load reads and parses the bank file at path. The size is checked before
// reading, and again while reading for files that do not report one.
func Load(path string) (*Bank, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s: is a folder, not a bank file", path)
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
	return Parse(path, data)
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
	Theme string `toml:"theme"`
	Text  string `toml:"text"`
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
	Options []rawOption `toml:"options"`
}

type rawOption struct {
	ID      string             `toml:"id"`
	Text    string             `toml:"text"`
	Weights map[string]float64 `toml:"weights"`
}

// The keys each table accepts, for "unknown key" messages.
var knownKeys = map[string]string{
	"":                  "title, intro, scoring, themes, paths, questions",
	"scoring":           "min_answered, slight, moderate, clear",
	"themes":            "id, name, about",
	"paths":             "id, name, summary, salary, steps",
	"paths.steps":       "theme, text",
	"questions":         "id, theme, kind, text, help, basis, keyed, weight, options",
	"questions.options": "id, text, weights",
}

// Parse decodes and validates a bank. file names the bank in messages.
//
// It returns a *SyntaxError for input that is not TOML or has values of the
// wrong type, and Problems listing every error of meaning at once. A bank
// with only warnings loads; its warnings are in Bank.Warnings.
func Parse(file string, data []byte) (*Bank, error) {
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s: %w", file, ErrTooLarge)
	}
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		return nil, &SyntaxError{File: file, Line: line, Col: col,
			Message: "invalid UTF-8: a bank must be saved as UTF-8 text"}
	}
	src := string(data)
	var raw rawBank
	md, err := toml.Decode(src, &raw)
	if err != nil {
		return nil, syntaxError(file, src, err)
	}
	v := &validator{file: file, lines: scanKeyLines(src)}
	b := v.bank(&raw)
	for _, k := range md.Undecoded() {
		v.unknownKey(k)
	}
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
			col++
		}
		data = data[size:]
	}
	return line, col
}

// typeErrRe matches the decoder's type errors, which are plain errors that
// carry the line and key only in their text.
var typeErrRe = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

var typeNames = strings.NewReplacer(
	"int64", "an integer", "float64", "a number", "float", "a number", "string", "a string", "bool", "a boolean",
	"map[string]interface {}", "a table", "[]interface {}", "an array",
	"[]map[string]interface {}", "an array of tables",
)

func syntaxError(file, src string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &SyntaxError{File: file, Line: pe.Position.Line, Col: pe.Position.Col,
			Message: pe.Message, Source: sourceLine(src, pe.Position.Line), Err: err}
	}
	if m := typeErrRe.FindStringSubmatch(err.Error()); m != nil {
		line := 0
		fmt.Sscan(m[1], &line)
		msg := m[3]
		if tm := regexp.MustCompile(`TOML value has type (.+); destination has type (.+)$`).FindStringSubmatch(msg); tm != nil {
			msg = fmt.Sprintf("expected %s, found %s", typeNames.Replace(tm[2]), typeNames.Replace(tm[1]))
		}
		return &SyntaxError{File: file, Line: line, Message: m[2] + ": " + msg,
			Source: sourceLine(src, line), Err: err}
	}
	return fmt.Errorf("%s: %w", file, err)
}

func sourceLine(src string, line int) string {
	if line < 1 {
		return ""
	}
	lines := strings.SplitN(src, "\n", line+1)
	if line > len(lines) {
		return ""
	}
	return Clean(strings.ReplaceAll(strings.TrimRight(lines[line-1], "\r"), "\t", "    "))
}

var idRe = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// validator collects every problem of a bank, so that an author sees them
// all in one run.
type validator struct {
	file  string
	lines keyLines
	errs  Problems
	warns []Problem
	// qids holds the question ids by index, once known, to name questions
	// in problems found by key path.
	qids []string
}

func (v *validator) add(warn bool, key, question, field, format string, args ...any) {
	p := Problem{File: v.file, Line: v.lines.line(key), Question: question, Field: field,
		Message: fmt.Sprintf(format, args...), Warning: warn}
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

func (v *validator) unknownKey(k toml.Key) {
	parent := strings.Join(k[:len(k)-1], ".")
	known, ok := knownKeys[parent]
	if !ok {
		// A key below one we already report (a table under an unknown key,
		// or a key inside weights-like maps) adds nothing.
		return
	}
	name := k[len(k)-1]
	msg := fmt.Sprintf("unknown key %q (known keys: %s)", name, known)
	if s := closest(name, strings.Split(known, ", ")); s != "" {
		msg = fmt.Sprintf("unknown key %q: did you mean %q? (known keys: %s)", name, s, known)
	}
	places := v.lines.find(k.String())
	if len(places) == 0 {
		v.errs = append(v.errs, Problem{File: v.file, Field: k.String(), Message: msg})
		return
	}
	for _, key := range places {
		q, field := v.describe(key)
		v.errs = append(v.errs, Problem{File: v.file, Line: v.lines[key], Question: q, Field: field, Message: msg})
	}
}
