package quiz

import (
	"sort"
	"strconv"
	"strings"
)

// keyLines maps the keys of a TOML document, with array indexes
// ("questions[3].options[1].weights"), to the 1-based line they are written
// on. The TOML decoder keeps key positions private, so errors of meaning
// would otherwise have no line. The scan below is a small lexer of TOML's
// structure (headers, keys, strings, comments, arrays and inline tables):
// it never fails, and simply knows nothing about keys it cannot place, in
// which case messages go without a line rather than with a wrong one.
type keyLines map[string]int

// maxKeyNesting is how deeply arrays, inline tables and dotted keys may nest.
// A bank needs six levels at most (questions, an element, options, an
// element, weights, a path id); the TOML decoder slows down steeply on
// deep nesting (a few thousand levels take seconds), so deeper input is
// refused before it is decoded.
const maxKeyNesting = 32

// position is a 1-based line and byte column.
type position struct{ line, col int }

func scanKeyLines(src string) keyLines {
	kl, _ := scanBank(src)
	return kl
}

// scanBank returns the line of every key it can place and, when the
// document nests deeper than maxKeyNesting, where it first does.
func scanBank(src string) (keyLines, *position) {
	return scanTOML(src, maxKeyNesting)
}

// scanTOML is scanBank with another limit on nesting. It is the one check
// of nesting for every TOML file the program reads: banks, and answers
// files, which count their levels from one fewer.
func scanTOML(src string, limit int) (keyLines, *position) {
	s := &keyScanner{src: src, lines: keyLines{}, counts: map[string]int{}, line: 1, limit: limit}
	for s.i < len(s.src) && s.deep == nil {
		s.statement()
	}
	return s.lines, s.deep
}

type keyScanner struct {
	src       string
	i         int
	line      int
	lineStart int // offset of the current line's first byte
	lines     keyLines
	counts    map[string]int // array-of-tables path → elements so far
	table     string         // the current table, with indexes
	depth     int            // levels of the current table: keys and array elements
	limit     int            // the most levels allowed
	deep      *position
}

func (s *keyScanner) record(key string) {
	if _, seen := s.lines[key]; !seen {
		s.lines[key] = s.line
	}
}

// tooDeep notes the place at (an offset on the current line) when depth is
// over the limit, and reports whether the scan has gone too deep.
func (s *keyScanner) tooDeep(depth, at int) bool {
	if depth > s.limit && s.deep == nil {
		s.deep = &position{s.line, at - s.lineStart + 1}
	}
	return s.deep != nil
}

func (s *keyScanner) newline() {
	s.i++
	s.line++
	s.lineStart = s.i
}

// statement reads one top-level line: a blank or comment line, a table
// header, or a key = value pair (whose value may span lines).
func (s *keyScanner) statement() {
	s.skipSpace(false)
	if s.i >= len(s.src) {
		return
	}
	switch s.src[s.i] {
	case '\n':
		s.newline()
		return
	case '#':
		s.skipLine()
		return
	case '[':
		s.header()
		return
	}
	start := s.i
	parts, ok := s.key()
	if ok && s.tooDeep(s.depth+len(parts), start) {
		return
	}
	s.skipSpace(false)
	if !ok || s.i >= len(s.src) || s.src[s.i] != '=' {
		s.skipLine()
		return
	}
	s.i++
	key := s.recordKey(s.table, parts)
	s.value(key, s.depth+len(parts))
	s.skipLine()
}

// recordKey records a dotted key and each table it implies, below base.
func (s *keyScanner) recordKey(base string, parts []string) string {
	key := base
	for _, p := range parts {
		key = joinKey(key, p)
		s.record(key)
	}
	return key
}

func (s *keyScanner) header() {
	start := s.i
	s.i++
	array := s.i < len(s.src) && s.src[s.i] == '['
	if array {
		s.i++
	}
	s.skipSpace(false)
	parts, ok := s.key()
	s.skipSpace(false)
	if !ok || s.tooDeep(len(parts), start) || !s.expect(']') || (array && !s.expect(']')) {
		s.skipLine()
		return
	}
	path := resolve(parts, s.counts)
	if array {
		n := s.counts[path]
		s.counts[path] = n + 1
		path += "[" + strconv.Itoa(n) + "]"
	}
	// Each key and each element of an array of tables is a level.
	s.depth = len(parts) + strings.Count(path, "[")
	if s.tooDeep(s.depth, start) {
		return
	}
	s.table = path
	s.record(path)
	s.skipLine()
}

func (s *keyScanner) expect(c byte) bool {
	if s.i < len(s.src) && s.src[s.i] == c {
		s.i++
		return true
	}
	return false
}

