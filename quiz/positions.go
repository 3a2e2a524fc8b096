package quiz

import (
	"regexp"
	"strconv"
	"strings"
)

// keyLines maps the keys of a TOML document, with array-of-tables indexes
// ("questions[3].options[1].weights"), to the 1-based line they are written
// on. The TOML decoder keeps key positions private, so errors of meaning
// would otherwise have no line; this scan reads the common layout of a bank
// (headers, key = value lines, one-line inline tables) and simply knows
// nothing about keys it cannot place, in which case messages go without a
// line rather than with a wrong one.
type keyLines map[string]int

var (
	headerRe = regexp.MustCompile(`^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$`)
	keyRe    = regexp.MustCompile(`^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=(.*)$`)
	inlineRe = regexp.MustCompile(`([A-Za-z0-9_-]+|"[^"]*")\s*=`)
)

func scanKeyLines(src string) keyLines {
	lines := keyLines{}
	counts := map[string]int{} // array-of-tables path → next index
	table := ""                // current table, with indexes
	inMulti := ""              // the open multi-line string delimiter, if any
	for n, line := range strings.Split(src, "\n") {
		lineNo := n + 1
		if inMulti != "" {
			if strings.Count(line, inMulti)%2 == 1 {
				inMulti = ""
			}
			continue
		}
		if m := headerRe.FindStringSubmatch(line); m != nil {
			path := resolve(splitKey(m[2]), counts)
			if m[1] == "[[" {
				i := counts[path]
				counts[path] = i + 1
				path += "[" + strconv.Itoa(i) + "]"
			}
			table = path
			if _, seen := lines[path]; !seen {
				lines[path] = lineNo
			}
			continue
		}
		m := keyRe.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key := joinKey(table, strings.Join(splitKey(m[1]), "."))
		if _, seen := lines[key]; !seen {
			lines[key] = lineNo
		}
		rest := m[2]
		for _, d := range []string{`"""`, `'''`} {
			if strings.Count(rest, d)%2 == 1 {
				inMulti = d
			}
		}
		if open := strings.IndexByte(rest, '{'); open >= 0 {
			for _, im := range inlineRe.FindAllStringSubmatch(rest[open:], -1) {
				inner := joinKey(key, strings.Trim(im[1], `"`))
				if _, seen := lines[inner]; !seen {
					lines[inner] = lineNo
				}
			}
		}
	}
	return lines
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

func splitKey(k string) []string {
	var parts []string
	for _, p := range strings.Split(k, ".") {
		p = strings.TrimSpace(p)
		p = strings.Trim(p, `"'`)
		parts = append(parts, p)
	}
	return parts
}

func joinKey(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

var indexRe = regexp.MustCompile(`\[\d+\]`)

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

// find returns, in line order, the indexed keys that are written as the
// unindexed key k (as the decoder reports undecoded keys).
func (kl keyLines) find(k string) []string {
	var out []string
	for key := range kl {
		if indexRe.ReplaceAllString(key, "") == k {
			out = append(out, key)
		}
	}
	sortByLine(out, kl)
	return out
}

func sortByLine(keys []string, kl keyLines) {
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && kl[keys[j]] < kl[keys[j-1]]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
}
