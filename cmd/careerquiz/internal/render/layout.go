package render

import (
	"strconv"
	"strings"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// ScreenWidth is the width of views for a stream with no width of its own
// (a file, a pipe): they must read well on an 80×24 terminal.
const ScreenWidth = 80

// pad fills s with spaces to n cells.
func pad(s string, n int) string { return s + strings.Repeat(" ", max(0, n-textwrap.Width(s))) }

// padCut is pad for a column: s shortened to n cells if need be.
func padCut(s string, n int) string { return pad(textwrap.Truncate(s, n), n) }

// Count says how many of a thing there are: "1 theme", "3 themes".
func Count(n int, one string) string { return strconv.Itoa(n) + " " + one + plural(n) }

// plural is the s of a plural noun after n.
func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
