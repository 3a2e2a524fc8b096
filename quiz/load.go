package quiz

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/careerquiz/careerquiz/internal/fileio"
	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// MaxSize is the largest bank or answers file read: such a file is text a
// person edits, so anything larger is a wrong path (a disk image, /dev/zero).
const MaxSize = 16 << 20

// ErrTooLarge is wrapped by the error for a file over MaxSize.
var ErrTooLarge = errors.New("file is larger than 16 MiB")

// ErrUTF16 is wrapped by the error for a file saved as UTF-16.
var ErrUTF16 = errors.New("UTF-16 text")

// SyntaxError is a bank or answers file that cannot be decoded: not UTF-8, TOML
// or JSON, or nested too deep. Its message reads `questions.toml:14:7: expected
// value…`, then the source line and a caret under the place.
type SyntaxError struct {
	File    string
	Line    int
	Col     int // 0 when only the line is known
	Message string
	Source  string // the offending line, with tabs expanded; empty when unknown
	Err     error
	caret   int // 1 + the caret's place in Source as shown, or 0 to put it under Col
}

func (e *SyntaxError) Error() string {
	s := fmt.Sprintf("%s:%d", e.File, e.Line)
	if e.Col > 0 {
		s += fmt.Sprintf(":%d", e.Col)
	}
	s += ": " + e.Message
	if e.Source != "" {
		s += fmt.Sprintf("\n%6d | %s", e.Line, e.Source)
		if at := cmp.Or(e.caret, e.Col); at > 0 {
			s += fmt.Sprintf("\n%6s | %*s", "", at, "^")
		}
	}
	return s
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
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		// Windows editors offer "Unicode" meaning UTF-16: say so, not "invalid UTF-8".
		return &SyntaxError{File: file, Line: 1, Col: 1, Err: ErrUTF16,
			Message: "the file is UTF-16 text, and " + what + " must be UTF-8: save it again with the encoding UTF-8"}
	}
	if !utf8.Valid(data) {
		at := 0
		for r, n := utf8.DecodeRune(data); r != utf8.RuneError || n > 1; r, n = utf8.DecodeRune(data[at:]) {
			at += n
		}
		line, col := position(string(data), at)
		return &SyntaxError{File: file, Line: line, Col: col,
			Message: "invalid UTF-8: " + what + " must be saved as UTF-8 text"}
	}
	return nil
}

// ReadFile reads a bank or answers file of at most MaxSize bytes with
// fileio.ReadFile, whose errors lead with the path and carry a hint; one
// for a file too large wraps ErrTooLarge too.
func ReadFile(path string) ([]byte, error) {
	data, err := fileio.ReadFile(path, MaxSize)
	if fe := (*fileio.Error)(nil); errors.As(err, &fe) && errors.Is(err, fileio.ErrTooLarge) {
		fe.Err = errors.Join(ErrTooLarge, fe.Err)
	}
	return data, err
}

// Parse decodes and validates a bank; file names it in messages. It returns a
// *SyntaxError for input that is not TOML, or Problems listing every error of
// meaning at once, wrong types included; warnings go in Bank.Warnings.
func Parse(file string, data []byte) (*Bank, error) {
	if err := checkText(file, data, "a bank"); err != nil {
		return nil, err
	}
	src := string(data)
	doc, err := decodeTOML(file, src, "", "a bank needs six at most")
	if err != nil {
		return nil, err
	}
	v := &validator{file: file, src: src}
	b := v.bank(v.readBank(doc))
	sortProblems(v.errs)
	sortProblems(v.warns)
	if len(v.errs) > 0 {
		return nil, v.errs
	}
	b.SHA256, b.Warnings = fmt.Sprintf("%x", sha256.Sum256(data)), v.warns
	return b, nil
}

// decodeTOML decodes src with the TOML library after refusing nesting too deep
// for it (need says how deep the kind of file needs); prefix leads its messages.
func decodeTOML(file, src, prefix, need string) (map[string]any, error) {
	if at := scan(src, nil); at >= 0 {
		line, col := position(src, at)
		return nil, newSyntaxError(file, src, line, col, fmt.Sprintf("nested more than %d levels deep (%s)", maxNesting, need), nil)
	}
	var doc map[string]any
	var pe toml.ParseError
	if _, err := toml.Decode(src, &doc); errors.As(err, &pe) {
		line, col := pe.Position.Line, pe.Position.Col
		if at := badEscape(src, pe); at >= 0 {
			line, col = position(src, at)
		}
		return nil, newSyntaxError(file, src, line, col, prefix+cleanMessage(pe.Message), err)
	} else if err != nil {
		return nil, fmt.Errorf("%s: %s%s", file, prefix, cleanMessage(err.Error()))
	}
	return doc, nil
}

