package quiz

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// locator finds the line of a key of a decoded document in its source, for
// messages; the TOML library keeps positions to itself. It reads only the
// lines that scan finds start outside every string, array and inline
// table, so each is a [header], a `key = value`, a comment or blank, and
// none is a look-alike inside a multi-line string. Then the n-th element of
// an array of tables is at the n-th [[header]] of its name within its
// parent, when there are as many as elements; a table is at its one
// [header] within its parent; a key is on the line that writes it among
// its table's lines. A key none of these finds (in an inline table, dotted,
// or quoted with dots or escapes) is placed at the nearest table or key
// that has a line, which is coarser but never wrong.
type locator struct {
	doc map[string]any
	// headers holds the lines of each header; keys holds the line of each
	// key by the line of its table's header (0 for the top level).
	headers map[header][]int
	keys    map[int]map[string]int
}

// header is a [name] or, when array, a [[name]], with its name written as
// joinKey writes it.
type header struct {
	name  string
	array bool
}

func newLocator(src string, doc map[string]any) *locator {
	lines := strings.Split(src, "\n")
	l := &locator{doc: doc, headers: map[header][]int{}, keys: map[int]map[string]int{}}
	table := 0
	read := func(n int) {
		text := strings.TrimSpace(strings.TrimPrefix(lines[n-1], "\ufeff"))
		if head, _, _ := strings.Cut(text, "]"); strings.HasPrefix(head, "[") {
			table = n
			name := strings.TrimLeft(head, "[")
			if key := plainKey(name); key != "" {
				h := header{key, len(head)-len(name) == 2}
				l.headers[h] = append(l.headers[h], n)
			}
		} else if key, _, ok := strings.Cut(text, "="); ok {
			// A dotted key (a.path = …) is left to be placed at its table,
			// as messages have always placed it.
			if key = plainKey(key); key != "" && !strings.Contains(key, ".") {
				if l.keys[table] == nil {
					l.keys[table] = map[string]int{}
				}
				l.keys[table][key] = n
			}
		}
	}
	read(1)
	scan(src, read)
	return l
}

// plainKey is a key as written (`a . b`, `"keyed"`) as joinKey writes it
// (a.b, keyed), or "" when a part is quoted with dots or escapes in it.
func plainKey(written string) string {
	parts := strings.Split(written, ".")
	for i, p := range parts {
		p = strings.Trim(p, " \t")
		if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
			p = p[1 : len(p)-1]
		}
		if p == "" || strings.ContainsAny(p, `"'\`) {
			return ""
		}
		parts[i] = p
	}
	return strings.Join(parts, ".")
}

// line is the line of an indexed key such as "questions[3].options[1].text",
// or of its nearest parent with one; 0 when none has.
func (l *locator) line(key string) int {
	// The key is on the lines after from, a header (0 for the top level),
	// and before to; rel is its path within the table headed on line table.
	from, to, table := 0, math.MaxInt, 0
	name, rel, best := "", "", 0
	var value any = l.doc
	for _, part := range strings.Split(key, ".") {
		seg, index, indexed := cutIndex(part)
		m, _ := value.(map[string]any)
		x, ok := m[seg]
		if !ok {
			break
		}
		name, rel, value = joinKey(name, seg), joinKey(rel, seg), x
		if n, ok := l.keys[table][rel]; ok {
			best = n
		}
		if indexed {
			list, _ := x.([]map[string]any)
			hs := l.within(header{name, true}, from, to)
			if len(hs) != len(list) || index >= len(list) {
				break
			}
			from, value = hs[index], list[index]
			if index+1 < len(hs) {
				to = hs[index+1]
			}
		} else if hs := l.within(header{name, false}, from, to); len(hs) == 1 {
			from = hs[0]
		} else {
			continue
		}
		table, rel, best = from, "", from
	}
	return best
}

// within returns the lines of h after line from and before line to.
func (l *locator) within(h header, from, to int) []int {
	hs := l.headers[h]
	return hs[sort.SearchInts(hs, from+1):sort.SearchInts(hs, to)]
}

// cutIndex splits "options[2]" into "options" and 2.
func cutIndex(part string) (name string, index int, ok bool) {
	name, i, ok := strings.Cut(part, "[")
	n, err := strconv.Atoi(strings.TrimSuffix(i, "]"))
	if !ok || err != nil || !strings.HasSuffix(part, "]") {
		return part, 0, false
	}
	return name, n, true
}

func joinKey(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
