package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/textwrap"
)

// TestWideTextFitsInCells: a bank in Chinese, or with emoji, takes two
// cells a character; the report is laid out in cells, so no line of it is
// wider than the terminal, and the bars and tables still line up.
func TestWideTextFitsInCells(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, path, theme, answer string }{
		{"Chinese", "后端工程师", "系统设计与架构", "重新设计系统，让它能够承受更多的流量和更多的用户"},
		{"emoji", "🚀 Back-end engineer 🚀", "🔒 Security 🔒🔒", "🛠️ Fix it now 🛠️ and 🧪 test it 🧪 before 🚢 shipping 🚢 it again 🎉🎉🎉"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := clearRun()
			r.Result.Paths[0].Name = tc.path
			r.Result.Recommendation.Name = tc.path
			r.Result.Themes[0].Name = tc.theme
			r.Result.Toward[0].Answer = tc.answer
			for _, width := range []int{40, 60, 80} {
				var buf bytes.Buffer
				if err := WriteText(&buf, r, Options{Width: width}); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(buf.String(), tc.path) {
					t.Fatalf("the path's name is not shown whole:\n%s", buf.String())
				}
				for _, line := range strings.Split(buf.String(), "\n") {
					if n := textwrap.Width(line); n > width {
						t.Errorf("width %d: a line of %d cells: %q", width, n, line)
					}
				}
			}
		})
	}
}
