// Package termsafe makes text from files and from the command line safe to
// show in a terminal: text passes through Clean, so that no file can move the
// cursor, change colours or hide what is on screen, and file names in
// messages through Name, so that no name can forge a line of a message.
package termsafe

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Clean removes from s everything that could drive a terminal: escape
// sequences (CSI, OSC and the rest), other C0 and C1 control characters,
// DEL, and the Unicode bidirectional overrides that can hide or reorder
// text. Newlines are kept and tabs become spaces. Invalid UTF-8 becomes
// U+FFFD first: a file name need not be UTF-8, and a stray byte such as
// 0x9b is CSI to a terminal that reads bytes.
func Clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, removed) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; {
		case r == '\t':
			b.WriteByte(' ')
		case r == 0x1b || r == 0x9b || r == 0x9d:
			i = skipEscape(rs, i)
		case !removed(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// removed reports whether Clean removes r: a control character other than
// a newline, DEL, a C1 control, or a bidirectional control.
func removed(r rune) bool {
	return (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// skipEscape returns the index of the last rune of the escape sequence that
// starts at i.
func skipEscape(rs []rune, i int) int {
	r := rs[i]
	csi, osc := r == 0x9b, r == 0x9d
	if r == 0x1b && i+1 < len(rs) {
		switch rs[i+1] {
		case '[':
			csi, i = true, i+1
		case ']', 'P', '_', '^', 'X':
			osc, i = true, i+1
		default:
			// Any other sequence is ESC, intermediate bytes (0x20–0x2F) and
			// one final byte (0x30–0x7E): ESC c resets the terminal, ESC ( B
			// picks a character set. A lone ESC goes alone, so that the
			// text after it stays.
			j := i + 1
			for j < len(rs) && rs[j] >= 0x20 && rs[j] <= 0x2f {
				j++
			}
			if j < len(rs) && rs[j] >= 0x30 && rs[j] <= 0x7e {
				return j
			}
			return i
		}
	}
	switch {
	case csi:
		for j := i + 1; j < len(rs); j++ {
			if rs[j] >= 0x40 && rs[j] <= 0x7e {
				return j
			}
		}
		return len(rs) - 1
	case osc:
		for j := i + 1; j < len(rs); j++ {
			if rs[j] == 0x07 || rs[j] == 0x9c {
				return j
			}
			if rs[j] == 0x1b && j+1 < len(rs) && rs[j+1] == '\\' {
				return j + 1
			}
		}
		return len(rs) - 1
	}
	return i
}

// Name shows a file name or path in a message so that it reads as one name
// on its line and can never start a line of its own. A plain name comes back
// as it is (questions.toml, Récupérer.toml, C:\Users\ana\my.toml); a name
// that could not be read back exactly unquoted (empty, not UTF-8, holding a
// character that is not printable such as a newline, a space at either end,
// or a leading double quote) is quoted as Go quotes a string:
// "x\ncareerquiz: hint: …".
func Name(name string) string {
	if name != "" && name[0] != ' ' && name[0] != '"' && name[len(name)-1] != ' ' &&
		utf8.ValidString(name) && !strings.ContainsFunc(name, func(r rune) bool { return !strconv.IsPrint(r) }) {
		return name
	}
	return strconv.Quote(name)
}
