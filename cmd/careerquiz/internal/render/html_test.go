package render

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/cohort"
	"github.com/careerquiz/careerquiz/cmd/careerquiz/internal/result"
	"github.com/careerquiz/careerquiz/quiz"
	"github.com/careerquiz/careerquiz/scoring"
)

var htmlFixtures = flag.String("fixtures", "", "write kept results, a cohort and a bank of three paths into this folder, for .ci/browser to make pages of with the command")

// TestMain runs the tests in UTC: the pages give times in the local time
// zone, as history does, and the golden pages must not depend on where
// they are made.
func TestMain(m *testing.M) {
	time.Local = time.UTC
	os.Exit(m.Run())
}

// page is one page, made from the built-in bank and the fixtures.
type pageCase struct {
	name  string
	write func(t *testing.T) []byte
}

func pageCases() []pageCase {
	return []pageCase{
		{"page-report", func(t *testing.T) []byte {
			return htmlOf(t, answerSets[2].run(builtinBank(t), 1))
		}},
		{"page-report-three", func(t *testing.T) []byte {
			b := threeBank(t)
			return htmlOf(t, scoredRun(b, quiz.Answers{"plan": {Picks: []int{2}}, "scale": {Picks: []int{4}}, "team": {Picks: []int{1}}}))
		}},
		{"page-history", func(t *testing.T) []byte {
			var buf bytes.Buffer
			if err := WriteHistoryHTML(&buf, historyAttempts(t)); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
		{"page-stats", func(t *testing.T) []byte {
			b := builtinBank(t)
			var buf bytes.Buffer
			if err := WriteStatsHTML(&buf, cohortReport(b, 120), scoring.NewScorer(b).Bands().Slight); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}},
	}
}

func htmlOf(t testing.TB, r Run) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGoldenPages holds the pages to testdata/page-*.html; go test -update
// rewrites them.
func TestGoldenPages(t *testing.T) {
	for _, pc := range pageCases() {
		t.Run(pc.name, func(t *testing.T) {
			golden(t, pc.name+".html", pc.write(t))
		})
	}
}

// TestWriteHTMLFixtures writes what .ci/browser makes its pages of with
// the command itself: four kept results (results/), 120 results of a
// cohort (cohort.ndjson), and a result on a bank of three paths
// (three.toml, three.json). Without -fixtures it does nothing.
func TestWriteHTMLFixtures(t *testing.T) {
	dir := *htmlFixtures
	if dir == "" {
		t.Skip("no -fixtures folder")
	}
	for _, a := range historyAttempts(t) {
		if _, err := result.Save(filepath.Join(dir, "results"), a.Document, a.Taken); err != nil {
			t.Fatal(err)
		}
	}
	b := builtinBank(t)
	var ndjson bytes.Buffer
	for _, a := range cohortAnswers(b, 120) {
		line, err := result.Marshal(resultDoc(t, scoredRun(b, a)))
		if err != nil {
			t.Fatal(err)
		}
		ndjson.Write(append(line, '\n'))
	}
	three, err := os.ReadFile(filepath.Join("testdata", "three.toml"))
	if err != nil {
		t.Fatal(err)
	}
	tb := threeBank(t)
	threeDoc := resultJSON(t, scoredRun(tb, quiz.Answers{"plan": {Picks: []int{2}}, "scale": {Picks: []int{4}}, "team": {Picks: []int{1}}}))
	for name, data := range map[string][]byte{"cohort.ndjson": ndjson.Bytes(), "three.toml": three, "three.json": threeDoc} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPagesStandAlone checks what makes each page one file that opens with
// no network and reads well with assistive technology: nothing fetched,
// no script, the language, character set and viewport declared, headings
// in order, ids unique, and every chart either named and described or
// hidden beside its numbers.
func TestPagesStandAlone(t *testing.T) {
	for _, pc := range pageCases() {
		t.Run(pc.name, func(t *testing.T) {
			checkStandAlone(t, pc.write(t))
		})
	}
	// Every way of answering the built-in bank gives a page that stands
	// alone and stays small, and so does every hand-made run.
	b := builtinBank(t)
	for _, s := range answerSets {
		t.Run("report/"+s.name, func(t *testing.T) {
			checkStandAlone(t, htmlOf(t, s.run(b, 1)))
		})
	}
	for _, f := range fixtures() {
		t.Run("report/"+f.name, func(t *testing.T) {
			checkStandAlone(t, htmlOf(t, f.run))
		})
	}
}

// maxPage is the most a page of the built-in bank may weigh: small enough
// to send by email.
const maxPage = 100 << 10

func checkStandAlone(t *testing.T, out []byte) {
	t.Helper()
	if len(out) >= maxPage {
		t.Errorf("page is %d bytes, want under %d", len(out), maxPage)
	}
	lower := strings.ToLower(string(out))
	for _, bad := range []string{"http:", "https:", "<script", "<link", "<img", "<iframe", "@import", "url(", " src=", " href=", "javascript:"} {
		if strings.Contains(lower, bad) {
			t.Errorf("page holds %q", bad)
		}
	}
	if !strings.HasPrefix(lower, "<!doctype html>\n") {
		t.Errorf("page does not start with <!doctype html>")
	}
	page := parsePage(t, out)
	html := page.byName("html")
	if len(html) != 1 || html[0].attr["lang"] == "" {
		t.Errorf("no <html lang>")
	}
	var charset, viewport bool
	for _, m := range page.byName("meta") {
		charset = charset || strings.EqualFold(m.attr["charset"], "utf-8")
		viewport = viewport || (m.attr["name"] == "viewport" && strings.Contains(m.attr["content"], "width=device-width"))
	}
	if !charset || !viewport {
		t.Errorf("meta charset %v, viewport %v; want both", charset, viewport)
	}
	if titles := page.byName("title"); len(titles) == 0 || titles[0].Text() == "" {
		t.Errorf("no page title")
	}
	// Headings: one h1, first, and no level skipped on the way down.
	level := 0
	headings := page.all(func(n *node) bool {
		return len(n.name) == 2 && n.name[0] == 'h' && n.name[1] >= '1' && n.name[1] <= '6'
	})
	for i, h := range headings {
		l := int(h.name[1] - '0')
		if (i == 0) != (l == 1) || l > level+1 {
			t.Errorf("heading %d is <%s> %q after level %d", i+1, h.name, h.Text(), level)
		}
		level = l
	}
	ids := map[string]bool{}
	for _, n := range page.all(func(n *node) bool { return n.attr["id"] != "" }) {
		if ids[n.attr["id"]] {
			t.Errorf("id %q used twice", n.attr["id"])
		}
		ids[n.attr["id"]] = true
	}
	for _, svg := range page.byName("svg") {
		switch {
		case svg.attr["aria-hidden"] == "true":
		case svg.attr["role"] == "img" && svg.attr["aria-label"] != "":
		case svg.attr["role"] == "img" && svg.attr["aria-labelledby"] != "":
			for _, id := range strings.Fields(svg.attr["aria-labelledby"]) {
				if !ids[id] {
					t.Errorf("chart labelled by missing id %q", id)
				}
			}
		default:
			t.Errorf("chart with neither a text equivalent nor aria-hidden: %v", svg.attr)
		}
	}
}

// TestReportPageHoldsToJSON renders the page of answers of every kind and
// reads back from it the shares, the verdict, the confidence and the
// steps, which must be those of the JSON of the same answers.
func TestReportPageHoldsToJSON(t *testing.T) {
	b := builtinBank(t)
	for _, s := range answerSets {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%s/%d", s.name, seed), func(t *testing.T) {
				r := s.run(b, seed)
				var want result.Document
				if err := json.Unmarshal(resultJSON(t, r), &want); err != nil {
					t.Fatal(err)
				}
				page := parsePage(t, htmlOf(t, r))

				// Shares: the exact figure as the value of a <data>, and
				// the figure shown as every view shows it.
				shares := make([]float64, len(want.Paths))
				for i, p := range want.Paths {
					shares[i] = p.Share
				}
				shown := result.Shown(shares)
				sum := 0.0
				for i, p := range want.Paths {
					data := page.byID(t, "share-"+p.ID).byName("data")
					if len(data) != 1 {
						t.Fatalf("path %s: %d <data> elements, want 1", p.ID, len(data))
					}
					got, err := strconv.ParseFloat(data[0].attr["value"], 64)
					if err != nil || got != p.Share {
						t.Errorf("path %s: data value %q, want %v", p.ID, data[0].attr["value"], p.Share)
					}
					if data[0].Text() != percentText(shown[i]) {
						t.Errorf("path %s: shown %q, want %q", p.ID, data[0].Text(), percentText(shown[i]))
					}
					sum += shown[i]
				}
				if want.Recommendation != nil && math.Abs(sum-100) > 1e-9 {
					t.Errorf("shown shares add up to %v, want 100", sum)
				}

				// The verdict and its label, in the words every view uses.
				h1 := page.byName("h1")
				if len(h1) != 1 {
					t.Fatalf("%d h1, want 1", len(h1))
				}
				if got, verdict := h1[0].Text(), result.Verdict(want.Recommendation, want.Paths); got != verdict {
					t.Errorf("headline %q, want %q", got, verdict)
				}
				if rec := want.Recommendation; rec != nil && !rec.Tie && rec.Strength != scoring.Balanced &&
					!strings.Contains(h1[0].Text(), "("+string(rec.Strength)+")") {
					t.Errorf("headline %q does not give the label %s", h1[0].Text(), rec.Strength)
				}

				// Confidence: as many filled dots as tenths, and the same
				// natural frequency in the words beside them.
				dots := page.all(func(n *node) bool { return n.name == "circle" && n.hasClass("dot") })
				if want.Recommendation == nil {
					if len(dots) != 0 {
						t.Errorf("%d confidence dots without a recommendation", len(dots))
					}
				} else {
					tenths := int(math.Round(want.Confidence * 10))
					if len(dots) != tenths {
						t.Errorf("%d filled dots for confidence %v, want %d", len(dots), want.Confidence, tenths)
					}
					freq := fmt.Sprintf("about %d in 10", tenths)
					if want.Confidence >= 0.95 {
						freq = "more than 9 in 10"
					}
					if got := page.byID(t, "confidence").Text(); !strings.Contains(got, "("+freq) {
						t.Errorf("confidence %v worded %q, want %q in it", want.Confidence, got, freq)
					}
				}

				// Steps: every step of the document, in its order, with
				// its reason.
				var items []*node
				if len(want.Steps) > 0 {
					items = page.byID(t, "steps").byName("li")
				}
				if len(items) != len(want.Steps) {
					t.Fatalf("%d steps on the page, want %d", len(items), len(want.Steps))
				}
				for i, st := range want.Steps {
					got := items[i].Text()
					if !strings.Contains(got, oneSpace(st.Text)) || !strings.Contains(got, oneSpace(st.Why)) {
						t.Errorf("step %d reads %q, want %q and %q", i+1, got, st.Text, st.Why)
					}
				}

				// The date taken and the bank by its title, never its
				// digest.
				text := page.Text()
				if !strings.Contains(text, "taken 7 December 2026") || !strings.Contains(text, oneSpace(b.Title)) {
					t.Errorf("page does not give the date taken and the bank's title")
				}
				if strings.Contains(text, b.SHA256[:12]) {
					t.Errorf("page shows the bank's digest")
				}
			})
		}
	}
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestReportPageEscapesBankText puts markup, quotes and a link in every
// text a bank gives the page: it is shown as text, never obeyed.
func TestReportPageEscapesBankText(t *testing.T) {
	const evil = `<script>alert("x")</script> "quoted" & 'single' </style><a href="https://example.com">link</a>`
	b := *builtinBank(t)
	b.Title = evil
	r := answerSets[0].run(&b, 0)
	res := &r.Result
	for i := range res.Paths {
		res.Paths[i].Name = evil
	}
	res.Recommendation.Name = evil
	for i := range res.Steps {
		res.Steps[i].Text = evil
	}
	for i := range res.Toward {
		res.Toward[i].Text = evil
	}
	res.Salary = []string{evil}
	out := htmlOf(t, r)
	for _, bad := range []string{"<script", "</style><a", "<a href"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("page holds %q: bank text was not escaped", bad)
		}
	}
	page := parsePage(t, out)
	if got := page.byName("a"); len(got) != 0 {
		t.Errorf("page has %d links made from bank text", len(got))
	}
	if !strings.Contains(page.byID(t, "steps").Text(), evil) {
		t.Errorf("bank text not shown as it was written")
	}
}

