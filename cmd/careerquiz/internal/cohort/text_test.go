package cohort_test

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/render"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

// The text report fits 80 columns, shows one split for two paths and one
// per path for more, and gives every path's own alpha when there are more
// than two.
func TestWriteStats(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		three bool
		want  []string
		not   []string
	}{
		{"two paths", false,
			[]string{"How they leaned", "Share of Back-end engineer (people with a recommendation)", "Cronbach's alpha 0.", "Questions to look at"},
			[]string{"Share of Back-end developer", "points alone"}},
		{"three paths", true,
			[]string{"Share of engineer", "Share of developer", "Share of architect", "on architect's points alone: 0."},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := cohort.Builtin(t)
			if tc.three {
				b = cohort.ThreePaths(t)
			}
			as, rs := cohort.CohortOf(b, 200, 0.01, 4)
			c := cohort.New(b)
			for i := range as {
				c.Add(as[i], rs[i])
			}
			var out bytes.Buffer
			if err := render.WriteStats(&out, c.Report(), false, render.ScreenWidth); err != nil {
				t.Fatal(err)
			}
			text := out.String()
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("no %q in\n%s", w, text)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(text, w) {
					t.Errorf("%q in\n%s", w, text)
				}
			}
			for _, line := range strings.Split(text, "\n") {
				if n := utf8.RuneCountInString(line); n > render.ScreenWidth {
					t.Errorf("%d columns: %q", n, line)
				}
				if strings.TrimRight(line, " ") != line {
					t.Errorf("trailing spaces: %q", line)
				}
				if strings.Contains(line, "\x1b") {
					t.Errorf("an escape without colour: %q", line)
				}
			}
		})
	}
}

// Bank text reaches the terminal without control characters.
func TestWriteStatsCleansBankText(t *testing.T) {
	t.Parallel()
	b := cohort.Builtin(t)
	b.Title = "Evil\x1b]0;owned\x07 bank"
	b.Paths[0].Name = "Eng\x1b[2Jineer"
	c := cohort.New(b)
	as, rs := cohort.CohortOf(b, 30, 0, 2)
	for i := range as {
		c.Add(as[i], rs[i])
	}
	var out bytes.Buffer
	if err := render.WriteStats(&out, c.Report(), false, render.ScreenWidth); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(out.String(), "\x1b\x07") {
		t.Errorf("control characters reach the terminal:\n%q", out.String())
	}
}

// Enough people who all answered alike give no alpha, and the report says
// why rather than asking for more people.
func TestWriteStatsSameTotals(t *testing.T) {
	t.Parallel()
	b := cohort.Builtin(t)
	same := quiz.Answers{}
	for _, q := range b.Questions {
		same[q.ID] = quiz.Answer{Picks: []int{0}}
	}
	c := cohort.New(b)
	for range cohort.ReliabilityMin {
		c.Add(same, scoring.Score(b, same))
	}
	var out bytes.Buffer
	if err := render.WriteStats(&out, c.Report(), false, render.ScreenWidth); err != nil {
		t.Fatal(err)
	}
	if want := "all have the same total"; !strings.Contains(out.String(), want) {
		t.Errorf("no %q in\n%s", want, out.String())
	}
	if strings.Contains(out.String(), "too few") {
		t.Errorf("%d people called too few:\n%s", cohort.ReliabilityMin, out.String())
	}
}

func init() {
	cohort.WriteText = func(w io.Writer, r cohort.Report, color bool) error {
		return render.WriteStats(w, r, color, render.ScreenWidth)
	}
}
