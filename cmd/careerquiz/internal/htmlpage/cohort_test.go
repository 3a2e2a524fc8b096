package htmlpage

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

func cohortPage(t *testing.T, r cohort.Report, o CohortOptions) (string, *node) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCohort(&buf, r, o); err != nil {
		t.Fatal(err)
	}
	checkStandAlone(t, buf.Bytes())
	return buf.String(), parsePage(t, buf.Bytes())
}

func TestCohortPage(t *testing.T) {
	b := builtinBank(t)
	slight := scoring.NewScorer(b).Bands().Slight
	t.Run("histogram and table hold the report's figures", func(t *testing.T) {
		r := cohortReport(b, 120)
		_, page := cohortPage(t, r, CohortOptions{Slight: slight})
		// Two paths: one histogram, of the first path's share, with one bar
		// per bin and the balanced band.
		hist := page.all(func(n *node) bool { return n.name == "svg" && n.attr["role"] == "img" })
		if len(hist) != 1 {
			t.Fatalf("%d histograms, want 1", len(hist))
		}
		bars := hist[0].all(func(n *node) bool { return n.name == "rect" && n.hasClass("c0") })
		if len(bars) != len(r.Paths[0].Split) {
			t.Errorf("%d bars, want %d", len(bars), len(r.Paths[0].Split))
		}
		if len(hist[0].all(func(n *node) bool { return n.hasClass("band") })) != 1 {
			t.Errorf("histogram has no balanced band")
		}
		desc := hist[0].byName("desc")[0].Text()
		for i, n := range r.Paths[0].Split {
			if got := strings.TrimSuffix(strings.Fields(desc)[2*i+1], ";"); got != strconv.Itoa(n) {
				t.Errorf("bin %d described as %q, want %d", i, got, n)
			}
		}
		// A row per question with its item–rest and a bar.
		text := oneSpace(page.Text())
		for _, q := range r.Questions {
			if q.ItemRest == nil {
				continue
			}
			if !strings.Contains(text, q.ID) || !strings.Contains(text, figure(q.ItemRest)) {
				t.Errorf("question %s and its item-rest %s not on the page", q.ID, figure(q.ItemRest))
			}
		}
	})
	t.Run("three paths, one histogram each", func(t *testing.T) {
		tb := threeBank(t)
		c := cohort.New(tb)
		for i := range 5 {
			a := quiz.Answers{"plan": {Picks: []int{i % 3}}, "scale": {Picks: []int{i % 5}}, "team": {Picks: []int{(i + 1) % 3}}}
			c.Add(a, scoring.Score(tb, a))
		}
		_, page := cohortPage(t, c.Report(), CohortOptions{Slight: 5})
		hist := page.all(func(n *node) bool { return n.name == "svg" && n.attr["role"] == "img" })
		if len(hist) != 3 {
			t.Fatalf("%d histograms, want 3", len(hist))
		}
		if len(page.all(func(n *node) bool { return n.hasClass("band") })) != 0 {
			t.Errorf("a balanced band drawn for three paths, where no share of 50 means balanced")
		}
	})
	t.Run("escapes bank text", func(t *testing.T) {
		r := cohortReport(b, 5)
		const evil = `<script>alert("x")</script>`
		r.Bank.Title = evil
		r.Paths[0].Name = evil
		r.Flags = append(r.Flags, cohort.Flag{Question: evil, Message: evil, Try: evil})
		out, page := cohortPage(t, r, CohortOptions{Slight: slight})
		if strings.Contains(out, "<script") || !strings.Contains(page.Text(), evil) {
			t.Errorf("bank text not escaped, or not shown")
		}
	})
}