func historyPageOf(t *testing.T, attempts []result.Attempt) (string, *node) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHistoryHTML(&buf, attempts); err != nil {
		t.Fatal(err)
	}
	checkStandAlone(t, buf.Bytes())
	return buf.String(), parsePage(t, buf.Bytes())
}

// The history page shows what history and compare show: the same verdict
// words, times and shares, and the same change between the last two.
func TestHistoryPage(t *testing.T) {
	attempts := historyAttempts(t)
	t.Run("moved between the last two", func(t *testing.T) {
		_, page := historyPageOf(t, attempts)
		got := page.byName("main")[0].Text()
		var text bytes.Buffer
		WriteHistory(&text, "/kept", attempts, ScreenWidth)
		c := result.Compare(&attempts[1], &attempts[0])
		wants := []string{attemptLine(&attempts[1]), attemptLine(&attempts[0])}
		for _, p := range c.Paths {
			wants = append(wants, fmt.Sprintf("%s %s %s %s", oneSpace(p.Name), figure(p.ShownA, true, "%"), figure(p.ShownB, true, "%"), changeText(p.ShownDelta())))
		}
		for _, a := range attempts {
			wants = append(wants, fmt.Sprintf("%d %s %s", a.Number, takenText(a.Taken), result.ShortVerdict(a.Recommendation, a.Paths)))
		}
		for _, want := range wants {
			if !strings.Contains(got, oneSpace(want)) {
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
		other := result.Attempt{Number: 1, Document: result.Document{Bank: result.Bank{Title: "Three ways", SHA256: "other"},
			Paths: []result.Path{{ID: "engineer", Name: "Engineer", Share: 20}, {ID: "architect", Name: "Architect", Share: 80}}}}
		more := append([]result.Attempt{other}, attempts...)
		for i := range more {
			more[i].Number = i + 1
		}
		_, page := historyPageOf(t, more)
		got := page.byName("main")[0].Text()
		for _, want := range []string{
			"Bank Verdict", // a bank column, since the banks differ
			"1 (not recorded) Three ways no recommendation yet 20% – 80%",
			"Architect – 80% –",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("page lacks %q:\n%s", want, got)
			}
		}
	})
	t.Run("one attempt", func(t *testing.T) {
		_, page := historyPageOf(t, attempts[:1])
		if strings.Contains(page.Text(), "What moved") {
			t.Error("one attempt has nothing to compare, but the page says what moved")
		}
	})
	t.Run("none", func(t *testing.T) {
		_, page := historyPageOf(t, nil)
		if !strings.Contains(page.Text(), "No results kept yet.") {
			t.Errorf("page of no attempts: %s", page.Text())
		}
	})
	t.Run("escapes result files", func(t *testing.T) {
		const evil = `<script>alert("x")</script>`
		a := result.Attempt{Number: 1, Taken: taken, Document: result.Document{Bank: result.Bank{Title: evil},
			Recommendation: &result.Recommendation{Path: evil, Name: evil, Strength: evil},
			Paths:          []result.Path{{ID: evil, Name: evil, Share: 100}}}}
		out, page := historyPageOf(t, []result.Attempt{a})
		if strings.Contains(out, "<script") || !strings.Contains(page.Text(), evil) {
			t.Errorf("result file text not escaped, or not shown:\n%s", out)
		}
	})
}

func statsPageOf(t *testing.T, r cohort.Report, slight float64) (string, *node) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteStatsHTML(&buf, r, slight); err != nil {
		t.Fatal(err)
	}
	checkStandAlone(t, buf.Bytes())
	return buf.String(), parsePage(t, buf.Bytes())
}

