package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// TestStatsFitTheWidth: the stats text is wrapped at the terminal's width,
// as history and compare are.
func TestStatsFitTheWidth(t *testing.T) {
	t.Parallel()
	r := cohort.New(twoPathBank()).Report()
	for _, width := range []int{60, 80, 120} {
		var buf bytes.Buffer
		if err := WriteStats(&buf, r, false, width); err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(buf.String(), "\n") {
			if n := textwrap.Width(l); n > width {
				t.Errorf("width %d: a line of %d cells: %q", width, n, l)
			}
		}
	}
}
