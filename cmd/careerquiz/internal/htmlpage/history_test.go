package htmlpage

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func historyPage(t *testing.T, h History) (string, *node) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHistory(&buf, h); err != nil {
		t.Fatal(err)
	}
	checkStandAlone(t, buf.Bytes())
	return buf.String(), parsePage(t, buf.Bytes())
}

func TestHistoryPage(t *testing.T) {
	t.Run("moved between the last two", func(t *testing.T) {
		_, page := historyPage(t, historyFixture())
		got := page.byName("main")[0].Text()
		for _, want := range []string{
			"From attempt 3 (2026-11-07 18:30) to attempt 4 (2026-12-07 18:30). Verdict: Back-end engineer, moderate → Back-end engineer, clear.",
			"Back-end engineer 62% 72% +10",
			"Back-end developer 38% 28% -10",
			"4 2026-12-07 18:30 Back-end engineer, clear 72% 28%",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("page lacks %q:\n%s", want, got)
			}
		}
		// One line per path, one point per attempt.
		if n := len(page.byName("polyline")); n != 2 {
			t.Errorf("%d lines, want 2", n)
		}
		if n := len(page.byName("circle")); n != 8 {
			t.Errorf("%d points, want 8", n)
		}
	})
	t.Run("banks with other paths", func(t *testing.T) {
		h := historyFixture()
		h.Attempts = append(h.Attempts, Attempt{Bank: "Three ways", Paths: []PathShare{
			{ID: "engineer", Name: "Engineer", Share: 20}, {ID: "architect", Name: "Architect", Share: 80}}})
		_, page := historyPage(t, h)
		got := page.byName("main")[0].Text()
		for _, want := range []string{
			"Bank Verdict", // a bank column, since the banks differ
			"5 (not recorded) Three ways no verdict yet 20% – 80%",
			"Back-end developer 28% – –",
			"Architect – 80% –",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("page lacks %q:\n%s", want, got)
			}
		}
	})
	t.Run("one attempt", func(t *testing.T) {
		h := History{Attempts: historyFixture().Attempts[:1]}
		_, page := historyPage(t, h)
		if strings.Contains(page.Text(), "What moved") {
			t.Error("one attempt has nothing to compare, but the page says what moved")
		}
	})
	t.Run("none", func(t *testing.T) {
		_, page := historyPage(t, History{})
		if !strings.Contains(page.Text(), "No results kept yet.") {
			t.Errorf("page of no attempts: %s", page.Text())
		}
	})
	t.Run("escapes result files", func(t *testing.T) {
		const evil = `<script>alert("x")</script>`
		h := History{Attempts: []Attempt{{Taken: time.Now(), Bank: evil, Verdict: &Verdict{Path: evil, Name: evil, Strength: evil},
			Paths: []PathShare{{ID: evil, Name: evil, Share: 100}}}}}
		out, page := historyPage(t, h)
		if strings.Contains(out, "<script") || !strings.Contains(page.Text(), evil) {
			t.Errorf("result file text not escaped, or not shown:\n%s", out)
		}
	})
}
