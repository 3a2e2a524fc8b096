package quiz

import (
	"strconv"
	"strings"
)

// locator finds the line of a key of a decoded document in its source, for
// messages, since the TOML library keeps positions to itself. It reads only the
// lines scan finds start outside every string, array and inline table: each is
// a [header], a `key = value`, a comment or a blank, never a look-alike inside a
// multi-line string, so counting the [[headers]] gives each element's index.
type locator struct {
	lines map[string]int // the line of each table and key, such as "questions[3].options[1].text"
}

func newLocator(src string) *locator {
	text := strings.Split(src, "\n")
	l := &locator{lines: map[string]int{}}
	count := map[string]int{} // elements so far, by array of tables
	table, known := "", true
	read := func(n int) {
		line := strings.TrimSpace(strings.TrimPrefix(text[n-1], "\ufeff"))
		if head, _, _ := strings.Cut(line, "]"); strings.HasPrefix(head, "[") {
			name := plainKey(strings.TrimLeft(head, "["))
			// Past a header whose name is not plain, an element's index
			// may be off: later lines get none, rather than a wrong one.
			known = known && name != ""
			parts := strings.Split(name, ".")
			table = ""
			for i, part := range parts {
				table = joinKey(table, part)
				if i == len(parts)-1 && strings.HasPrefix(head, "[[") {
					count[table]++
				}
				if c := count[table]; c > 0 {
					table += "[" + strconv.Itoa(c-1) + "]"
				}
			}
			if known {
				l.lines[table] = n
			}
		} else if key, _, ok := strings.Cut(line, "="); ok && known {
			// A dotted key (a.path = …) is placed at its own line, and
			// places the table it starts where nothing has yet.
			if key = plainKey(key); key != "" {
				l.lines[joinKey(table, key)] = n
				first, _, _ := strings.Cut(key, ".")
				if _, placed := l.lines[joinKey(table, first)]; !placed {
					l.lines[joinKey(table, first)] = n
				}
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

// line is the line of a key such as "questions[3].options[1].text", or of
// its nearest parent with one (in an inline table, a key has none of its
// own); 0 when none has.
func (l *locator) line(key string) int {
	for key != "" {
		if n, ok := l.lines[key]; ok {
			return n
		}
		key = key[:max(strings.LastIndexAny(key, ".["), 0)]
	}
	return 0
}

func joinKey(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
