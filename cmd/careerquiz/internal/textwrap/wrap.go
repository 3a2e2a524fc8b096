// Package textwrap fits text to a terminal's width. Every part of the
// command that prints prose (the opening screen, the askers, the report)
// wraps with it, so lines break the same way everywhere.
package textwrap

import (
	"strings"

	"github.com/rivo/uniseg"
)

// Width is the number of terminal cells s takes: a Chinese character or an
// emoji takes two, a combining accent none.
func Width(s string) int { return uniseg.StringWidth(s) }

// Wrap breaks s into lines of at most width cells, at spaces where it can;
// a word longer than width is cut. Newlines in s start new lines, and blank
// lines are kept as paragraph breaks. Every line gets indent in front, and
// the indent counts towards the width.
func Wrap(s string, width int, indent string) []string {
	avail := max(width-Width(indent), 1)
	var out []string
	for _, para := range strings.Split(s, "\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		// n is the width of line so far; a line with text of no width
		// (a control character) is not empty.
		var line strings.Builder
		n := 0
		flush := func() {
			out = append(out, indent+line.String())
			line.Reset()
			n = 0
		}
		for _, w := range words {
			wn := Width(w)
			for wn > avail {
				if line.Len() > 0 {
					flush()
				}
				head, rest := cut(w, avail)
				line.WriteString(head)
				flush()
				w, wn = rest, Width(rest)
			}
			if line.Len() > 0 && n+1+wn > avail {
				flush()
			}
			if line.Len() > 0 {
				line.WriteByte(' ')
				n++
			}
			line.WriteString(w)
			n += wn
		}
		if line.Len() > 0 {
			flush()
		}
	}
	// Trailing blank lines come from trailing newlines in s and would only
	// push the next thing down.
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	return out
}

// Hanging is Wrap with first in front of the first line instead of indent,
// which is as wide: a list item, a label, a letter.
func Hanging(first, indent, s string, width int) []string {
	lines := Wrap(s, width, indent)
	if len(lines) > 0 {
		lines[0] = first + strings.TrimPrefix(lines[0], indent)
	}
	return lines
}

// String is Wrap joined with newlines, without a final newline.
func String(s string, width int, indent string) string {
	return strings.Join(Wrap(s, width, indent), "\n")
}

// Truncate shortens s to at most width cells, ending it with "…" when cut.
func Truncate(s string, width int) string {
	if Width(s) <= width {
		return s
	}
	if width < 1 {
		return ""
	}
	head, _ := cut(s, width-1)
	return head + "…"
}

// cut splits s after as many whole characters as fit in n cells, and
// after the first one at least (for n above 0), so that a line always
// moves on.
func cut(s string, n int) (string, string) {
	g := uniseg.NewGraphemes(s)
	end, used := 0, 0
	for g.Next() {
		from, to := g.Positions()
		w := g.Width()
		if used+w > n && (from > 0 || n < 1) {
			break
		}
		end, used = to, used+w
	}
	return s[:end], s[end:]
}
