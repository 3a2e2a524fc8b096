package quiz

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/careerquiz/careerquiz/internal/termsafe"
)

// MaxSize is the largest bank file the loader reads. A bank is a text file
// a person edits; anything larger is a mistake, and refusing it before
// reading keeps a wrong path (a disk image, /dev/zero) from eating memory.
const MaxSize = 16 << 20

// ErrTooLarge is wrapped by the error for a file over MaxSize.
var ErrTooLarge = errors.New("file is larger than 16 MiB")

// ErrUTF16 is wrapped by the error for a file saved as UTF-16.
var ErrUTF16 = errors.New("UTF-16 text")

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
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		// Windows editors offer "Unicode" meaning UTF-16, which is not
		// TOML; said plainly, rather than as the invalid UTF-8 it is.
		return &SyntaxError{File: file, Line: 1, Col: 1, Err: ErrUTF16,
			Message: "the file is UTF-16 text, and " + what + " must be UTF-8: save it again with the encoding UTF-8"}
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

// Parse decodes and validates a bank. file names the bank in messages.
//
// It returns a *SyntaxError for input that is not TOML, and Problems
// listing every error of meaning, values of the wrong type included, at
// once. A bank with only warnings loads; its warnings are in Bank.Warnings.
func Parse(file string, data []byte) (*Bank, error) {
	if err := checkText(file, data, "a bank"); err != nil {
		return nil, err
	}
	src := string(data)
	doc, _, err := decodeTOML(file, src, "", "a bank needs six at most")
	if err != nil {
		return nil, err
	}
	v := &validator{file: file, src: src, doc: doc}
	b := v.bank(v.readBank(doc))
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

// decodeTOML decodes src with the TOML library, after refusing nesting too
// deep for it (need says how deep the file's kind needs to go). prefix
// leads the library's messages.
func decodeTOML(file, src, prefix, need string) (map[string]any, []toml.Key, error) {
	if line, col, deep := tooDeep(src); deep {
		return nil, nil, newSyntaxError(file, src, line, col,
			fmt.Sprintf("nested more than %d levels deep (%s)", maxNesting, need), nil)
	}
	var doc map[string]any
	md, err := toml.Decode(src, &doc)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, nil, newSyntaxError(file, src, pe.Position.Line, pe.Position.Col, prefix+cleanMessage(pe.Message), err)
		}
		return nil, nil, fmt.Errorf("%s: %s%s", file, prefix, cleanMessage(err.Error()))
	}
	return doc, md.Keys(), nil
}

// cleanMessage makes text from the TOML library, which can quote the
// file's keys and values, safe to print: one line, no control characters.
func cleanMessage(s string) string {
	return strings.ReplaceAll(termsafe.Clean(s), "\n", " ")
}

// maxNesting is how deeply arrays and inline tables may nest, and how many
// dots a key may have. A bank needs six levels at most (questions, an
// element, options, an element, weights, a path id), an answers file two;
// the TOML library slows steeply with depth (a thousand nested inline
// tables take over a second, three thousand several), so deeper input is
// refused before it is decoded.
const maxNesting = 32

// tooDeep reports where src first opens more than maxNesting arrays or
// inline tables, or writes a key with more dots than that. It steps over
// comments and strings, where brackets and dots mean nothing, and is all
// the reading of TOML syntax the loader does itself.
func tooDeep(src string) (line, col int, deep bool) {
	depth, dots, start := 0, 0, 0
	line = 1
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '\n':
			line, start, dots = line+1, i+1, 0
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			quote := src[i : i+1]
			if strings.HasPrefix(src[i:], strings.Repeat(quote, 3)) {
				quote = strings.Repeat(quote, 3)
			}
			j := i + len(quote)
			stops := "\n" + quote[:1]
			if c == '"' {
				stops += "\\"
			}
		skip:
			for j < len(src) {
				k := strings.IndexAny(src[j:], stops)
				if k < 0 {
					j = len(src)
					break
				}
				j += k
				switch {
				case src[j] == '\\' && j+1 < len(src) && src[j+1] == '\n':
					line, start, j = line+1, j+2, j+2
				case src[j] == '\\':
					j += 2
				case src[j] == '\n':
					line, start, j = line+1, j+1, j+1
				case strings.HasPrefix(src[j:], quote):
					break skip
				default:
					j++
				}
			}
			i = j + len(quote) - 1
		case '[', '{':
			depth++
		case ']', '}':
			depth = max(depth-1, 0)
		case '.':
			dots++
		case '=':
			// Dots after it are in a value, not in a key.
			dots = -len(src)
		}
		if depth > maxNesting || dots > maxNesting {
			return line, utf8.RuneCountInString(src[start:i]) + 1, true
		}
	}
	return 0, 0, false
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
	return termsafe.Clean(strings.ReplaceAll(s, "\t", "    "))
}
