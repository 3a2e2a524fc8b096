package quiz

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// locator finds the line of a key of a decoded document in its source,
// for messages. The TOML library keeps positions to itself, so the lines
// are found from the text, simply, and only where they cannot be wrong:
//
//   - the n-th element of an array of tables is on the n-th line holding
//     its [[header]], when the number of such lines is the number of
//     elements (a header-like line inside a multi-line string would make
//     them differ, and then no element gets a line from headers);
//   - a key of a table is on the one line of the table's own lines that
//     starts "key =" and, decoded by itself, gives the key's value.
//
// Where neither finds it (inline tables, dotted keys, a value spread over
// lines), a key is placed at the nearest table or key that has a line,
// which is coarser but never wrong.
type locator struct {
	// raw holds the source's lines, and lines the same trimmed.
	raw   []string
	lines []string
	doc   map[string]any
	// headers holds the lines of each header, by name as written between
	// its brackets ("[[questions.options]]"), and bounds every line that
	// may start a table, in order: a table's own keys end at the next one.
	headers map[string][]int
	bounds  []int
	// found keeps the answers of keyLine, and keys those of starts.
	found map[any]int
	keys  map[int]map[string][]int
}

func newLocator(src string, doc map[string]any) *locator {
	l := &locator{raw: strings.Split(src, "\n"), doc: doc, headers: map[string][]int{}}
	l.lines = make([]string, len(l.raw))
	for i, line := range l.raw {
		line = strings.TrimSpace(line)
		l.lines[i] = line
		if !strings.HasPrefix(line, "[") {
			continue
		}
		l.bounds = append(l.bounds, i+1)
		if end := strings.LastIndex(line, "]"); end > 0 {
			name := strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '"' || r == '\'' {
					return -1
				}
				return r
			}, line[:end+1])
			l.headers[name] = append(l.headers[name], i+1)
		}
	}
	return l
}

// span is the part of the source a table owns: from its header (0 for the
// top level) to the line before the next header of its array, or end.
type span struct {
	line, end int
}

// line is the line of an indexed key such as "questions[3].options[1].text",
// or of its nearest parent with one; 0 when none has.
func (l *locator) line(key string) int {
	at := span{0, len(l.lines)}
	var value any = l.doc
	name := ""
	best := 0
	for _, part := range strings.Split(key, ".") {
		seg, index, indexed := cutIndex(part)
		m, ok := value.(map[string]any)
		if !ok {
			break
		}
		full := joinKey(name, seg)
		x, ok := m[seg]
		if !ok {
			break
		}
		if !indexed {
			if sub, isTable := x.(map[string]any); isTable {
				if hs := l.within("["+full+"]", at); len(hs) == 1 {
					at = span{hs[0], l.next(hs[0], at.end)}
					best, value, name = hs[0], sub, full
					continue
				}
			}
			if n := l.keyLine(at, seg, x); n > 0 {
				best = n
			}
			break
		}
		list, ok := x.([]map[string]any)
		hs := l.within("[["+full+"]]", at)
		if !ok || len(hs) != len(list) || index >= len(list) {
			if n := l.keyLine(at, seg, x); n > 0 {
				best = n
			}
			break
		}
		end := at.end
		if index+1 < len(hs) {
			end = hs[index+1] - 1
		}
		at = span{hs[index], end}
		best, value, name = hs[index], list[index], full
	}
	return best
}

// same reports whether two decoded values are equal, NaN to NaN included
// (a weight of nan is a mistake a problem must still place).
func same(a, b any) bool {
	return reflect.DeepEqual(a, b) || fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b)
}

// cutIndex splits "options[2]" into "options" and 2.
func cutIndex(part string) (name string, index int, ok bool) {
	open := strings.IndexByte(part, '[')
	if open < 0 || !strings.HasSuffix(part, "]") {
		return part, 0, false
	}
	n, err := strconv.Atoi(part[open+1 : len(part)-1])
	if err != nil {
		return part, 0, false
	}
	return part[:open], n, true
}

// within returns the lines of header inside s.
func (l *locator) within(header string, s span) []int {
	hs := l.headers[header]
	from := sort.SearchInts(hs, s.line+1)
	to := sort.SearchInts(hs, s.end+1)
	return hs[from:to]
}

// next is the line before the first header after line n, or end.
func (l *locator) next(n, end int) int {
	if i := sort.SearchInts(l.bounds, n+1); i < len(l.bounds) {
		return min(l.bounds[i]-1, end)
	}
	return end
}

// starts lists, for the own lines of the table whose header is on line at
// (0 for the top level), the lines each key may start, by key.
func (l *locator) starts(at, end int) map[string][]int {
	if m, ok := l.keys[at]; ok {
		return m
	}
	m := map[string][]int{}
	for n := at + 1; n <= end; n++ {
		line := l.lines[n-1]
		key, rest := line, ""
		if i := strings.IndexByte(line, '='); i > 0 {
			key, rest = strings.TrimRight(line[:i], " \t"), line[i:]
		}
		if rest == "" {
			continue
		}
		if len(key) >= 2 && (key[0] == '"' || key[0] == '\'') && key[len(key)-1] == key[0] {
			key = key[1 : len(key)-1]
		}
		m[key] = append(m[key], n)
	}
	if l.keys == nil {
		l.keys = map[int]map[string][]int{}
	}
	l.keys[at] = m
	return m
}

// keyLine finds the line of key, whose decoded value is want, among the
// table's own lines in s; 0 unless exactly one line is it. A line is taken
// only when the source from it on, decoded alone, gives key that value, so
// a line that merely looks like the key (inside a multi-line string) is
// never taken. The text decoded doubles until the value is whole, so a
// value over many lines costs a few decodes, and each answer is kept.
func (l *locator) keyLine(s span, key string, want any) int {
	type place struct {
		at  int
		key string
	}
	if n, ok := l.found[place{s.line, key}]; ok {
		return n
	}
	found, matches, end := 0, 0, l.next(s.line, s.end)
	for _, n := range l.starts(s.line, end)[key] {
		for size := 1; ; size *= 2 {
			last := min(n-1+size, end)
			var one map[string]any
			_, err := toml.Decode(strings.Join(l.raw[n-1:last], "\n")+"\n", &one)
			if err == nil && same(one[key], want) {
				found, matches = n, matches+1
				break
			}
			if last == end {
				break
			}
		}
	}
	if matches != 1 {
		found = 0
	}
	if l.found == nil {
		l.found = map[any]int{}
	}
	l.found[place{s.line, key}] = found
	return found
}

func joinKey(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