func TestStatsPage(t *testing.T) {
	b := builtinBank(t)
	slight := scoring.NewScorer(b).Bands().Slight
	t.Run("the text view's words and figures", func(t *testing.T) {
		for _, n := range []int{3, 120} {
			r := cohortReport(b, n)
			_, page := statsPageOf(t, r, slight)
			var txt bytes.Buffer
			if err := WriteStats(&txt, r, false, ScreenWidth); err != nil {
				t.Fatal(err)
			}
			text := oneSpace(page.Text())
			view := oneSpace(txt.String())
			for _, sn := range []string{completeText(r), alphaText(r), flagsLead(r)} {
				if !strings.Contains(text, oneSpace(sn)) || !strings.Contains(view, oneSpace(sn)) {
					t.Errorf("%d people: %q is not on both the page and the text view", n, sn)
				}
			}
			for _, q := range r.Questions {
				if q.ItemRest != nil && (!strings.Contains(text, q.ID) || !strings.Contains(text, itemRestText(r, q))) {
					t.Errorf("question %s and its item-rest %s not on the page", q.ID, itemRestText(r, q))
				}
			}
		}
	})
	t.Run("every person is in one row of how they leaned", func(t *testing.T) {
		r := cohortReport(b, 120)
		// Some ties and some with no recommendation, taken from the first
		// path, so the rows still add up to everyone.
		r.Ties, r.NoRecommendation = 7, 5
		r.Paths[0].Recommended -= 12
		_, page := statsPageOf(t, r, slight)
		table := page.byName("table")[0]
		sum, rows := 0, 0
		for _, tr := range table.byName("tr") {
			cells := tr.all(func(n *node) bool { return n.name == "td" && n.hasClass("n") })
			if len(cells) == 0 {
				continue
			}
			n, err := strconv.Atoi(cells[0].Text())
			if err != nil {
				t.Fatal(err)
			}
			sum, rows = sum+n, rows+1
		}
		if sum != r.People || rows != len(r.Paths)+2 {
			t.Errorf("%d rows count %d people, want %d rows for %d", rows, sum, len(r.Paths)+2, r.People)
		}
		if !strings.Contains(page.Text(), tieRow) {
			t.Errorf("no %q row on the page", tieRow)
		}
	})
	t.Run("histogram holds the report's figures", func(t *testing.T) {
		r := cohortReport(b, 120)
		_, page := statsPageOf(t, r, slight)
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
	})
	t.Run("three paths, one histogram each", func(t *testing.T) {
		tb := threeBank(t)
		c := cohort.New(tb)
		for i := range 5 {
			a := quiz.Answers{"plan": {Picks: []int{i % 3}}, "scale": {Picks: []int{i % 5}}, "team": {Picks: []int{(i + 1) % 3}}}
			c.Add(a, scoring.Score(tb, a))
		}
		_, page := statsPageOf(t, c.Report(), 5)
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
		out, page := statsPageOf(t, r, slight)
		if strings.Contains(out, "<script") || !strings.Contains(page.Text(), evil) {
			t.Errorf("bank text not escaped, or not shown")
		}
	})
}

// TestPageThemesAsTheTextReport: a theme that rests on fewer than two
// answers that took a side has no bar on the page, and says why in the
// words of the text report, which a 100-to-0 bar would overstate.
func TestPageThemesAsTheTextReport(t *testing.T) {
	t.Parallel()
	r := clearRun()
	page := parsePage(t, htmlOf(t, r))
	for _, th := range r.Result.Themes {
		note := thinTheme(r.Result, th)
		for _, row := range page.byName("tr") {
			th0 := row.byName("th")
			if len(th0) == 0 || th0[0].Text() != th.Name {
				continue
			}
			bars := len(row.byName("svg"))
			switch {
			case note == "" && bars != 1:
				t.Errorf("theme %s: %d bars, want 1", th.Name, bars)
			case note != "" && (bars != 0 || !strings.Contains(row.Text(), note)):
				t.Errorf("theme %s: %d bars and %q, want none and %q", th.Name, bars, row.Text(), note)
			}
		}
	}
}