// key reads a dotted key: bare or quoted parts joined by dots.
func (s *keyScanner) key() ([]string, bool) {
	var parts []string
	for {
		s.skipSpace(false)
		start := s.i
		switch {
		case s.i < len(s.src) && (s.src[s.i] == '"' || s.src[s.i] == '\''):
			q := s.src[s.i]
			if !s.shortString() {
				return nil, false
			}
			part := s.src[start+1 : s.i-1]
			if q == '"' {
				if u, err := strconv.Unquote(s.src[start:s.i]); err == nil {
					part = u
				}
			}
			parts = append(parts, part)
		default:
			for s.i < len(s.src) && isBareKeyByte(s.src[s.i]) {
				s.i++
			}
			if s.i == start {
				return nil, false
			}
			parts = append(parts, s.src[start:s.i])
		}
		s.skipSpace(false)
		if s.i >= len(s.src) || s.src[s.i] != '.' {
			return parts, true
		}
		s.i++
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value reads the value of key, recording the keys of inline tables and
// the elements of arrays, which may span lines.
func (s *keyScanner) value(key string, depth int) {
	s.skipSpace(false)
	if s.i >= len(s.src) {
		return
	}
	switch s.src[s.i] {
	case '"', '\'':
		s.str()
	case '[':
		if s.tooDeep(depth+1, s.i) {
			return
		}
		s.i++
		for n := 0; ; n++ {
			s.skipSpace(true)
			if s.i >= len(s.src) || s.expect(']') {
				return
			}
			elem := key + "[" + strconv.Itoa(n) + "]"
			if s.src[s.i] == '{' {
				s.record(elem)
			}
			start := s.i
			s.value(elem, depth+1)
			s.skipSpace(true)
			if !s.expect(',') && s.i == start {
				// Not a value TOML knows; step over it so the scan ends.
				s.i++
			}
			if s.deep != nil {
				return
			}
		}
	case '{':
		if s.tooDeep(depth+1, s.i) {
			return
		}
		s.i++
		for {
			s.skipSpace(true)
			if s.i >= len(s.src) || s.expect('}') {
				return
			}
			start := s.i
			parts, ok := s.key()
			if ok && s.tooDeep(depth+len(parts), start) {
				return
			}
			s.skipSpace(false)
			if !ok || !s.expect('=') {
				s.skipLine()
				return
			}
			s.value(s.recordKey(key, parts), depth+len(parts))
			s.skipSpace(true)
			s.expect(',')
			if s.deep != nil {
				return
			}
		}
	default:
		// A number, boolean or date: it ends where the value does.
		for s.i < len(s.src) && !strings.ContainsRune(",]}#\n \t\r", rune(s.src[s.i])) {
			s.i++
		}
	}
}

// str reads a string of any of TOML's four kinds.
func (s *keyScanner) str() {
	q := s.src[s.i]
	delim := strings.Repeat(string(q), 3)
	if !strings.HasPrefix(s.src[s.i:], delim) {
		s.shortString()
		return
	}
	s.i += 3
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '\\' && q == '"':
			s.i++
			if s.i < len(s.src) && s.src[s.i] == '\n' {
				s.newline()
			} else {
				s.i++
			}
		case c == '\n':
			s.newline()
		case strings.HasPrefix(s.src[s.i:], delim):
			s.i += 3
			// Up to two more quotes belong to the string: """a""""" is `a""`.
			for extra := 0; extra < 2 && s.i < len(s.src) && s.src[s.i] == q; extra++ {
				s.i++
			}
			return
		default:
			s.i++
		}
	}
}

// shortString reads a one-line basic or literal string, and reports
// whether it was closed on its line.
func (s *keyScanner) shortString() bool {
	q := s.src[s.i]
	s.i++
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == '\n':
			return false
		case c == q:
			s.i++
			return true
		case c == '\\' && q == '"' && s.i+1 < len(s.src) && s.src[s.i+1] != '\n':
			s.i += 2
		default:
			s.i++
		}
	}
	return false
}

// skipSpace steps over spaces and tabs and, where newlines may appear
// (inside arrays and inline tables), over newlines and comments too.
func (s *keyScanner) skipSpace(newlines bool) {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r':
			s.i++
		case '\n':
			if !newlines {
				return
			}
			s.newline()
		case '#':
			if !newlines {
				return
			}
			for s.i < len(s.src) && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

// skipLine steps to the start of the next line.
func (s *keyScanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
	if s.i < len(s.src) {
		s.newline()
	}
}

// resolve turns a header's key parts into the indexed path of the table it
// names: each part that is an array of tables refers to its latest element.
func resolve(parts []string, counts map[string]int) string {
	path := ""
	for i, p := range parts {
		path = joinKey(path, p)
		if i < len(parts)-1 {
			if c, ok := counts[path]; ok && c > 0 {
				path += "[" + strconv.Itoa(c-1) + "]"
			}
		}
	}
	return path
}

func joinKey(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// line returns the line of key, or of its nearest parent that has one.
func (kl keyLines) line(key string) int {
	for key != "" {
		if n, ok := kl[key]; ok {
			return n
		}
		i := strings.LastIndexAny(key, ".[")
		if i < 0 {
			return 0
		}
		key = key[:i]
	}
	return 0
}

// byPlainKey groups the indexed keys by the key without indexes, as the
// decoder names keys ("questions.options.text"), each group in line order.
func (kl keyLines) byPlainKey() map[string][]string {
	groups := map[string][]string{}
	for key := range kl {
		plain := stripIndexes(key)
		groups[plain] = append(groups[plain], key)
	}
	for _, keys := range groups {
		sort.Slice(keys, func(i, j int) bool {
			if kl[keys[i]] != kl[keys[j]] {
				return kl[keys[i]] < kl[keys[j]]
			}
			return keys[i] < keys[j]
		})
	}
	return groups
}

// stripIndexes turns "questions[2].options[0].text" into
// "questions.options.text".
func stripIndexes(key string) string {
	return mapIndexes(key, func(string) string { return "" })
}

// mapIndexes replaces each array index in key (such as "[2]") by what f
// makes of its digits. It is written out rather than a regular expression
// because package quiz compiles none as a program starts.
func mapIndexes(key string, f func(digits string) string) string {
	if strings.IndexByte(key, '[') < 0 {
		return key
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(key, '[')
		if open < 0 {
			break
		}
		end := open + 1
		for end < len(key) && key[end] >= '0' && key[end] <= '9' {
			end++
		}
		if end > open+1 && end < len(key) && key[end] == ']' {
			b.WriteString(key[:open])
			b.WriteString(f(key[open+1 : end]))
			key = key[end+1:]
			continue
		}
		b.WriteString(key[:open+1])
		key = key[open+1:]
	}
	b.WriteString(key)
	return b.String()
}