// badEscape is where in src the invalid escape that pe reports is, or -1
// for another error. The TOML library gives the start of the string that
// holds it, on the line its lexer has reached: in a string over several
// lines, neither is where the escape is.
func badEscape(src string, pe toml.ParseError) int {
	const lead = `invalid escape in string '\`
	if !strings.HasPrefix(pe.Message, lead) || pe.Position.Start < 0 {
		return -1
	}
	bad, _ := utf8.DecodeRuneInString(pe.Message[len(lead):])
	for i := pe.Position.Start; i+1 < len(src); i++ {
		if src[i] == '\\' {
			if r, _ := utf8.DecodeRuneInString(src[i+1:]); r == bad {
				return i
			}
			i++ // A valid escape, such as \\, is passed whole.
		}
	}
	return -1
}

// cleanMessage makes text from the TOML library, which can quote the
// file's keys and values, safe to print: one line, no control characters.
func cleanMessage(s string) string {
	return strings.ReplaceAll(termsafe.Clean(s), "\n", " ")
}

// maxNesting is how deeply arrays, inline tables and dotted keys may nest: a
// bank needs six levels (questions, an element, options, an element, weights, a
// path id), an answers file two. The TOML library slows steeply with depth (3,000
// nested inline tables or dots in one key take seconds; millions of nested arrays
// overflow its stack), so deeper input is refused before it is decoded.
const maxNesting = 32

// scan steps through src as TOML reads it, skipping comments and strings. It
// calls top, unless nil, with the number of each line that starts outside every
// array and inline table, and returns the offset of the first place deeper than
// maxNesting (arrays and inline tables open plus the dots of keys in them), or
// -1. A float's dot counts and a [table.header] does not, which is near enough:
// a real bank is far below the limit, input slow to decode far above.
// Past a first mistake, where the library stops reading, scan may misread.
func scan(src string, top func(line int)) int {
	var open []int // for each array or inline table open, the dots before it
	dots, line := 0, 1
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			n := stringLen(src[i:])
			line += strings.Count(src[i:i+n], "\n")
			i += n - 1
		case '[', '{':
			open = append(open, dots)
		case ']', '}':
			if len(open) > 0 {
				dots, open = open[len(open)-1], open[:len(open)-1]
			}
		case '.':
			dots++
		case '\n':
			if line++; len(open) == 0 && top != nil {
				top(line)
			}
			fallthrough
		case ',':
			dots = 0
			if len(open) > 0 {
				dots = open[len(open)-1]
			}
		}
		if len(open)+dots > maxNesting {
			return i
		}
	}
	return -1
}

// stringLen is the length of the TOML string that s starts with, quotes
// included. A single-line string left open ends at the end of its line.
func stringLen(s string) int {
	q := s[:1]
	if strings.HasPrefix(s, q+q+q) {
		q += q + q
	}
	for i := len(q); i < len(s); i++ {
		// Skip to the next quote, backslash or newline: no other byte matters.
		j := strings.IndexAny(s[i:], q[:1]+"\\\n")
		if j < 0 {
			break
		}
		switch i += j; {
		case s[i] == '\\' && q[0] == '"':
			i++
		case s[i] == '\n' && len(q) == 1:
			return i
		case strings.HasPrefix(s[i:], q):
			// A multi-line string may end with one or two quotes of its own.
			for k := 0; k < 2 && len(q) == 3 && strings.HasPrefix(s[i+1:], q); k++ {
				i++
			}
			return i + len(q)
		}
	}
	return len(s)
}

// position is the line and byte column (as the TOML library counts) of offset at in src.
func position(src string, at int) (line, col int) {
	return strings.Count(src[:at], "\n") + 1, at - strings.LastIndexByte(src[:at], '\n')
}

func newSyntaxError(file, src string, line, col int, msg string, err error) *SyntaxError {
	e := &SyntaxError{File: file, Line: line, Col: col, Message: msg, Err: err}
	lines := strings.SplitN(src, "\n", max(line, 0)+1)
	if line < 1 || line > len(lines) {
		return e
	}
	raw := strings.TrimRight(lines[line-1], "\r")
	// The decoder can point past the end of a line, where the caret can only show the end.
	e.Col = min(col, len(raw)+1)
	if col > 0 {
		// The caret goes under the same character however the line's tabs,
		// multi-byte and removed characters shift it on screen.
		e.caret = 1 + utf8.RuneCountInString(displayLine(raw[:e.Col-1]))
	}
	e.Source = displayLine(raw)
	if rs := []rune(e.Source); len(rs) > excerptWidth {
		start := min(max(e.caret-1-excerptWidth/2, 0), len(rs)-excerptWidth)
		e.Source = string(rs[start : start+excerptWidth])
		if start > 0 {
			e.Source, e.caret = "…"+e.Source, e.caret-start+1
		}
		if start+excerptWidth < len(rs) {
			e.Source += "…"
		}
	}
	return e
}

// excerptWidth is the most of a source line an error shows, each cut marked
// "…": enough for any line a person writes, while a generated line of megabytes
// (a value nested thousands deep) shows only the stretch around the fault.
const excerptWidth = 160

// displayLine is a line of the bank as it can be shown safely.
func displayLine(s string) string {
	return termsafe.Clean(strings.ReplaceAll(s, "\t", "    "))
}
